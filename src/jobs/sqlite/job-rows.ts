/**
 * Rows of the `jobs` and `job_deliveries` tables and their conversion to records. JSON columns hold
 * `JSON.stringify` output; SQL NULL means "never set" (so a task's `null` output stays distinct).
 */
import type { DeliveryAttempt, JobPriority, JobStatus } from '../types.ts'
import type { NewJob, StoredJob } from '../job-store.ts'

export interface JobRow {
  id: string
  task_name: string
  input: string
  priority: JobPriority
  priority_rank: number
  status: JobStatus
  scheduled_for: string
  run_after: string
  max_retries: number
  attempts: number
  retry_base: number
  timeout_seconds: number | null
  next_attempt_at: string | null
  lease_owner: string | null
  lease_expires_at: string | null
  last_error: string | null
  execution_ids: string
  output: string | null
  output_destinations: string
  idempotency_key: string | null
  schedule_id: string | null
  principal: string | null
  created_at: string
  updated_at: string
  started_at: string | null
  completed_at: string | null
}

export interface DeliveryRow {
  id: number
  job_id: string
  execution_id: string | null
  destination: number
  type: DeliveryAttempt['type']
  attempt: number
  ok: number
  status: number | null
  target: string
  error: string | null
  duration_ms: number
  at: string
}

/** Claim order: urgent first. */
export const PRIORITY_RANK: Record<JobPriority, number> = { low: 0, normal: 1, high: 2, urgent: 3 }

const parse = (text: string | null): unknown => (text === null ? undefined : JSON.parse(text))

export function decodeJob(row: JobRow): StoredJob {
  return {
    id: row.id,
    taskName: row.task_name,
    input: JSON.parse(row.input),
    priority: row.priority,
    status: row.status,
    scheduledFor: row.scheduled_for,
    maxRetries: row.max_retries,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    lastError: (parse(row.last_error) as StoredJob['lastError']) ?? null,
    executionIds: JSON.parse(row.execution_ids),
    ...(row.output === null ? {} : { output: JSON.parse(row.output) }),
    outputDestinations: JSON.parse(row.output_destinations),
    idempotencyKey: row.idempotency_key,
    scheduleId: row.schedule_id,
    principal: row.principal,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    retryBase: row.retry_base,
    timeout: row.timeout_seconds,
  }
}

export const INSERT_JOB = `INSERT INTO jobs (id, task_name, input, priority, priority_rank, status, scheduled_for, run_after,
  max_retries, timeout_seconds, output_destinations, idempotency_key, schedule_id, principal, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (coalesce(principal, ''), idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING`

export function encodeNewJob(job: NewJob): (string | number | null)[] {
  return [
    job.id,
    job.taskName,
    JSON.stringify(job.input ?? null),
    job.priority,
    PRIORITY_RANK[job.priority],
    job.scheduledFor,
    job.scheduledFor,
    job.maxRetries,
    job.timeout,
    JSON.stringify(job.outputDestinations),
    job.idempotencyKey,
    job.scheduleId,
    job.principal,
    job.createdAt,
    job.createdAt,
  ]
}

export const INSERT_DELIVERY = `INSERT INTO job_deliveries (job_id, execution_id, destination, type, attempt, ok, status, target, error, duration_ms, at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

export function encodeDelivery(a: DeliveryAttempt): (string | number | null)[] {
  return [a.jobId, a.executionId, a.destination, a.type, a.attempt, a.ok ? 1 : 0, a.status ?? null, a.target, a.error ?? null, a.durationMs, a.at]
}

export function decodeDelivery(row: DeliveryRow): DeliveryAttempt {
  return {
    jobId: row.job_id,
    executionId: row.execution_id,
    destination: row.destination,
    type: row.type,
    attempt: row.attempt,
    ok: row.ok === 1,
    status: row.status,
    target: row.target,
    error: row.error,
    durationMs: row.duration_ms,
    at: row.at,
  }
}
