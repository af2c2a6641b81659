/**
 * Why did an execution fail? Pure functions over what was recorded — the structured error, spans,
 * warn/error logs — plus the task as loaded now and its file's text. They classify the failure, write
 * a root-cause paragraph from the real data, show the failing code in context, re-check the input
 * against the current schema and derive concrete suggestions.
 */
import type { ExecutionError, ExecutionRecord, LogEntry, TraceSpan } from '../store/types.ts'
import type { TaskPackage } from '../tasks/types.ts'
import { sourceContext, type ContextLine } from './error-facts.ts'
import { describeRootCause, suggestFixes } from './error-advice.ts'
import { definedOnly, isTerminal, viewHttpCalls } from './execution-views.ts'
import { recheckInput, type InputProblem } from './input-recheck.ts'
import { viewLog, type LogView } from './execution-logs.ts'

export type ErrorCategory =
  | 'none' | 'input_validation' | 'output_validation' | 'timeout' | 'resource_exhausted' | 'worker_crashed' | 'cancelled' | 'interrupted'
  | 'network' | 'http_status' | 'authentication' | 'rate_limit' | 'code_error' | 'data_error' | 'configuration' | 'unknown'

export interface ErrorFacts {
  record: ExecutionRecord
  spans: readonly TraceSpan[]
  /** The execution's warn and error entries, oldest first. */
  logs: readonly LogEntry[]
  /** The task as loaded now (possibly a newer version); absent when it no longer exists. */
  task?: TaskPackage
  /** The failing file's text as it is now; null when it cannot be read. */
  fileText?: string | null
  /** The most a caller may pass as `timeout`, in seconds. */
  timeoutCapSeconds: number
}

export interface FailedHttpCall {
  method: string
  url: string
  status: number | null
  duration_ms: number
  error?: string
}

export interface InputValidationView {
  valid: boolean
  schema_changed: boolean
  errors: InputProblem[]
}

export interface ErrorAnalysis {
  execution_id: string
  task_id: string
  task_version: string
  status: ExecutionRecord['status']
  category: ErrorCategory
  retryable: boolean
  root_cause: string
  note?: string
  error?: { type: string; message: string; code: string; reason?: string }
  location?: { file: string; line: number; column?: number; source?: string; source_changed?: boolean; context_lines?: ContextLine[] }
  input_validation?: InputValidationView
  failed_http_calls: FailedHttpCall[]
  recent_error_logs: LogView[]
  suggestions: string[]
  context?: { input: unknown; queued_at: string; started_at: string | null; completed_at: string | null; duration_ms: number | null; attempt: number; stack?: string; error_details?: unknown }
}

const BY_CODE: Record<string, ErrorCategory> = {
  INPUT_INVALID: 'input_validation',
  OUTPUT_INVALID: 'output_validation',
  TIMED_OUT: 'timeout',
  RESOURCE_EXHAUSTED: 'resource_exhausted',
  WORKER_CRASHED: 'worker_crashed',
  CANCELLED: 'cancelled',
  INTERRUPTED: 'interrupted',
  TASK_INVALID: 'code_error',
  BUSY: 'resource_exhausted',
  SHUTTING_DOWN: 'interrupted',
}

const BY_TYPE: Record<string, ErrorCategory> = {
  NetworkError: 'network',
  TimeoutError: 'timeout',
  AuthenticationError: 'authentication',
  AuthorizationError: 'authentication',
  RateLimitError: 'rate_limit',
  ValidationError: 'input_validation',
  DataError: 'data_error',
  ConfigurationError: 'configuration',
  ServiceUnavailableError: 'http_status',
  TypeError: 'code_error',
  ReferenceError: 'code_error',
  RangeError: 'code_error',
  EvalError: 'code_error',
  URIError: 'code_error',
}

/** The HTTP status an error carries (HttpError's `status`, or `details.status`). */
export function errorHttpStatus(error: ExecutionError): number | undefined {
  const details = error.details as { status?: unknown; details?: { status?: unknown } } | undefined
  const status = details?.status ?? details?.details?.status
  return typeof status === 'number' ? status : undefined
}

/** The failure's category: engine codes first, then the thrown error's class, then what the trace shows. */
export function classifyError(error: ExecutionError, spans: readonly TraceSpan[] = []): ErrorCategory {
  const byCode = BY_CODE[error.code]
  if (byCode) return byCode
  if (error.type === 'HttpError') {
    const status = errorHttpStatus(error) ?? lastFailedStatus(spans)
    if (status === 401 || status === 403) return 'authentication'
    if (status === 429) return 'rate_limit'
    return 'http_status'
  }
  if (error.type === 'SyntaxError') return /JSON/i.test(error.message) ? 'data_error' : 'code_error'
  const byType = BY_TYPE[error.type]
  if (byType) return byType
  if (error.type === 'AbortError') return 'cancelled'
  const status = lastFailedStatus(spans)
  if (status !== undefined) return status === 401 || status === 403 ? 'authentication' : status === 429 ? 'rate_limit' : 'http_status'
  return 'unknown'
}

