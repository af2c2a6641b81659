import type { ToolIO } from '../../tool-catalog.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { refused } from './refusals.ts'
import { authoringFor } from './shared.ts'

type Output = ToolIO['delete_task']['output']

export const deleteTask: ToolHandler<'delete_task'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  try {
    // The folder is erased only when asked not to back it up AND to delete the files.
    const backup = input.create_backup !== false || input.delete_files === false
    const deleted = await authoringFor(ctx).deleteTask(input.task_id, { actor: ctx.principal.name, force: input.force === true, backup })
    return {
      output: {
        task_id: deleted.taskId,
        name: deleted.name,
        version: deleted.version,
        deleted: true,
        files_deleted: deleted.filesDeleted,
        backup_path: deleted.backupPath,
        message: deleted.message,
        ...(deleted.backupPath ? { hint: `To restore it, import the folder back (ratchet_import_tasks with a zip of it) or move ${deleted.backupPath} into the tasks folder.` } : {}),
      },
    }
  } catch (error) {
    const { message, hint, name } = refused(error)
    return { isError: true, output: { task_id: input.task_id, deleted: false, message, hint, ...(name !== undefined ? { name } : {}) } }
  }
}
