/**
 * What the task-development tools share: the authoring service built over the caller's views (so a
 * principal's task patterns apply), the per-call options, and test results in the tools' snake_case shape.
 */
import { relative } from 'node:path'
import { createAuthoring, type Authoring, type CallOptions } from '../../../authoring/index.ts'
import type { TaskTestReport, TestCaseResult } from '../../../engine/run-task-tests.ts'
import type { ToolContext } from '../types.ts'

/** The authoring service as this call's principal sees the runtime; tests run under the MCP time cap. */
export function authoringFor(ctx: ToolContext): Authoring {
  return createAuthoring({
    registry: ctx.registry,
    engine: ctx.engine,
    store: ctx.store,
    logger: ctx.logger,
    tasksDir: ctx.tasksDir,
    sources: ctx.config.registry.sources,
    maxTestSeconds: ctx.config.mcp.maxExecutionTime,
  })
}

/** Who asks, cancellation and progress notifications of this call. */
export function callOptions(ctx: ToolContext): CallOptions {
  return { actor: ctx.principal.name, signal: ctx.signal, ...(ctx.progress ? { onProgress: ctx.progress } : {}) }
}

export interface TestResultsOutput {
  total: number
  passed: number
  failed: number
  results: TestResultOutput[]
}

export interface TestResultOutput {
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

/** One test result in the shape every tool's schema uses. */
export function testResultOutput(result: TestCaseResult, dir: string): TestResultOutput {
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

export function testResultsOutput(report: TaskTestReport, dir: string): TestResultsOutput {
  return { total: report.total, passed: report.passed, failed: report.failed, results: report.results.map((r) => testResultOutput(r, dir)) }
}
