import { rm } from 'node:fs/promises'
import type { ToolIO } from '../../../../generated/tool-types.ts'
import { moveToDeleted } from '../../../tasks/versions.ts'
import { realTasksDir } from '../../../tasks/write-task-package.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { findEditableTask, taskIdOf, withFolderLock } from './shared.ts'

type Output = ToolIO['delete_task']['output']

export const deleteTask: ToolHandler<'delete_task'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  const refuse = (message: string, hint: string, extra: Partial<Output> = {}): ToolOutcome<Output> => ({ isError: true, output: { task_id: input.task_id, deleted: false, message, hint, ...extra } })
  const lookup = await findEditableTask(ctx, input.task_id)
  if ('refusal' in lookup) return refuse(lookup.refusal.message, lookup.refusal.hint, lookup.refusal.name ? { name: lookup.refusal.name } : {})
  const pkg = lookup.task
  if (input.force !== true) {
    const active = (['queued', 'running'] as const).reduce((sum, status) => sum + ctx.store.listExecutions({ taskName: pkg.name, status, limit: 1 }).total, 0)
    if (active > 0) {
      return refuse(`"${pkg.name}" has ${active} queued or running execution${active === 1 ? '' : 's'}`, 'Wait for them (ratchet_list_executions), cancel them, or pass force: true (running executions keep the code they started with).', { name: pkg.name })
    }
  }
  const keep = input.create_backup !== false || input.delete_files === false
  return withFolderLock(pkg.dir, async () => {
    const backup = keep ? await moveToDeleted(await realTasksDir(ctx.tasksDir), pkg) : null
    if (!keep) await rm(pkg.dir, { recursive: true, force: true })
    await ctx.registry.load()
    // Deleting an override copy uncovers the read-only task it shadowed.
    const uncovered = ctx.registry.get(pkg.name)
    const uncoveredNote = uncovered && uncovered.dir !== pkg.dir ? ` The read-only "${uncovered.name}" ${uncovered.version} from ${uncovered.dir}, which the deleted copy overrode, is visible again.` : ''
    return {
      output: {
        task_id: taskIdOf(pkg),
        name: pkg.name,
        version: pkg.version,
        deleted: true,
        files_deleted: !keep,
        backup_path: backup,
        message: `${backup ? `Deleted "${pkg.name}" ${pkg.version}; its folder was moved to ${backup}.` : `Deleted "${pkg.name}" ${pkg.version} and erased ${pkg.dir}.`}${uncoveredNote}`,
        ...(backup ? { hint: `To restore it, import the folder back (ratchet_import_tasks with a zip of it) or move ${backup} into the tasks folder.` } : {}),
      },
    }
  })
}
