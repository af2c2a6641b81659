import { AppError } from '../errors.ts'
import { toJsonColumn, type SqlValue } from './execution-rows.ts'
import type { LogEntry, LogLevel, TraceSpan } from './types.ts'

/** Levels from least to most severe; `minLevel` keeps a level and everything after it. */
export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error']

export interface LogRow {
  execution_id: string
  seq: number
  level: LogLevel
  message: string
  data: string | null
  ts: string
}

export interface SpanRow {
  execution_id: string
  span_id: string
  parent_id: string | null
  name: string
  kind: string
  start_ms: number
  duration_ms: number
  status: 'ok' | 'error'
  attributes: string
}

/** The levels at or above `minLevel`; throws on a level that does not exist. */
export function levelsFrom(minLevel: LogLevel): readonly LogLevel[] {
  const index = LOG_LEVELS.indexOf(minLevel)
  if (index < 0) {
    throw new AppError('BAD_INPUT', `Unknown log level ${JSON.stringify(minLevel)}`, {
      data: { minLevel, allowed: LOG_LEVELS },
      hint: `Use one of ${LOG_LEVELS.join(', ')}.`,
    })
  }
  return LOG_LEVELS.slice(index)
}

/** execution_id, seq, level, message, data, ts */
export function encodeLog(entry: LogEntry): SqlValue[] {
  levelsFrom(entry.level)
  return [entry.executionId, entry.seq, entry.level, entry.message, toJsonColumn('log data', entry.data), entry.ts]
}

export function decodeLog(row: LogRow): LogEntry {
  const entry: LogEntry = { executionId: row.execution_id, seq: row.seq, level: row.level, message: row.message, ts: row.ts }
  if (row.data !== null) entry.data = JSON.parse(row.data)
  return entry
}

/** execution_id, span_id, parent_id, name, kind, start_ms, duration_ms, status, attributes */
export function encodeSpan(span: TraceSpan): SqlValue[] {
  return [
    span.executionId,
    span.spanId,
    span.parentId ?? null,
    span.name,
    span.kind,
    span.startMs,
    span.durationMs,
    span.status,
    toJsonColumn('span attributes', span.attributes ?? {}),
  ]
}

export function decodeSpan(row: SpanRow): TraceSpan {
  return {
    executionId: row.execution_id,
    spanId: row.span_id,
    parentId: row.parent_id,
    name: row.name,
    kind: row.kind,
    startMs: row.start_ms,
    durationMs: row.duration_ms,
    status: row.status,
    attributes: JSON.parse(row.attributes),
  }
}
