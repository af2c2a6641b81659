import { afterEach, describe, expect, test } from 'bun:test'
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RegistrySourceConfig } from '../../src/config/types.ts'
import { createRegistry, findTaskDirs, type Registry, type RegistryReport } from '../../src/registry/registry.ts'
import { checkRegistryHealth, effectiveSources } from '../../src/registry/registry-status.ts'
import { openSqliteStore, type SqliteStore } from '../../src/store/index.ts'
import { waitFor } from '../helpers/process.ts'
import { silentLogger } from '../helpers/silent-logger.ts'
import { classicPackage, makeTempRoot, writeFiles } from '../helpers/temp-files.ts'

const open: Array<{ close(): void }> = []

afterEach(() => {
  for (const item of open.splice(0).reverse()) item.close()
})

function source(path: string, watch = false): RegistrySourceConfig {
  return { name: 'local', uri: `file://${path}`, path, watchForChanges: watch, autoReload: false }
}

function setup(sources: RegistrySourceConfig[], options: { debounceMs?: number } = {}): { registry: Registry; store: SqliteStore; logger: ReturnType<typeof silentLogger> } {
  const store = openSqliteStore({ path: ':memory:', synchronous: 'NORMAL' })
  open.push(store)
  const logger = silentLogger()
  const registry = createRegistry({ sources, store, logger }, options)
  open.push(registry)
  return { registry, store, logger }
}

describe('discovery', () => {
  test('finds packages in nested folders, skipping tests/ and hidden folders', async () => {
    const root = await makeTempRoot()
    await writeFiles(root, 'top', classicPackage('top'))
    await writeFiles(root, 'group/alpha', classicPackage('alpha'))
    await writeFiles(root, 'group/deeper/still/beta', classicPackage('beta'))
    await writeFiles(root, 'yaml/gamma', { 'meta.yaml': 'name: gamma\nversion: "1.0"\n', 'task.js': 'export default () => "g"\n' })
    await writeFiles(root, '.hidden/secret', classicPackage('secret'))
    await writeFiles(root, 'group/tests/not-a-task', classicPackage('not-a-task'))
    await writeFiles(root, 'node_modules/dep', classicPackage('dep'))
    await writeFiles(root, 'empty/nothing', { 'README.md': 'no task here' })
    const { registry, store } = setup([source(root)])
    const report = await registry.load()
    expect(report.problems).toEqual([])
    expect(report.loaded).toBe(4)
    expect(registry.list().map((t) => t.name)).toEqual(['alpha', 'beta', 'gamma', 'top'])
    expect(registry.get('beta')?.dir).toBe(join(root, 'group/deeper/still/beta'))
    expect(report.changed.sort()).toEqual(['alpha', 'beta', 'gamma', 'top'])
    expect(await store.listTaskVersions('alpha')).toHaveLength(1)
    // A second scan of unchanged files changes nothing.
    expect(await registry.load()).toMatchObject({ loaded: 4, changed: [], removed: [] })
    expect(await store.listTaskVersions('alpha')).toHaveLength(1)
  })

  test('a folder that is itself a package is the only package found under it', async () => {
    const root = await makeTempRoot()
    const dir = await writeFiles(root, 'solo', classicPackage('solo'))
    expect(await findTaskDirs(dir)).toEqual([dir])
  })

  test('finds a task by uuid as well as by name', async () => {
    const root = await makeTempRoot()
    await writeFiles(root, 'with-id', { 'metadata.json': { name: 'with-id', version: '1.0.0', uuid: 'abc-123' }, 'main.js': 'function main() { return 1 }\n' })
    const { registry } = setup([source(root)])
    await registry.load()
    expect(registry.get('abc-123')?.name).toBe('with-id')
  })

  test('a missing source folder is reported, not thrown', async () => {
    const root = await makeTempRoot()
    const { registry } = setup([source(join(root, 'does-not-exist'))])
    const report = await registry.load()
    expect(report.loaded).toBe(0)
    expect(report.problems[0].problems[0].message).toContain('cannot read the source folder')
  })
})

