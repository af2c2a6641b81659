import type { TaskPackage } from '../tasks/types.ts'

export type ExecutionStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' | 'timed_out'
export const TERMINAL_STATUSES: readonly ExecutionStatus[] = ['completed', 'failed', 'cancelled', 'timed_out']

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error'

export interface SourceLocation {
  file: string
  line: number
  column?: number
  /** The source line itself, trimmed. */
  source?: string
}

/** A failure normalised by coerceError: never a bare string. */
export interface ExecutionError {
  /** Error class name as thrown (`HttpError`, `TypeError`, ...) or an engine code. */
  type: string
  /** Engine code: TASK_FAILED, INPUT_INVALID, OUTPUT_INVALID, TIMED_OUT, CANCELLED, RESOURCE_EXHAUSTED, WORKER_CRASHED, INTERRUPTED. */
  code: string
  message: string
  /** Stack with frames in the task's own file. */
  stack?: string
  location?: SourceLocation
  /** Short reason (`interrupted`, `worker_crashed`, `resource_exhausted`, `timeout`, ...). */
  reason?: string
  details?: unknown
}

export interface ExecutionProgress {
  progress: number
  total?: number
  message?: string
}

export interface ExecutionRecord {
  id: string
  taskName: string
  taskVersion: string
  taskChecksum: string
  input: unknown
  output?: unknown
  status: ExecutionStatus
  error?: ExecutionError | null
  /** ISO-8601 timestamps. */
  queuedAt: string
  startedAt?: string | null
  completedAt?: string | null
  durationMs?: number | null
  attempt: number
  progress?: ExecutionProgress | null
  /** Who asked: cli, mcp, http, test. */
  source: string
}

export interface LogEntry {
  executionId: string
  /** Order within the execution, from 0. */
  seq: number
  level: LogLevel
  message: string
  data?: unknown
  /** ISO-8601. */
  ts: string
}

export interface TraceSpan {
  executionId: string
  spanId: string
  parentId?: string | null
  name: string
  /** execution | http | task */
  kind: string
  /** Epoch milliseconds (fractional). */
  startMs: number
  durationMs: number
  status: 'ok' | 'error'
  attributes: Record<string, unknown>
}

export interface TaskVersionRecord {
  name: string
  version: string
  checksum: string
  uuid: string | null
  description: string
  tags: string[]
  sourcePath: string
  firstSeenAt: string
}

export interface ExecutionFilter {
  taskName?: string
  status?: ExecutionStatus
  limit?: number
  offset?: number
  /** Sort key and direction; default queuedAt desc. */
  sortBy?: 'queuedAt' | 'startedAt' | 'completedAt' | 'durationMs' | 'status'
  sortOrder?: 'asc' | 'desc'
}

export type ExecutionPatch = Partial<Omit<ExecutionRecord, 'id' | 'taskName' | 'queuedAt' | 'source'>>

/**
 * The persistence port. bun:sqlite implements it today; a PostgreSQL implementation must be able to
 * implement it without touching the engine. Writes may be buffered (group commit): `commit()` resolves
 * once every write issued before the call is durable. Reads always see every earlier write.
 */
export interface Store {
  /** Records the package as a task version; returns whether this checksum was new. */
  recordTaskVersion(task: TaskPackage): { isNew: boolean }
  listTaskVersions(name: string): TaskVersionRecord[]

  createExecution(record: ExecutionRecord): void
  updateExecution(id: string, patch: ExecutionPatch): void
  getExecution(id: string): ExecutionRecord | null
  listExecutions(filter?: ExecutionFilter): { items: ExecutionRecord[]; total: number }

  appendLogs(entries: LogEntry[]): void
  getLogs(executionId: string, options?: { minLevel?: LogLevel; limit?: number }): LogEntry[]
  appendSpans(spans: TraceSpan[]): void
  getSpans(executionId: string): TraceSpan[]

  /** Marks every `queued`/`running` execution failed with reason `interrupted`; returns how many. */
  markInterrupted(): number
  /** Resolves when all writes issued so far are committed. */
  commit(): Promise<void>
  close(): void
}
