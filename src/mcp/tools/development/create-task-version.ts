import type { ToolIO } from '../../tool-catalog.ts'
import type { HistoryItem } from '../../../authoring/index.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { refused } from './refusals.ts'
import { authoringFor, callOptions } from './shared.ts'

type Output = ToolIO['create_task_version']['output']

/** A history entry in the tool's shape. */
function historyItem(item: HistoryItem): Output['history'][number] {
  return { version: item.version, checksum: item.checksum, path: item.path, ...(item.recordedAt !== undefined ? { recorded_at: item.recordedAt } : {}), current: item.current }
}

export const createTaskVersion: ToolHandler<'create_task_version'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  try {
    const versioned = await authoringFor(ctx).createVersion(input.task_id, { newVersion: input.new_version, description: input.description, changes: input.changes }, callOptions(ctx))
    return {
      output: {
        task_id: versioned.taskId,
        name: versioned.name,
        previous_version: versioned.previousVersion,
        version: versioned.version,
        checksum: versioned.checksum,
        backup_path: versioned.backupPath,
        history: versioned.history.map(historyItem),
        message: versioned.message,
      },
    }
  } catch (error) {
    const { message, hint, name, data } = refused(error)
    const history = Array.isArray(data.history) ? (data.history as HistoryItem[]).map(historyItem) : []
    return {
      isError: true,
      output: { task_id: input.task_id, history, message, hint, ...(name !== undefined ? { name } : {}), ...(typeof data.previousVersion === 'string' ? { previous_version: data.previousVersion } : {}) },
    }
  }
}
