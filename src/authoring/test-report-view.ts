/**
 * A test report as the doors show it (snake_case, files relative to the package folder), shared by the
 * MCP tools' `test_results` and the REST test and write routes, as engine/execution-views.ts is for
 * executions.
 */
import { relative } from 'node:path'
import type { TaskTestReport, TestCaseResult } from '../engine/run-task-tests.ts'

export interface TestResultView {
  name: string
  description?: string
  status: 'passed' | 'failed'
  duration_ms: number
  execution_id: string
  execution_status?: TestCaseResult['status']
  input: unknown
  expected_output?: unknown
  actual_output?: unknown
  error?: { type: string; code: string; message: string; reason?: string; location?: { file: string; line: number; column?: number; source?: string } }
  reason?: string
  file?: string
}

export interface TestReportView {
  total: number
  passed: number
  failed: number
  results: TestResultView[]
}

/** One test result; `dir` is the package folder its test file is shown relative to. */
export function viewTestResult(result: TestCaseResult, dir: string): TestResultView {
  const error = result.error
  return {
    name: result.name,
    ...(result.description !== undefined ? { description: result.description } : {}),
    status: result.passed ? 'passed' : 'failed',
    duration_ms: result.durationMs,
    execution_id: result.executionId,
    execution_status: result.status,
    input: result.input,
    ...(result.expectedOutput !== undefined ? { expected_output: result.expectedOutput } : {}),
    ...(result.actualOutput !== undefined ? { actual_output: result.actualOutput } : {}),
    ...(error
      ? { error: { type: error.type, code: error.code, message: error.message, ...(error.reason ? { reason: error.reason } : {}), ...(error.location ? { location: error.location } : {}) } }
      : {}),
    ...(result.reason !== undefined ? { reason: result.reason } : {}),
    file: relative(dir, result.file),
  }
}

export function viewTestReport(report: TaskTestReport, dir: string): TestReportView {
  return { total: report.total, passed: report.passed, failed: report.failed, results: report.results.map((r) => viewTestResult(r, dir)) }
}
