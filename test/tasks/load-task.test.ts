import { describe, expect, test } from 'bun:test'
import { symlink } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { AppError } from '../../src/errors.ts'
import { isTaskDir, loadTaskPackage } from '../../src/tasks/index.ts'
import type { TaskProblem } from '../../src/tasks/index.ts'
import { classicFiles, makeTaskDir } from './temp-task-dir.ts'

const FIXTURES = resolve(import.meta.dir, '../fixtures/packages')

async function loadError(dir: string): Promise<{ error: AppError; problems: TaskProblem[] }> {
  try {
    await loadTaskPackage(dir)
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    return { error, problems: (error.data?.problems ?? []) as TaskProblem[] }
  }
  throw new Error(`expected ${dir} to be rejected`)
}

describe('loadTaskPackage: valid packages', () => {
  test('loads the classic metadata.json layout with schemas, tests and mocks', async () => {
    const dir = join(FIXTURES, 'classic-echo')
    const pkg = await loadTaskPackage(dir)
    expect(pkg).toMatchObject({
      name: 'classic-echo',
      version: '1.2.0',
      description: 'Echoes a message, optionally fetching a suffix',
      tags: ['sample', 'echo'],
      uuid: '5d7c1f0e-0000-4000-8000-000000000001',
      category: 'utility',
      dir,
      entryFile: join(dir, 'main.js'),
      layout: 'metadata.json',
    })
    expect(pkg.code).toContain('module.exports = { main }')
    expect(pkg.inputSchema).toMatchObject({ required: ['message'] })
    expect(pkg.metadata.label).toBe('classic-echo')
    expect(pkg.checksum).toMatch(/^[0-9a-f]{64}$/)
    expect(pkg.tests.map((t) => t.name)).toEqual(['001-plain', 'appends the fetched suffix', 'rejects an empty message'])
    const [plain, fetched, failing] = pkg.tests
    expect(plain).toEqual({
      name: '001-plain',
      description: 'returns the message unchanged',
      input: { message: 'hi' },
      hasExpected: true,
      expectedOutput: { message: 'hi' },
      shouldFail: false,
      mockHttp: [],
      file: join(dir, 'tests/001-plain.json'),
    })
    expect(fetched.expectedOutput).toEqual({ message: 'hi!' })
    expect(fetched.mockHttp).toEqual([
      {
        url: 'https://api.example.com/suffix',
        method: 'GET',
        response: { status: 200, headers: { 'content-type': 'application/json' }, body: { suffix: '!' } },
      },
    ])
    expect(failing).toMatchObject({ shouldFail: true, hasExpected: false })
    expect(failing.expectedOutput).toBeUndefined()
  })

  test('loads the meta.yaml layout with field maps, an entrypoint and inline test cases', async () => {
    const dir = join(FIXTURES, 'yaml-greet')
    const pkg = await loadTaskPackage(dir)
    expect(pkg).toMatchObject({ name: 'yaml-greet', version: '2.0.1', layout: 'meta.yaml', tags: ['greeting'], entryFile: join(dir, 'task.js') })
    expect(pkg.inputSchema).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', description: 'Who to greet' },
        excited: { type: 'boolean', description: 'Add an exclamation mark' },
      },
      required: ['name'],
    })
    expect(pkg.outputSchema).toEqual({ type: 'object', properties: { greeting: { type: 'string' } }, required: ['greeting'] })
    expect(pkg.tests.map((t) => [t.name, t.file])).toEqual([
      ['greets plainly', join(dir, 'meta.yaml')],
      ['case-2', join(dir, 'meta.yaml')],
      ['greets from a test file', join(dir, 'tests/from-file.json')],
    ])
    expect(pkg.tests[1].expectedOutput).toEqual({ greeting: 'Hello, Bob!' })
  })

  test('accepts full input_schema/output_schema in meta.yaml and defaults the entrypoint to task.js', async () => {
    const dir = await makeTaskDir({
      'meta.yaml': 'name: typed\nversion: "1"\ninput_schema:\n  type: object\n  properties:\n    when: { type: string, format: date-time }\n',
      'task.js': 'module.exports = function main(input) { return input }\n',
    })
    const pkg = await loadTaskPackage(dir)
    expect(pkg.entryFile).toBe(join(dir, 'task.js'))
    expect(pkg.inputSchema).toEqual({ type: 'object', properties: { when: { type: 'string', format: 'date-time' } } })
    expect(pkg.outputSchema).toBeNull()
    expect(pkg.description).toBe('')
    expect(pkg.tags).toEqual([])
  })

  test('treats missing schema files as null schemas', async () => {
    const dir = await makeTaskDir(classicFiles({ 'input.schema.json': undefined, 'output.schema.json': undefined }))
    const pkg = await loadTaskPackage(dir)
    expect(pkg.inputSchema).toBeNull()
    expect(pkg.outputSchema).toBeNull()
  })

  test('gives the same checksum for the same content and a new one when the code changes', async () => {
    const a = await loadTaskPackage(await makeTaskDir(classicFiles()))
    const b = await loadTaskPackage(await makeTaskDir(classicFiles({ 'metadata.json': '{"version":"1.0.0","description":"a sample task","name":"sample"}' })))
    const c = await loadTaskPackage(await makeTaskDir(classicFiles({ 'main.js': 'function main(input) {\n  return { doubled: input.n + input.n }\n}\n' })))
    expect(b.checksum).toBe(a.checksum)
    expect(c.checksum).not.toBe(a.checksum)
  })

  test('recognises task folders', async () => {
    expect(await isTaskDir(join(FIXTURES, 'classic-echo'))).toBe(true)
    expect(await isTaskDir(join(FIXTURES, 'yaml-greet'))).toBe(true)
    expect(await isTaskDir(FIXTURES)).toBe(false)
    // A metadata file makes a task folder even without its code file, so loading can report the missing file.
    expect(await isTaskDir(await makeTaskDir({ 'metadata.json': { name: 'x', version: '1' } }))).toBe(true)
    expect(await isTaskDir(await makeTaskDir({ 'main.js': 'function main() {}\n' }))).toBe(false)
  })
})

