/**
 * The task registry: discovers task packages under each configured source (recursively), keeps the
 * loaded ones by name and uuid, reports every unreadable or invalid package and duplicate name without
 * letting it stop the others, lets a package of an `overrides` source (the writable tasks folder)
 * shadow a same-named one from the other sources, records each distinct content (checksum) as a task
 * version, and — when a source asks for it — watches the folder and reloads changed tasks.
 */
import { watch, type FSWatcher } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { isAbsolute, join, relative } from 'node:path'
import { isAppError } from '../errors.ts'
import type { RegistrySourceConfig } from '../config/types.ts'
import type { ExecutionWriter } from '../store/types.ts'
import type { TaskPackage, TaskProblem } from '../tasks/types.ts'
import { isTaskDir, loadTaskPackage } from '../tasks/load-task.ts'
import type { Logger } from '../lib/logger.ts'

export interface RegistryProblem {
  source: string
  /** Absolute task folder (or source folder). */
  dir: string
  /** Each problem's `file` is an absolute path. */
  problems: TaskProblem[]
}

/** A package hidden by a same-named one from an `overrides` source: not a problem, but worth knowing. */
export interface ShadowedTask {
  name: string
  /** Absolute folder of the hidden package. */
  dir: string
  /** Absolute folder of the package served instead. */
  shadowedBy: string
}

export interface RegistryReport {
  loaded: number
  problems: RegistryProblem[]
  shadowed: ShadowedTask[]
  /** Names whose content changed (or appeared) in this load. */
  changed: string[]
  removed: string[]
}

export interface Registry {
  /** (Re)scans every source. */
  load(): Promise<RegistryReport>
  /** By name, or by uuid. */
  get(nameOrId: string): TaskPackage | undefined
  list(): TaskPackage[]
  problems(): RegistryProblem[]
  /** Packages hidden by an override of the same name, as of the last load. */
  shadowed(): ShadowedTask[]
  /** Called after every load that changed something. */
  onChange(listener: (report: RegistryReport) => void): () => void
  close(): void
}

/**
 * The problem reported for the second (third, …) package that uses a name already taken by an
 * earlier one in path order. Shared by the registry and the `validate`/`test` commands.
 */
export function duplicateNameProblem(task: Pick<TaskPackage, 'name' | 'dir' | 'layout'>, firstDir: string): TaskProblem {
  return {
    file: join(task.dir, task.layout),
    message: `duplicate task name "${task.name}": already used by ${firstDir}`,
    hint: 'Give one of them another name; the first one found (in path order) is used.',
  }
}

/** Problems with every `file` made absolute (task problems name files relative to their folder). */
function withAbsoluteFiles(dir: string, list: TaskProblem[]): TaskProblem[] {
  return list.map((problem) => (isAbsolute(problem.file) ? problem : { ...problem, file: join(dir, problem.file) }))
}

const SKIP = new Set(['node_modules', '.git', 'tests'])

/** Every task package folder under `root` (the root itself if it is one), in path order. */
export async function findTaskDirs(root: string, out: string[] = [], depth = 0): Promise<string[]> {
  if (depth > 12) return out
  if (await isTaskDir(root)) {
    out.push(root)
    return out
  }
  let entries
  try {
    entries = await readdir(root, { withFileTypes: true })
  } catch (error) {
    if (depth === 0) throw error
    return out
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIP.has(entry.name)) await findTaskDirs(join(root, entry.name), out, depth + 1)
  }
  return out
}