describe('problems', () => {
  test('a duplicate name is reported with both paths and the first one in path order is kept', async () => {
    const root = await makeTempRoot()
    const first = await writeFiles(root, 'a-first/same', classicPackage('same', 'function main() { return "first" }\n'))
    const second = await writeFiles(root, 'b-second/same', classicPackage('same', 'function main() { return "second" }\n'))
    const { registry, logger } = setup([source(root)])
    const report = await registry.load()
    expect(report.loaded).toBe(1)
    expect(registry.get('same')?.dir).toBe(first)
    expect(report.problems).toHaveLength(1)
    const [problem] = report.problems
    expect(problem.dir).toBe(second)
    expect(problem.problems[0].file).toBe(join(second, 'metadata.json'))
    expect(problem.problems[0].message).toContain('duplicate task name "same"')
    expect(problem.problems[0].message).toContain(first)
    expect(registry.problems()).toEqual(report.problems)
    expect(logger.lines.some((l) => l.level === 'warn' && l.message === 'task package skipped')).toBe(true)
  })

  test('an invalid package is reported with its file and reason while the others load', async () => {
    const root = await makeTempRoot()
    await writeFiles(root, 'good-one', classicPackage('good-one'))
    const bad = await writeFiles(root, 'broken', { 'metadata.json': '{ "name": "broken", "version": ', 'main.js': 'function main() {}\n' })
    await writeFiles(root, 'good-two', classicPackage('good-two'))
    const { registry } = setup([source(root)])
    const report = await registry.load()
    expect(registry.list().map((t) => t.name)).toEqual(['good-one', 'good-two'])
    expect(report.problems).toHaveLength(1)
    expect(report.problems[0]).toMatchObject({ source: 'local', dir: bad })
    expect(report.problems[0].problems[0].file).toBe(join(bad, 'metadata.json'))
    expect(report.problems[0].problems[0].message).toMatch(/^invalid JSON at line 1, column \d+/)
    expect(registry.get('broken')).toBeUndefined()
  })
})

describe('packages without a usable code file', () => {
  test.each([
    ['missing', async (_dir: string) => {}, 'missing code file main.js'],
    ['a folder', async (dir: string) => mkdir(join(dir, 'main.js')), 'the code file main.js is a folder, not a file'],
    ['a dangling symlink', async (dir: string) => symlink(join(dir, 'gone.js'), join(dir, 'main.js')), 'is a symbolic link to'],
  ])('a metadata.json package whose main.js is %s is reported, not skipped', async (_kind, makeMain, reason) => {
    const root = await makeTempRoot()
    await writeFiles(root, 'good', classicPackage('good'))
    const bad = await writeFiles(root, 'no-code', { 'metadata.json': { name: 'no-code', version: '1.0.0' } })
    await makeMain(bad)
    const { registry, logger } = setup([source(root)])
    const report = await registry.load()
    expect(registry.list().map((t) => t.name)).toEqual(['good'])
    expect(report.problems).toHaveLength(1)
    expect(report.problems[0]).toMatchObject({ source: 'local', dir: bad })
    expect(report.problems[0].problems[0].file).toBe(join(bad, 'main.js'))
    expect(report.problems[0].problems[0].message).toContain(reason)
    const warning = logger.lines.find((l) => l.message === 'task package skipped')
    expect(warning?.fields).toMatchObject({ source: 'local', file: join(bad, 'main.js') })
  })

  test('a meta.yaml package whose entrypoint is missing is reported', async () => {
    const root = await makeTempRoot()
    const bad = await writeFiles(root, 'yaml-no-code', { 'meta.yaml': 'name: yaml-no-code\nversion: "1.0"\nentrypoint: run.js\n' })
    const { registry } = setup([source(root)])
    const report = await registry.load()
    expect(report.problems[0].problems[0]).toMatchObject({ file: join(bad, 'run.js'), message: 'missing code file run.js' })
  })

  test('discovery stops at a folder with only metadata.json: nothing below it is a separate package', async () => {
    const root = await makeTempRoot()
    const outer = await writeFiles(root, 'outer', { 'metadata.json': { name: 'outer', version: '1.0.0' } })
    await writeFiles(root, 'outer/inner', classicPackage('inner'))
    expect(await findTaskDirs(root)).toEqual([outer])
  })
})

