import type { ToolIO } from '../../tool-catalog.ts'
import type { JsonSchema } from '../../../tasks/types.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { refused } from './refusals.ts'
import { viewTestReport } from '../../../authoring/index.ts'
import { authoringFor, callOptions } from './shared.ts'

type Output = ToolIO['validate_task']['output']

export const validateTask: ToolHandler<'validate_task'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  try {
    const report = await authoringFor(ctx).validateTask({
      taskId: input.task_id,
      code: input.code,
      inputSchema: input.input_schema as JsonSchema | undefined,
      outputSchema: input.output_schema as JsonSchema | undefined,
      tests: input.test_cases as Record<string, unknown>[] | undefined,
      syntaxOnly: input.syntax_only === true,
      runTests: input.run_tests !== false,
    }, callOptions(ctx))
    const { task } = report
    const ids = { ...(input.task_id !== undefined ? { task_id: task ? (task.uuid ?? task.name) : input.task_id } : {}), ...(task ? { task_name: task.name } : {}) }
    return {
      output: {
        ...ids,
        valid: report.valid,
        validation_results: report.checks,
        problems: report.problems,
        ...(report.warnings ? { warnings: report.warnings } : {}),
        ...(report.testReport ? { test_results: viewTestReport(report.testReport, report.testDir!) } : {}),
        message: report.message,
        // A syntax-only check (no warnings) carries no hint, as before.
        ...(report.valid || report.warnings === undefined ? {} : { hint: task ? `Apply fixes with ratchet_edit_task {"task_id": "${task.name}", ...}.` : 'Fix each problem listed and validate again.' }),
      },
    }
  } catch (error) {
    const { message, hint } = refused(error)
    return { isError: true, output: { ...(input.task_id !== undefined ? { task_id: input.task_id } : {}), valid: false, validation_results: [], problems: [], message, hint } }
  }
}
