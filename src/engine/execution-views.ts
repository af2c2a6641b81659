/**
 * Execution records as the tool layer shows them (snake_case, optional fields omitted rather than
 * `undefined`, because output schemas are checked against the object itself). The MCP handlers and a
 * future HTTP API both map records through here, so every front door shows the same shapes.
 */
import type { ExecutionError, ExecutionRecord, ExecutionStatus, TraceSpan } from '../store/types.ts'
import { TERMINAL_STATUSES } from '../store/types.ts'
import type { BatchItemResult, BatchStats } from './batch.ts'

export interface ErrorView {
  type: string
  code: string
  message: string
  reason?: string
  stack?: string
  location?: { file: string; line: number; column?: number; source?: string }
  details?: unknown
}

export interface SpanView {
  span_id: string
  parent_id: string | null
  name: string
  kind: string
  start_ms: number
  offset_ms?: number
  duration_ms: number
  status: string
  attributes: Record<string, unknown>
}

export interface HttpCallView {
  span_id: string
  method: string
  url: string
  status: number | null
  duration_ms: number
  offset_ms?: number
  bytes_in: number | null
  bytes_out: number | null
  mocked?: boolean
  error?: string
}

export interface ProgressView {
  progress: number
  total: number | null
  message: string | null
  percentage: number | null
  elapsed_ms: number | null
}

/** Drops keys whose value is `undefined`, so optional fields are absent rather than present-but-undefined. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

/** True for completed, failed, cancelled and timed_out. */
export function isTerminal(status: ExecutionStatus): boolean {
  return TERMINAL_STATUSES.includes(status)
}

/** Milliseconds from one ISO timestamp to another; null when either is missing. */
export function msBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from || !to) return null
  return Math.max(0, Date.parse(to) - Date.parse(from))
}

const round = (ms: number) => Math.round(ms * 1000) / 1000

/** The structured error of an execution, without absent fields. */
export function viewError(error: ExecutionError): ErrorView {
  return definedOnly({
    type: error.type,
    code: error.code,
    message: error.message,
    reason: error.reason,
    stack: error.stack,
    location: error.location ? definedOnly({ file: error.location.file, line: error.location.line, column: error.location.column, source: error.location.source }) : undefined,
    details: error.details,
  })
}

/** `originMs` (the execution span's start) adds `offset_ms`, the time since the execution started. */
export function viewSpan(span: TraceSpan, originMs?: number): SpanView {
  return definedOnly({
    span_id: span.spanId,
    parent_id: span.parentId ?? null,
    name: span.name,
    kind: span.kind,
    start_ms: span.startMs,
    offset_ms: originMs === undefined ? undefined : round(span.startMs - originMs),
    duration_ms: round(span.durationMs),
    status: span.status,
    attributes: span.attributes ?? {},
  })
}

const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null)

/** The HTTP calls among `spans` (kind `http`), with the attributes the worker recorded for each. */
export function viewHttpCalls(spans: readonly TraceSpan[], originMs?: number): HttpCallView[] {
  return spans
    .filter((span) => span.kind === 'http')
    .map((span) => {
      const a = span.attributes ?? {}
      return definedOnly({
        span_id: span.spanId,
        method: typeof a.method === 'string' ? a.method : 'GET',
        url: typeof a.url === 'string' ? a.url : span.name,
        status: numberOrNull(a.status),
        duration_ms: round(span.durationMs),
        offset_ms: originMs === undefined ? undefined : round(span.startMs - originMs),
        bytes_in: numberOrNull(a.bytes_in),
        bytes_out: numberOrNull(a.bytes_out),
        mocked: a.mocked === true ? true : undefined,
        error: typeof a.error === 'string' ? a.error : undefined,
      })
    })
}

/** The execution span's start, the origin for offsets; falls back to the first span. */
export function traceOrigin(spans: readonly TraceSpan[]): number | undefined {
  return (spans.find((s) => s.kind === 'execution') ?? spans[0])?.startMs
}

/** Progress with a percentage: reported progress over total, 100 once completed, null without a total. */
export function viewProgress(record: ExecutionRecord, now = Date.now()): ProgressView {
  const elapsed = record.durationMs ?? (record.startedAt ? Math.max(0, (record.completedAt ? Date.parse(record.completedAt) : now) - Date.parse(record.startedAt)) : null)
  const reported = record.progress
  const completed = record.status === 'completed'
  let percentage: number | null = null
  if (completed) percentage = 100
  else if (reported && reported.total) percentage = Math.min(100, Math.max(0, round((reported.progress / reported.total) * 100)))
  else if (record.status === 'queued') percentage = 0
  return {
    progress: reported?.progress ?? (completed ? 1 : 0),
    total: reported?.total ?? (completed ? 1 : null),
    message: reported?.message ?? null,
    percentage,
    elapsed_ms: elapsed === null ? null : round(elapsed),
  }
}

