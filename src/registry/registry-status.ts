/**
 * The registry seen per source, for ratchet_sync_registry and ratchet_registry_health. The registry
 * loads every source in one pass and keeps one table of tasks, so "per source" is derived: a task
 * belongs to the source whose folder holds its folder (the deepest one, should sources nest), and a
 * load problem names its source itself.
 */
import { readdir } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { RegistrySourceConfig } from '../config/types.ts'
import type { TaskPackage, TaskProblem } from '../tasks/types.ts'
import { validateTaskDir } from '../tasks/validate-task.ts'
import { findTaskDirs, type Registry, type RegistryProblem } from './registry.ts'

/** Most folder paths listed in one health report field. */
export const MAX_LISTED_DIRS = 20

export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy'

const contains = (root: string, dir: string) => {
  const rel = relative(root, dir)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * The sources the server's registry loads: the configured ones plus the writable tasks folder, which
 * the runtime adds as a watched source named `tasks` (or `tasks-2`, ...) unless a configured source
 * already covers it (src/cli/runtime.ts, withTasksDir), flagged `overrides`. Per-source reports must
 * use the same names.
 */
export function effectiveSources(configured: readonly RegistrySourceConfig[], tasksDir: string | undefined): RegistrySourceConfig[] {
  if (tasksDir === undefined) return [...configured]
  const path = resolve(tasksDir)
  // The tasks folder overrides read-only sources (copy-on-write edits). A source that merely contains
  // it stays as it is: flagging it would let all of its tasks override the others.
  if (configured.some((source) => source.path === path)) return configured.map((source) => (source.path === path ? { ...source, overrides: true } : source))
  if (configured.some((source) => path.startsWith(source.path + sep))) return [...configured]
  const names = new Set(configured.map((source) => source.name))
  let name = 'tasks'
  for (let n = 2; names.has(name); n++) name = `tasks-${n}`
  return [...configured, { name, uri: pathToFileURL(path).href, path, watchForChanges: true, autoReload: true, overrides: true }]
}

/** The source a task folder was loaded from: the deepest source folder that contains it. */
export function sourceOfDir(sources: readonly RegistrySourceConfig[], dir: string): RegistrySourceConfig | undefined {
  return sources.filter((source) => contains(source.path, dir)).sort((a, b) => b.path.length - a.path.length)[0]
}

/** Loaded tasks and load problems, by source name. */
export function groupBySource(sources: readonly RegistrySourceConfig[], tasks: readonly TaskPackage[], problems: readonly RegistryProblem[]) {
  const groups = new Map(sources.map((source) => [source.name, { tasks: [] as TaskPackage[], problems: [] as RegistryProblem[] }]))
  for (const task of tasks) {
    const source = sourceOfDir(sources, task.dir)
    if (source) groups.get(source.name)!.tasks.push(task)
  }
  for (const problem of problems) groups.get(problem.source)?.problems.push(problem)
  return groups
}

async function readable(path: string): Promise<string | null> {
  try {
    await readdir(path)
    return null
  } catch (error) {
    return (error as Error).message
  }
}

const flatten = (problems: readonly RegistryProblem[]) =>
  problems.flatMap((p) => p.problems.map((q) => ({ dir: p.dir, file: q.file, message: q.message, ...(q.hint ? { hint: q.hint } : {}) })))

export interface SourceSync {
  name: string
  uri: string
  path: string
  reachable: boolean
  tasks: string[]
  problems: Array<{ dir: string; file: string; message: string; hint?: string }>
  validation?: Array<{ task: string; valid: boolean; problems: TaskProblem[]; warnings: TaskProblem[] }>
}

/**
 * Reloads the registry (every source: there is one registry) and reports the sources asked for.
 * With `validate`, each loaded task is also checked as `ratchet validate` does (tests against schemas,
 * missing tests or schemas); only tasks with something to say are listed.
 */
export async function syncRegistry(registry: Registry, sources: readonly RegistrySourceConfig[], options: { only?: RegistrySourceConfig; validate: boolean }) {
  const report = await registry.load()
  const groups = groupBySource(sources, registry.list(), report.problems)
  const synced: SourceSync[] = []
  for (const source of options.only ? [options.only] : sources) {
    const group = groups.get(source.name)!
    const entry: SourceSync = {
      name: source.name,
      uri: source.uri,
      path: source.path,
      reachable: (await readable(source.path)) === null,
      tasks: group.tasks.map((task) => task.name),
      problems: flatten(group.problems),
    }
    if (options.validate) {
      entry.validation = []
      for (const task of group.tasks) {
        const result = await validateTaskDir(task.dir)
        if (result.problems.length > 0 || result.warnings.length > 0) entry.validation.push({ task: task.name, valid: result.ok, problems: result.problems, warnings: result.warnings })
      }
    }
    synced.push(entry)
  }
  const totalProblems = report.problems.reduce((n, p) => n + p.problems.length, 0)
  return { sources: synced, changed: report.changed, removed: report.removed, totalTasks: report.loaded, totalProblems }
}

export interface SourceHealth {
  name: string
  uri: string
  path: string
  status: HealthStatus
  reachable: boolean
  taskCount: number
  problemCount: number
  watching: boolean
  inSync: boolean
  newDirs: string[]
  missingDirs: string[]
  error?: string
}

/**
 * Compares each source folder on disk now with what the registry last loaded: a folder that cannot be
 * read is unhealthy; load problems, or task folders added or gone since the last load, are degraded.
 */
export async function checkRegistryHealth(registry: Registry, sources: readonly RegistrySourceConfig[]) {
  const problems = registry.problems()
  const groups = groupBySource(sources, registry.list(), problems)
  const health: SourceHealth[] = []
  for (const source of sources) {
    const group = groups.get(source.name)!
    const error = await readable(source.path)
    const problemCount = group.problems.reduce((n, p) => n + p.problems.length, 0)
    const base = { name: source.name, uri: source.uri, path: source.path, taskCount: group.tasks.length, problemCount, watching: source.watchForChanges || source.autoReload }
    if (error !== null) {
      health.push({ ...base, status: 'unhealthy', reachable: false, inSync: false, newDirs: [], missingDirs: [], error })
      continue
    }
    const onDisk = new Set(await findTaskDirs(source.path).catch(() => [] as string[]))
    // Folders hidden by an override were loaded too: they are not new.
    const known = new Set([...group.tasks.map((task) => task.dir), ...group.problems.map((p) => p.dir), ...registry.shadowed().map((s) => s.dir)])
    const newDirs = [...onDisk].filter((dir) => !known.has(dir))
    const missingDirs = group.tasks.map((task) => task.dir).filter((dir) => !onDisk.has(dir))
    const inSync = newDirs.length === 0 && missingDirs.length === 0
    health.push({
      ...base,
      status: problemCount > 0 || !inSync ? 'degraded' : 'healthy',
      reachable: true,
      inSync,
      newDirs: newDirs.slice(0, MAX_LISTED_DIRS),
      missingDirs: missingDirs.slice(0, MAX_LISTED_DIRS),
    })
  }
  let overall: HealthStatus = 'healthy'
  if (health.length === 0 || health.every((source) => !source.reachable)) overall = 'unhealthy'
  else if (health.some((source) => source.status !== 'healthy')) overall = 'degraded'
  const listed = problems.flatMap((p) => p.problems.map((q) => ({ source: p.source, dir: p.dir, file: q.file, message: q.message, ...(q.hint ? { hint: q.hint } : {}) })))
  return { overall, sources: health, totalTasks: registry.list().length, totalProblems: listed.length, problems: listed }
}
