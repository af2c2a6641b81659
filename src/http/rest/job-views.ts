/**
 * Jobs and schedules as the REST door shows them: snake_case, the owner as `owner`, and the secrets of
 * webhook destinations (the signing secret, header values) replaced by "***", because destinations
 * are shown to everyone who may read the job.
 */
import type { DeliveryAttempt, JobRecord, OutputDestination, ScheduleRecord } from '../../jobs/types.ts'
import { viewError } from '../../engine/execution-views.ts'

const HIDDEN = '***'

export function viewDestination(destination: OutputDestination): Record<string, unknown> {
  if (destination.type !== 'webhook') return { ...destination }
  return {
    ...destination,
    ...(destination.secret !== undefined ? { secret: HIDDEN } : {}),
    ...(destination.headers ? { headers: Object.fromEntries(Object.keys(destination.headers).map((name) => [name, HIDDEN])) } : {}),
  }
}

export function viewDelivery(attempt: DeliveryAttempt) {
  return {
    execution_id: attempt.executionId,
    destination: attempt.destination,
    type: attempt.type,
    attempt: attempt.attempt,
    ok: attempt.ok,
    status: attempt.status ?? null,
    target: attempt.target,
    error: attempt.error ?? null,
    duration_ms: attempt.durationMs,
    at: attempt.at,
  }
}

export function viewJob(job: JobRecord, deliveries?: readonly DeliveryAttempt[]) {
  return {
    id: job.id,
    task_id: job.taskName,
    input: job.input,
    priority: job.priority,
    status: job.status,
    scheduled_for: job.scheduledFor,
    max_retries: job.maxRetries,
    attempts: job.attempts,
    next_attempt_at: job.nextAttemptAt ?? null,
    last_error: job.lastError ? viewError(job.lastError) : null,
    execution_ids: job.executionIds,
    ...(job.output !== undefined ? { output: job.output } : {}),
    output_destinations: job.outputDestinations.map(viewDestination),
    idempotency_key: job.idempotencyKey ?? null,
    schedule_id: job.scheduleId ?? null,
    owner: job.principal ?? null,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    started_at: job.startedAt ?? null,
    completed_at: job.completedAt ?? null,
    ...(deliveries ? { deliveries: deliveries.map(viewDelivery) } : {}),
  }
}

export function viewSchedule(schedule: ScheduleRecord) {
  return {
    id: schedule.id,
    name: schedule.name,
    description: schedule.description ?? null,
    task_id: schedule.taskName,
    cron_expression: schedule.cronExpression,
    input_data: schedule.inputData,
    timezone: schedule.timezone,
    enabled: schedule.enabled,
    catch_up: schedule.catchUp,
    output_destinations: schedule.outputDestinations.map(viewDestination),
    max_retries: schedule.maxRetries ?? null,
    priority: schedule.priority ?? 'normal',
    last_run_at: schedule.lastRunAt ?? null,
    next_run_at: schedule.nextRunAt ?? null,
    run_count: schedule.runCount,
    owner: schedule.principal ?? null,
    created_at: schedule.createdAt,
    updated_at: schedule.updatedAt,
  }
}