describe('problem paths and log lines', () => {
  test('every problem names an absolute file, and the log line says which folder', async () => {
    const root = await makeTempRoot()
    const broken = await writeFiles(root, 'broken', { 'metadata.json': { version: '1.0.0' }, 'main.js': 'function main() {}\n' })
    await writeFiles(root, 'x-first/dup', classicPackage('dup'))
    const second = await writeFiles(root, 'y-second/dup', classicPackage('dup'))
    const { registry, logger } = setup([source(root)])
    const report = await registry.load()
    const files = report.problems.flatMap((p) => p.problems.map((q) => q.file))
    expect(files).toEqual([join(broken, 'metadata.json'), join(second, 'metadata.json')])
    const logged = logger.lines.filter((l) => l.message === 'task package skipped').map((l) => l.fields?.file)
    expect(logged).toEqual(files)
  })
})

describe('watching for changes', () => {
  test('picks up a change to main.js within a second and records a second task version', async () => {
    const root = await makeTempRoot()
    const dir = await writeFiles(root, 'nested/watched', classicPackage('watched', 'function main() { return 1 }\n'))
    const { registry, store } = setup([source(root, true)], { debounceMs: 50 })
    const reports: RegistryReport[] = []
    registry.onChange((report) => reports.push(report))
    await registry.load()
    const before = registry.get('watched')!.checksum
    await Bun.sleep(50)
    await writeFile(join(dir, 'main.js'), 'function main() { return 2 }\n')
    const changed = await waitFor(() => registry.get('watched')?.checksum !== before, 1000)
    expect(changed).toBe(true)
    expect(registry.get('watched')?.code).toContain('return 2')
    expect((await store.listTaskVersions('watched')).map((v) => v.checksum).sort()).toEqual([before, registry.get('watched')!.checksum].sort())
    expect(reports.some((r) => r.changed.includes('watched'))).toBe(true)
  })

  test('a removed task disappears and is reported as removed', async () => {
    const root = await makeTempRoot()
    await writeFiles(root, 'stays', classicPackage('stays'))
    const doomed = await writeFiles(root, 'doomed', classicPackage('doomed'))
    const { registry } = setup([source(root, true)], { debounceMs: 50 })
    const reports: RegistryReport[] = []
    registry.onChange((report) => reports.push(report))
    await registry.load()
    expect(registry.get('doomed')).toBeDefined()
    await Bun.sleep(50)
    await rm(doomed, { recursive: true, force: true })
    expect(await waitFor(() => registry.get('doomed') === undefined, 1000)).toBe(true)
    expect(registry.get('stays')).toBeDefined()
    expect(reports.some((r) => r.removed.includes('doomed'))).toBe(true)
  })

  test('a source without watchForChanges does not reload on its own', async () => {
    const root = await makeTempRoot()
    const dir = await writeFiles(root, 'still', classicPackage('still', 'function main() { return 1 }\n'))
    const { registry } = setup([source(root, false)], { debounceMs: 20 })
    await registry.load()
    const before = registry.get('still')!.checksum
    await writeFile(join(dir, 'main.js'), 'function main() { return 2 }\n')
    await Bun.sleep(300)
    expect(registry.get('still')!.checksum).toBe(before)
    expect((await registry.load()).changed).toEqual(['still'])
  })
})

