/** Publishes job.* domain events with one snake_case view of the job, so every door streams the same shape. */
import type { EventBus } from '../events/types.ts'
import type { DeliveryAttempt, JobRecord } from './types.ts'

type JobEventType = 'job.created' | 'job.started' | 'job.retry_scheduled' | 'job.completed' | 'job.dead_letter' | 'job.cancelled'

export function jobEventData(job: JobRecord): Record<string, unknown> {
  return {
    job_id: job.id,
    task: job.taskName,
    status: job.status,
    priority: job.priority,
    attempts: job.attempts,
    max_retries: job.maxRetries,
    scheduled_for: job.scheduledFor,
    next_attempt_at: job.nextAttemptAt ?? null,
    schedule_id: job.scheduleId ?? null,
    last_error: job.lastError ?? null,
  }
}

export function publishJobEvent(bus: EventBus, type: JobEventType, job: JobRecord, extra: Record<string, unknown> = {}, executionId?: string | null): void {
  const execution = executionId ?? job.executionIds.at(-1)
  bus.publish({
    type,
    taskName: job.taskName,
    jobId: job.id,
    ...(execution ? { executionId: execution } : {}),
    ...(job.scheduleId ? { scheduleId: job.scheduleId } : {}),
    owner: job.principal ?? null,
    data: { ...jobEventData(job), ...(execution ? { execution_id: execution } : {}), ...extra },
  })
}

export function publishDeliveryEvent(bus: EventBus, job: Pick<JobRecord, 'id' | 'taskName' | 'principal' | 'scheduleId'>, attempt: DeliveryAttempt): void {
  bus.publish({
    type: 'job.delivery',
    taskName: job.taskName,
    jobId: job.id,
    ...(attempt.executionId ? { executionId: attempt.executionId } : {}),
    ...(job.scheduleId ? { scheduleId: job.scheduleId } : {}),
    owner: job.principal ?? null,
    data: {
      job_id: job.id,
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
    },
  })
}
