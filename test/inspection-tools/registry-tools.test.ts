import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../src/errors.ts'
import { makeTempRoot } from '../helpers/temp-files.ts'
import { openInspectionHarness, writeFiles, type InspectionHarness } from './helpers.ts'

const pkg = (name: string, extra: Record<string, unknown> = {}) => ({
  'metadata.json': { name, version: '1.2.0', description: `the ${name} task` },
  'main.js': 'function main(input) {\n  return { ok: true }\n}\n',
  ...extra,
})
const withTest = { 'tests/test-001.json': { input: {}, expected_output: { ok: true } } }
const rejection = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError)

describe('ratchet_discover_tasks', () => {
  let h: InspectionHarness
  let outside: string

  beforeAll(async () => {
    h = await openInspectionHarness()
    await writeFiles(join(h.tasksRoot, 'alpha'), pkg('alpha', withTest))
    await writeFiles(join(h.tasksRoot, 'group/beta'), pkg('beta'))
    await writeFiles(join(h.tasksRoot, 'group/deeper/gamma'), pkg('gamma'))
    await writeFiles(join(h.tasksRoot, 'broken'), { 'metadata.json': '{ "name": "broken", ', 'main.js': 'function main() {}\n' })
    await writeFiles(join(h.tasksRoot, 'bad-test'), pkg('bad-test', { 'input.schema.json': { type: 'object', required: ['n'] }, 'tests/test-001.json': { input: {} } }))
    await h.registry.load()
    await writeFiles(join(h.base, 'work/draft'), pkg('draft'))
    outside = await makeTempRoot('ratchet-outside-')
    await writeFiles(join(outside, 'secret'), pkg('secret'))
    await symlink(outside, join(h.tasksRoot, 'link-out'))
  })

  afterAll(async () => {
    await h.close()
  })

  test('finds and validates every package under a source, saying which are loaded', async () => {
    const { output } = await h.call('discover_tasks', { path: 'tasks' })
    expect(output.scan_path).toBe(h.tasksRoot)
    const byName = Object.fromEntries(output.discovered_tasks.map((t) => [t.name, t]))
    expect(Object.keys(byName).sort()).toEqual(['alpha', 'bad-test', 'beta', 'broken', 'gamma'])
    expect(byName.alpha).toMatchObject({ path: join(h.tasksRoot, 'alpha'), layout: 'metadata.json', valid: true, problems: [], version: '1.2.0', description: 'the alpha task', has_tests: true, test_count: 1, loaded: true })
    expect(byName.beta).toMatchObject({ valid: true, has_tests: false, loaded: true })
    expect(byName.beta.warnings.map((w) => w.file)).toContain('tests/')
    expect(byName.broken).toMatchObject({ valid: false, loaded: false, layout: 'metadata.json' })
    expect(byName.broken.problems[0].file).toBe('metadata.json')
    expect(byName['bad-test']).toMatchObject({ valid: false, loaded: true })
    expect(byName['bad-test'].problems[0].message).toContain('input does not match the input schema')
    expect(output).toMatchObject({ total_found: 5, valid_count: 3, invalid_count: 2 })
  })

  test('honours max_depth and recursive: false', async () => {
    const names = async (input: { path: string; recursive?: boolean; max_depth?: number }) => (await h.call('discover_tasks', input)).output.discovered_tasks.map((t) => t.name).sort()
    expect(await names({ path: h.tasksRoot, max_depth: 2 })).toEqual(['alpha', 'bad-test', 'beta', 'broken'])
    expect(await names({ path: h.tasksRoot, recursive: false })).toEqual(['alpha', 'bad-test', 'broken'])
    expect(await names({ path: join(h.tasksRoot, 'alpha'), max_depth: 0 })).toEqual(['alpha'])
  })

  test('scans the tasks folder, where create_task writes', async () => {
    const { output } = await h.call('discover_tasks', { path: join(h.base, 'work') })
    expect(output.discovered_tasks.map((t) => [t.name, t.loaded])).toEqual([['draft', false]])
  })

  test('refuses folders outside the allowed roots, also through .. and symlinks', async () => {
    for (const path of [outside, '../', join(h.tasksRoot, 'link-out')]) {
      const error = await rejection(h.call('discover_tasks', { path }))
      expect(error?.code).toBe('BAD_INPUT')
      expect(error?.message).toContain('outside the folders this server may scan')
      expect(error?.hint).toContain(h.tasksRoot)
    }
  })

  test('says when the path is missing or a file', async () => {
    expect((await rejection(h.call('discover_tasks', { path: 'tasks/nope' })))?.message).toContain('does not exist')
    expect((await rejection(h.call('discover_tasks', { path: 'tasks/alpha/main.js' })))?.message).toContain('is a file')
  })
})

