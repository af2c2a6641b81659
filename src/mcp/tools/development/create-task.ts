import type { ToolIO } from '../../../../generated/tool-types.ts'
import { pathKind } from '../../../tasks/read-metadata.ts'
import { parseSemver } from '../../../tasks/semver.ts'
import { draftFiles, extraMetadata, normaliseTestCase, type TaskDraft } from '../../../tasks/task-draft.ts'
import type { JsonSchema } from '../../../tasks/types.ts'
import { stageTaskFiles, taskFolderFor, taskNameProblem } from '../../../tasks/write-task-package.ts'
import type { ToolContext, ToolHandler, ToolOutcome } from '../types.ts'
import { checkStaged, discardStaged, publish, reloadAndGet, runTests, unregisteredNote } from './save-task.ts'
import { describeProblems, describeTestReport, testResultsOutput, withFolderLock, type TestResultsOutput } from './shared.ts'

type Output = ToolIO['create_task']['output']

/** The outcome of saving a brand-new package (create_task, generate_from_template with save). */
export type SaveNewResult =
  | { ok: true; taskId: string; name: string; version: string; path: string; testResults?: TestResultsOutput; message: string }
  | { ok: false; name: string; problems?: Output['problems']; message: string; hint: string }

/**
 * Writes a new task package into the tasks folder: refuses an existing name (loaded anywhere, or a
 * folder on disk), stages and validates the files, publishes them, reloads the registry and runs the
 * tests. Nothing is left on disk when it is refused.
 */
export async function saveNewTask(ctx: ToolContext, draft: TaskDraft, options: { runTests: boolean }): Promise<SaveNewResult> {
  const { name } = draft
  const nameProblem = taskNameProblem(name)
  if (nameProblem) return { ok: false, name, message: nameProblem, hint: 'Choose a name such as "fetch-weather" or "csv_to_json".' }
  if (!parseSemver(draft.version)) return { ok: false, name, message: `version ${JSON.stringify(draft.version)} is not a semantic version`, hint: 'Use MAJOR.MINOR.PATCH, e.g. "0.1.0".' }
  const existing = ctx.registry.get(name)
  if (existing) {
    return { ok: false, name, message: `A task named "${name}" already exists (${existing.dir}, version ${existing.version})`, hint: `Change it with ratchet_edit_task {"task_id": "${name}", ...}, or pick another name.` }
  }
  const target = await taskFolderFor(ctx.tasksDir, name)
  return withFolderLock(target, async (): Promise<SaveNewResult> => {
    if ((await pathKind(target)) !== null) {
      return { ok: false, name, message: `${target} already exists on disk (a package the registry could not load, or another file)`, hint: `Inspect it with ratchet_validate_task {"task_id": "${name}"}, remove it, or pick another name.` }
    }
    const staged = await stageTaskFiles(ctx.tasksDir, draftFiles(draft))
    const check = await checkStaged(staged, true)
    if (check.problems.length > 0) {
      await discardStaged(staged)
      const count = check.problems.length === 1 ? '1 problem' : `${check.problems.length} problems`
      return { ok: false, name, problems: check.problems, message: `Task "${name}" was not saved (${count}):\n${describeProblems(check.problems)}`, hint: 'Fix each problem listed and call the tool again; nothing was written.' }
    }
    await publish(staged, target, false)
    const { pkg, registered } = await reloadAndGet(ctx, name, target)
    const report = options.runTests && pkg.tests.length > 0 ? await runTests(ctx, pkg) : undefined
    const tests = report ? ` ${describeTestReport(report)}.` : options.runTests ? ' It has no tests.' : ''
    const warnings = check.warnings.length > 0 ? ` Advice: ${check.warnings.map((w) => w.message).join('; ')}.` : ''
    return {
      ok: true,
      taskId: pkg.uuid ?? pkg.name,
      name,
      version: pkg.version,
      path: target,
      ...(report ? { testResults: testResultsOutput(report, pkg.dir) } : {}),
      message: `Created task "${name}" ${pkg.version} at ${target}.${tests}${warnings}${registered ? '' : unregisteredNote(ctx)}`,
    }
  })
}

/** Test cases as given to a tool, in test-file form. */
export function testFilesFrom(cases: ToolIO['create_task']['input']['test_cases']): Record<string, unknown>[] {
  return (cases ?? []).map((test) => normaliseTestCase(test as Record<string, unknown>))
}

/** Metadata every newly written package gets: a uuid and timestamps (caller's fields kept, ours win). */
export function newTaskMetadata(ctx: ToolContext, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date().toISOString()
  return { ...extraMetadata(extra), uuid: crypto.randomUUID(), created_at: now, updated_at: now, created_by: ctx.principal.name }
}

export const createTask: ToolHandler<'create_task'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  const draft: TaskDraft = {
    name: input.name,
    version: input.version ?? '0.1.0',
    description: input.description,
    tags: input.tags ?? [],
    code: input.code,
    inputSchema: input.input_schema as JsonSchema,
    outputSchema: input.output_schema as JsonSchema,
    tests: testFilesFrom(input.test_cases),
    metadata: newTaskMetadata(ctx, input.metadata ?? {}),
  }
  const result = await saveNewTask(ctx, draft, { runTests: input.run_tests !== false })
  if (!result.ok) {
    return { isError: true, output: { name: result.name, valid: false, ...(result.problems ? { problems: result.problems } : {}), message: result.message, hint: result.hint } }
  }
  return {
    output: {
      task_id: result.taskId,
      name: result.name,
      version: result.version,
      path: result.path,
      valid: true,
      ...(result.testResults ? { test_results: result.testResults } : {}),
      message: result.message,
      ...(result.testResults && result.testResults.failed > 0 ? { hint: `Fix the code or the tests with ratchet_edit_task {"task_id": "${result.name}", ...}; ratchet_get_execution_logs shows each failed run.` } : {}),
    },
  }
}
