import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { cp } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { developmentHandlers } from '../../src/mcp/tools/development-tools.ts'
import { createRegistry } from '../../src/registry/registry.ts'
import { openDevTools, type DevToolsHarness } from './harness.ts'

// Copy-on-write overrides: a task from a read-only source (here the real sample "addition") is
// edited by saving a changed copy into the tasks folder, which then wins under the same name.

const SAMPLE = resolve(import.meta.dir, '../../sample/js-tasks/addition')
let h: DevToolsHarness
let original: string
let copy: string

beforeAll(async () => {
  h = await openDevTools()
  original = join(h.readOnlyDir, 'addition')
  copy = join(h.tasksDir, 'addition')
  await cp(SAMPLE, original, { recursive: true })
  await h.registry.load()
})

afterAll(async () => {
  await h.close()
})

const originalMetadata = () => readFileSync(join(original, 'metadata.json'), 'utf8')

describe('copy-on-write overrides of read-only tasks', () => {
  test('edit_task copies the package into the tasks folder, edits the copy and serves it under the same name', async () => {
    const before = originalMetadata()
    const { output, isError } = await h.call('edit_task', { task_id: 'addition', description: 'Adds two numbers (ours).' })
    expect(isError ?? false).toBe(false)
    expect(output).toMatchObject({ name: 'addition', previous_version: '1.0.0', version: '1.0.1', path: copy })
    expect(output.message).toContain(`Copied "addition" from ${original} into the tasks folder`)
    expect(output.message).toContain('now overrides it')
    expect(output.changes_applied[0]).toBe(`copied from ${original} into the tasks folder`)
    // Every file came along (the six sample tests run against the copy) and the original is untouched.
    expect(readdirSync(join(copy, 'tests')).sort()).toEqual(readdirSync(join(SAMPLE, 'tests')).sort())
    expect(output.test_results).toMatchObject({ total: 6, passed: 6 })
    expect(originalMetadata()).toBe(before)

    const served = h.registry.get('addition')!
    expect(served.dir).toBe(copy)
    expect(served.description).toBe('Adds two numbers (ours).')
    expect(h.registry.shadowed()).toEqual([{ name: 'addition', dir: original, shadowedBy: copy }])
    expect(h.registry.problems()).toEqual([])
  })

  test('a second edit changes the copy in place', async () => {
    const { output } = await h.call('edit_task', { task_id: 'addition', tags: ['math'], run_tests: false })
    expect(output).toMatchObject({ version: '1.0.2', path: copy })
    expect(output.message).not.toContain('Copied')
    expect(h.registry.get('addition')?.version).toBe('1.0.2')
  })

  test('deleting the override brings the read-only original back, and then delete is refused again', async () => {
    const { output, isError } = await h.call('delete_task', { task_id: 'addition' })
    expect(isError ?? false).toBe(false)
    expect(output.message).toContain(`The read-only "addition" 1.0.0 from ${original}`)
    expect(output.message).toContain('is visible again')
    expect(existsSync(copy)).toBe(false)
    expect(h.registry.get('addition')).toMatchObject({ dir: original, version: '1.0.0' })
    expect(h.registry.shadowed()).toEqual([])
    const refused = await h.call('delete_task', { task_id: 'addition' })
    expect(refused.isError).toBe(true)
    expect(refused.output.message).toContain('read-only')
  })

  test('an edit with problems writes no copy', async () => {
    const { output, isError } = await h.call('edit_task', { task_id: 'addition', code: 'function main(input) {\n  return input +\n' })
    expect(isError).toBe(true)
    expect(output.message).toContain('were not applied')
    expect(existsSync(copy)).toBe(false)
    expect(h.registry.get('addition')?.dir).toBe(original)
  })

  test('create_task_version re-versions a read-only task as an override copy', async () => {
    const { output, isError } = await h.call('create_task_version', { task_id: 'addition', new_version: '2.0.0', changes: 'ours now' })
    expect(isError ?? false).toBe(false)
    expect(output.message).toContain('now overrides it')
    expect(h.registry.get('addition')).toMatchObject({ dir: copy, version: '2.0.0' })
    await h.call('delete_task', { task_id: 'addition' })
    expect(h.registry.get('addition')?.dir).toBe(original)
  })

  test('import_tasks with overwrite_existing on a read-only name writes an override copy', async () => {
    const exported = await h.call('export_tasks', { task_id: 'addition' })
    const bundle = exported.output.bundle as { tasks: Array<Record<string, unknown>> }
    bundle.tasks[0].description = 'imported over the sample'
    const { output, isError } = await h.call('import_tasks', { data: bundle, overwrite_existing: true, options: { run_tests: true } })
    expect(isError ?? false).toBe(false)
    expect(output.skipped).toEqual([])
    expect(output.imported[0]).toMatchObject({ name: 'addition', path: copy })
    expect(output.imported[0].test_results).toMatchObject({ total: 6, passed: 6 })
    expect(output.message).toContain(`addition overrides the read-only one in ${original}`)
    expect(h.registry.get('addition')).toMatchObject({ dir: copy, description: 'imported over the sample' })
    expect(h.registry.shadowed()).toEqual([{ name: 'addition', dir: original, shadowedBy: copy }])
    await h.call('delete_task', { task_id: 'addition' })
    expect(h.registry.get('addition')?.dir).toBe(original)
  })

  test('when the tasks folder does not override other sources, the copy is removed and the edit refused', async () => {
    const plain = createRegistry({
      sources: [
        { name: 'shared', uri: `file://${h.readOnlyDir}`, path: h.readOnlyDir, watchForChanges: false, autoReload: false },
        { name: 'tasks', uri: `file://${h.tasksDir}`, path: h.tasksDir, watchForChanges: false, autoReload: false },
      ],
      logger: h.engine.logger,
    })
    await plain.load()
    const { output, isError } = await developmentHandlers.edit_task({ task_id: 'addition', description: 'x' }, { ...h.ctx, registry: plain })
    plain.close()
    expect(isError).toBe(true)
    expect(output.message).toContain('does not override other sources')
    expect(output.hint).toContain('"name_prefix": "my-"')
    expect(existsSync(copy)).toBe(false)
  })
})
