import type { Database, Statement } from 'bun:sqlite'
import { AppError } from '../errors.ts'
import type { TaskPackage } from '../tasks/types.ts'
import { encodeAudit, INSERT_AUDIT, listAudit } from './audit-rows.ts'
import { decodeExecution, encodeExecution, type ExecutionRow } from './execution-rows.ts'
import { listExecutions } from './list-executions.ts'
import { decodeLog, decodeSpan, encodeLog, encodeSpan, levelsFrom, type LogRow, type SpanRow } from './log-span-rows.ts'
import { openDatabase, type SynchronousMode } from './open-database.ts'
import { decodeTaskVersion, INSERT_TASK_VERSION, SELECT_TASK_VERSIONS, type TaskVersionRow } from './task-versions.ts'
import type {
  AuditFilter,
  AuditRecord,
  ExecutionFilter,
  ExecutionPatch,
  ExecutionRecord,
  LogEntry,
  LogLevel,
  Store,
  TaskVersionRecord,
  TraceSpan,
} from './types.ts'
import { WriteBuffer } from './write-buffer.ts'

export interface SqliteStoreOptions {
  /** A file path, or `':memory:'`. Missing parent directories are created. */
  path: string
  /** FULL (default) fsyncs every commit; NORMAL is faster and loses the last commits only on power loss. */
  synchronous?: SynchronousMode
  /** How long a write waits for another connection's lock; default 5000. bun:sqlite waits synchronously. */
  busyTimeoutMs?: number
  /** Buffered ops that force an immediate flush; default 500. */
  maxBufferedOps?: number
  /** Told about every failed flush (writes that could not be saved); default: print to stderr. */
  onFlushError?: (error: AppError) => void
}

/** The SQLite Store, plus a few SQLite-only operations (synchronous: bun:sqlite is in process). */
export type SqliteStore = Store & SqliteOnly

interface SqliteOnly {
  readonly path: string
  /**
   * The open connection, for stores of other aggregates (jobs, schedules) that must share this file
   * and, for `:memory:`, this very handle. They write directly, outside the execution write buffer.
   */
  readonly database: Database
  /** Applies every buffered write now, in one transaction. */
  flush(): void
  /** Copies the WAL into the main file and truncates it; worth calling when idle. */
  checkpoint(): void
  /** `PRAGMA integrity_check`: `['ok']` when the file is sound. */
  integrityCheck(): string[]
  /** The connection's durability settings, as SQLite reports them (for diagnostics). */
  settings(): SqliteSettings
}

export interface SqliteSettings {
  journalMode: string
  synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA'
  foreignKeys: boolean
  busyTimeoutMs: number
}

const SYNCHRONOUS_NAMES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const

const INTERRUPTED_ERROR = JSON.stringify({
  type: 'Interrupted',
  code: 'INTERRUPTED',
  reason: 'interrupted',
  message: 'The server stopped while this execution was queued or running (crash or kill). It did not finish; run it again.',
})

function reportToStderr(error: AppError): void {
  process.stderr.write(`ratchet store: ${error.message}\n`)
}

/** Opens the bun:sqlite Store. One per process: it is the only writer of the file. */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const db = openDatabase(options.path, options.synchronous ?? 'FULL', options.busyTimeoutMs ?? 5000)
  try {
    return createSqliteStore(db, options)
  } catch (error) {
    db.close()
    throw error
  }
}

