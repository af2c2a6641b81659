import type { ExecutionRecord, LogEntry, TraceSpan } from '../store/types.ts'

/** An execution record as the MCP side shows it: snake_case, like the tools' outputs. */
export function executionJson(record: ExecutionRecord): Record<string, unknown> {
  return {
    execution_id: record.id,
    task_id: record.taskName,
    task_version: record.taskVersion,
    status: record.status,
    input: record.input,
    ...(record.output !== undefined ? { output: record.output } : {}),
    ...(record.error ? { error: record.error } : {}),
    queued_at: record.queuedAt,
    started_at: record.startedAt ?? null,
    completed_at: record.completedAt ?? null,
    duration_ms: record.durationMs ?? null,
    attempt: record.attempt,
    ...(record.progress ? { progress: record.progress } : {}),
    source: record.source,
  }
}

export function logJson(entry: LogEntry): Record<string, unknown> {
  return { seq: entry.seq, ts: entry.ts, level: entry.level, message: entry.message, ...(entry.data !== undefined ? { data: entry.data } : {}) }
}

export function spanJson(span: TraceSpan): Record<string, unknown> {
  return {
    span_id: span.spanId,
    parent_id: span.parentId ?? null,
    name: span.name,
    kind: span.kind,
    start_ms: span.startMs,
    duration_ms: span.durationMs,
    status: span.status,
    attributes: span.attributes,
  }
}
