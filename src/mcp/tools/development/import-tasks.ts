import type { ToolIO } from '../../tool-catalog.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { refused } from './refusals.ts'
import { viewTestReport } from '../../../authoring/index.ts'
import { authoringFor, callOptions } from './shared.ts'

type Output = ToolIO['import_tasks']['output']

export const importTasks: ToolHandler<'import_tasks'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  const options = input.options ?? {}
  try {
    const report = await authoringFor(ctx).importTasks({
      data: input.data,
      format: input.format,
      overwrite: input.overwrite_existing === true,
      namePrefix: options.name_prefix,
      includeTests: options.include_tests !== false,
      validate: options.validate_tasks !== false,
      runTests: options.run_tests === true,
    }, callOptions(ctx))
    const { imported, skipped, errors } = report
    const failedAll = imported.length === 0 && errors.length > 0
    return {
      ...(failedAll ? { isError: true } : {}),
      output: {
        imported: imported.map((i) => ({ name: i.name, version: i.version, path: i.path, task_id: i.taskId, replaced: i.replaced, ...(i.testReport ? { test_results: viewTestReport(i.testReport, i.dir) } : {}) })),
        skipped,
        errors,
        imported_count: imported.length,
        message: report.message,
        ...(errors.length ? { hint: 'Each error lists the problems in that package; fix the bundle and import those tasks again.' } : skipped.length ? { hint: 'Skipped tasks were left as they are: see each reason.' } : {}),
      },
    }
  } catch (error) {
    const { message, hint } = refused(error)
    return { isError: true, output: { imported: [], skipped: [], errors: [], imported_count: 0, message, hint } }
  }
}
