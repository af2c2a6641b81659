import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ADD, openAuthoring, refusalOf, type AuthoringHarness } from './harness.ts'

let h: AuthoringHarness

beforeAll(async () => {
  h = await openAuthoring()
})
afterAll(async () => {
  await h.close()
})

describe('creating tasks', () => {
  test('writes, loads and tests a new task and returns a camelCase record', async () => {
    const created = await h.authoring.createTask({ name: 'adder', description: 'adds', ...ADD }, { actor: 'alice' })
    expect(created).toMatchObject({ name: 'adder', version: '0.1.0', path: join(h.tasksDir, 'adder'), registered: true })
    expect(created.testReport).toMatchObject({ total: 2, passed: 2, failed: 0 })
    expect(created.message).toContain('2/2 tests passed')
    const pkg = h.registry.get('adder')!
    expect(created.taskId).toBe(pkg.uuid!)
    expect(pkg.metadata.created_by).toBe('alice')
    const record = await h.engine.execute({ task: pkg, input: { a: 1, b: 2 }, source: 'test-suite' })
    expect(record.output).toEqual({ sum: 3 })
    expect(h.logger.lines).toContainEqual({ level: 'info', message: 'task created', fields: { task: 'adder', version: '0.1.0', by: 'alice' } })
  })

  test('refuses a taken name as CONFLICT name_taken, naming where the task lives', async () => {
    const error = await refusalOf(() => h.authoring.createTask({ name: 'adder', ...ADD }))
    expect(error.code).toBe('CONFLICT')
    expect(error.data).toMatchObject({ reason: 'name_taken', name: 'adder', version: '0.1.0' })
    expect(error.message).toContain('already exists')
    expect(error.hint).toContain('pick another name')
  })

  test('refuses bad names and versions as BAD_INPUT and writes nothing', async () => {
    const name = await refusalOf(() => h.authoring.createTask({ name: '../escape', code: ADD.code }))
    expect(name).toMatchObject({ code: 'BAD_INPUT', data: { reason: 'bad_name' } })
    const version = await refusalOf(() => h.authoring.createTask({ name: 'versioned', code: ADD.code, version: 'latest' }))
    expect(version).toMatchObject({ code: 'BAD_INPUT', data: { reason: 'bad_version' } })
    expect(version.message).toContain('not a semantic version')
    expect(existsSync(join(h.tasksDir, 'versioned'))).toBe(false)
  })

  test('refuses a package with problems as TASK_INVALID listing each one, leaving nothing on disk', async () => {
    const error = await refusalOf(() => h.authoring.createTask({ name: 'broken', code: 'function main(input) {\n  return {\n}\n' }))
    expect(error.code).toBe('TASK_INVALID')
    expect(error.data?.reason).toBe('invalid')
    const problems = error.data?.problems as Array<{ file: string; message: string }>
    expect(problems.find((p) => p.file === 'main.js')?.message).toContain('line')
    expect(existsSync(join(h.tasksDir, 'broken'))).toBe(false)
    expect((await readdir(h.tasksDir)).filter((entry) => entry.startsWith('.staging'))).toEqual([])
  })
})

