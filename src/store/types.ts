import type { FilterOp } from '../lib/list-query.ts'
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
  /** The principal that started it (key name, token subject, `stdio`, `anonymous`); null/absent: nobody's (CLI, older rows). */
  principal?: string | null
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
  /**
   * Task-name globs (`*` matches any run of characters): only executions of a task matching one of
   * `include` and none of `exclude` (a principal's allowed/denied task patterns).
   */
  taskGlobs?: { include: readonly string[]; exclude: readonly string[] }
  status?: ExecutionStatus
  /** Only executions started by this principal (ExecutionRecord.principal). */
  owner?: string
  limit?: number
  offset?: number
  /** Sort key and direction; default queuedAt desc. */
  sortBy?: 'queuedAt' | 'startedAt' | 'completedAt' | 'durationMs' | 'status'
  sortOrder?: 'asc' | 'desc'
  /** More conditions on whitelisted fields, all of which must hold (the REST door's list filters). */
  where?: readonly ExecutionCondition[]
}

/** One condition of ExecutionFilter.where: `like` is a case-insensitive substring; dates are ISO-8601 text. */
export interface ExecutionCondition {
  field: 'id' | 'taskName' | 'status' | 'source' | 'queuedAt' | 'startedAt' | 'completedAt' | 'durationMs'
  op: FilterOp
  /** A list for `in` / `not_in`, else one value. */
  value: string | number | readonly (string | number)[]
}

/** What one audit line records (`ratchet audit`, mcp.security.audit_log_enabled). Never a secret or an input value. */
export interface AuditRecord {
  /** ISO-8601. */
  ts: string
  /** auth: a credential check; tool_call: one tools/call; task_change: a task created, edited, deleted or imported; resource_read: a refused read. */
  event: 'auth' | 'tool_call' | 'task_change' | 'resource_read'
  /** Key name, token subject, `anonymous` or `stdio`; null when authentication failed before a name was known. */
  principal: string | null
  principalKind?: string | null
  /** auth: success | failure; calls: ok | error | denied. */
  outcome: 'success' | 'failure' | 'ok' | 'error' | 'denied'
  ip?: string | null
  tool?: string | null
  task?: string | null
  executionId?: string | null
  durationMs?: number | null
  /** Why a check failed or a call was denied (a reason code or a sentence without secrets). */
  reason?: string | null
  /** Small structured extras (transport, path, change kind, task names). */
  detail?: Record<string, unknown> | null
}

export interface AuditFilter {
  principal?: string
  event?: AuditRecord['event']
  /** Only entries at or after this ISO-8601 time. */
  since?: string
  /** Newest first; default 100. */
  limit?: number
}

export type ExecutionPatch = Partial<Omit<ExecutionRecord, 'id' | 'taskName' | 'queuedAt' | 'source' | 'principal'>>

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

  /** Appends audit entries (one transaction for the lot). */
  appendAudit(entries: AuditRecord[]): void
  /** Audit entries matching `filter`, newest first. */
  listAudit(filter?: AuditFilter): AuditRecord[]

  /** Marks every `queued`/`running` execution failed with reason `interrupted`; returns how many. */
  markInterrupted(): number
  /** Resolves when all writes issued so far are committed. */
  commit(): Promise<void>
  /** Resolves when the database takes writes now (takes and releases the write lock); rejects with why not (`/ready`). */
  checkWritable(): Promise<void>
  close(): void
}
