import type { ToolIO } from '../../../../generated/tool-types.ts'
import { bumpPatch, compareSemver, parseSemver } from '../../../tasks/semver.ts'
import { stageTaskChanges, type TaskChanges } from '../../../tasks/stage-task-changes.ts'
import type { JsonSchema } from '../../../tasks/types.ts'
import { snapshotPackage } from '../../../tasks/versions.ts'
import { realTasksDir, taskFolderFor } from '../../../tasks/write-task-package.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { testFilesFrom } from './create-task.ts'
import { checkStaged, discardStaged, publish, reloadAndGet, runTests, unregisteredNote, type LoadedTask } from './save-task.ts'
import { confirmOverride, describeProblems, describeTestReport, findEditableTask, isEditable, overrideTarget, taskIdOf, testResultsOutput, withFolderLock } from './shared.ts'

type Input = ToolIO['edit_task']['input']
type Output = ToolIO['edit_task']['output']

/** The changes an edit asks for, and their names for `changes_applied`. */
function requestedChanges(input: Input): { changes: TaskChanges; names: string[] } {
  const changes: TaskChanges = {
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.input_schema !== undefined ? { inputSchema: input.input_schema as JsonSchema } : {}),
    ...(input.output_schema !== undefined ? { outputSchema: input.output_schema as JsonSchema } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.tags !== undefined ? { tags: input.tags } : {}),
    ...(input.test_cases !== undefined ? { tests: testFilesFrom(input.test_cases) } : {}),
  }
  const label: Record<string, string> = { code: 'code', inputSchema: 'input_schema', outputSchema: 'output_schema', description: 'description', tags: 'tags', tests: `test_cases (${input.test_cases?.length ?? 0} tests replace the old ones)` }
  return { changes, names: Object.keys(changes).map((key) => label[key]) }
}

/** The version to write: the one asked for (never lower than the current one) or the current one bumped. */
export function nextVersion(current: string, requested: string | undefined): { version: string } | { error: string; hint: string } {
  if (requested === undefined) {
    const bumped = bumpPatch(current)
    return bumped ? { version: bumped } : { error: `the current version ${JSON.stringify(current)} is not a semantic version, so it cannot be bumped`, hint: 'Pass "version" explicitly, e.g. "1.0.1".' }
  }
  const next = parseSemver(requested)
  if (!next) return { error: `version ${JSON.stringify(requested)} is not a semantic version`, hint: 'Use MAJOR.MINOR.PATCH, e.g. "1.2.0".' }
  const now = parseSemver(current)
  if (now && compareSemver(next, now) < 0) return { error: `version ${requested} is lower than the current version ${current}`, hint: `Use ${bumpPatch(current)} or higher; older versions are kept under .versions/.` }
  return { version: requested }
}

export const editTask: ToolHandler<'edit_task'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  const refuse = (message: string, hint: string, extra: Partial<Output> = {}): ToolOutcome<Output> => ({ isError: true, output: { task_id: input.task_id, changes_applied: [], message, hint, ...extra } })
  const lookup = await findEditableTask(ctx, input.task_id, { copyOnWrite: true })
  if ('refusal' in lookup) return refuse(lookup.refusal.message, lookup.refusal.hint, lookup.refusal.name ? { name: lookup.refusal.name } : {})
  const found = lookup.task
  const { changes, names } = requestedChanges(input)
  if (names.length === 0 && input.version === undefined) {
    return refuse('Nothing to change: pass at least one of code, input_schema, output_schema, description, tags, version or test_cases', 'To only check the task, use ratchet_validate_task; to only renumber it, ratchet_create_task_version.', { name: found.name })
  }

  // A read-only task is edited copy-on-write: the changed package goes to <tasksDir>/<name>, which
  // then overrides it; lock that folder, where later edits of the copy lock too.
  return withFolderLock(lookup.copy ? await taskFolderFor(ctx.tasksDir, found.name) : found.dir, async () => {
    // The registry may have reloaded while we waited for the lock (and may serve a copy by now).
    const pkg = ctx.registry.get(found.name) ?? found
    const copy = !(await isEditable(ctx, pkg))
    const place = copy ? await overrideTarget(ctx, pkg) : { target: pkg.dir }
    if ('refusal' in place) return refuse(place.refusal.message, place.refusal.hint, { name: pkg.name })
    const next = nextVersion(pkg.version, input.version)
    if ('error' in next) return refuse(next.error, next.hint, { name: pkg.name })
    changes.version = next.version
    changes.metadata = { updated_at: new Date().toISOString() }
    const applied = [...(copy ? [`copied from ${pkg.dir} into the tasks folder`] : []), ...names, `version ${pkg.version} → ${next.version}`]

    const staged = await stageTaskChanges(pkg, changes, await realTasksDir(ctx.tasksDir))
    if (staged.converted) applied.push('layout meta.yaml → metadata.json (the package was rewritten in the classic layout)')
    const check = await checkStaged(staged.dir, input.validate_changes !== false)
    if (check.problems.length > 0) {
      await discardStaged(staged.dir)
      return refuse(
        `The changes to "${pkg.name}" were not applied: ${check.problems.length} problem${check.problems.length === 1 ? '' : 's'}; version ${pkg.version} is unchanged:\n${describeProblems(check.problems)}`,
        'Fix each problem and call ratchet_edit_task again (ratchet_validate_task checks changes without saving).',
        { task_id: taskIdOf(pkg), name: pkg.name, previous_version: pkg.version, version: pkg.version, path: pkg.dir, backup_path: null, validation: { valid: false, problems: check.problems, warnings: check.warnings } },
      )
    }

    const backup = input.create_backup === false ? null : await snapshotPackage(await realTasksDir(ctx.tasksDir), pkg)
    await publish(staged.dir, place.target, !copy)
    let loaded: LoadedTask
    if (copy) {
      const confirmed = await confirmOverride(ctx, pkg, place.target)
      if ('refusal' in confirmed) return refuse(confirmed.refusal.message, confirmed.refusal.hint, { name: pkg.name })
      loaded = { pkg: confirmed.pkg, registered: true }
    } else {
      loaded = await reloadAndGet(ctx, pkg.name, pkg.dir)
    }
    const { pkg: saved, registered } = loaded
    const report = input.run_tests !== false && saved.tests.length > 0 ? await runTests(ctx, saved) : undefined
    const failing = report !== undefined && report.failed > 0
    return {
      output: {
        task_id: taskIdOf(saved),
        name: saved.name,
        previous_version: pkg.version,
        version: saved.version,
        path: saved.dir,
        changes_applied: applied,
        backup_path: backup,
        validation: { valid: true, problems: [], warnings: check.warnings },
        ...(report ? { test_results: testResultsOutput(report, saved.dir) } : {}),
        message: `${copy ? `Copied "${saved.name}" from ${pkg.dir} into the tasks folder (${saved.dir}); the copy now overrides it (the original is unchanged, and deleting the copy brings it back). ` : ''}Updated "${saved.name}" ${pkg.version} → ${saved.version} (${applied.join(', ')}).${backup ? ` Previous version kept at ${backup}.` : ''}${report ? ` ${describeTestReport(report)}.` : ''}${registered ? '' : unregisteredNote(ctx)}`,
        ...(failing ? { hint: 'The change is saved but tests fail: see test_results[].reason, and ratchet_get_execution_logs for a failed execution_id.' } : {}),
      },
    }
  })
}