describe('changing tasks', () => {
  test('an edit bumps the patch version, keeps the previous version and reruns the tests', async () => {
    const edited = await h.authoring.editTask('adder', { description: 'adds two numbers' })
    expect(edited).toMatchObject({ name: 'adder', previousVersion: '0.1.0', version: '0.1.1', copied: false })
    expect(edited.changesApplied).toEqual(['description', 'version 0.1.0 → 0.1.1'])
    expect(existsSync(edited.backupPath!)).toBe(true)
    expect(edited.testReport?.passed).toBe(2)
    expect(h.registry.get('adder')?.description).toBe('adds two numbers')
  })

  test('an edit with nothing to change, or a lower version, is refused', async () => {
    expect(await refusalOf(() => h.authoring.editTask('adder', {}))).toMatchObject({ code: 'BAD_INPUT', data: { reason: 'nothing_to_change' } })
    const lower = await refusalOf(() => h.authoring.editTask('adder', { version: '0.0.9' }))
    expect(lower).toMatchObject({ code: 'CONFLICT', data: { reason: 'version_too_low', previousVersion: '0.1.1' } })
  })

  test('a new version records a changelog entry and lists the history', async () => {
    const versioned = await h.authoring.createVersion('adder', { newVersion: '1.0.0', changes: 'stable' })
    expect(versioned).toMatchObject({ previousVersion: '0.1.1', version: '1.0.0' })
    expect(versioned.history.at(-1)).toMatchObject({ version: '1.0.0', current: true })
    expect(versioned.history.map((item) => item.version)).toEqual(['0.1.0', '0.1.1', '1.0.0'])
    expect((await h.authoring.history('adder')).length).toBe(3)
  })

  test('unknown tasks are TASK_NOT_FOUND for every operation', async () => {
    for (const call of [() => h.authoring.editTask('ghost', { code: ADD.code }), () => h.authoring.deleteTask('ghost'), () => h.authoring.runTests('ghost'), () => h.authoring.setEnabled('ghost', false)]) {
      const error = await refusalOf(call)
      expect(error).toMatchObject({ code: 'TASK_NOT_FOUND', data: { reason: 'not_found', taskId: 'ghost' } })
      expect(error.message).toContain('"ghost"')
    }
  })

  test('a near miss names the task that was probably meant', async () => {
    for (const call of [() => h.authoring.runTests('addr'), () => h.authoring.editTask('addder', { code: ADD.code })]) {
      const error = await refusalOf(call)
      expect(error).toMatchObject({ code: 'TASK_NOT_FOUND', data: { similar: ['adder'] } })
      expect(error.message).toEndWith('is loaded; did you mean "adder"?')
    }
  })
})

describe('testing and validating', () => {
  test('runs all or the named tests and refuses unknown test names', async () => {
    const run = await h.authoring.runTests('adder', { names: ['adds'] })
    expect(run.report).toMatchObject({ total: 1, passed: 1 })
    const unknown = await refusalOf(() => h.authoring.runTests('adder', { names: ['nope'] }))
    expect(unknown).toMatchObject({ code: 'BAD_INPUT', data: { reason: 'unknown_tests', known: ['adds', 'rejects text'] } })
  })

  test('validates changes without saving them', async () => {
    const report = await h.authoring.validateTask({ taskId: 'adder', code: 'function main(input) {\n  return { sum: 0 }\n}\n' })
    expect(report.valid).toBe(false)
    expect(report.checks.find((c) => c.type === 'tests')).toMatchObject({ status: 'failed' })
    expect(h.registry.get('adder')!.code).toBe(ADD.code)
  })
})

describe('exporting, importing and deleting', () => {
  test('a task exported and imported under a prefix is a working copy', async () => {
    const exported = h.authoring.exportTasks({ taskId: 'adder' })
    expect(exported.format).toBe('json')
    const report = await h.authoring.importTasks({ data: exported.format === 'json' ? exported.bundle : null, namePrefix: 'copy-', runTests: true })
    expect(report.imported).toMatchObject([{ name: 'copy-adder', version: '1.0.0', replaced: false }])
    expect(report.imported[0]!.testReport?.passed).toBe(2)
    const bad = await refusalOf(() => h.authoring.importTasks({ data: 'not base64!', format: 'zip' }))
    expect(bad).toMatchObject({ code: 'BAD_INPUT', data: { reason: 'bad_bundle' } })
  })

  test('deleting moves the folder under .versions and unloads the task', async () => {
    const deleted = await h.authoring.deleteTask('copy-adder')
    expect(deleted.backupPath).toContain('.versions')
    expect(h.registry.get('copy-adder')).toBeUndefined()
  })
})
