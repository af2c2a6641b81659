/**
 * Deleting a task from the tasks folder: refused while it has queued or running executions (unless
 * forced), its folder moved under .versions/ (or erased), the registry reloaded. Deleting the override
 * copy of a read-only task brings the original back.
 */
import { rm } from 'node:fs/promises'
import { moveToDeleted } from '../tasks/versions.ts'
import { realTasksDir } from '../tasks/write-task-package.ts'
import { taskIdOf } from './internal/describe.ts'
import { findEditableTask } from './internal/editable.ts'
import { withFolderLock } from './internal/folder-lock.ts'
import { refusal } from './internal/refuse.ts'
import type { AuthoringDeps, DeletedTask, DeleteOptions } from './types.ts'

export async function deleteTask(deps: AuthoringDeps, taskId: string, options: DeleteOptions = {}): Promise<DeletedTask> {
  const { task: pkg } = await findEditableTask(deps, taskId)
  if (options.force !== true) {
    const totals = await Promise.all((['queued', 'running'] as const).map(async (status) => (await deps.store.listExecutions({ taskName: pkg.name, status, limit: 1 })).total))
    const active = totals.reduce((sum, total) => sum + total, 0)
    if (active > 0) {
      throw refusal('CONFLICT', 'active_executions', `"${pkg.name}" has ${active} queued or running execution${active === 1 ? '' : 's'}`, 'Wait for them, cancel them, or delete with force (running executions keep the code they started with).', { name: pkg.name, active })
    }
  }
  const keep = options.backup !== false
  return withFolderLock(pkg.dir, async () => {
    const backup = keep ? await moveToDeleted(await realTasksDir(deps.tasksDir), pkg) : null
    if (!keep) await rm(pkg.dir, { recursive: true, force: true })
    await deps.registry.load()
    const uncovered = deps.registry.get(pkg.name)
    const uncoveredNote = uncovered && uncovered.dir !== pkg.dir ? ` The read-only "${uncovered.name}" ${uncovered.version} from ${uncovered.dir}, which the deleted copy overrode, is visible again.` : ''
    return {
      taskId: taskIdOf(pkg),
      name: pkg.name,
      version: pkg.version,
      filesDeleted: !keep,
      backupPath: backup,
      message: `${backup ? `Deleted "${pkg.name}" ${pkg.version}; its folder was moved to ${backup}.` : `Deleted "${pkg.name}" ${pkg.version} and erased ${pkg.dir}.`}${uncoveredNote}`,
    }
  })
}
