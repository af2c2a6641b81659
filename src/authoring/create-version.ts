/**
 * Versioning a task: a new, greater semantic version with a changelog entry, the previous package kept
 * under .versions/, and the task's history (the store's records of each distinct content joined with
 * the copies under .versions/ that hold the files).
 */
import { compareSemver, isStrictSemver, parseSemver } from '../tasks/semver.ts'
import { stageTaskChanges } from '../tasks/stage-task-changes.ts'
import type { TaskPackage } from '../tasks/types.ts'
import { listStoredVersions } from '../tasks/versions.ts'
import { realTasksDir } from '../tasks/write-task-package.ts'
import { describeProblems, taskIdOf } from './internal/describe.ts'
import { changeTarget, findEditableTask, isEditable, overrideTarget, replacePackage } from './internal/editable.ts'
import { withFolderLock } from './internal/folder-lock.ts'
import { refusal } from './internal/refuse.ts'
import { checkStaged, discardStaged } from './internal/save-task.ts'
import type { AuthoringDeps, HistoryItem, VersionedTask } from './types.ts'

/** Every known version of a task, oldest first, the current one last. */
export async function taskHistory(deps: Pick<AuthoringDeps, 'store' | 'tasksDir'>, current: TaskPackage): Promise<HistoryItem[]> {
  const stored = await listStoredVersions(await realTasksDir(deps.tasksDir), current.name)
  const byChecksum = new Map<string, HistoryItem & { at: string }>()
  for (const record of await deps.store.listTaskVersions(current.name)) {
    const copy = stored.find((s) => s.checksum === record.checksum)
    byChecksum.set(record.checksum, { version: record.version, checksum: record.checksum, path: copy?.path ?? null, recordedAt: record.firstSeenAt, current: false, at: record.firstSeenAt })
  }
  for (const copy of stored) {
    if (!byChecksum.has(copy.checksum)) byChecksum.set(copy.checksum, { version: copy.version, checksum: copy.checksum, path: copy.path, current: false, at: copy.storedAt })
  }
  const now = byChecksum.get(current.checksum)
  byChecksum.set(current.checksum, { ...(now ?? { version: current.version, checksum: current.checksum, at: '\uffff' }), path: current.dir, current: true })
  return [...byChecksum.values()].sort((a, b) => Number(a.current) - Number(b.current) || a.at.localeCompare(b.at)).map(({ at: _at, ...item }) => item)
}

export async function createTaskVersion(deps: AuthoringDeps, taskId: string, request: { newVersion: string; description?: string; changes?: string }): Promise<VersionedTask> {
  const found = await findEditableTask(deps, taskId, { copyOnWrite: true })
  if (!isStrictSemver(request.newVersion)) {
    throw refusal('BAD_INPUT', 'bad_version', `new_version ${JSON.stringify(request.newVersion)} is not a semantic version (MAJOR.MINOR.PATCH)`, 'For example "1.1.0" or "2.0.0-beta.1".', { name: found.task.name })
  }
  // A read-only task is re-versioned copy-on-write, as an edit is: into <tasksDir>/<name>.
  return withFolderLock(await changeTarget(deps, found), async () => {
    const pkg = deps.registry.get(found.task.name) ?? found.task
    const copy = !(await isEditable(deps, pkg))
    const target = copy ? await overrideTarget(deps, pkg) : pkg.dir
    const current = parseSemver(pkg.version)
    if (current && compareSemver(parseSemver(request.newVersion)!, current) <= 0) {
      throw refusal('CONFLICT', 'version_too_low', `new_version ${request.newVersion} must be greater than the current version ${pkg.version}`, 'Semantic versions compare numerically: 1.10.0 > 1.9.0, and 1.0.0 > 1.0.0-rc.1.', {
        name: pkg.name,
        previousVersion: pkg.version,
        history: await taskHistory(deps, pkg),
      })
    }
    const now = new Date().toISOString()
    const changelog = Array.isArray(pkg.metadata.changelog) ? pkg.metadata.changelog : []
    const entry = { version: request.newVersion, previous_version: pkg.version, date: now, ...(request.changes !== undefined ? { changes: request.changes } : {}) }
    const staged = await stageTaskChanges(pkg, {
      version: request.newVersion,
      ...(request.description !== undefined ? { description: request.description } : {}),
      metadata: { updated_at: now, changelog: [...changelog, entry] },
    }, await realTasksDir(deps.tasksDir))
    const check = await checkStaged(staged.dir, false)
    if (check.problems.length > 0) {
      await discardStaged(staged.dir)
      throw refusal('TASK_INVALID', 'not_loadable', `"${pkg.name}" cannot be re-versioned until it loads cleanly:\n${describeProblems(check.problems)}`, 'Fix it first (edit its code, schemas or tests).', { name: pkg.name, problems: check.problems })
    }
    const { pkg: saved, backup, copiedNote } = await replacePackage(deps, pkg, staged.dir, { target, copy, backup: true })
    return {
      taskId: taskIdOf(saved),
      name: saved.name,
      previousVersion: pkg.version,
      version: saved.version,
      checksum: saved.checksum,
      backupPath: backup!,
      history: await taskHistory(deps, saved),
      message: `${copiedNote}"${saved.name}" is now version ${saved.version} (was ${pkg.version}); the previous version is kept at ${backup}${staged.converted ? '; the package was rewritten from meta.yaml to the metadata.json layout' : ''}`,
    }
  })
}
