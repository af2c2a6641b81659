import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { developmentHandlers } from '../../src/mcp/tools/development-tools.ts'
import { readZip } from '../../src/tasks/zip.ts'
import { ADD_CODE, ADD_INPUT, ADD_OUTPUT, ADD_TESTS, openDevTools, type DevToolsHarness } from './harness.ts'

let h: DevToolsHarness

beforeAll(async () => {
  h = await openDevTools()
})

afterAll(async () => {
  await h.close()
})

const readJson = (...parts: string[]) => JSON.parse(readFileSync(join(...parts), 'utf8'))

// One task's whole life, in order: each test builds on the previous one.
describe('a task from creation to deletion and back', () => {
  let uuid = ''
  let bundle: unknown
  let zipBase64 = ''

  test('create_task writes a real package, loads it and runs its tests', async () => {
    const { output, isError } = await h.call('create_task', {
      name: 'add', description: 'Adds two numbers', code: ADD_CODE, input_schema: ADD_INPUT, output_schema: ADD_OUTPUT,
      tags: ['math'], test_cases: ADD_TESTS, metadata: { category: 'examples', uuid: 'caller-chosen' },
    })
    expect(isError ?? false).toBe(false)
    expect(output.valid).toBe(true)
    expect(output.version).toBe('0.1.0')
    expect(output.path).toBe(join(h.tasksDir, 'add'))
    expect(output.task_id).toMatch(/^[0-9a-f-]{36}$/)
    uuid = output.task_id!

    const dir = join(h.tasksDir, 'add')
    expect(readdirSync(dir).sort()).toEqual(['input.schema.json', 'main.js', 'metadata.json', 'output.schema.json', 'tests'])
    expect(readdirSync(join(dir, 'tests')).sort()).toEqual(['test-001.json', 'test-002.json', 'test-003.json'])
    expect(readJson(dir, 'tests', 'test-002.json')).toEqual({ name: 'adds negatives', input: { a: -1, b: -1 }, expected_output: { sum: -2 } })
    const meta = readJson(dir, 'metadata.json')
    expect(meta).toMatchObject({ name: 'add', version: '0.1.0', uuid, description: 'Adds two numbers', tags: ['math'], category: 'examples', created_by: 'test' })
    expect(readdirSync(h.tasksDir).filter((f) => f.startsWith('.'))).toEqual([])

    expect(output.test_results).toMatchObject({ total: 3, passed: 3, failed: 0 })
    expect(h.registry.get('add')?.uuid).toBe(uuid)
    expect(h.registry.get(uuid)?.name).toBe('add')
  })

  test('run_task_tests runs all or some tests, reports progress, stops when cancelled, and treats failures as data', async () => {
    const all = await h.call('run_task_tests', { task_id: 'add' })
    expect(all.isError ?? false).toBe(false)
    expect(all.output).toMatchObject({ task_name: 'add', version: '0.1.0', total: 3, passed: 3, failed: 0, success_rate: 1, all_passed: true })
    const first = all.output.tests[0]
    expect(first).toMatchObject({ name: 'adds', status: 'passed', input: { a: 2, b: 3 }, expected_output: { sum: 5 }, actual_output: { sum: 5 }, file: 'tests/test-001.json' })
    expect((await h.ctx.store.getExecution(first.execution_id))?.status).toBe('completed')

    const some = await h.call('run_task_tests', { task_id: uuid, test_names: ['rejects text'] })
    expect(some.output.total).toBe(1)
    expect(some.output.tests[0].error?.code).toBe('INPUT_INVALID')

    const updates: Array<{ progress: number; total?: number }> = []
    const cancel = new AbortController()
    const tracked = await developmentHandlers.run_task_tests({ task_id: 'add' }, { ...h.ctx, signal: cancel.signal, progress: (u) => updates.push(u) })
    expect(tracked.output.total).toBe(3)
    expect(updates.map((u) => `${u.progress}/${u.total}`)).toEqual(['0/3', '1/3', '2/3', '3/3'])
    cancel.abort()
    const cancelled = await developmentHandlers.run_task_tests({ task_id: 'add' }, { ...h.ctx, signal: cancel.signal })
    expect(cancelled.output).toMatchObject({ total: 0, all_passed: false })

    const unknown = await h.call('run_task_tests', { task_id: 'add', test_names: ['nope'] })
    expect(unknown.isError).toBe(true)
    expect(unknown.output.hint).toContain('"adds"')
  })

  test('edit_task backs up the old version, bumps the patch version and reruns the tests', async () => {
    const code = 'function main(input) {\n  return { sum: input.a + input.b + 0 }\n}\n'
    const { output, isError } = await h.call('edit_task', { task_id: 'add', code, description: 'Adds two numbers (edited)' })
    expect(isError ?? false).toBe(false)
    expect(output).toMatchObject({ task_id: uuid, name: 'add', previous_version: '0.1.0', version: '0.1.1' })
    expect(output.changes_applied).toEqual(['code', 'description', 'version 0.1.0 → 0.1.1'])
    expect(output.test_results).toMatchObject({ total: 3, passed: 3 })

    const backup = output.backup_path!
    expect(backup).toStartWith(join(h.tasksDir, '.versions', 'add', '0.1.0-'))
    expect(readFileSync(join(backup, 'main.js'), 'utf8')).toBe(ADD_CODE)
    expect(readJson(backup, 'metadata.json').version).toBe('0.1.0')
    expect(readdirSync(join(backup, 'tests')).length).toBe(3)

    const meta = readJson(h.tasksDir, 'add', 'metadata.json')
    expect(meta).toMatchObject({ version: '0.1.1', uuid, category: 'examples', description: 'Adds two numbers (edited)' })
    expect(readFileSync(join(h.tasksDir, 'add', 'main.js'), 'utf8')).toBe(code)
    expect(h.registry.get('add')?.version).toBe('0.1.1')
  })

  test('validate_task reports bad code with its line number without touching the saved task', async () => {
    const bad = 'function main(input) {\n  const x = 1\n  return { sum: input.a + }\n}\n'
    const { output, isError } = await h.call('validate_task', { task_id: 'add', code: bad })
    expect(isError ?? false).toBe(false)
    expect(output.valid).toBe(false)
    expect(output.problems[0].file).toBe('main.js')
    expect(output.problems[0].message).toContain('line 3')
    expect(output.validation_results.find((r) => r.type === 'syntax')).toMatchObject({ status: 'failed' })
    expect(output.validation_results.find((r) => r.type === 'input_schema')).toMatchObject({ status: 'passed' })
    expect(output.test_results).toBeUndefined()

    const ok = await h.call('validate_task', { task_id: 'add' })
    expect(ok.output).toMatchObject({ valid: true, task_name: 'add' })
    expect(ok.output.test_results).toMatchObject({ total: 3, passed: 3 })

    const syntax = await h.call('validate_task', { code: bad, syntax_only: true })
    expect(syntax.output.valid).toBe(false)
    expect(syntax.output.validation_results).toEqual([{ type: 'syntax', status: 'failed', message: syntax.output.problems[0].message }])
  })

  test('validate_task checks inline code, schemas and tests without saving anything', async () => {
    const { output } = await h.call('validate_task', {
      code: 'function main(input) { return { doubled: input.n * 2 } }',
      input_schema: { type: 'object', properties: { n: { type: 'number' } } },
      output_schema: { type: 'object', properties: { doubled: { type: 'bogus' } } },
      test_cases: [{ input: { n: 'two' }, expected_output: { doubled: 4 } }],
    })
    expect(output.valid).toBe(false)
    expect(output.validation_results.find((r) => r.type === 'output_schema')?.status).toBe('failed')
    expect(output.problems.map((p) => p.file)).toContain('output.schema.json')

    const good = await h.call('validate_task', { code: 'function main(input) { return { doubled: input.n * 2 } }', test_cases: [{ input: { n: 2 }, expected_output: { doubled: 4 } }] })
    expect(good.output.valid).toBe(true)
    expect(good.output.test_results).toMatchObject({ total: 1, passed: 1 })
    expect(readdirSync(h.tasksDir).sort()).toEqual(['.versions', 'add'])
  })

  test('edit_task refuses broken code and leaves the previous version in place', async () => {
    const before = readFileSync(join(h.tasksDir, 'add', 'main.js'), 'utf8')
    const { output, isError } = await h.call('edit_task', { task_id: 'add', code: 'function main(input) {\n  return {\n' })
    expect(isError).toBe(true)
    expect(output.validation?.valid).toBe(false)
    expect(output.validation?.problems[0].message).toMatch(/line \d+/)
    expect(output.message).toContain('0.1.1 is unchanged')
    expect(readFileSync(join(h.tasksDir, 'add', 'main.js'), 'utf8')).toBe(before)
    expect(h.registry.get('add')?.version).toBe('0.1.1')

    const contradicting = await h.call('edit_task', { task_id: 'add', test_cases: [{ input: { a: 1 }, expected_output: { sum: 1 } }] })
    expect(contradicting.isError).toBe(true)
    expect(contradicting.output.validation?.problems[0].file).toBe('tests/test-001.json')
    expect(readdirSync(join(h.tasksDir, 'add', 'tests')).length).toBe(3)
    expect(readdirSync(h.tasksDir).filter((f) => f.startsWith('.staging'))).toEqual([])
  })

  test('edit_task refuses a version lower than the current one', async () => {
    const { output, isError } = await h.call('edit_task', { task_id: 'add', version: '0.0.9', tags: ['x'] })
    expect(isError).toBe(true)
    expect(output.message).toContain('lower than the current version 0.1.1')
  })

  test('create_task_version compares semantically and keeps the history', async () => {
    const lower = await h.call('create_task_version', { task_id: 'add', new_version: '0.1.1' })
    expect(lower.isError).toBe(true)
    expect(lower.output.message).toContain('must be greater than the current version 0.1.1')
    expect((await h.call('create_task_version', { task_id: 'add', new_version: 'one' })).isError).toBe(true)

    const { output, isError } = await h.call('create_task_version', { task_id: 'add', new_version: '0.10.0', description: 'Adds numbers', changes: 'Stable API' })
    expect(isError ?? false).toBe(false)
    expect(output).toMatchObject({ name: 'add', previous_version: '0.1.1', version: '0.10.0' })
    expect(output.checksum).toBe(h.registry.get('add')!.checksum)
    const meta = readJson(h.tasksDir, 'add', 'metadata.json')
    expect(meta.description).toBe('Adds numbers')
    expect(meta.changelog).toEqual([expect.objectContaining({ version: '0.10.0', previous_version: '0.1.1', changes: 'Stable API' })])

    expect(output.history.map((v) => v.version)).toEqual(['0.1.0', '0.1.1', '0.10.0'])
    expect(output.history.at(-1)).toMatchObject({ current: true, path: join(h.tasksDir, 'add') })
    for (const version of output.history.slice(0, 2)) {
      expect(version.path).toStartWith(join(h.tasksDir, '.versions', 'add'))
      expect(existsSync(join(version.path!, 'main.js'))).toBe(true)
    }
    expect((await h.ctx.store.listTaskVersions('add')).map((v) => v.version)).toEqual(['0.1.0', '0.1.1', '0.10.0'])
  })

  test('export_tasks emits a JSON bundle and a zip of the package', async () => {
    const json = await h.call('export_tasks', { task_id: 'add' })
    expect(json.output.exported_count).toBe(1)
    const exported = json.output.bundle!
    expect(exported).toMatchObject({ format: 'ratchet-bundle', version: 1 })
    expect(exported.tasks[0]).toMatchObject({ name: 'add', version: '0.10.0', code: h.registry.get('add')!.code, input_schema: ADD_INPUT, tags: ['math'] })
    expect(exported.tasks[0].tests).toHaveLength(3)
    expect(exported.tasks[0].metadata).toMatchObject({ uuid, category: 'examples' })
    bundle = JSON.parse(JSON.stringify(exported))

    const zip = await h.call('export_tasks', { format: 'zip', include_tests: false })
    expect(zip.output.exported_count).toBe(1)
    zipBase64 = zip.output.zip_base64!
    const entries = readZip(new Uint8Array(Buffer.from(zipBase64, 'base64')))
    expect(entries.map((e) => e.path).sort()).toEqual(['add/input.schema.json', 'add/main.js', 'add/metadata.json', 'add/output.schema.json'])
    expect(zip.output.bytes).toBe(Buffer.from(zipBase64, 'base64').length)
  })

  test('delete_task moves the folder into .versions and unloads the task', async () => {
    const { output, isError } = await h.call('delete_task', { task_id: uuid })
    expect(isError ?? false).toBe(false)
    expect(output).toMatchObject({ name: 'add', deleted: true, files_deleted: false })
    expect(output.backup_path).toStartWith(join(h.tasksDir, '.versions', 'add', 'deleted-'))
    expect(existsSync(join(output.backup_path!, 'main.js'))).toBe(true)
    expect(existsSync(join(h.tasksDir, 'add'))).toBe(false)
    expect(h.registry.get('add')).toBeUndefined()
    expect((await h.call('delete_task', { task_id: 'add' })).isError).toBe(true)
  })

  test('import_tasks restores the task from the JSON bundle, keeping its uuid', async () => {
    const { output, isError } = await h.call('import_tasks', { data: bundle, options: { run_tests: true } })
    expect(isError ?? false).toBe(false)
    expect(output.imported).toEqual([expect.objectContaining({ name: 'add', version: '0.10.0', path: join(h.tasksDir, 'add'), task_id: uuid, replaced: false })])
    expect(output.imported[0].test_results).toMatchObject({ total: 3, passed: 3 })
    expect(h.registry.get('add')?.version).toBe('0.10.0')

    const again = await h.call('import_tasks', { data: JSON.stringify(bundle) })
    expect(again.output.imported).toEqual([])
    expect(again.output.skipped[0].reason).toContain('already exists')
  })

  test('import_tasks reads the zip, under a prefix (a copy with a new uuid) and with overwrite', async () => {
    const copy = await h.call('import_tasks', { data: zipBase64, format: 'zip', options: { name_prefix: 'copy-of-' } })
    expect(copy.output.imported.map((i) => i.name)).toEqual(['copy-of-add'])
    const pkg = h.registry.get('copy-of-add')!
    expect(pkg.uuid).not.toBe(uuid)
    expect(pkg.tests).toEqual([])
    expect(pkg.code).toBe(h.registry.get('add')!.code)

    const replaced = await h.call('import_tasks', { data: zipBase64, format: 'zip', overwrite_existing: true })
    expect(replaced.output.imported).toEqual([expect.objectContaining({ name: 'add', replaced: true, task_id: uuid })])
    expect(h.registry.get('add')!.tests).toEqual([])
    // The replaced version (with its tests) is kept.
    const history = await h.call('create_task_version', { task_id: 'add', new_version: '1.0.0' })
    expect(history.output.history.some((v) => v.version === '0.10.0' && v.path?.includes('.versions'))).toBe(true)
  })
})
