/**
 * The contracts of jobs, schedules and output destinations: records are plain data, every method
 * returns a promise, so the PostgreSQL issue can swap the implementation (pg-boss) without touching
 * the doors. Destinations keep the wire shape (snake_case) because they are stored and shown as given.
 */
import type { ExecutionError } from '../store/types.ts'
import type { ListPage, ListQuery } from '../lib/list-query.ts'

export type JobPriority = 'low' | 'normal' | 'high' | 'urgent'
export const JOB_PRIORITIES: readonly JobPriority[] = ['low', 'normal', 'high', 'urgent']

/**
 * queued: waiting to run (or for `scheduled_for`); running: claimed under a lease; retrying: failed,
 * waiting for its backoff; completed; dead_letter: failed its last allowed attempt (or cannot run);
 * cancelled.
 */
export type JobStatus = 'queued' | 'running' | 'retrying' | 'completed' | 'dead_letter' | 'cancelled'
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'retrying', 'completed', 'dead_letter', 'cancelled']

export interface RetryPolicy {
  max_attempts?: number
  initial_delay_ms?: number
  max_delay_ms?: number
  backoff_multiplier?: number
}

export interface WebhookDestination {
  type: 'webhook'
  url: string
  method?: 'POST' | 'PUT' | 'PATCH'
  headers?: Record<string, string>
  /** Signs the body: `X-Ratchet-Signature: sha256=<hex HMAC-SHA256 of the body>` (and a timestamp header). */
  secret?: string
  timeout_seconds?: number
  retry_policy?: RetryPolicy
}

export interface FilesystemDestination {
  type: 'filesystem'
  /** Template under output.filesystem_root: `{{task}}/{{job_id}}-{{date}}.json` etc. */
  path: string
  format?: 'json' | 'yaml' | 'csv'
  overwrite?: boolean
}

export type OutputDestination = WebhookDestination | FilesystemDestination

export interface DeliveryAttempt {
  jobId: string
  executionId: string | null
  /** Index of the destination in the job's list. */
  destination: number
  type: OutputDestination['type']
  /** 1-based attempt number for this destination. */
  attempt: number
  ok: boolean
  /** HTTP status for webhooks. */
  status?: number | null
  /** Where it went: the URL, or the file written. */
  target: string
  error?: string | null
  durationMs: number
  /** ISO-8601. */
  at: string
}

export interface JobRecord {
  id: string
  taskName: string
  input: unknown
  priority: JobPriority
  status: JobStatus
  /** ISO-8601: not run before this time. */
  scheduledFor: string
  /** Retries allowed after the first attempt. */
  maxRetries: number
  /** Attempts started so far. */
  attempts: number
  /** When the next attempt may start (retrying), ISO-8601. */
  nextAttemptAt?: string | null
  /** Seconds per attempt, when the job was created with one (else execution.max_execution_time). */
  timeout?: number | null
  leaseOwner?: string | null
  leaseExpiresAt?: string | null
  lastError?: ExecutionError | null
  /** Executions of this job, oldest first. */
  executionIds: string[]
  output?: unknown
  outputDestinations: OutputDestination[]
  idempotencyKey?: string | null
  scheduleId?: string | null
  /** The principal that created it (owner), null for system-created. */
  principal?: string | null
  createdAt: string
  updatedAt: string
  startedAt?: string | null
  completedAt?: string | null
}

export interface CreateJobRequest {
  taskName: string
  input: unknown
  priority?: JobPriority
  /** ISO-8601; default now. */
  scheduledFor?: string
  maxRetries?: number
  outputDestinations?: OutputDestination[]
  idempotencyKey?: string
  scheduleId?: string
  principal?: string | null
  /** Seconds per attempt (capped by execution.max_execution_time). */
  timeout?: number
}

export interface JobStats {
  total: number
  byStatus: Record<JobStatus, number>
  /** queued + retrying that are due now. */
  due: number
}

/** Extra restrictions a door adds to a listing (the caller's task patterns and ownership). */
export interface OwnerScope {
  owner?: string
  taskGlobs?: { include: readonly string[]; exclude: readonly string[] }
}

/** The operations background work is checked against when it runs (src/auth/operations.ts). */
export type OwnerOperation = 'jobs.manage' | 'schedules.manage'

