import type { ToolIO } from '../../tool-catalog.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { refused } from './refusals.ts'
import { authoringFor } from './shared.ts'

type Output = ToolIO['export_tasks']['output']

export const exportTasks: ToolHandler<'export_tasks'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  let result
  try {
    result = authoringFor(ctx).exportTasks({ taskId: input.task_id, format: input.format, includeTests: input.include_tests !== false })
  } catch (error) {
    const { message, hint } = refused(error)
    return { isError: true, output: { exported_count: 0, tasks: [], message, hint } }
  }
  const { tasks } = result
  const what = `${tasks.length} task${tasks.length === 1 ? '' : 's'}`
  if (result.format === 'zip') {
    const { zip } = result
    return {
      output: {
        zip_base64: Buffer.from(zip).toString('base64'),
        bytes: zip.length,
        exported_count: tasks.length,
        tasks,
        message: `Exported ${what} as a ${zip.length}-byte .zip (one folder per task)`,
        hint: 'Decode zip_base64 to get the .zip; ratchet_import_tasks {"format": "zip", "data": "<base64>"} reads it back.',
      },
    }
  }
  return {
    output: {
      bundle: result.bundle,
      exported_count: tasks.length,
      tasks,
      message: `Exported ${what} as a JSON bundle`,
      hint: 'ratchet_import_tasks {"data": <bundle>} reads it back, on this server or another.',
    },
  }
}
