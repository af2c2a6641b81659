import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { createZip } from '../../src/tasks/zip.ts'
import { ADD_CODE, ADD_INPUT, ADD_OUTPUT, ADD_TESTS, openDevTools, type DevToolsHarness } from './harness.ts'

let h: DevToolsHarness

beforeAll(async () => {
  h = await openDevTools()
  await writePackage(h.readOnlyDir, 'shared-echo', {
    'metadata.json': { name: 'shared-echo', version: '1.0.0', description: 'echo' },
    'main.js': 'function main(input) { return input }\n',
    'tests/one.json': { input: { x: 1 }, expected_output: { x: 1 } },
  })
  await h.registry.load()
})

afterAll(async () => {
  await h.close()
})

async function writePackage(root: string, folder: string, files: Record<string, unknown>): Promise<string> {
  const dir = join(root, folder)
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true })
    await writeFile(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  }
  return dir
}

const create = (name: string, extra: Record<string, unknown> = {}) =>
  h.call('create_task', { name, description: 'd', code: ADD_CODE, input_schema: ADD_INPUT, output_schema: ADD_OUTPUT, test_cases: ADD_TESTS, ...extra })

const hiddenLeftovers = () => readdirSync(h.tasksDir).filter((f) => f.startsWith('.staging') || f.startsWith('.replaced'))

describe('names cannot escape the tasks folder', () => {
  test.each(['../evil', 'a/b', '..', '.hidden', 'a..b', 'dir\\evil', '/abs', 'x\0y', ''])('create_task refuses %j', async (name) => {
    const { output, isError } = await create(name)
    expect(isError).toBe(true)
    expect(output.valid).toBe(false)
    expect(existsSync(join(h.tasksDir, '..', 'evil'))).toBe(false)
  })

  test('import_tasks refuses a traversal name and a prefix that makes one', async () => {
    const task = { name: '../../evil', version: '1.0.0', code: ADD_CODE }
    const { output, isError } = await h.call('import_tasks', { data: { format: 'ratchet-bundle', version: 1, exported_at: '', tasks: [task] } })
    expect(isError).toBe(true)
    expect(output.errors[0]).toMatchObject({ name: '../../evil' })
    const prefixed = await h.call('import_tasks', { data: [{ name: 'ok', code: ADD_CODE }], options: { name_prefix: '../' } })
    expect(prefixed.output.errors[0].message).toContain('must not contain')
  })

  test('import_tasks refuses a zip whose entries point outside their folder', async () => {
    const enc = new TextEncoder()
    const zip = createZip([{ path: '../evil/metadata.json', data: enc.encode('{"name":"evil","version":"1.0.0"}') }, { path: '../evil/main.js', data: enc.encode(ADD_CODE) }])
    const { output, isError } = await h.call('import_tasks', { format: 'zip', data: Buffer.from(zip).toString('base64') })
    expect(isError).toBe(true)
    expect(output.message).toContain('points outside')
    expect(existsSync(join(h.tasksDir, '..', 'evil'))).toBe(false)
  })

  test('import_tasks explains unreadable data', async () => {
    expect((await h.call('import_tasks', { data: '{not json' })).output.message).toContain('not valid JSON')
    expect((await h.call('import_tasks', { data: 'not base64!', format: 'zip' })).output.message).toContain('not base64')
    expect((await h.call('import_tasks', { data: Buffer.from('hello').toString('base64'), format: 'zip' })).output.message).toContain('not a readable .zip')
    expect((await h.call('import_tasks', { data: { format: 'other', tasks: [] } })).output.message).toContain('unknown bundle format')
  })
})

describe('create_task', () => {
  test('refuses a duplicate name, pointing at edit_task', async () => {
    expect((await create('dup')).output.valid).toBe(true)
    const { output, isError } = await create('dup')
    expect(isError).toBe(true)
    expect(output.message).toContain('already exists')
    expect(output.hint).toContain('ratchet_edit_task')
    const shared = await create('shared-echo')
    expect(shared.isError).toBe(true)
  })

  test('refuses a name whose folder exists on disk even when it is not a loadable task', async () => {
    await mkdir(join(h.tasksDir, 'occupied'), { recursive: true })
    const { output, isError } = await create('occupied')
    expect(isError).toBe(true)
    expect(output.message).toContain('already exists on disk')
  })

  test('lists every problem with its fix and writes nothing', async () => {
    const { output, isError } = await h.call('create_task', {
      name: 'broken', description: 'd', code: 'function main(input) {\n  return input +\n', input_schema: { type: 'object', properties: { a: { type: 'text' } } }, output_schema: { type: 'object' },
      test_cases: [{ input: 1 }],
    })
    expect(isError).toBe(true)
    expect(output.problems!.map((p) => p.file).sort()).toEqual(['input.schema.json', 'main.js'])
    expect(output.problems!.find((p) => p.file === 'main.js')!.message).toContain('line')
    expect(output.problems!.every((p) => p.hint)).toBe(true)
    expect(existsSync(join(h.tasksDir, 'broken'))).toBe(false)
    expect(hiddenLeftovers()).toEqual([])
  })

  test('refuses tests that contradict the schemas and a version that is not semver', async () => {
    const contradiction = await create('contradiction', { test_cases: [{ input: { a: 1 }, expected_output: { sum: 1 } }] })
    expect(contradiction.output.problems![0].message).toContain("must have required property 'b'")
    expect((await create('badversion', { version: 'latest' })).output.message).toContain('not a semantic version')
  })

  test('saves a task whose tests fail, and says so without an error', async () => {
    const { output, isError } = await create('wrong-sum', { code: 'function main(input) { return { sum: input.a - input.b } }' })
    expect(isError ?? false).toBe(false)
    expect(output.test_results).toMatchObject({ total: 3, passed: 1, failed: 2 })
    expect(output.message).toContain('1/3 tests passed')
    expect(output.hint).toContain('ratchet_edit_task')
  })
})

