/**
 * The JobStore port: where jobs and their delivery attempts live. Plain data in and out and a promise
 * from every method, so a networked database (PostgreSQL) can implement it. Every state change is a
 * compare-and-set on the current status (and lease owner), so two nodes sharing the database never both
 * win the same transition; the service decides *what* happens, the store only makes it atomic.
 */
import type { ListPage, ListQuery } from '../lib/list-query.ts'
import type { ExecutionError } from '../store/types.ts'
import type { DeliveryAttempt, JobPriority, JobRecord, JobStats, JobStatus, OutputDestination, OwnerScope } from './types.ts'

/** A validated job, ready to insert. Times are ISO-8601. */
export interface NewJob {
  id: string
  taskName: string
  input: unknown
  priority: JobPriority
  scheduledFor: string
  maxRetries: number
  timeout: number | null
  outputDestinations: OutputDestination[]
  idempotencyKey: string | null
  scheduleId: string | null
  principal: string | null
  createdAt: string
}

/** A job as the runner sees it: the record plus what only the queue needs. */
export interface StoredJob extends JobRecord {
  /** Attempts made before the current retry budget began (0 until a manual retry). */
  retryBase: number
  timeout: number | null
}

/** A claimed job; `reclaimedFrom` names the node whose lease had expired, when it was not waiting. */
export interface ClaimedJob extends StoredJob {
  reclaimedFrom: string | null
}

/** The public record: the queue's bookkeeping (`retryBase`, `reclaimedFrom`) left out. */
export function toJobRecord(job: StoredJob | ClaimedJob): JobRecord {
  const { retryBase: _base, reclaimedFrom: _from, ...record } = job as ClaimedJob
  return record
}

/** What a finished attempt (or a cancel/retry) writes. Absent fields are left as they are. */
export interface JobPatch {
  status: JobStatus
  output?: unknown
  lastError?: ExecutionError | null
  nextAttemptAt?: string | null
  /** When the job becomes due again (queued/retrying). */
  runAfter?: string
  completedAt?: string | null
  /** Attempts to give back (a claim that never got to run the task). */
  undoAttempt?: boolean
  /** Start a fresh retry budget at the current attempt count. */
  resetBudget?: boolean
}

/** Only apply when the job is in one of `from`, and (when given) still leased by `owner`. */
export interface TransitionGuard {
  from: readonly JobStatus[]
  owner?: string
}

export interface JobStore {
  /**
   * Inserts the job, or returns the one of the same owner (`principal`, null = the system) already holding
   * its idempotency key (`created: false`). Keys are unique per owner: another owner's key is no conflict.
   */
  insert(job: NewJob): Promise<{ job: StoredJob; created: boolean }>
  get(id: string): Promise<StoredJob | null>
  list(query: ListQuery, scope?: OwnerScope): Promise<ListPage<JobRecord>>
  /**
   * Atomically takes the most urgent due job for `owner` until `leaseExpiresAt`: a queued or retrying
   * job due at `now`, or a running job whose lease expired before `now` (its node is gone). Counts an
   * attempt and sets startedAt. Null when nothing is due.
   */
  claim(owner: string, now: string, leaseExpiresAt: string): Promise<ClaimedJob | null>
  /** Extends the lease; false when the job is no longer running under `owner` (cancelled, reclaimed). */
  heartbeat(id: string, owner: string, leaseExpiresAt: string): Promise<boolean>
  /** Appends an execution id to a job `owner` is running; false when it no longer holds the lease. */
  addExecution(id: string, owner: string, executionId: string, now: string): Promise<boolean>
  /** Applies `patch` when the guard holds, clearing the lease; null when it did not hold. */
  transition(id: string, guard: TransitionGuard, patch: JobPatch, now: string): Promise<StoredJob | null>
  addDelivery(attempt: DeliveryAttempt): Promise<void>
  deliveries(jobId: string): Promise<DeliveryAttempt[]>
  stats(now: string, scope?: OwnerScope): Promise<JobStats>
  /** Gives back every job `owner` holds (queued again, attempt not counted): a clean shutdown. */
  releaseAll(owner: string, now: string): Promise<number>
}
