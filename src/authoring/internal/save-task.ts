/**
 * The write path every authoring operation shares: a package is staged in a hidden folder, checked
 * there, and only then renamed into the tasks folder; the registry is reloaded and the package's tests
 * run in the pool.
 */
import { realpath, rm } from 'node:fs/promises'
import { runTaskTests, type TaskTestReport } from '../../engine/run-task-tests.ts'
import { inspectTaskDir } from '../../tasks/inspect-task.ts'
import { loadTaskPackage } from '../../tasks/load-task.ts'
import type { TaskPackage, TaskProblem } from '../../tasks/types.ts'
import { validateTaskDir } from '../../tasks/validate-task.ts'
import { publishStaged } from '../../tasks/write-task-package.ts'
import type { AuthoringDeps, CallOptions } from '../types.ts'

export interface StagedCheck {
  /** Problems that refuse the package. */
  problems: TaskProblem[]
  /** Advice that does not: missing tests or schemas, and (when not strict) tests contradicting schemas. */
  warnings: TaskProblem[]
}

/**
 * Checks a staged package. A package that cannot load is always refused; with `strict` so is one
 * whose tests contradict its schemas (validateTaskDir's extra checks).
 */
export async function checkStaged(dir: string, strict: boolean): Promise<StagedCheck> {
  const validation = await validateTaskDir(dir)
  if (strict) return { problems: validation.problems, warnings: validation.warnings }
  const inspection = await inspectTaskDir(dir)
  const blocking = new Set(inspection.problems.map((p) => `${p.file}\n${p.message}`))
  const advisory = validation.problems.filter((p) => !blocking.has(`${p.file}\n${p.message}`))
  return { problems: inspection.problems, warnings: [...advisory, ...validation.warnings] }
}

/** Removes a staged folder that will not be published. */
export function discardStaged(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true })
}

/** Renames the staged folder to `target` (replacing what is there when `replace`). */
export async function publish(staged: string, target: string, replace: boolean): Promise<void> {
  try {
    await publishStaged(staged, target, { replace })
  } catch (error) {
    await discardStaged(staged)
    throw error
  }
}

export interface LoadedTask {
  pkg: TaskPackage
  /** False when the tasks folder is not a registry source: the package is on disk but not served. */
  registered: boolean
}

async function samePath(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)])
  return x === y
}

/** Reloads the registry and returns the package saved at `dir` (loaded directly when not registered). */
export async function reloadAndGet(deps: Pick<AuthoringDeps, 'registry'>, name: string, dir: string, reload = true): Promise<LoadedTask> {
  if (reload) await deps.registry.load()
  const registered = deps.registry.get(name)
  if (registered && (await samePath(registered.dir, dir))) return { pkg: registered, registered: true }
  return { pkg: await loadTaskPackage(dir), registered: false }
}

export interface TestOptions extends CallOptions {
  names?: string[]
  stopOnFailure?: boolean
  /** Seconds per case; capped by deps.maxTestSeconds. */
  timeout?: number
}

/**
 * Runs the package's tests one case at a time, each capped by the door's execution time limit: between
 * cases it reports progress and stops once `signal` is aborted, so the report then covers only the
 * cases that ran.
 */
export async function runTests(deps: Pick<AuthoringDeps, 'engine' | 'maxTestSeconds'>, pkg: TaskPackage, options: TestOptions = {}): Promise<TaskTestReport> {
  const timeout = Math.min(options.timeout ?? deps.maxTestSeconds, deps.maxTestSeconds)
  const cases = options.names?.length ? pkg.tests.filter((t) => options.names!.includes(t.name)) : pkg.tests
  const results: TaskTestReport['results'] = []
  for (const [index, testCase] of cases.entries()) {
    if (options.signal?.aborted) break
    options.onProgress?.({ progress: index, total: cases.length, message: `test ${index + 1}/${cases.length}: ${testCase.name}` })
    const one = await runTaskTests(deps.engine, { ...pkg, tests: [testCase] }, { timeout })
    results.push(...one.results)
    if (options.stopOnFailure && one.failed > 0) break
  }
  options.onProgress?.({ progress: results.length, total: cases.length, message: options.signal?.aborted ? 'cancelled' : 'tests finished' })
  const passed = results.filter((r) => r.passed).length
  return { task: pkg.name, version: pkg.version, total: results.length, passed, failed: results.length - passed, results }
}

/** The sentence appended to messages when the tasks folder is not loaded by the registry. */
export function unregisteredNote(deps: Pick<AuthoringDeps, 'tasksDir'>): string {
  return ` Note: ${deps.tasksDir} is not one of registry.sources, so the task is saved but not served; add it as a file:// source.`
}
