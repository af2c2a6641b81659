import { rm } from 'node:fs/promises'
import { relative } from 'node:path'
import type { TaskTestReport, TestCaseResult } from '../../../engine/run-task-tests.ts'
import type { TaskPackage, TaskProblem } from '../../../tasks/types.ts'
import { pathKind } from '../../../tasks/read-metadata.ts'
import { isInsideDir, taskFolderFor } from '../../../tasks/write-task-package.ts'
import type { ToolContext } from '../types.ts'
import { reloadAndGet } from './save-task.ts'

/** Helpers shared by the task-development tools (create, edit, delete, validate, version, import/export). */

export interface TestResultsOutput {
  total: number
  passed: number
  failed: number
  results: TestResultOutput[]
}

export interface TestResultOutput {
  name: string
  description?: string
  status: 'passed' | 'failed'
  duration_ms: number
  execution_id: string
  execution_status?: TestCaseResult['status']
  input: unknown
  expected_output?: unknown
  actual_output?: unknown
  error?: { type: string; code: string; message: string; reason?: string; location?: { file: string; line: number; column?: number; source?: string } }
  reason?: string
  file?: string
}

/** One test result in the shape every tool's schema uses. */
export function testResultOutput(result: TestCaseResult, dir: string): TestResultOutput {
  const error = result.error
  return {
    name: result.name,
    ...(result.description !== undefined ? { description: result.description } : {}),
    status: result.passed ? 'passed' : 'failed',
    duration_ms: result.durationMs,
    execution_id: result.executionId,
    execution_status: result.status,
    input: result.input,
    ...(result.expectedOutput !== undefined ? { expected_output: result.expectedOutput } : {}),
    ...(result.actualOutput !== undefined ? { actual_output: result.actualOutput } : {}),
    ...(error
      ? { error: { type: error.type, code: error.code, message: error.message, ...(error.reason ? { reason: error.reason } : {}), ...(error.location ? { location: error.location } : {}) } }
      : {}),
    ...(result.reason !== undefined ? { reason: result.reason } : {}),
    file: relative(dir, result.file),
  }
}

export function testResultsOutput(report: TaskTestReport, dir: string): TestResultsOutput {
  return { total: report.total, passed: report.passed, failed: report.failed, results: report.results.map((r) => testResultOutput(r, dir)) }
}

/** "2/3 tests passed (failed: x: output differs …)" for messages. */
export function describeTestReport(report: TaskTestReport): string {
  if (report.total === 0) return 'no tests to run'
  const failed = report.results.filter((r) => !r.passed)
  const head = `${report.passed}/${report.total} test${report.total === 1 ? '' : 's'} passed`
  if (failed.length === 0) return head
  return `${head}; failing: ${failed.map((r) => `"${r.name}" (${r.reason ?? 'failed'})`).join('; ')}`
}

/** Problems as lines: `main.js: syntax error at line 3 … (fix: …)`. */
export function describeProblems(problems: TaskProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.message}${p.hint ? ` (fix: ${p.hint})` : ''}`).join('\n')
}

export function notFoundMessage(taskId: string): { message: string; hint: string } {
  return { message: `No task named or with the uuid ${JSON.stringify(taskId)} is loaded`, hint: 'List the tasks with ratchet_list_available_tasks (names are case-sensitive).' }
}

/** The task's id for outputs: its uuid, or its name when it has none. */
export function taskIdOf(pkg: TaskPackage): string {
  return pkg.uuid ?? pkg.name
}

/** True when the package's folder lives in the writable tasks folder (not in .versions or another source). */
export function isEditable(ctx: ToolContext, pkg: TaskPackage): Promise<boolean> {
  return isInsideDir(ctx.tasksDir, pkg.dir)
}

/**
 * The loaded task a development tool may change, or why not: unknown, or outside the tasks folder.
 * With `copyOnWrite`, a task from a read-only source is returned too, with `copy: true`: the caller
 * saves its change as a copy in the tasks folder (see overrideTarget), which then overrides it.
 */
export async function findEditableTask(ctx: ToolContext, taskId: string, options: { copyOnWrite?: boolean } = {}): Promise<{ task: TaskPackage; copy: boolean } | { refusal: { message: string; hint: string; name?: string } }> {
  const task = ctx.registry.get(taskId)
  if (!task) return { refusal: notFoundMessage(taskId) }
  if (await isEditable(ctx, task)) return { task, copy: false }
  if (options.copyOnWrite === true) return { task, copy: true }
  return { refusal: { ...readOnlyMessage(ctx, task), name: task.name } }
}

/** Why a read-only task cannot be deleted (or changed without a copy), and what to do instead. */
export function readOnlyMessage(ctx: ToolContext, pkg: TaskPackage): { message: string; hint: string } {
  return {
    message: `Task "${pkg.name}" comes from ${pkg.dir}, outside the writable tasks folder ${ctx.tasksDir}: that source is read-only here`,
    hint: `Remove it from its own folder (or leave that source out of registry.sources) to drop it. To change it instead, use ratchet_edit_task {"task_id": "${pkg.name}", ...}: the edit is saved as a copy in the tasks folder that overrides it, and deleting that copy brings this one back.`,
  }
}

/**
 * `<tasksDir>/<name>` for the override copy of a read-only task, or why it cannot be written: that
 * folder exists already (a package that does not load, or one of another name).
 */
export async function overrideTarget(ctx: ToolContext, pkg: TaskPackage): Promise<{ target: string } | { refusal: { message: string; hint: string } }> {
  const target = await taskFolderFor(ctx.tasksDir, pkg.name)
  if ((await pathKind(target)) === null) return { target }
  return {
    refusal: {
      message: `"${pkg.name}" comes from the read-only ${pkg.dir}; its copy would go to ${target}, which already exists but is not the loaded "${pkg.name}"`,
      hint: 'See why that folder is not loaded with ratchet_registry_health, then fix it or move it away and try again.',
    },
  }
}

/**
 * Checks that a just-published override copy at `target` is what the registry now serves under its
 * name. When it is not (the tasks folder is not a source that overrides the others, e.g. it lies
 * inside a configured source), the copy is removed again and the refusal says why.
 */
export async function confirmOverride(ctx: ToolContext, original: TaskPackage, target: string): Promise<{ pkg: TaskPackage } | { refusal: { message: string; hint: string } }> {
  const { pkg, registered } = await reloadAndGet(ctx, original.name, target)
  if (registered) return { pkg }
  await rm(target, { recursive: true, force: true })
  await ctx.registry.load()
  return {
    refusal: {
      message: `"${original.name}" comes from the read-only ${original.dir}, and the tasks folder ${ctx.tasksDir} does not override other sources in this setup (it is not its own registry source), so a copy under the same name would not be served; nothing was changed`,
      hint: `Copy it under a NEW name instead: ratchet_export_tasks {"task_id": "${original.name}"}, then ratchet_import_tasks {"data": <its bundle>, "options": {"name_prefix": "my-"}}, then change "my-${original.name}".`,
    },
  }
}

const locks = new Map<string, Promise<unknown>>()

/**
 * Runs `fn` after every earlier call with the same key has finished, so two edits of one task folder
 * never interleave. Keys are absolute folder paths.
 */
export async function withFolderLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve()
  const run = previous.catch(() => undefined).then(fn)
  const tail = run.catch(() => undefined)
  locks.set(key, tail)
  try {
    return await run
  } finally {
    if (locks.get(key) === tail) locks.delete(key)
  }
}
