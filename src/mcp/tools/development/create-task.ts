import type { ToolIO } from '../../tool-catalog.ts'
import type { JsonSchema } from '../../../tasks/types.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { refused } from './refusals.ts'
import { viewTestReport } from '../../../authoring/index.ts'
import { authoringFor, callOptions } from './shared.ts'

type Output = ToolIO['create_task']['output']

export const createTask: ToolHandler<'create_task'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  try {
    const created = await authoringFor(ctx).createTask({
      name: input.name,
      version: input.version,
      description: input.description,
      tags: input.tags,
      code: input.code,
      inputSchema: input.input_schema as JsonSchema,
      outputSchema: input.output_schema as JsonSchema,
      tests: input.test_cases as Record<string, unknown>[] | undefined,
      metadata: input.metadata,
    }, { ...callOptions(ctx), runTests: input.run_tests !== false })
    const report = created.testReport
    return {
      output: {
        task_id: created.taskId,
        name: created.name,
        version: created.version,
        path: created.path,
        valid: true,
        ...(report ? { test_results: viewTestReport(report, created.dir) } : {}),
        message: created.message,
        ...(report && report.failed > 0 ? { hint: `Fix the code or the tests with ratchet_edit_task {"task_id": "${created.name}", ...}; ratchet_get_execution_logs shows each failed run.` } : {}),
      },
    }
  } catch (error) {
    const { message, hint, data } = refused(error)
    return { isError: true, output: { name: input.name, valid: false, ...(data.problems ? { problems: data.problems as Output['problems'] } : {}), message, hint } }
  }
}