describe('read-only sources', () => {
  test('delete refuses a read-only task that has no override, pointing at edit_task', async () => {
    const { output, isError } = await h.call('delete_task', { task_id: 'shared-echo' })
    expect(isError).toBe(true)
    expect(output.message).toContain('read-only')
    expect(output.hint).toContain('ratchet_edit_task {"task_id": "shared-echo"')
    expect(output.hint).toContain('overrides it')
    expect(readFileSync(join(h.readOnlyDir, 'shared-echo', 'metadata.json'), 'utf8')).toContain('"1.0.0"')
  })

  test('import without overwrite skips a read-only name and says how to override or rename it', async () => {
    const exported = await h.call('export_tasks', { task_id: 'shared-echo' })
    const skipped = await h.call('import_tasks', { data: exported.output.bundle })
    expect(skipped.output.imported).toEqual([])
    expect(skipped.output.skipped[0].reason).toContain('read-only source')
    expect(skipped.output.skipped[0].reason).toContain('overwrite_existing: true to import it as a copy in the tasks folder that overrides it')
    const copied = await h.call('import_tasks', { data: exported.output.bundle, options: { name_prefix: 'my-', run_tests: true } })
    expect(copied.output.imported[0]).toMatchObject({ name: 'my-shared-echo', path: join(h.tasksDir, 'my-shared-echo') })
    expect(copied.output.imported[0].test_results).toMatchObject({ total: 1, passed: 1 })
    expect(h.registry.get('shared-echo')?.dir).toBe(join(h.readOnlyDir, 'shared-echo'))
  })
})

describe('edits and deletes', () => {
  test('concurrent edits of one task are serialised: each bumps the version once', async () => {
    await create('busy')
    const results = await Promise.all([
      h.call('edit_task', { task_id: 'busy', description: 'first', run_tests: false }),
      h.call('edit_task', { task_id: 'busy', description: 'second', run_tests: false }),
    ])
    expect(results.map((r) => r.output.version).sort()).toEqual(['0.1.1', '0.1.2'])
    expect(h.registry.get('busy')?.version).toBe('0.1.2')
    expect(readdirSync(join(h.tasksDir, '.versions', 'busy')).length).toBe(2)
    expect(hiddenLeftovers()).toEqual([])
  })

  test('editing a meta.yaml task rewrites it in the metadata.json layout', async () => {
    await writePackage(h.tasksDir, 'yaml-task', {
      'meta.yaml': 'name: yaml-task\nversion: "1.0"\ndescription: greets\nentrypoint: task.js\ninputs:\n  who: { type: string, required: true }\ntest_cases:\n  - input: { who: Ada }\n    expected_output: { greeting: Hello Ada }\n',
      'task.js': 'function main(input) { return { greeting: "Hello " + input.who } }\n',
    })
    await h.registry.load()
    const { output, isError } = await h.call('edit_task', { task_id: 'yaml-task', tags: ['greeting'] })
    expect(isError ?? false).toBe(false)
    expect(output.version).toBe('1.0.1')
    expect(output.changes_applied.some((c) => c.includes('meta.yaml → metadata.json'))).toBe(true)
    expect(readdirSync(join(h.tasksDir, 'yaml-task')).sort()).toEqual(['input.schema.json', 'main.js', 'metadata.json', 'tests'])
    expect(output.test_results).toMatchObject({ total: 1, passed: 1 })
  })

  test('validate_task reports the problems of a folder the registry could not load', async () => {
    await writePackage(h.tasksDir, 'half-done', { 'metadata.json': { name: 'half-done' }, 'main.js': 'function main( {' })
    await h.registry.load()
    const { output } = await h.call('validate_task', { task_id: 'half-done' })
    expect(output.valid).toBe(false)
    expect(output.validation_results.filter((r) => r.status === 'failed').map((r) => r.type).sort()).toEqual(['metadata', 'syntax'])
    const fixed = await h.call('validate_task', { task_id: 'half-done', code: 'function main(input) { return {} }' })
    expect(fixed.output.validation_results.find((r) => r.type === 'syntax')?.status).toBe('passed')
  })

  test('delete_task refuses while an execution runs unless forced, and can erase for good', async () => {
    await create('slow', { code: 'async function main(input) {\n  await new Promise((r) => setTimeout(r, 3000))\n  return { sum: 0 }\n}\n', run_tests: false, test_cases: [] })
    const running = h.ctx.engine.submit({ task: h.registry.get('slow')!, input: { a: 1, b: 2 }, source: 'test' })
    const refused = await h.call('delete_task', { task_id: 'slow' })
    expect(refused.isError).toBe(true)
    expect(refused.output.hint).toContain('force')
    await h.ctx.engine.cancel(running.id)
    await running.done

    const { output } = await h.call('delete_task', { task_id: 'slow', create_backup: false })
    expect(output).toMatchObject({ deleted: true, files_deleted: true, backup_path: null })
    expect(existsSync(join(h.tasksDir, 'slow'))).toBe(false)
    expect(existsSync(join(h.tasksDir, '.versions', 'slow'))).toBe(false)
  })

  test('unknown tasks are a tool error naming the id', async () => {
    for (const outcome of [
      await h.call('edit_task', { task_id: 'ghost', code: 'x' }),
      await h.call('run_task_tests', { task_id: 'ghost' }),
      await h.call('export_tasks', { task_id: 'ghost' }),
      await h.call('validate_task', { task_id: 'ghost' }),
    ]) {
      expect(outcome.isError).toBe(true)
      expect(outcome.output.message).toContain('"ghost"')
    }
  })
})
