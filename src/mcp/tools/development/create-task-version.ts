import type { ToolIO } from '../../../../generated/tool-types.ts'
import { compareSemver, isStrictSemver, parseSemver } from '../../../tasks/semver.ts'
import { stageTaskChanges } from '../../../tasks/stage-task-changes.ts'
import type { TaskPackage } from '../../../tasks/types.ts'
import { listStoredVersions, snapshotPackage } from '../../../tasks/versions.ts'
import { realTasksDir, taskFolderFor } from '../../../tasks/write-task-package.ts'
import type { ToolContext, ToolHandler, ToolOutcome } from '../types.ts'
import { checkStaged, discardStaged, publish, reloadAndGet } from './save-task.ts'
import { confirmOverride, describeProblems, findEditableTask, isEditable, overrideTarget, taskIdOf, withFolderLock } from './shared.ts'

type Output = ToolIO['create_task_version']['output']
type HistoryItem = Output['history'][number]

/**
 * Every known version of a task, oldest first: the registry's records (the store keeps one per
 * distinct content) joined with the copies under .versions/ (which hold the files), plus the current one.
 */
export async function taskHistory(ctx: ToolContext, current: TaskPackage): Promise<HistoryItem[]> {
  const stored = await listStoredVersions(await realTasksDir(ctx.tasksDir), current.name)
  const byChecksum = new Map<string, HistoryItem & { at: string }>()
  for (const record of ctx.store.listTaskVersions(current.name)) {
    const copy = stored.find((s) => s.checksum === record.checksum)
    byChecksum.set(record.checksum, { version: record.version, checksum: record.checksum, path: copy?.path ?? null, recorded_at: record.firstSeenAt, at: record.firstSeenAt })
  }
  for (const copy of stored) {
    if (!byChecksum.has(copy.checksum)) byChecksum.set(copy.checksum, { version: copy.version, checksum: copy.checksum, path: copy.path, at: copy.storedAt })
  }
  const now = byChecksum.get(current.checksum)
  byChecksum.set(current.checksum, { ...(now ?? { version: current.version, checksum: current.checksum, at: '\uffff' }), path: current.dir, current: true })
  return [...byChecksum.values()]
    .sort((a, b) => (a.current ? 1 : 0) - (b.current ? 1 : 0) || a.at.localeCompare(b.at))
    .map(({ at: _at, ...item }) => ({ ...item, current: item.current === true }))
}

export const createTaskVersion: ToolHandler<'create_task_version'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  const refuse = (message: string, hint: string, extra: Partial<Output> = {}): ToolOutcome<Output> => ({ isError: true, output: { task_id: input.task_id, history: [], message, hint, ...extra } })
  const lookup = await findEditableTask(ctx, input.task_id, { copyOnWrite: true })
  if ('refusal' in lookup) return refuse(lookup.refusal.message, lookup.refusal.hint, lookup.refusal.name ? { name: lookup.refusal.name } : {})
  const found = lookup.task
  if (!isStrictSemver(input.new_version)) {
    return refuse(`new_version ${JSON.stringify(input.new_version)} is not a semantic version (MAJOR.MINOR.PATCH)`, 'For example "1.1.0" or "2.0.0-beta.1".', { name: found.name })
  }
  // A read-only task is re-versioned copy-on-write, as edit_task does: into <tasksDir>/<name>.
  return withFolderLock(lookup.copy ? await taskFolderFor(ctx.tasksDir, found.name) : found.dir, async () => {
    const pkg = ctx.registry.get(found.name) ?? found
    const copy = !(await isEditable(ctx, pkg))
    const place = copy ? await overrideTarget(ctx, pkg) : { target: pkg.dir }
    if ('refusal' in place) return refuse(place.refusal.message, place.refusal.hint, { name: pkg.name })
    const current = parseSemver(pkg.version)
    if (current && compareSemver(parseSemver(input.new_version)!, current) <= 0) {
      return refuse(`new_version ${input.new_version} must be greater than the current version ${pkg.version}`, 'Semantic versions compare numerically: 1.10.0 > 1.9.0, and 1.0.0 > 1.0.0-rc.1.', { name: pkg.name, previous_version: pkg.version, history: await taskHistory(ctx, pkg) })
    }
    const now = new Date().toISOString()
    const changelog = Array.isArray(pkg.metadata.changelog) ? pkg.metadata.changelog : []
    const entry = { version: input.new_version, previous_version: pkg.version, date: now, ...(input.changes !== undefined ? { changes: input.changes } : {}) }
    const staged = await stageTaskChanges(pkg, {
      version: input.new_version,
      ...(input.description !== undefined ? { description: input.description } : {}),
      metadata: { updated_at: now, changelog: [...changelog, entry] },
    }, await realTasksDir(ctx.tasksDir))
    const check = await checkStaged(staged.dir, false)
    if (check.problems.length > 0) {
      await discardStaged(staged.dir)
      return refuse(`"${pkg.name}" cannot be re-versioned until it loads cleanly:\n${describeProblems(check.problems)}`, `Fix it with ratchet_edit_task {"task_id": "${pkg.name}", ...}.`, { name: pkg.name })
    }
    const backup = await snapshotPackage(await realTasksDir(ctx.tasksDir), pkg)
    await publish(staged.dir, place.target, !copy)
    let saved: TaskPackage
    if (copy) {
      const confirmed = await confirmOverride(ctx, pkg, place.target)
      if ('refusal' in confirmed) return refuse(confirmed.refusal.message, confirmed.refusal.hint, { name: pkg.name })
      saved = confirmed.pkg
    } else {
      saved = (await reloadAndGet(ctx, pkg.name, pkg.dir)).pkg
    }
    return {
      output: {
        task_id: taskIdOf(saved),
        name: saved.name,
        previous_version: pkg.version,
        version: saved.version,
        checksum: saved.checksum,
        backup_path: backup,
        history: await taskHistory(ctx, saved),
        message: `${copy ? `Copied "${saved.name}" from ${pkg.dir} into the tasks folder (${saved.dir}); the copy now overrides it (the original is unchanged, and deleting the copy brings it back). ` : ''}"${saved.name}" is now version ${saved.version} (was ${pkg.version}); the previous version is kept at ${backup}${staged.converted ? '; the package was rewritten from meta.yaml to the metadata.json layout' : ''}`,
      },
    }
  })
}