describe('loadTaskPackage: invalid packages', () => {
  test('reports bad JSON with the file, line and column, and keeps the absolute dir in data', async () => {
    const dir = await makeTaskDir(classicFiles({ 'metadata.json': '{\n  "name": "x",\n  "version": 1.0.0\n}\n' }))
    const { error, problems } = await loadError(dir)
    expect(error.code).toBe('TASK_INVALID')
    expect(error.data?.dir).toBe(dir)
    expect(problems).toEqual([
      { file: 'metadata.json', message: "invalid JSON at line 3, column 17: expected ',' or '}' but found \".\"", hint: 'Fix the JSON syntax.' },
    ])
    expect(error.message).toContain(dir)
    expect(error.message).toContain('metadata.json: invalid JSON at line 3, column 17')
    expect(error.hint).toContain('validate --from-fs')
  })

  test('lists every problem, not just the first', async () => {
    const dir = await makeTaskDir({
      'metadata.json': { description: 42 },
      'input.schema.json': { type: 'bogus' },
      'output.schema.json': '{ "type": "object", }',
      'tests/a.json': { expected_output: 1 },
      'tests/b.json': '[1, 2',
    })
    const { problems } = await loadError(dir)
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'metadata.json: "name" is missing',
      'metadata.json: "version" is missing',
      'metadata.json: "description" must be a string, got number 42',
      'main.js: missing code file main.js',
      'input.schema.json: invalid JSON Schema at #/type: unknown type "bogus" (expected one of null, boolean, object, array, number, integer, string)',
      "output.schema.json: invalid JSON at line 1, column 21: trailing comma before '}'",
      'tests/a.json: "input" is missing',
      "tests/b.json: invalid JSON at line 1, column 6: expected ',' or ']' but found end of file",
    ])
  })

  test('a code file that is a folder or a dangling symlink is reported with the reason', async () => {
    const folder = await makeTaskDir(classicFiles({ 'main.js': undefined, 'main.js/x.js': 'function main() {}\n' }))
    expect((await loadError(folder)).problems).toEqual([
      expect.objectContaining({ file: 'main.js', message: 'the code file main.js is a folder, not a file' }),
    ])
    const dangling = await makeTaskDir(classicFiles({ 'main.js': undefined }))
    await symlink(join(dangling, 'nowhere.js'), join(dangling, 'main.js'))
    expect((await loadError(dangling)).problems).toEqual([
      expect.objectContaining({ file: 'main.js', message: `the code file main.js is a symbolic link to ${join(dangling, 'nowhere.js')}, which does not exist` }),
    ])
  })

  test('reports a missing metadata file', async () => {
    const { problems } = await loadError(await makeTaskDir({ 'main.js': 'function main() {}\n' }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: 'metadata.json', message: 'missing metadata file: neither metadata.json nor meta.yaml exists' })
  })

  test('reports a missing folder', async () => {
    const { problems } = await loadError('/nonexistent/ratchet/task')
    expect(problems[0].message).toBe('task folder /nonexistent/ratchet/task does not exist or is not a folder')
  })

  test('rejects names that cannot be used in URIs and tool names', async () => {
    const dir = await makeTaskDir(classicFiles({ 'metadata.json': { name: 'my task/v2', version: '1.0.0' } }))
    const { problems } = await loadError(dir)
    expect(problems[0].file).toBe('metadata.json')
    expect(problems[0].message).toStartWith('invalid name "my task/v2": names must match')
  })

  test('rejects an unquoted YAML version that parsed as a number', async () => {
    const dir = await makeTaskDir({ 'meta.yaml': 'name: t\nversion: 1.0\n', 'task.js': 'function main() {}\n' })
    const { problems } = await loadError(dir)
    expect(problems).toEqual([{ file: 'meta.yaml', message: '"version" must be a non-empty string, got number 1', hint: 'Quote the version, e.g. version: "1.0".' }])
  })

  test('reports a syntax error with the file and line', async () => {
    const dir = await makeTaskDir(classicFiles({ 'main.js': 'function main(input) {\n  const x = ;\n  return x\n}\n' }))
    const { problems } = await loadError(dir)
    expect(problems).toHaveLength(1)
    expect(problems[0].file).toBe('main.js')
    expect(problems[0].message).toContain('syntax error at line 2')
    expect(problems[0].message).toContain('const x = ;')
  })

  test('reports an import statement with its line and the globals to use instead', async () => {
    const dir = await makeTaskDir(classicFiles({ 'main.js': '// fetch helper\nimport axios from "axios"\nexport function main() {}\n' }))
    const { problems } = await loadError(dir)
    expect(problems[0].file).toBe('main.js')
    expect(problems[0].message).toContain('line 2 imports "axios"')
    expect(problems[0].hint).toContain('fetch, console and context as globals')
  })

  test('reports a missing entrypoint named by meta.yaml', async () => {
    const { problems } = await loadError(await makeTaskDir({ 'meta.yaml': 'name: t\nversion: "1"\nentrypoint: src/run.js\n' }))
    expect(problems).toEqual([expect.objectContaining({ file: 'src/run.js', message: 'missing code file src/run.js' })])
  })

  test('reports a schema that does not compile, naming the JSON pointer', async () => {
    const dir = await makeTaskDir(classicFiles({ 'input.schema.json': { type: 'object', properties: { a: { $ref: '#/$defs/Missing' }, b: { pattern: '[' } } } }))
    const { problems } = await loadError(dir)
    expect(problems.map((p) => p.file)).toEqual(['input.schema.json', 'input.schema.json'])
    expect(problems[0].message).toBe('invalid JSON Schema at #/properties/a/$ref: reference "#/$defs/Missing" points to nothing in this schema')
    expect(problems[1].message).toStartWith('invalid JSON Schema at #/properties/b/pattern: is not a valid regular expression')
  })

  test('reports meta.yaml field maps that are not JSON Schema', async () => {
    const dir = await makeTaskDir({
      'meta.yaml': 'name: t\nversion: "1"\ninputs:\n  a: { type: text }\n  b: { type: string, required: yes please }\n',
      'task.js': 'function main() {}\n',
    })
    const { problems } = await loadError(dir)
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual(['meta.yaml: "inputs.b.required" must be true or false, got string "yes please"'])
    const fixed = await makeTaskDir({ 'meta.yaml': 'name: t\nversion: "1"\ninputs:\n  a: { type: text }\n', 'task.js': 'function main() {}\n' })
    const second = await loadError(fixed)
    expect(second.problems[0].message).toStartWith('inputs: invalid JSON Schema at #/properties/a/type: unknown type "text"')
  })

  test('reports malformed test files: missing input, bad mocks, wrong field types', async () => {
    const dir = await makeTaskDir(
      classicFiles({
        'tests/basic.json': undefined,
        'tests/a.json': { input: {}, mock: { http: [{ response: { status: 200 } }, { url: 'https://x.test', response: { body: 1 } }] } },
        'tests/b.json': { input: {}, mock: { http: { url: 'https://x.test' } }, should_fail: 'yes' },
        'tests/c.json': [1, 2],
      }),
    )
    const { problems } = await loadError(dir)
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'tests/a.json: mock.http[0].url is missing (got nothing)',
      'tests/a.json: mock.http[1].response.status must be an HTTP status code (100-599), got nothing',
      'tests/b.json: "should_fail" must be true or false, got string "yes"',
      'tests/b.json: mock.http.response is missing (got nothing)',
      'tests/c.json: a test case must be a JSON object, got an array',
    ])
  })

  test('reports malformed inline test cases with their index', async () => {
    const dir = await makeTaskDir({
      'meta.yaml': 'name: t\nversion: "1"\ntest_cases:\n  - input: {}\n  - name: no input\n',
      'task.js': 'function main() {}\n',
    })
    const { problems } = await loadError(dir)
    expect(problems).toEqual([expect.objectContaining({ file: 'meta.yaml', message: 'test_cases[1]: "input" is missing' })])
  })

  test('rejects a folder with both metadata.json and meta.yaml', async () => {
    const dir = await makeTaskDir(classicFiles({ 'meta.yaml': 'name: t\nversion: "1"\n' }))
    const { problems } = await loadError(dir)
    expect(problems[0]).toMatchObject({ file: 'meta.yaml', message: 'both metadata.json and meta.yaml exist, so the layout is ambiguous' })
  })

  test('rejects an entrypoint outside the task folder', async () => {
    const { problems } = await loadError(await makeTaskDir({ 'meta.yaml': 'name: t\nversion: "1"\nentrypoint: ../../etc/passwd\n', 'task.js': 'function main() {}\n' }))
    expect(problems[0]).toMatchObject({ file: 'meta.yaml', message: '"entrypoint" "../../etc/passwd" must be a path inside the task folder' })
  })

  test('reports invalid YAML', async () => {
    const { problems } = await loadError(await makeTaskDir({ 'meta.yaml': 'name: [unclosed\n', 'task.js': 'function main() {}\n' }))
    expect(problems[0].file).toBe('meta.yaml')
    expect(problems[0].message).toStartWith('invalid YAML: ')
  })
})
