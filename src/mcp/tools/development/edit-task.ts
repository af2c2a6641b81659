import type { ToolIO } from '../../tool-catalog.ts'
import type { TaskProblem } from '../../../tasks/types.ts'
import type { JsonSchema } from '../../../tasks/types.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { refused } from './refusals.ts'
import { viewTestReport } from '../../../authoring/index.ts'
import { authoringFor, callOptions } from './shared.ts'

type Output = ToolIO['edit_task']['output']

export const editTask: ToolHandler<'edit_task'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  try {
    const edited = await authoringFor(ctx).editTask(input.task_id, {
      code: input.code,
      inputSchema: input.input_schema as JsonSchema | undefined,
      outputSchema: input.output_schema as JsonSchema | undefined,
      description: input.description,
      tags: input.tags,
      tests: input.test_cases as Record<string, unknown>[] | undefined,
      version: input.version,
    }, { ...callOptions(ctx), validate: input.validate_changes !== false, backup: input.create_backup !== false, runTests: input.run_tests !== false })
    const report = edited.testReport
    return {
      output: {
        task_id: edited.taskId,
        name: edited.name,
        previous_version: edited.previousVersion,
        version: edited.version,
        path: edited.path,
        changes_applied: edited.changesApplied,
        backup_path: edited.backupPath,
        validation: { valid: true, problems: [], warnings: edited.warnings },
        ...(report ? { test_results: viewTestReport(report, edited.path) } : {}),
        message: edited.message,
        ...(report && report.failed > 0 ? { hint: 'The change is saved but tests fail: see test_results[].reason, and ratchet_get_execution_logs for a failed execution_id.' } : {}),
      },
    }
  } catch (error) {
    const { message, hint, name, data } = refused(error, { invalid: () => 'Fix each problem and call ratchet_edit_task again (ratchet_validate_task checks changes without saving).' })
    const invalid = Array.isArray(data.problems)
      ? { task_id: String(data.taskId), previous_version: String(data.version), version: String(data.version), path: String(data.path), backup_path: null, validation: { valid: false, problems: data.problems as TaskProblem[], warnings: (data.warnings ?? []) as TaskProblem[] } }
      : {}
    return { isError: true, output: { task_id: input.task_id, changes_applied: [], message, hint, ...(name !== undefined ? { name } : {}), ...invalid } }
  }
}
