import { AppError } from '../errors.ts'
import type { ExecutionPatch, ExecutionRecord, ExecutionStatus } from './types.ts'

/** A value bun:sqlite binds as-is. `undefined` never reaches SQLite: NULL is spelled `null`. */
export type SqlValue = string | number | null

/** `executions` columns in INSERT order; a buffered row is a `SqlValue[]` in this order. */
export const EXECUTION_COLUMNS = [
  'id',
  'task_name',
  'task_version',
  'task_checksum',
  'input',
  'output',
  'status',
  'error',
  'queued_at',
  'started_at',
  'completed_at',
  'duration_ms',
  'attempt',
  'progress',
  'source',
  'principal',
  'node_id',
] as const

export interface ExecutionRow {
  id: string
  task_name: string
  task_version: string
  task_checksum: string
  input: string | null
  output: string | null
  status: ExecutionStatus
  error: string | null
  queued_at: string
  started_at: string | null
  completed_at: string | null
  duration_ms: number | null
  attempt: number
  progress: string | null
  source: string
  principal: string | null
  node_id: string | null
}

const STATUSES: ReadonlySet<string> = new Set<ExecutionStatus>(['queued', 'running', 'completed', 'failed', 'cancelled', 'timed_out'])

/** Serialises a JSON column; `undefined` (never set) becomes SQL NULL, `null` becomes the JSON text `null`. */
export function toJsonColumn(field: string, value: unknown): string | null {
  if (value === undefined) return null
  try {
    return JSON.stringify(value) ?? null
  } catch (error) {
    throw new AppError('INTERNAL', `Cannot store ${field}: it is not JSON-serialisable (${(error as Error).message})`, {
      cause: error,
      data: { field },
    })
  }
}

/** Like toJsonColumn, for the `X | null` columns where null and "never set" mean the same thing. */
function toNullableJsonColumn(field: string, value: unknown): string | null {
  return value === null ? null : toJsonColumn(field, value)
}

function checkStatus(status: unknown): ExecutionStatus {
  if (typeof status !== 'string' || !STATUSES.has(status)) {
    throw new AppError('INTERNAL', `Cannot store an execution with status ${JSON.stringify(status)}`, {
      data: { status, allowed: [...STATUSES] },
    })
  }
  return status as ExecutionStatus
}

/** Column index and encoder for every field an ExecutionPatch may carry. */
const PATCH_FIELDS: Record<keyof ExecutionPatch, { column: number; encode: (value: unknown) => SqlValue }> = {
  taskVersion: { column: 2, encode: (v) => v as string },
  taskChecksum: { column: 3, encode: (v) => v as string },
  input: { column: 4, encode: (v) => toJsonColumn('input', v) },
  output: { column: 5, encode: (v) => toJsonColumn('output', v) },
  status: { column: 6, encode: checkStatus },
  error: { column: 7, encode: (v) => toNullableJsonColumn('error', v) },
  startedAt: { column: 9, encode: (v) => (v ?? null) as string | null },
  completedAt: { column: 10, encode: (v) => (v ?? null) as string | null },
  durationMs: { column: 11, encode: (v) => (v ?? null) as number | null },
  attempt: { column: 12, encode: (v) => v as number },
  progress: { column: 13, encode: (v) => toNullableJsonColumn('progress', v) },
}
const PATCH_KEYS = Object.keys(PATCH_FIELDS) as (keyof ExecutionPatch)[]

/** Encodes a whole record as an INSERT row (EXECUTION_COLUMNS order). */
export function encodeExecution(record: ExecutionRecord): SqlValue[] {
  return [
    record.id,
    record.taskName,
    record.taskVersion,
    record.taskChecksum,
    toJsonColumn('input', record.input),
    toJsonColumn('output', record.output),
    checkStatus(record.status),
    toNullableJsonColumn('error', record.error),
    record.queuedAt,
    record.startedAt ?? null,
    record.completedAt ?? null,
    record.durationMs ?? null,
    record.attempt,
    toNullableJsonColumn('progress', record.progress),
    record.source,
    record.principal ?? null,
    record.nodeId ?? null,
  ]
}

/**
 * Writes the patch's values into `target` at their column indexes and returns a bit mask of the columns
 * it set. Keys whose value is `undefined` are skipped (a patch only changes what it names); keys that are
 * not patchable (`id`, `taskName`, `queuedAt`, `source`, `principal`, `nodeId`) are ignored.
 */
export function encodePatchInto(target: (SqlValue | undefined)[], patch: ExecutionPatch): number {
  let mask = 0
  for (const key of PATCH_KEYS) {
    const value = patch[key]
    if (value === undefined) continue
    const field = PATCH_FIELDS[key]
    target[field.column] = field.encode(value)
    mask |= 1 << field.column
  }
  return mask
}

function parseJson(text: string | null): unknown {
  return text === null ? undefined : JSON.parse(text)
}

/** Decodes a row back into a record; `output` is left out entirely when it was never set. */
export function decodeExecution(row: ExecutionRow): ExecutionRecord {
  return {
    id: row.id,
    taskName: row.task_name,
    taskVersion: row.task_version,
    taskChecksum: row.task_checksum,
    input: parseJson(row.input),
    ...(row.output === null ? {} : { output: JSON.parse(row.output) }),
    status: row.status,
    error: row.error === null ? null : JSON.parse(row.error),
    queuedAt: row.queued_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    durationMs: row.duration_ms,
    attempt: row.attempt,
    progress: row.progress === null ? null : JSON.parse(row.progress),
    source: row.source,
    ...(row.principal === null || row.principal === undefined ? {} : { principal: row.principal }),
    ...(row.node_id === null || row.node_id === undefined ? {} : { nodeId: row.node_id }),
  }
}
