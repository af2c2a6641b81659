import type { Database, Statement } from 'bun:sqlite'
import { EXECUTION_COLUMNS, type SqlValue } from './execution-rows.ts'

/**
 * One buffered write. Creates and updates of the same execution that land in one batch are merged into a
 * single op by the WriteBuffer, so `create` may already carry later patches.
 */
export type WriteOp =
  | { kind: 'create'; id: string; row: SqlValue[] }
  | { kind: 'update'; id: string; values: (SqlValue | undefined)[]; mask: number }
  | { kind: 'log'; row: SqlValue[] }
  | { kind: 'span'; row: SqlValue[] }

/** Thrown by an op that could not take effect although SQLite raised nothing (an update of a missing row). */
export class OpRejected extends Error {}

const INSERT_EXECUTION = `INSERT INTO executions (${EXECUTION_COLUMNS.join(', ')})
  VALUES (${EXECUTION_COLUMNS.map(() => '?').join(', ')})`
const INSERT_LOG = `INSERT INTO execution_logs (execution_id, seq, level, message, data, ts) VALUES (?, ?, ?, ?, ?, ?)`
const INSERT_SPAN = `INSERT INTO trace_spans
  (execution_id, span_id, parent_id, name, kind, start_ms, duration_ms, status, attributes)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`

function updateSql(mask: number): string {
  const assignments = EXECUTION_COLUMNS.filter((_, index) => mask & (1 << index)).map((column) => `${column} = ?`)
  return `UPDATE executions SET ${assignments.join(', ')} WHERE id = ?`
}

/** What an op was, for error reports: `createExecution abc`, `appendLogs abc#3`. */
export function describeOp(op: WriteOp): string {
  switch (op.kind) {
    case 'create':
      return `createExecution ${op.id}`
    case 'update':
      return `updateExecution ${op.id}`
    case 'log':
      return `appendLogs ${op.row[0]}#${op.row[1]}`
    case 'span':
      return `appendSpans ${op.row[0]}/${op.row[1]}`
  }
}

/**
 * Applies ops with statements prepared once per connection. UPDATE statements differ by the set of
 * columns a patch touches, so they are cached by column mask (a handful of shapes in practice).
 */
export class OpApplier {
  private readonly insertExecution: Statement
  private readonly insertLog: Statement
  private readonly insertSpan: Statement
  private readonly updates = new Map<number, Statement>()

  constructor(private readonly db: Database) {
    this.insertExecution = db.query(INSERT_EXECUTION)
    this.insertLog = db.query(INSERT_LOG)
    this.insertSpan = db.query(INSERT_SPAN)
  }

  apply(op: WriteOp): void {
    switch (op.kind) {
      case 'create':
        this.insertExecution.run(...op.row)
        return
      case 'log':
        this.insertLog.run(...op.row)
        return
      case 'span':
        this.insertSpan.run(...op.row)
        return
      case 'update':
        this.update(op)
    }
  }

  private update(op: Extract<WriteOp, { kind: 'update' }>): void {
    let statement = this.updates.get(op.mask)
    if (!statement) {
      statement = this.db.query(updateSql(op.mask))
      this.updates.set(op.mask, statement)
    }
    const params: SqlValue[] = []
    op.values.forEach((value, index) => {
      if (op.mask & (1 << index)) params.push(value as SqlValue)
    })
    params.push(op.id)
    if (statement.run(...params).changes === 0) throw new OpRejected(`execution ${op.id} does not exist`)
  }
}
