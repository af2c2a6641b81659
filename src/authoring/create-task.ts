/**
 * Creating a task: a brand-new package written into the tasks folder (from code, or from a template).
 * Refuses a name already loaded anywhere or a folder already on disk; stages and validates the files,
 * publishes them, reloads the registry and runs the tests. Nothing is left on disk when it is refused.
 */
import { pathKind } from '../tasks/read-metadata.ts'
import { parseSemver } from '../tasks/semver.ts'
import { draftFiles, extraMetadata, normaliseTestCase, type TaskDraft } from '../tasks/task-draft.ts'
import { stageTaskFiles, taskFolderFor, taskNameProblem } from '../tasks/write-task-package.ts'
import { countProblems, describeProblems, describeTestReport, taskIdOf } from './internal/describe.ts'
import { withFolderLock } from './internal/folder-lock.ts'
import { refusal } from './internal/refuse.ts'
import { checkStaged, discardStaged, publish, reloadAndGet, runTests, unregisteredNote } from './internal/save-task.ts'
import type { AuthoringDeps, CallOptions, CreatedTask, NewTask, TestCaseInput } from './types.ts'

/** Test cases as a client gives them, in test-file form. */
export function testFilesFrom(cases: readonly TestCaseInput[] | undefined): Record<string, unknown>[] {
  return (cases ?? []).map((test) => normaliseTestCase(test))
}

/** Metadata every newly written package gets: a uuid and timestamps (caller's fields kept, ours win). */
export function newTaskMetadata(actor: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date().toISOString()
  return { ...extraMetadata(extra), uuid: crypto.randomUUID(), created_at: now, updated_at: now, ...(actor !== undefined ? { created_by: actor } : {}) }
}

/** The draft of a new task from a client's fields. */
export function draftOf(task: NewTask, actor: string | undefined): TaskDraft {
  return {
    name: task.name,
    version: task.version ?? '0.1.0',
    description: task.description ?? '',
    tags: task.tags ?? [],
    code: task.code,
    inputSchema: task.inputSchema ?? null,
    outputSchema: task.outputSchema ?? null,
    tests: testFilesFrom(task.tests),
    metadata: newTaskMetadata(actor, task.metadata ?? {}),
  }
}

/** Writes a new package from `draft` (see the file comment); throws the refusals of AuthoringRefusal. */
export async function saveNewTask(deps: AuthoringDeps, draft: TaskDraft, options: CallOptions & { runTests?: boolean }): Promise<CreatedTask> {
  const { name } = draft
  const nameProblem = taskNameProblem(name)
  if (nameProblem) throw refusal('BAD_INPUT', 'bad_name', nameProblem, 'Choose a name such as "fetch-weather" or "csv_to_json".', { name })
  if (!parseSemver(draft.version)) throw refusal('BAD_INPUT', 'bad_version', `version ${JSON.stringify(draft.version)} is not a semantic version`, 'Use MAJOR.MINOR.PATCH, e.g. "0.1.0".', { name })
  const existing = deps.registry.get(name)
  if (existing) {
    throw refusal('CONFLICT', 'name_taken', `A task named "${name}" already exists (${existing.dir}, version ${existing.version})`, 'Change the existing task instead (edit it), or pick another name.', { name, dir: existing.dir, version: existing.version })
  }
  const target = await taskFolderFor(deps.tasksDir, name)
  return withFolderLock(target, async () => {
    if ((await pathKind(target)) !== null) {
      throw refusal('CONFLICT', 'folder_exists', `${target} already exists on disk (a package the registry could not load, or another file)`, 'Validate it to see why it does not load, remove it, or pick another name.', { name, path: target })
    }
    const staged = await stageTaskFiles(deps.tasksDir, draftFiles(draft))
    const check = await checkStaged(staged, true)
    if (check.problems.length > 0) {
      await discardStaged(staged)
      throw refusal('TASK_INVALID', 'invalid', `Task "${name}" was not saved (${countProblems(check.problems)}):\n${describeProblems(check.problems)}`, 'Fix each problem listed and try again; nothing was written.', {
        name,
        problems: check.problems,
        warnings: check.warnings,
      })
    }
    await publish(staged, target, false)
    const { pkg, registered } = await reloadAndGet(deps, name, target)
    const wantTests = options.runTests !== false
    const report = wantTests && pkg.tests.length > 0 ? await runTests(deps, pkg, options) : undefined
    const tests = report ? ` ${describeTestReport(report)}.` : wantTests ? ' It has no tests.' : ''
    const warnings = check.warnings.length > 0 ? ` Advice: ${check.warnings.map((w) => w.message).join('; ')}.` : ''
    return {
      taskId: taskIdOf(pkg),
      name,
      version: pkg.version,
      path: target,
      dir: pkg.dir,
      registered,
      warnings: check.warnings,
      ...(report ? { testReport: report } : {}),
      message: `Created task "${name}" ${pkg.version} at ${target}.${tests}${warnings}${registered ? '' : unregisteredNote(deps)}`,
    }
  })
}
