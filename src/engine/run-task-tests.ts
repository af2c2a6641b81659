/**
 * Runs a task package's test cases through the engine — real workers, real schema validation, fetch
 * answered by each test's `mock.http` — and judges each one: `should_fail` passes when the execution
 * fails; otherwise the execution must complete and, when an expected output is given, equal it.
 */
import type { ExecutionRecord } from '../store/types.ts'
import type { TaskPackage, TaskTestCase } from '../tasks/types.ts'
import type { Engine } from './engine.ts'

export interface TestCaseResult {
  name: string
  description?: string
  file: string
  passed: boolean
  /** Why it failed, in one sentence; absent when it passed. */
  reason?: string
  executionId: string
  status: ExecutionRecord['status']
  durationMs: number
  input: unknown
  expectedOutput?: unknown
  actualOutput?: unknown
  error?: ExecutionRecord['error']
}

export interface TaskTestReport {
  task: string
  version: string
  total: number
  passed: number
  failed: number
  results: TestCaseResult[]
}

export async function runTaskTests(engine: Engine, task: TaskPackage, options: { names?: string[]; stopOnFailure?: boolean; timeout?: number } = {}): Promise<TaskTestReport> {
  const cases = options.names?.length ? task.tests.filter((t) => options.names!.includes(t.name)) : task.tests
  const results: TestCaseResult[] = []
  for (const testCase of cases) {
    const record = await engine.execute({ task, input: testCase.input, source: 'test', mocks: testCase.mockHttp.length > 0 ? testCase.mockHttp : undefined, timeout: options.timeout })
    const result = judge(testCase, record)
    results.push(result)
    if (!result.passed && options.stopOnFailure) break
  }
  const passed = results.filter((r) => r.passed).length
  return { task: task.name, version: task.version, total: results.length, passed, failed: results.length - passed, results }
}

function judge(testCase: TaskTestCase, record: ExecutionRecord): TestCaseResult {
  const base: TestCaseResult = {
    name: testCase.name,
    description: testCase.description,
    file: testCase.file,
    passed: false,
    executionId: record.id,
    status: record.status,
    durationMs: record.durationMs ?? 0,
    input: testCase.input,
    expectedOutput: testCase.expectedOutput,
    actualOutput: record.output,
    error: record.error ?? undefined,
  }
  if (testCase.shouldFail) {
    if (record.status !== 'completed') return { ...base, passed: true }
    return { ...base, reason: `expected the task to fail, but it completed with ${preview(record.output)}` }
  }
  if (record.status !== 'completed') {
    return { ...base, reason: `the task ${record.status.replace('_', ' ')}: ${record.error?.type ?? 'Error'}: ${record.error?.message ?? 'no error recorded'}` }
  }
  if (testCase.hasExpected && !Bun.deepEquals(record.output, testCase.expectedOutput, true)) {
    return { ...base, reason: `output differs: expected ${preview(testCase.expectedOutput)}, got ${preview(record.output)}` }
  }
  return { ...base, passed: true }
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined'
  return text.length > 300 ? text.slice(0, 300) + '…' : text
}