function createSqliteStore(db: Database, options: SqliteStoreOptions): SqliteStore {
  const buffer = new WriteBuffer(db, {
    maxBufferedOps: options.maxBufferedOps ?? 500,
    onFlushError: options.onFlushError ?? reportToStderr,
  })
  const insertTaskVersion = db.query(INSERT_TASK_VERSION)
  const selectTaskVersions = db.query<TaskVersionRow, [string]>(SELECT_TASK_VERSIONS)
  const selectExecution = db.query<ExecutionRow, [string]>('SELECT * FROM executions WHERE id = ?')
  const selectSpans = db.query<SpanRow, [string]>('SELECT * FROM trace_spans WHERE execution_id = ? ORDER BY start_ms, span_id')
  // Rows without a node were stored before nodes were recorded: whichever node restarts first reclaims them.
  const markInterrupted = db.query<never, [string, string, string]>(
    `UPDATE executions SET status = 'failed', error = ?, completed_at = ?
      WHERE status IN ('queued', 'running') AND (node_id = ? OR node_id IS NULL)`,
  )
  const insertAudit = db.query(INSERT_AUDIT)
  const selectLogs = new Map<LogLevel, Statement<LogRow, [string, number]>>()
  let closed = false

  const open = (): void => {
    if (closed) throw new AppError('INTERNAL', 'The store is closed', { hint: 'Open a new store; this one was closed.' })
  }
  // Reads flush first, so they see every earlier write without waiting for the scheduled flush.
  const read = (): void => {
    open()
    if (buffer.pending > 0) buffer.flush()
  }

  return {
    path: options.path,
    database: db,

    async recordTaskVersion(task: TaskPackage): Promise<{ isNew: boolean }> {
      open()
      const { changes } = insertTaskVersion.run(
        task.name,
        task.version,
        task.checksum,
        task.uuid ?? null,
        task.description,
        JSON.stringify(task.tags),
        task.dir,
        new Date().toISOString(),
      )
      return { isNew: changes === 1 }
    },

    async listTaskVersions(name: string): Promise<TaskVersionRecord[]> {
      open()
      return selectTaskVersions.all(name).map(decodeTaskVersion)
    },

    createExecution(record: ExecutionRecord): void {
      open()
      buffer.create(encodeExecution(record))
    },

    updateExecution(id: string, patch: ExecutionPatch): void {
      open()
      buffer.update(id, patch)
    },

    async getExecution(id: string): Promise<ExecutionRecord | null> {
      read()
      const row = selectExecution.get(id)
      return row ? decodeExecution(row) : null
    },

    async listExecutions(filter?: ExecutionFilter): Promise<{ items: ExecutionRecord[]; total: number }> {
      read()
      return listExecutions(db, filter)
    },

    appendLogs(entries: LogEntry[]): void {
      open()
      if (entries.length > 0) buffer.append('log', entries.map(encodeLog))
    },

    async getLogs(executionId: string, options: { minLevel?: LogLevel; limit?: number } = {}): Promise<LogEntry[]> {
      read()
      const minLevel = options.minLevel ?? 'trace'
      let statement = selectLogs.get(minLevel)
      if (!statement) {
        // The level list comes from the fixed LOG_LEVELS table, never from the caller's string.
        const levels = levelsFrom(minLevel).map((level) => `'${level}'`).join(', ')
        statement = db.query<LogRow, [string, number]>(
          `SELECT * FROM execution_logs WHERE execution_id = ? AND level IN (${levels}) ORDER BY seq LIMIT ?`,
        )
        selectLogs.set(minLevel, statement)
      }
      const limit = options.limit ?? -1
      if (!Number.isSafeInteger(limit) || limit < -1) {
        throw new AppError('BAD_INPUT', 'limit must be a whole number of 0 or more', { data: { limit: options.limit } })
      }
      return statement.all(executionId, limit).map(decodeLog)
    },

    appendSpans(spans: TraceSpan[]): void {
      open()
      if (spans.length > 0) buffer.append('span', spans.map(encodeSpan))
    },

    async getSpans(executionId: string): Promise<TraceSpan[]> {
      read()
      return selectSpans.all(executionId).map(decodeSpan)
    },

    appendAudit(entries: AuditRecord[]): void {
      open()
      if (entries.length === 0) return
      // Written at once, outside the execution write buffer: the audit log batches its own entries.
      db.transaction(() => {
        for (const entry of entries) insertAudit.run(...encodeAudit(entry))
      }).immediate()
    },

    async listAudit(filter?: AuditFilter): Promise<AuditRecord[]> {
      read()
      return listAudit(db, filter)
    },

    async markInterrupted(nodeId: string): Promise<number> {
      if (typeof nodeId !== 'string' || nodeId === '') {
        throw new AppError('INTERNAL', 'markInterrupted needs the id of the node whose executions it reclaims', { data: { nodeId } })
      }
      read()
      return markInterrupted.run(INTERRUPTED_ERROR, new Date().toISOString(), nodeId).changes
    },

    commit(): Promise<void> {
      // After close() everything was flushed; a failure still unreported is delivered here.
      return buffer.commit()
    },

    flush(): void {
      open()
      buffer.flush()
    },

    checkpoint(): void {
      read()
      db.run('PRAGMA wal_checkpoint(TRUNCATE)')
    },

    async checkWritable(): Promise<void> {
      open()
      db.run('BEGIN IMMEDIATE')
      db.run('ROLLBACK')
    },

    integrityCheck(): string[] {
      read()
      return db.query<{ integrity_check: string }, []>('PRAGMA integrity_check').all().map((row) => row.integrity_check)
    },

    settings(): SqliteSettings {
      open()
      const pragma = (name: string): string | number => Object.values(db.query(`PRAGMA ${name}`).get() as object)[0]
      return {
        journalMode: String(pragma('journal_mode')),
        synchronous: SYNCHRONOUS_NAMES[Number(pragma('synchronous'))] ?? 'FULL',
        foreignKeys: pragma('foreign_keys') === 1,
        busyTimeoutMs: Number(pragma('busy_timeout')),
      }
    },

    async close(): Promise<void> {
      if (closed) return
      // Closed synchronously: a caller that does not await may reopen the file at once.
      closed = true
      try {
        buffer.flush()
      } finally {
        db.close()
      }
    },
  }
}
