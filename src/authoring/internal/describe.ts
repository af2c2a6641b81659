import type { TaskTestReport } from '../../engine/run-task-tests.ts'
import type { TaskPackage, TaskProblem } from '../../tasks/types.ts'

/** "2/3 tests passed; failing: "x" (output differs …)" for messages. */
export function describeTestReport(report: TaskTestReport): string {
  if (report.total === 0) return 'no tests to run'
  const failed = report.results.filter((r) => !r.passed)
  const head = `${report.passed}/${report.total} test${report.total === 1 ? '' : 's'} passed`
  if (failed.length === 0) return head
  return `${head}; failing: ${failed.map((r) => `"${r.name}" (${r.reason ?? 'failed'})`).join('; ')}`
}

/** Problems as lines: `main.js: syntax error at line 3 … (fix: …)`. */
export function describeProblems(problems: TaskProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.message}${p.hint ? ` (fix: ${p.hint})` : ''}`).join('\n')
}

/** "1 problem", "3 problems". */
export function countProblems(problems: readonly unknown[]): string {
  return problems.length === 1 ? '1 problem' : `${problems.length} problems`
}

/** The task's id for results: its uuid, or its name when it has none. */
export function taskIdOf(pkg: TaskPackage): string {
  return pkg.uuid ?? pkg.name
}
