import { describe, expect, test } from 'bun:test'
import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { loadTaskPackage, validateTaskDir } from '../../src/tasks/index.ts'
import { classicFiles, makeTaskDir } from './temp-task-dir.ts'

const FIXTURES = resolve(import.meta.dir, '../fixtures/packages')

const readJson = async (path: string): Promise<unknown> => Bun.file(path).json()

describe('validateTaskDir', () => {
  test('passes the committed fixtures with no problems and no warnings', async () => {
    for (const name of ['classic-echo', 'yaml-greet']) {
      expect(await validateTaskDir(join(FIXTURES, name))).toMatchObject({ ok: true, problems: [], warnings: [], fixed: [], loaded: { dir: join(FIXTURES, name) } })
    }
  })

  test('reports the same problems as loadTaskPackage', async () => {
    const dir = await makeTaskDir(classicFiles({ 'main.js': 'function main( {\n' }))
    const result = await validateTaskDir(dir)
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([expect.objectContaining({ file: 'main.js', message: expect.stringContaining('syntax error at line 1') })])
  })

  test('reports test inputs that do not match the input schema, with each offending path', async () => {
    const dir = await makeTaskDir(
      classicFiles({
        'tests/basic.json': { name: 'wrong type', input: { n: 'two', extra: true } },
        'tests/missing.json': { input: {} },
        'tests/negative.json': { name: 'rejects bad input', input: { n: 'x' }, should_fail: true },
      }),
    )
    const result = await validateTaskDir(dir)
    expect(result.ok).toBe(false)
    expect(result.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'tests/basic.json: test "wrong type": input does not match the input schema: input.n: must be number',
      "tests/missing.json: test \"missing\": input does not match the input schema: input: must have required property 'n'",
    ])
    // loadTaskPackage does not run this check: the package itself is well-formed.
    expect((await loadTaskPackage(dir)).tests).toHaveLength(3)
  })

  test('reports expected outputs that the output schema rejects', async () => {
    const dir = await makeTaskDir(classicFiles({ 'tests/basic.json': { input: { n: 1 }, expected_output: { doubled: 'two' } } }))
    const result = await validateTaskDir(dir)
    expect(result.problems.map((p) => p.message)).toEqual([
      'test "basic": expected output does not match the output schema: expected_output.doubled: must be number',
    ])
  })

  test('warns about missing tests and schemas without failing', async () => {
    const dir = await makeTaskDir(classicFiles({ 'tests/basic.json': undefined, 'input.schema.json': undefined, 'output.schema.json': undefined }))
    const result = await validateTaskDir(dir)
    expect(result.ok).toBe(true)
    expect(result.problems).toEqual([])
    expect(result.warnings.map((w) => w.file)).toEqual(['tests/', 'input.schema.json', 'output.schema.json'])
    expect(result.warnings[0].hint).toContain('--fix')
  })

  test('an unknown test-case key is a warning that suggests the key it misspells', async () => {
    const dir = await makeTaskDir(
      classicFiles({
        'tests/basic.json': { input: { n: 2 }, expect_output: { doubled: 5 } },
        'tests/extra.json': { input: { n: 1 }, expected_output: { doubled: 2 }, assertions: [{ path: 'doubled' }], tags: ['smoke'], timeout: 5 },
      }),
    )
    const result = await validateTaskDir(dir)
    expect(result.ok).toBe(true)
    expect(result.warnings.map((w) => `${w.file}: ${w.message}`)).toEqual([
      'tests/basic.json: unknown key "expect_output" is ignored; did you mean expected_output?',
      'tests/extra.json: "assertions" is accepted but not evaluated: ratchet only compares expected_output (and checks should_fail)',
      'tests/extra.json: unknown key "timeout" is ignored',
    ])
    expect(result.warnings[0].hint).toBe('Rename it to "expected_output".')
  })

  test('an unknown key in an inline meta.yaml test case names the case', async () => {
    const dir = await makeTaskDir({
      'meta.yaml': 'name: y\nversion: "1"\ntest_cases:\n  - input: {}\n    shouldFail: true\n',
      'task.js': 'export const main = (input) => input\n',
    })
    const result = await validateTaskDir(dir)
    expect(result.warnings.map((w) => `${w.file}: ${w.message}`)).toContain('meta.yaml: test_cases[0]: unknown key "shouldFail" is ignored; did you mean should_fail?')
  })

  test('--fix writes missing metadata, schemas and an example test, then a second validate passes', async () => {
    const dir = await makeTaskDir({ 'main.js': 'function main(input) {\n  return input\n}\n' }, 'My Fancy Task!')
    const before = await validateTaskDir(dir)
    expect(before.ok).toBe(false)
    expect(before.problems.map((p) => p.file)).toEqual(['metadata.json'])

    const fixed = await validateTaskDir(dir, { fix: true })
    expect(fixed.fixed).toEqual(['metadata.json', 'input.schema.json', 'output.schema.json', 'tests/test-001.json'])
    expect(fixed).toMatchObject({ ok: true, problems: [], warnings: [] })
    expect(await readJson(join(dir, 'metadata.json'))).toEqual({ name: 'My-Fancy-Task', version: '1.0.0', description: '' })
    expect(await readJson(join(dir, 'input.schema.json'))).toEqual({ type: 'object' })
    expect(await readJson(join(dir, 'output.schema.json'))).toEqual({ type: 'object' })
    expect(await readJson(join(dir, 'tests/test-001.json'))).toEqual({ name: 'example', input: {} })

    expect(await validateTaskDir(dir)).toEqual({ ok: true, problems: [], warnings: [], fixed: [], loaded: { name: 'My-Fancy-Task', dir, layout: 'metadata.json' } })
    expect((await loadTaskPackage(dir)).name).toBe('My-Fancy-Task')
  })

  test('--fix never overwrites existing files and fills the example input from the input schema', async () => {
    const metadata = '{ "name": "kept", "version": "9.9.9" }\n'
    const dir = await makeTaskDir(
      classicFiles({
        'metadata.json': metadata,
        'tests/basic.json': undefined,
        'output.schema.json': undefined,
        'input.schema.json': {
          $defs: { who: { type: 'object', properties: { email: { type: 'string', format: 'email' } }, required: ['email'] } },
          type: 'object',
          properties: { n: { type: 'integer', minimum: 2 }, who: { $ref: '#/$defs/who' }, mode: { enum: ['fast', 'slow'] } },
          required: ['n', 'who', 'mode'],
        },
      }),
    )
    const result = await validateTaskDir(dir, { fix: true })
    expect(result.fixed).toEqual(['output.schema.json', 'tests/test-001.json'])
    expect(await Bun.file(join(dir, 'metadata.json')).text()).toBe(metadata)
    expect(await readJson(join(dir, 'tests/test-001.json'))).toEqual({
      name: 'example',
      input: { n: 2, who: { email: 'user@example.com' }, mode: 'fast' },
    })
    expect(result.ok).toBe(true)
  })

  test('--fix on a meta.yaml task writes only what the yaml does not declare', async () => {
    const dir = await makeTaskDir({
      'meta.yaml': 'name: y\nversion: "1"\ninputs:\n  a: { type: string, required: true }\n',
      'task.js': 'export const main = (input) => input\n',
    })
    const result = await validateTaskDir(dir, { fix: true })
    expect(result.fixed).toEqual(['output.schema.json', 'tests/test-001.json'])
    expect(await readJson(join(dir, 'tests/test-001.json'))).toEqual({ name: 'example', input: { a: '' } })
    expect(await readdir(dir)).not.toContain('metadata.json')
    expect(result).toMatchObject({ ok: true, warnings: [] })
  })

  test('--fix on a folder that does not exist writes nothing', async () => {
    const result = await validateTaskDir('/nonexistent/ratchet/task', { fix: true })
    expect(result.fixed).toEqual([])
    expect(result.ok).toBe(false)
    expect(result.warnings).toEqual([])
  })
})