describe('ratchet_sync_registry', () => {
  let h: InspectionHarness

  beforeAll(async () => {
    h = await openInspectionHarness({ sources: [{ name: 'local', dir: 'tasks' }, { name: 'more', dir: 'more' }] })
    await writeFiles(join(h.tasksRoot, 'one'), pkg('one', withTest))
    await writeFiles(join(h.tasksRoot, 'two'), pkg('two', withTest))
    await writeFiles(join(h.base, 'more/three'), pkg('three'))
    await h.registry.load()
  })

  afterAll(async () => {
    await h.close()
  })

  test('loads what changed on disk and reports it per source', async () => {
    await writeFiles(join(h.tasksRoot, 'four'), pkg('four', withTest))
    await writeFile(join(h.tasksRoot, 'one/main.js'), 'function main() {\n  return { ok: false }\n}\n')
    await rm(join(h.tasksRoot, 'two'), { recursive: true })
    await writeFiles(join(h.base, 'more/bad'), { 'metadata.json': { version: '1.0.0' }, 'main.js': 'function main() {}\n' })
    const { output } = await h.call('sync_registry', { validate_tasks: false })
    expect(output.changed.sort()).toEqual(['four', 'one'])
    expect(output.removed).toEqual(['two'])
    expect(output.total_tasks).toBe(3)
    expect(output.total_problems).toBe(1)
    const [local, more] = output.sources
    expect(local).toMatchObject({ name: 'local', uri: 'file://./tasks', path: h.tasksRoot, reachable: true, tasks_loaded: 2, tasks: ['four', 'one'], problems: [] })
    expect(local.validation).toBeUndefined()
    expect(more).toMatchObject({ name: 'more', tasks_loaded: 1, tasks: ['three'] })
    expect(more.problems).toHaveLength(1)
    expect(more.problems[0]).toMatchObject({ dir: join(h.base, 'more/bad'), file: join(h.base, 'more/bad/metadata.json') })
    expect(h.registry.get('four')).toBeDefined()
    expect(h.registry.get('two')).toBeUndefined()
  })

  test('reports one source when asked, and validates the loaded tasks', async () => {
    const { output } = await h.call('sync_registry', { source_name: 'more' })
    expect(output.changed).toEqual([])
    expect(output.sources.map((s) => s.name)).toEqual(['more'])
    expect(output.sources[0].validation).toEqual([{ task: 'three', valid: true, problems: [], warnings: expect.arrayContaining([expect.objectContaining({ file: 'tests/' })]) }])
  })

  test('an unknown source name is an error listing the configured ones', async () => {
    const error = await rejection(h.call('sync_registry', { source_name: 'nope' }))
    expect(error?.code).toBe('BAD_INPUT')
    expect(error?.hint).toContain('local, more, tasks')
  })
})

describe('ratchet_registry_health', () => {
  let h: InspectionHarness

  beforeAll(async () => {
    h = await openInspectionHarness({ sources: [{ name: 'local', dir: 'tasks', watch: true }, { name: 'gone', dir: 'missing' }] })
  })

  afterAll(async () => {
    await h.close()
  })

  test('compares each source folder on disk with what was loaded', async () => {
    await writeFiles(join(h.tasksRoot, 'ok'), pkg('ok', withTest))
    await h.registry.load()
    let { output } = await h.call('registry_health', {})
    const [local, gone] = output.sources
    expect(local).toMatchObject({ name: 'local', status: 'healthy', reachable: true, task_count: 1, problem_count: 0, watching: true, in_sync: true, new_dirs: [], missing_dirs: [] })
    expect(gone).toMatchObject({ name: 'gone', status: 'unhealthy', reachable: false, watching: false, in_sync: false })
    expect(gone.error).toContain('ENOENT')
    expect(output.overall_status).toBe('degraded')
    expect(output.total_tasks).toBe(1)
    // The writable tasks folder is a source of its own, as the server adds it.
    expect(output.sources[2]).toMatchObject({ name: 'tasks', path: join(h.base, 'work'), status: 'healthy', task_count: 0 })

    await mkdir(join(h.base, 'missing'))
    await writeFiles(join(h.base, 'missing/late'), pkg('late'))
    ;({ output } = await h.call('registry_health', {}))
    expect(output.sources[1]).toMatchObject({ status: 'degraded', reachable: true, in_sync: false, new_dirs: [join(h.base, 'missing/late')] })

    await h.call('sync_registry', {})
    ;({ output } = await h.call('registry_health', {}))
    expect(output.overall_status).toBe('healthy')
    expect(output.total_tasks).toBe(2)
  })

  test('lists load problems and folders that disappeared', async () => {
    await writeFiles(join(h.tasksRoot, 'broken'), { 'metadata.json': { name: 'broken' }, 'main.js': 'function main( {\n' })
    await h.registry.load()
    await rm(join(h.base, 'missing/late'), { recursive: true })
    const { output } = await h.call('registry_health', {})
    expect(output.overall_status).toBe('degraded')
    expect(output.sources[0]).toMatchObject({ status: 'degraded', problem_count: output.problems.length, in_sync: true })
    expect(output.problems.every((p) => p.source === 'local' && p.dir === join(h.tasksRoot, 'broken'))).toBe(true)
    expect(output.problems.map((p) => p.file)).toContain(join(h.tasksRoot, 'broken/main.js'))
    expect(output.sources[1]).toMatchObject({ missing_dirs: [join(h.base, 'missing/late')], in_sync: false })
  })

  test('is unhealthy when no source can be read', async () => {
    const lonely = await openInspectionHarness({ sources: [{ name: 'nowhere', dir: 'nowhere' }] })
    try {
      await rm(join(lonely.base, 'work'), { recursive: true })
      const { output } = await lonely.call('registry_health', {})
      expect(output.sources.map((s) => [s.name, s.reachable])).toEqual([['nowhere', false], ['tasks', false]])
      expect(output.overall_status).toBe('unhealthy')
      expect(output.problems[0].message).toContain('cannot read the source folder')
    } finally {
      await lonely.close()
    }
  })
})
