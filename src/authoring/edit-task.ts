/**
 * Changing a task: code, schemas, description, tags, test cases and version. The change is staged and
 * checked before it replaces the package (the previous version is kept under .versions/); a task from a
 * read-only source is changed copy-on-write, as a copy in the tasks folder that then overrides it.
 */
import { bumpPatch, compareSemver, parseSemver } from '../tasks/semver.ts'
import { stageTaskChanges, type TaskChanges } from '../tasks/stage-task-changes.ts'
import { realTasksDir } from '../tasks/write-task-package.ts'
import { testFilesFrom } from './create-task.ts'
import { countProblems, describeProblems, describeTestReport, taskIdOf } from './internal/describe.ts'
import { changeTarget, findEditableTask, isEditable, overrideTarget, replacePackage } from './internal/editable.ts'
import { withFolderLock } from './internal/folder-lock.ts'
import { refusal } from './internal/refuse.ts'
import { checkStaged, discardStaged, runTests, unregisteredNote } from './internal/save-task.ts'
import type { AuthoringDeps, EditedTask, EditOptions, TaskEdit } from './types.ts'

/** The changes an edit asks for, and their names for `changesApplied`. */
function requestedChanges(edit: TaskEdit): { changes: TaskChanges; names: string[] } {
  const changes: TaskChanges = {
    ...(edit.code !== undefined ? { code: edit.code } : {}),
    ...(edit.inputSchema !== undefined ? { inputSchema: edit.inputSchema } : {}),
    ...(edit.outputSchema !== undefined ? { outputSchema: edit.outputSchema } : {}),
    ...(edit.description !== undefined ? { description: edit.description } : {}),
    ...(edit.tags !== undefined ? { tags: edit.tags } : {}),
    ...(edit.tests !== undefined ? { tests: testFilesFrom(edit.tests) } : {}),
  }
  const label: Record<string, string> = { code: 'code', inputSchema: 'input_schema', outputSchema: 'output_schema', description: 'description', tags: 'tags', tests: `test_cases (${edit.tests?.length ?? 0} tests replace the old ones)` }
  return { changes, names: Object.keys(changes).map((key) => label[key]!) }
}

/** The version to write: the one asked for (never lower than the current one) or the current one bumped. */
export function nextVersion(current: string, requested: string | undefined, name?: string): string {
  const data = name === undefined ? {} : { name }
  if (requested === undefined) {
    const bumped = bumpPatch(current)
    if (bumped) return bumped
    throw refusal('BAD_INPUT', 'bad_version', `the current version ${JSON.stringify(current)} is not a semantic version, so it cannot be bumped`, 'Pass "version" explicitly, e.g. "1.0.1".', data)
  }
  const next = parseSemver(requested)
  if (!next) throw refusal('BAD_INPUT', 'bad_version', `version ${JSON.stringify(requested)} is not a semantic version`, 'Use MAJOR.MINOR.PATCH, e.g. "1.2.0".', data)
  const now = parseSemver(current)
  if (now && compareSemver(next, now) < 0) throw refusal('CONFLICT', 'version_too_low', `version ${requested} is lower than the current version ${current}`, `Use ${bumpPatch(current)} or higher; older versions are kept under .versions/.`, { ...data, previousVersion: current })
  return requested
}

export async function editTask(deps: AuthoringDeps, taskId: string, edit: TaskEdit, options: EditOptions = {}): Promise<EditedTask> {
  const found = await findEditableTask(deps, taskId, { copyOnWrite: true })
  const { changes, names } = requestedChanges(edit)
  if (names.length === 0 && edit.version === undefined) {
    throw refusal('BAD_INPUT', 'nothing_to_change', 'Nothing to change: pass at least one of code, input_schema, output_schema, description, tags, version or test_cases', 'To only check the task, validate it; to only renumber it, create a new version.', { name: found.task.name })
  }
  // A read-only task is edited copy-on-write: lock the folder the copy goes to, where later edits of the copy lock too.
  return withFolderLock(await changeTarget(deps, found), async () => {
    // The registry may have reloaded while we waited for the lock (and may serve a copy by now).
    const pkg = deps.registry.get(found.task.name) ?? found.task
    const copy = !(await isEditable(deps, pkg))
    const target = copy ? await overrideTarget(deps, pkg) : pkg.dir
    const version = nextVersion(pkg.version, edit.version, pkg.name)
    changes.version = version
    changes.metadata = { updated_at: new Date().toISOString() }
    const applied = [...(copy ? [`copied from ${pkg.dir} into the tasks folder`] : []), ...names, `version ${pkg.version} → ${version}`]

    const staged = await stageTaskChanges(pkg, changes, await realTasksDir(deps.tasksDir))
    if (staged.converted) applied.push('layout meta.yaml → metadata.json (the package was rewritten in the classic layout)')
    const check = await checkStaged(staged.dir, options.validate !== false)
    if (check.problems.length > 0) {
      await discardStaged(staged.dir)
      throw refusal(
        'TASK_INVALID',
        'invalid',
        `The changes to "${pkg.name}" were not applied: ${countProblems(check.problems)}; version ${pkg.version} is unchanged:\n${describeProblems(check.problems)}`,
        'Fix each problem and send the change again (validating checks changes without saving).',
        { taskId: taskIdOf(pkg), name: pkg.name, version: pkg.version, path: pkg.dir, problems: check.problems, warnings: check.warnings },
      )
    }

    const { pkg: saved, registered, backup, copiedNote } = await replacePackage(deps, pkg, staged.dir, { target, copy, backup: options.backup !== false })
    const report = options.runTests !== false && saved.tests.length > 0 ? await runTests(deps, saved, options) : undefined
    return {
      taskId: taskIdOf(saved),
      name: saved.name,
      previousVersion: pkg.version,
      version: saved.version,
      path: saved.dir,
      changesApplied: applied,
      backupPath: backup,
      copied: copy,
      registered,
      warnings: check.warnings,
      ...(report ? { testReport: report } : {}),
      message: `${copiedNote}Updated "${saved.name}" ${pkg.version} → ${saved.version} (${applied.join(', ')}).${backup ? ` Previous version kept at ${backup}.` : ''}${report ? ` ${describeTestReport(report)}.` : ''}${registered ? '' : unregisteredNote(deps)}`,
    }
  })
}