function lastFailedStatus(spans: readonly TraceSpan[]): number | undefined {
  const failed = viewHttpCalls(spans).filter((call) => call.status !== null && call.status >= 400)
  return failed.at(-1)?.status ?? undefined
}

/** HTTP calls that got an error status or no response at all. */
export function failedHttpCalls(spans: readonly TraceSpan[]): FailedHttpCall[] {
  return viewHttpCalls(spans)
    .filter((call) => call.error !== undefined || (call.status !== null && call.status >= 400))
    .map((call) => definedOnly({ method: call.method, url: call.url, status: call.status, duration_ms: call.duration_ms, error: call.error }))
}

function isRetryable(category: ErrorCategory, error: ExecutionError, spans: readonly TraceSpan[]): boolean {
  if (['network', 'rate_limit', 'worker_crashed', 'interrupted'].includes(category)) return true
  if (category === 'http_status') return (errorHttpStatus(error) ?? lastFailedStatus(spans) ?? 0) >= 500
  return category === 'timeout' && error.code !== 'TIMED_OUT'
}

/** The whole analysis of one execution; never throws for odd records (missing error, unreadable file). */
export function analyzeExecutionError(facts: ErrorFacts, options: { includeSuggestions: boolean; includeContext: boolean }): ErrorAnalysis {
  const { record, spans, task } = facts
  const base = { execution_id: record.id, task_id: record.taskName, task_version: record.taskVersion, status: record.status }
  const failedCalls = failedHttpCalls(spans)
  const recentLogs = facts.logs.slice(-10).map(viewLog)
  if (record.status === 'completed' || !isTerminal(record.status) || !record.error) {
    const note = record.status === 'completed'
      ? 'The execution completed successfully; there is no error to analyse.'
      : isTerminal(record.status)
        ? `The execution ended ${record.status.replace('_', ' ')} but recorded no error.`
        : `The execution has not finished yet (status ${record.status}); analyse it once it has.`
    return { ...base, category: 'none', retryable: false, root_cause: note, note, failed_http_calls: failedCalls, recent_error_logs: recentLogs, suggestions: [] }
  }
  const error = record.error
  const category = classifyError(error, spans)
  let inputValidation: InputValidationView | undefined
  if (task && task.inputSchema !== null) {
    try {
      const recheck = recheckInput(record.input, task.inputSchema)
      inputValidation = { valid: recheck.valid, schema_changed: task.checksum !== record.taskChecksum, errors: recheck.errors }
    } catch {
      // A schema that no longer compiles is reported by the registry; the analysis goes on without it.
    }
  }
  const context = error.location && options.includeContext ? sourceContext(facts.fileText ?? null, error.location) : null
  const location = error.location
    ? definedOnly({
        file: error.location.file,
        line: error.location.line,
        column: error.location.column,
        source: error.location.source,
        source_changed: context ? context.changed : undefined,
        context_lines: context ? context.lines : undefined,
      })
    : undefined
  const advice = { record, error, category, spans, failedCalls, logs: facts.logs, inputValidation, task, timeoutCapSeconds: facts.timeoutCapSeconds }
  return definedOnly({
    ...base,
    category,
    retryable: isRetryable(category, error, spans),
    root_cause: describeRootCause(advice),
    error: definedOnly({ type: error.type, message: error.message, code: error.code, reason: error.reason }),
    location,
    input_validation: inputValidation,
    failed_http_calls: failedCalls,
    recent_error_logs: recentLogs,
    suggestions: options.includeSuggestions ? suggestFixes(advice) : [],
    context: options.includeContext
      ? definedOnly({ input: record.input, queued_at: record.queuedAt, started_at: record.startedAt ?? null, completed_at: record.completedAt ?? null, duration_ms: record.durationMs ?? null, attempt: record.attempt, stack: error.stack, error_details: error.details })
      : undefined,
  })
}

/** The prompt for asking the client's model about this analysis (ask_model). */
export function explanationPrompt(analysis: ErrorAnalysis): string {
  const facts = { ...analysis, context: analysis.context ? { ...analysis.context, input: truncate(JSON.stringify(analysis.context.input) ?? 'null', 2000) } : undefined }
  return [
    `A task execution in the Ratchet task engine failed. Explain in at most five sentences why it failed and what to change, for the developer of task "${analysis.task_id}".`,
    'Be specific: name the line, input path, URL or setting involved. Do not repeat the data back.',
    '',
    truncate(JSON.stringify(facts, null, 1), 12_000),
  ].join('\n')
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) + `… (${text.length - max} more characters)` : text
}
