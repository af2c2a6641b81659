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
  /**
   * The node (engine) that ran it, stamped by the engine; absent for rows stored before nodes were
   * recorded. A node that restarts reclaims only its own unfinished executions (markInterrupted).
   */
  nodeId?: string | null
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

export type ExecutionPatch = Partial<Omit<ExecutionRecord, 'id' | 'taskName' | 'queuedAt' | 'source' | 'principal' | 'nodeId'>>

/**
 * The read half of the persistence port: what the doors (MCP, REST, CLI) and the scoped views get. Every
 * method returns a promise, so a networked database (PostgreSQL) implements it as well as bun:sqlite.
 * Reads see every write issued earlier through the same store, buffered or not.
 */
export interface ExecutionReader {
  getExecution(id: string): Promise<ExecutionRecord | null>
  listExecutions(filter?: ExecutionFilter): Promise<{ items: ExecutionRecord[]; total: number }>
  /** Log entries in `seq` order, at or above `minLevel`, at most `limit` of them. */
  getLogs(executionId: string, options?: { minLevel?: LogLevel; limit?: number }): Promise<LogEntry[]>
  getSpans(executionId: string): Promise<TraceSpan[]>
  listTaskVersions(name: string): Promise<TaskVersionRecord[]>
  /** Audit entries matching `filter`, newest first. */
  listAudit(filter?: AuditFilter): Promise<AuditRecord[]>
}

/**
 * The write half of the persistence port: owned by the engine (executions, logs, spans), the registry
 * (task versions) and the audit log. The per-execution writes are fire-and-forget so the engine's hot
 * path never waits on the database per log line or update: an implementation may buffer them (group
 * commit), and their durability and failures surface through `commit()`, which resolves once every
 * write issued before the call is durable and rejects if any earlier write could not be saved.
 */
export interface ExecutionWriter {
  createExecution(record: ExecutionRecord): void
  updateExecution(id: string, patch: ExecutionPatch): void
  appendLogs(entries: LogEntry[]): void
  appendSpans(spans: TraceSpan[]): void
  /** Appends audit entries (one transaction for the lot); a failure is thrown at once or rejects the next commit(). */
  appendAudit(entries: AuditRecord[]): void
  /** Records the package as a task version; resolves with whether this checksum was new. */
  recordTaskVersion(task: TaskPackage): Promise<{ isNew: boolean }>
  /**
   * Marks failed with reason `interrupted` every `queued`/`running` execution that node `nodeId` ran (and
   * those recorded before nodes were, with no node): what a restarting node left unfinished. Another
   * node's live work is never touched. Resolves with how many were marked.
   */
  markInterrupted(nodeId: string): Promise<number>
  /** Resolves when all writes issued so far are committed; rejects if any of them was lost. */
  commit(): Promise<void>
  /** Resolves when the database takes writes now (takes and releases the write lock); rejects with why not (`/ready`). */
  checkWritable(): Promise<void>
  /** Flushes what is buffered and releases the connection; resolves once closed. */
  close(): Promise<void>
}

/**
 * The store as the doors (MCP, REST, CLI) and the scoped views see it: every read, and the one write a
 * door truly makes, recording a result that ran elsewhere (store_result: createExecution, then commit).
 * Everything else a door changes goes through the engine, which owns the ExecutionWriter.
 */
export type DoorStore = ExecutionReader & Pick<ExecutionWriter, 'createExecution' | 'commit'>

/**
 * The whole persistence port, for the composition root (src/cli/runtime.ts) and the tests. bun:sqlite
 * implements it today; a PostgreSQL implementation must be able to implement it without touching the
 * engine or the doors. Everything else is typed with the half it needs.
 */
export type Store = ExecutionReader & ExecutionWriter