describe('overrides', () => {
  const named = (name: string, path: string, overrides = false): RegistrySourceConfig => ({ ...source(path), name, ...(overrides ? { overrides: true } : {}) })

  test.each([
    ['after', false],
    ['before', true],
  ])('a package of an overrides source listed %s the read-only one wins and shadows it without a problem', async (_label, first) => {
    const root = await makeTempRoot()
    const readOnly = await writeFiles(root, 'shared/same', classicPackage('same', 'function main() { return "shared" }\n'))
    const mine = await writeFiles(root, 'tasks/same', classicPackage('same', 'function main() { return "mine" }\n'))
    const shared = named('shared', join(root, 'shared'))
    const tasks = named('tasks', join(root, 'tasks'), true)
    const { registry, logger } = setup(first ? [tasks, shared] : [shared, tasks])
    const report = await registry.load()
    expect(registry.get('same')?.dir).toBe(mine)
    expect(report.problems).toEqual([])
    expect(report.shadowed).toEqual([{ name: 'same', dir: readOnly, shadowedBy: mine }])
    expect(registry.shadowed()).toEqual(report.shadowed)
    const logged = () => logger.lines.filter((l) => l.level === 'info' && l.message === 'task overridden by the tasks folder')
    expect(logged()).toHaveLength(1)
    await registry.load()
    expect(logged()).toHaveLength(1)

    // Removing the override uncovers the read-only package.
    await rm(mine, { recursive: true })
    const after = await registry.load()
    expect(registry.get('same')?.dir).toBe(readOnly)
    expect(after).toMatchObject({ shadowed: [], problems: [], changed: ['same'] })
  })

  test('the same name in two sources without overrides is still a duplicate problem', async () => {
    const root = await makeTempRoot()
    const first = await writeFiles(root, 'one/same', classicPackage('same'))
    const second = await writeFiles(root, 'two/same', classicPackage('same'))
    const { registry } = setup([named('one', join(root, 'one')), named('two', join(root, 'two'))])
    const report = await registry.load()
    expect(registry.get('same')?.dir).toBe(first)
    expect(report.shadowed).toEqual([])
    expect(report.problems).toHaveLength(1)
    expect(report.problems[0]).toMatchObject({ source: 'two', dir: second })
    expect(report.problems[0].problems[0].message).toContain('duplicate task name "same"')
  })

  test('the same name twice inside an overrides source is still a duplicate problem', async () => {
    const root = await makeTempRoot()
    await writeFiles(root, 'tasks/a/same', classicPackage('same'))
    const second = await writeFiles(root, 'tasks/b/same', classicPackage('same'))
    const { registry } = setup([named('tasks', join(root, 'tasks'), true)])
    const report = await registry.load()
    expect(report.problems.map((p) => p.dir)).toEqual([second])
    expect(report.shadowed).toEqual([])
  })

  test('registry health counts a shadowed folder as loaded, not as new', async () => {
    const root = await makeTempRoot()
    await writeFiles(root, 'shared/same', classicPackage('same'))
    await writeFiles(root, 'tasks/same', classicPackage('same'))
    const sources = [named('shared', join(root, 'shared')), named('tasks', join(root, 'tasks'), true)]
    const { registry } = setup(sources)
    await registry.load()
    const health = await checkRegistryHealth(registry, sources)
    expect(health.overall).toBe('healthy')
    expect(health.sources.map((s) => s.newDirs)).toEqual([[], []])
  })
})

describe('effectiveSources', () => {
  test('adds the tasks folder as an overrides source, or flags the configured source that is it', () => {
    const shared = source('/srv/shared')
    expect(effectiveSources([shared], '/srv/tasks')).toEqual([shared, { name: 'tasks', uri: 'file:///srv/tasks', path: '/srv/tasks', watchForChanges: true, autoReload: true, overrides: true }])
    expect(effectiveSources([shared, source('/srv/tasks')], '/srv/tasks')[1]).toMatchObject({ path: '/srv/tasks', overrides: true })
    // A source that only contains the tasks folder is left alone: all its tasks would override.
    expect(effectiveSources([source('/srv')], '/srv/tasks')).toEqual([source('/srv')])
  })
})
