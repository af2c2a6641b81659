import type { Database } from 'bun:sqlite'
import { AppError } from '../errors.ts'
import { EXECUTION_COLUMNS, encodePatchInto, type SqlValue } from './execution-rows.ts'
import type { ExecutionPatch } from './types.ts'
import { describeOp, OpApplier, OpRejected, type WriteOp } from './write-ops.ts'

export interface WriteBufferOptions {
  /** Flush synchronously once this many ops are buffered. */
  maxBufferedOps: number
  /** Called with every flush failure, whether or not a commit() is waiting to report it. */
  onFlushError: (error: AppError) => void
}

interface Waiter {
  resolve: () => void
  reject: (error: AppError) => void
}

type ExecutionOp = Extract<WriteOp, { kind: 'create' | 'update' }>

/** A failure of one op rather than of the database: worth retrying the batch without it. */
function isOpFailure(error: unknown): boolean {
  if (error instanceof OpRejected || error instanceof TypeError || error instanceof RangeError) return true
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code)
}

/**
 * Group commit. Writes are queued in call order and applied by one `BEGIN IMMEDIATE` transaction per
 * flush: on the next turn of the event loop, or at once when `maxBufferedOps` is reached. The create and
 * later updates of one execution within a batch collapse into a single op, so a short run costs one
 * INSERT instead of an INSERT and two UPDATEs; this is safe because reads flush first, so nothing can
 * observe the intermediate states.
 *
 * A batch that fails on one op (a constraint, an update of a missing row) is retried op by op under
 * savepoints, so one bad write does not take its neighbours down. Every failure is passed to
 * `onFlushError` and rejects the next commit(): commit() only resolves if every earlier write is on disk.
 */
export class WriteBuffer {
  private ops: WriteOp[] = []
  private byExecution = new Map<string, ExecutionOp>()
  private waiters: Waiter[] = []
  private scheduled: ReturnType<typeof setImmediate> | undefined
  private unreported: AppError | undefined
  private readonly applyAll: { immediate: (ops: WriteOp[]) => void }
  private readonly applyIsolated: { immediate: (ops: WriteOp[], failed: { op: string; error: string }[]) => void }

  constructor(db: Database, private readonly options: WriteBufferOptions) {
    const applier = new OpApplier(db)
    const savepoint = db.query('SAVEPOINT ratchet_op')
    const release = db.query('RELEASE ratchet_op')
    const rollback = db.query('ROLLBACK TO ratchet_op')
    this.applyAll = db.transaction((ops: WriteOp[]) => {
      for (const op of ops) applier.apply(op)
    })
    this.applyIsolated = db.transaction((ops: WriteOp[], failed: { op: string; error: string }[]) => {
      for (const op of ops) {
        savepoint.run()
        try {
          applier.apply(op)
        } catch (error) {
          if (!isOpFailure(error)) throw error
          rollback.run()
          failed.push({ op: describeOp(op), error: (error as Error).message })
        }
        release.run()
      }
    })
  }

  get pending(): number {
    return this.ops.length
  }

  /** Queues an INSERT; `row` is in EXECUTION_COLUMNS order. */
  create(row: SqlValue[]): void {
    const id = row[0] as string
    if (this.byExecution.get(id)?.kind === 'create') {
      throw new AppError('INTERNAL', `Execution ${id} was created twice`, { data: { executionId: id } })
    }
    const op: ExecutionOp = { kind: 'create', id, row }
    this.byExecution.set(id, op)
    this.push(op)
  }

  /** Queues an UPDATE, or folds the patch into a create/update of the same id already in this batch. */
  update(id: string, patch: ExecutionPatch): void {
    const values: (SqlValue | undefined)[] = new Array(EXECUTION_COLUMNS.length)
    const mask = encodePatchInto(values, patch)
    if (mask === 0) return
    const pending = this.byExecution.get(id)
    if (pending) {
      const target = pending.kind === 'create' ? pending.row : pending.values
      for (let column = 0; column < values.length; column++) {
        if (mask & (1 << column)) target[column] = values[column] as SqlValue
      }
      if (pending.kind === 'update') pending.mask |= mask
      return
    }
    const op: ExecutionOp = { kind: 'update', id, values, mask }
    this.byExecution.set(id, op)
    this.push(op)
  }

  append(kind: 'log' | 'span', rows: SqlValue[][]): void {
    for (const row of rows) this.ops.push({ kind, row })
    this.afterPush()
  }

  /** Resolves once every write queued before the call is committed; rejects if any earlier write was lost. */
  commit(): Promise<void> {
    if (this.ops.length === 0) {
      const failure = this.takeFailure()
      return failure ? Promise.reject(failure) : Promise.resolve()
    }
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject })
      this.schedule()
    })
  }

  /** Applies everything queued now, synchronously, and settles the commit() promises waiting on it. */
  flush(): void {
    if (this.scheduled !== undefined) {
      clearImmediate(this.scheduled)
      this.scheduled = undefined
    }
    const ops = this.ops
    const waiters = this.waiters
    if (ops.length === 0 && waiters.length === 0) return
    this.ops = []
    this.byExecution = new Map()
    this.waiters = []

    const failure = ops.length > 0 ? this.write(ops) : undefined
    if (failure) {
      this.unreported = failure
      this.options.onFlushError(failure)
    }
    if (waiters.length === 0) return
    const reported = this.takeFailure()
    for (const waiter of waiters) {
      if (reported) waiter.reject(reported)
      else waiter.resolve()
    }
  }

  private push(op: WriteOp): void {
    this.ops.push(op)
    this.afterPush()
  }

  private afterPush(): void {
    if (this.ops.length >= this.options.maxBufferedOps) this.flush()
    else this.schedule()
  }

  private schedule(): void {
    if (this.scheduled !== undefined) return
    this.scheduled = setImmediate(() => {
      this.scheduled = undefined
      this.flush()
    })
  }

  private takeFailure(): AppError | undefined {
    const failure = this.unreported
    this.unreported = undefined
    return failure
  }

  /** Returns what was lost, if anything. */
  private write(ops: WriteOp[]): AppError | undefined {
    try {
      this.applyAll.immediate(ops)
      return undefined
    } catch (error) {
      if (!isOpFailure(error)) return batchLost(ops, error)
    }
    const failed: { op: string; error: string }[] = []
    try {
      this.applyIsolated.immediate(ops, failed)
    } catch (error) {
      return batchLost(ops, error)
    }
    if (failed.length === 0) return undefined
    const first = failed[0]!
    return new AppError(
      'INTERNAL',
      `Could not save ${failed.length} of ${ops.length} buffered writes (the others were committed): ${first.op}: ${first.error}`,
      { data: { failedCount: failed.length, failed: failed.slice(0, 20) } },
    )
  }
}

function batchLost(ops: WriteOp[], error: unknown): AppError {
  return new AppError('INTERNAL', `Could not save ${ops.length} buffered writes: ${(error as Error).message}`, {
    cause: error,
    data: { lostCount: ops.length, firstLost: describeOp(ops[0]!), sqliteCode: (error as { code?: unknown }).code },
  })
}