export function createRegistry(deps: { sources: RegistrySourceConfig[]; store?: Pick<ExecutionWriter, 'recordTaskVersion'>; logger: Logger }, options: { debounceMs?: number } = {}): Registry {
  const { sources, store, logger } = deps
  let byName = new Map<string, TaskPackage>()
  let byId = new Map<string, TaskPackage>()
  let problems: RegistryProblem[] = []
  let shadowed: ShadowedTask[] = []
  const listeners = new Set<(report: RegistryReport) => void>()
  const watchers: FSWatcher[] = []
  let reloadTimer: ReturnType<typeof setTimeout> | null = null
  let loading: Promise<RegistryReport> | null = null

  const scan = async (): Promise<RegistryReport> => {
    const nextByName = new Map<string, TaskPackage>()
    const overriding = new Set<string>()
    const nextProblems: RegistryProblem[] = []
    const nextShadowed: ShadowedTask[] = []
    for (const source of sources) {
      const dirs: string[] = []
      try {
        await findTaskDirs(source.path, dirs)
      } catch (error) {
        nextProblems.push({ source: source.name, dir: source.path, problems: [{ file: source.path, message: `cannot read the source folder: ${(error as Error).message}`, hint: `Check registry.sources "${source.name}" (uri ${source.uri}).` }] })
        continue
      }
      for (const dir of dirs) {
        try {
          const task = await loadTaskPackage(dir)
          const existing = nextByName.get(task.name)
          const existingOverrides = overriding.has(task.name)
          if (existing && source.overrides === true && !existingOverrides) {
            nextShadowed.push({ name: task.name, dir: existing.dir, shadowedBy: task.dir })
          } else if (existing && source.overrides !== true && existingOverrides) {
            nextShadowed.push({ name: task.name, dir: task.dir, shadowedBy: existing.dir })
            continue
          } else if (existing) {
            nextProblems.push({ source: source.name, dir, problems: [duplicateNameProblem(task, existing.dir)] })
            continue
          }
          nextByName.set(task.name, task)
          if (source.overrides === true) overriding.add(task.name)
        } catch (error) {
          const list = isAppError(error) && Array.isArray(error.data?.problems) ? (error.data!.problems as TaskProblem[]) : [{ file: dir, message: (error as Error).message }]
          nextProblems.push({ source: source.name, dir, problems: withAbsoluteFiles(dir, list) })
        }
      }
    }
    const changed: string[] = []
    for (const [name, task] of nextByName) {
      if (byName.get(name)?.checksum !== task.checksum) changed.push(name)
    }
    if (store) await Promise.all([...nextByName.values()].map((task) => store.recordTaskVersion(task)))
    const removed = [...byName.keys()].filter((name) => !nextByName.has(name))
    byName = nextByName
    byId = new Map([...nextByName.values()].filter((t) => t.uuid).map((t) => [t.uuid!, t]))
    problems = nextProblems
    const key = (s: ShadowedTask) => `${s.name}\0${s.dir}\0${s.shadowedBy}`
    const before = new Set(shadowed.map(key))
    for (const entry of nextShadowed) {
      if (!before.has(key(entry))) logger.info('task overridden by the tasks folder', { task: entry.name, shadowed: entry.dir, by: entry.shadowedBy })
    }
    shadowed = nextShadowed
    for (const problem of nextProblems) {
      for (const p of problem.problems) logger.warn('task package skipped', { source: problem.source, file: isAbsolute(p.file) ? p.file : join(problem.dir, p.file), reason: p.message })
    }
    const report = { loaded: byName.size, problems: nextProblems, shadowed: nextShadowed, changed, removed }
    if (changed.length > 0 || removed.length > 0) {
      logger.info('task registry loaded', { tasks: byName.size, changed: changed.length, removed: removed.length, problems: nextProblems.length })
    }
    return report
  }

  const load = async (): Promise<RegistryReport> => {
    // Loads never overlap: a change during a scan schedules one more scan after it.
    while (loading) await loading
    loading = scan()
    try {
      const report = await loading
      if (report.changed.length > 0 || report.removed.length > 0) for (const listener of listeners) listener(report)
      return report
    } finally {
      loading = null
    }
  }

  const scheduleReload = () => {
    if (reloadTimer) clearTimeout(reloadTimer)
    reloadTimer = setTimeout(() => {
      reloadTimer = null
      load().catch((error) => logger.error('task reload failed', { error: String(error) }))
    }, options.debounceMs ?? 150)
  }

  for (const source of sources) {
    if (!source.watchForChanges && !source.autoReload) continue
    try {
      const watcher = watch(source.path, { recursive: true }, (_event, file) => {
        if (file && /(^|\/)\.|~$|\.swp$|\.tmp$/.test(String(file))) return
        scheduleReload()
      })
      watchers.push(watcher)
      logger.debug('watching task source', { source: source.name, path: relative(process.cwd(), source.path) || '.' })
    } catch (error) {
      logger.warn('cannot watch task source; changes need a restart or sync', { source: source.name, error: (error as Error).message })
    }
  }

  return {
    load,
    get: (nameOrId) => byName.get(nameOrId) ?? byId.get(nameOrId),
    list: () => [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)),
    problems: () => problems,
    shadowed: () => shadowed,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      if (reloadTimer) clearTimeout(reloadTimer)
      for (const watcher of watchers) watcher.close()
    },
  }
}
