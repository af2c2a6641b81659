import type { ToolIO } from '../../../../generated/tool-types.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { runTests } from './save-task.ts'
import { describeTestReport, notFoundMessage, testResultOutput } from './shared.ts'

type Output = ToolIO['run_task_tests']['output']

export const runTaskTestsTool: ToolHandler<'run_task_tests'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  const empty = { total: 0, passed: 0, failed: 0, success_rate: 0, all_passed: false, tests: [] }
  const pkg = ctx.registry.get(input.task_id)
  if (!pkg) {
    const { message, hint } = notFoundMessage(input.task_id)
    return { isError: true, output: { task_name: input.task_id, ...empty, message, hint } }
  }
  const names = input.test_names ?? []
  const known = new Set(pkg.tests.map((t) => t.name))
  const unknown = names.filter((name) => !known.has(name))
  if (unknown.length > 0) {
    return {
      isError: true,
      output: { task_name: pkg.name, version: pkg.version, ...empty, message: `"${pkg.name}" has no test named ${unknown.map((n) => JSON.stringify(n)).join(', ')}`, hint: `Its tests are: ${[...known].map((n) => JSON.stringify(n)).join(', ') || '(none)'}.` },
    }
  }
  if (pkg.tests.length === 0) {
    return { output: { task_name: pkg.name, version: pkg.version, ...empty, success_rate: 1, all_passed: true, message: `"${pkg.name}" has no tests`, hint: `Add test cases with ratchet_edit_task {"task_id": "${pkg.name}", "test_cases": [...]}.` } }
  }
  const report = await runTests(ctx, pkg, { names, stopOnFailure: input.stop_on_failure === true, ...(input.timeout !== undefined ? { timeout: input.timeout } : {}) })
  const allPassed = report.failed === 0 && report.total > 0
  return {
    output: {
      task_name: pkg.name,
      version: pkg.version,
      total: report.total,
      passed: report.passed,
      failed: report.failed,
      success_rate: report.total === 0 ? 1 : report.passed / report.total,
      all_passed: allPassed,
      tests: report.results.map((r) => testResultOutput(r, pkg.dir)),
      message: `${pkg.name} ${pkg.version}: ${ctx.signal.aborted ? `cancelled after ${report.total} test${report.total === 1 ? '' : 's'}; ` : ''}${describeTestReport(report)}`,
      ...(allPassed ? {} : { hint: 'Each failed test has a reason and an execution_id: ratchet_get_execution_logs and ratchet_get_execution_trace show what happened.' }),
    },
  }
}