/**
 * The owners of jobs and schedules as the configured auth sees them NOW (src/auth/owner-authority.ts):
 * the queue asks it before running a job and the scheduler before firing a slot, so work of a removed
 * or narrowed key stops, and a job's execution counts against its owner's max_concurrent_executions.
 * A null owner is the system: always allowed, never capped.
 */
export interface OwnerGate {
  /** Why `owner` may not perform `operations` on task `taskName` now (a sentence); null when it may. */
  refusal(owner: string | null | undefined, operations: readonly OwnerOperation[], taskName: string): string | null
  /** Takes one of the owner's concurrent-execution slots; false when the owner is at its limit. */
  acquire(owner: string | null | undefined): boolean
  /** Gives back a slot `acquire` took. */
  release(owner: string | null | undefined): void
  /** Charges executions to the owner's executions_per_minute bucket; null when allowed, else the refusal (a sentence). */
  chargeExecutions?(owner: string | null | undefined, count?: number): string | null
}

export interface JobService {
  /** Creates a job, or returns the existing one with the same idempotency key (`created: false`). */
  create(request: CreateJobRequest): Promise<{ job: JobRecord; created: boolean }>
  get(id: string): Promise<JobRecord | null>
  list(query: ListQuery, scope?: OwnerScope): Promise<ListPage<JobRecord>>
  /** Cancels a queued/retrying job (and the running execution of a running one). JOB_NOT_FOUND, CONFLICT when finished. */
  cancel(id: string, reason?: string): Promise<JobRecord>
  /** Queues a dead_letter/cancelled/completed job again with a fresh retry budget. */
  retry(id: string): Promise<JobRecord>
  deliveries(jobId: string): Promise<DeliveryAttempt[]>
  stats(scope?: OwnerScope): Promise<JobStats>
  /** Starts claiming and running due jobs. */
  start(): void
  /** Stops claiming; waits up to graceMs for running jobs; releases their leases. */
  close(options?: { graceMs?: number }): Promise<void>
}

export type CatchUp = 'run_once' | 'skip'

export interface ScheduleRecord {
  id: string
  name: string
  description?: string | null
  taskName: string
  cronExpression: string
  inputData: unknown
  /** IANA zone; default UTC. */
  timezone: string
  enabled: boolean
  /** What to do with slots missed while the server was down: run the latest once, or skip them. */
  catchUp: CatchUp
  outputDestinations: OutputDestination[]
  maxRetries?: number | null
  priority?: JobPriority
  /** The last slot fired (ISO-8601), persisted so a slot fires once across restarts. */
  lastFiredSlot?: string | null
  lastRunAt?: string | null
  nextRunAt?: string | null
  /** Jobs created by this schedule. */
  runCount: number
  principal?: string | null
  createdAt: string
  updatedAt: string
}

export interface CreateScheduleRequest {
  name: string
  description?: string
  taskName: string
  cronExpression: string
  inputData?: unknown
  timezone?: string
  enabled?: boolean
  catchUp?: CatchUp
  outputDestinations?: OutputDestination[]
  maxRetries?: number
  priority?: JobPriority
  principal?: string | null
}

export type UpdateScheduleRequest = Partial<Omit<CreateScheduleRequest, 'principal'>>

export interface ScheduleService {
  create(request: CreateScheduleRequest): Promise<ScheduleRecord>
  get(id: string): Promise<ScheduleRecord | null>
  list(query: ListQuery, scope?: OwnerScope): Promise<ListPage<ScheduleRecord>>
  update(id: string, patch: UpdateScheduleRequest): Promise<ScheduleRecord>
  delete(id: string): Promise<void>
  setEnabled(id: string, enabled: boolean): Promise<ScheduleRecord>
  /** Creates a job for the schedule now (not counted as a slot). */
  trigger(id: string, principal?: string | null): Promise<JobRecord>
  /** The next `count` fire times (ISO-8601) of a schedule or of an expression in a zone. */
  nextRuns(target: { id: string } | { cronExpression: string; timezone?: string }, count: number): Promise<string[]>
  stats(scope?: OwnerScope): Promise<{ total: number; enabled: number; disabled: number }>
  start(): void
  close(): Promise<void>
}
