import type { ToolIO } from '../../tool-catalog.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { refused } from './refusals.ts'
import { viewTestResult } from '../../../authoring/index.ts'
import { authoringFor, callOptions } from './shared.ts'

type Output = ToolIO['run_task_tests']['output']

export const runTaskTestsTool: ToolHandler<'run_task_tests'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  const empty = { total: 0, passed: 0, failed: 0, success_rate: 0, all_passed: false, tests: [] }
  try {
    const run = await authoringFor(ctx).runTests(input.task_id, {
      ...callOptions(ctx),
      names: input.test_names ?? [],
      stopOnFailure: input.stop_on_failure === true,
      ...(input.timeout !== undefined ? { timeout: input.timeout } : {}),
    })
    const { report } = run
    // Unknown test names are refused, so nothing ran without a cancel only when the task has no tests.
    if (report.total === 0 && !run.cancelled) {
      return { output: { task_name: run.name, version: run.version, ...empty, success_rate: 1, all_passed: true, message: run.message, hint: `Add test cases with ratchet_edit_task {"task_id": "${run.name}", "test_cases": [...]}.` } }
    }
    const allPassed = report.failed === 0 && report.total > 0
    return {
      output: {
        task_name: run.name,
        version: run.version,
        total: report.total,
        passed: report.passed,
        failed: report.failed,
        success_rate: report.total === 0 ? 1 : report.passed / report.total,
        all_passed: allPassed,
        tests: report.results.map((r) => viewTestResult(r, run.dir)),
        message: run.message,
        ...(allPassed ? {} : { hint: 'Each failed test has a reason and an execution_id: ratchet_get_execution_logs and ratchet_get_execution_trace show what happened.' }),
      },
    }
  } catch (error) {
    const { message, hint, data } = refused(error)
    const known = typeof data.version === 'string' ? { task_name: String(data.name), version: data.version } : { task_name: input.task_id }
    return { isError: true, output: { ...known, ...empty, message, hint } }
  }
}
