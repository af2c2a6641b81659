/** Running a saved task's test cases (all, or the ones named) in the pool, one case at a time. */
import { describeTestReport } from './internal/describe.ts'
import { notFound, refusal } from './internal/refuse.ts'
import { runTests, type TestOptions } from './internal/save-task.ts'
import type { AuthoringDeps, TestRun } from './types.ts'

export async function runTaskTests(deps: AuthoringDeps, taskId: string, options: TestOptions = {}): Promise<TestRun> {
  const pkg = deps.registry.get(taskId)
  if (!pkg) throw notFound(taskId, deps.registry)
  const names = options.names ?? []
  const known = pkg.tests.map((t) => t.name)
  const unknown = names.filter((name) => !known.includes(name))
  if (unknown.length > 0) {
    throw refusal('BAD_INPUT', 'unknown_tests', `"${pkg.name}" has no test named ${unknown.map((n) => JSON.stringify(n)).join(', ')}`, `Its tests are: ${known.map((n) => JSON.stringify(n)).join(', ') || '(none)'}.`, {
      name: pkg.name,
      version: pkg.version,
      unknown,
      known,
    })
  }
  const base = { name: pkg.name, version: pkg.version, dir: pkg.dir }
  if (pkg.tests.length === 0) {
    return { ...base, report: { task: pkg.name, version: pkg.version, total: 0, passed: 0, failed: 0, results: [] }, cancelled: false, message: `"${pkg.name}" has no tests` }
  }
  const report = await runTests(deps, pkg, { ...options, names })
  const cancelled = options.signal?.aborted === true
  return { ...base, report, cancelled, message: `${pkg.name} ${pkg.version}: ${cancelled ? `cancelled after ${report.total} test${report.total === 1 ? '' : 's'}; ` : ''}${describeTestReport(report)}` }
}