/** get_execution_status: one execution in full. */
export function viewExecution(record: ExecutionRecord, options: { includeInput?: boolean; includeOutput?: boolean; now?: number } = {}) {
  return definedOnly({
    execution_id: record.id,
    task_id: record.taskName,
    task_version: record.taskVersion,
    task_checksum: record.taskChecksum,
    status: record.status,
    can_cancel: !isTerminal(record.status),
    progress: viewProgress(record, options.now),
    input: options.includeInput === false ? undefined : record.input,
    output: options.includeOutput === false || record.status !== 'completed' ? undefined : record.output,
    error: record.error ? viewError(record.error) : undefined,
    error_message: record.error?.message,
    queued_at: record.queuedAt,
    started_at: record.startedAt ?? null,
    completed_at: record.completedAt ?? null,
    duration_ms: record.durationMs ?? null,
    queue_duration_ms: msBetween(record.queuedAt, record.startedAt),
    attempt: record.attempt,
    source: record.source,
  })
}

/** The fields every listed execution carries: which run of which task, its status and its times. */
function viewExecutionRow(record: ExecutionRecord) {
  return {
    execution_id: record.id,
    task_id: record.taskName,
    task_version: record.taskVersion,
    status: record.status,
    queued_at: record.queuedAt,
    started_at: record.startedAt ?? null,
    completed_at: record.completedAt ?? null,
    duration_ms: record.durationMs ?? null,
  }
}

/** list_executions: one row; output and the full error only when asked for. */
export function viewExecutionSummary(record: ExecutionRecord, options: { includeOutput?: boolean } = {}) {
  const progress = record.progress || record.status === 'completed' ? viewProgress(record) : null
  return definedOnly({
    ...viewExecutionRow(record),
    id: record.id,
    progress: progress && { progress: progress.progress, total: progress.total, message: progress.message, percentage: progress.percentage },
    error_message: record.error?.message,
    source: record.source,
    output: options.includeOutput && record.status === 'completed' ? record.output : undefined,
    error: options.includeOutput && record.error ? viewError(record.error) : undefined,
  })
}

/** get_results: one stored execution, with input/output and errors when asked for. */
export function viewStoredResult(record: ExecutionRecord, options: { data: boolean; errors: boolean }) {
  return definedOnly({
    ...viewExecutionRow(record),
    source: record.source,
    input: options.data ? record.input : undefined,
    output: options.data && record.status === 'completed' ? record.output : undefined,
    error_message: options.errors ? record.error?.message : undefined,
    error: options.errors && record.error ? viewError(record.error) : undefined,
  })
}

/** execute_task: the finished execution, with its spans when tracing was asked for. */
export function viewExecuteResult(record: ExecutionRecord, spans?: readonly TraceSpan[]) {
  const origin = spans ? traceOrigin(spans) : undefined
  return definedOnly({
    execution_id: record.id,
    task_id: record.taskName,
    task_version: record.taskVersion,
    status: record.status,
    output: record.status === 'completed' ? record.output : undefined,
    error: record.error ? viewError(record.error) : undefined,
    duration_ms: record.durationMs ?? undefined,
    queued_at: record.queuedAt,
    started_at: record.startedAt ?? null,
    completed_at: record.completedAt ?? null,
    trace: spans ? spans.map((span) => viewSpan(span, origin)) : undefined,
  })
}

/** One line for a human: `addition completed in 12 ms` or `addition failed: TypeError: … (main.js:3)`. */
export function describeOutcome(record: ExecutionRecord): string {
  const took = record.durationMs === null || record.durationMs === undefined ? '' : ` in ${Math.round(record.durationMs)} ms`
  if (record.status === 'completed') return `${record.taskName} completed${took} (execution ${record.id})`
  const error = record.error
  const where = error?.location ? ` (${error.location.file.split('/').pop()}:${error.location.line})` : ''
  const what = error ? `: ${error.type}: ${error.message}${where}` : ''
  return `${record.taskName} ${record.status.replace('_', ' ')}${took}${what} (execution ${record.id})`
}

/** batch_execute: one item's result. */
export function viewBatchItem(result: BatchItemResult) {
  return definedOnly({
    id: result.id,
    task_id: result.taskId,
    execution_id: result.executionId,
    status: result.status,
    output: result.status === 'completed' ? result.output : undefined,
    error: result.error ? viewError(result.error) : undefined,
    skipped: result.skipped,
    skipped_reason: result.skippedReason,
    duration_ms: Math.round(result.durationMs * 1000) / 1000,
  })
}

export function viewBatchStats(stats: BatchStats) {
  return {
    total: stats.total,
    completed: stats.completed,
    failed: stats.failed,
    skipped: stats.skipped,
    total_duration_ms: stats.totalDurationMs,
    average_duration_ms: stats.averageDurationMs,
    max_parallel_observed: stats.maxParallelObserved,
  }
}
