/**
 * Jobs and schedules as the REST door shows them to one principal: snake_case, the owner as `owner`,
 * and the same rule as executions (scoped-views' redact): input, output and the error's stack, details
 * and source line only with can_execute_tasks. Destinations are shown to everyone who may read the job, so the secrets of webhook
 * destinations (the signing secret, header values, query values) are replaced by "***", and the URL's
 * path, where receivers such as Slack keep their token, is shown only to the owner.
 */
import { reducedError } from '../../auth/scoped-views.ts'
import type { Principal } from '../../auth/types.ts'
import { viewError } from '../../engine/execution-views.ts'
import { maskUrlIn, maskWebhookUrl } from '../../events/mask-url.ts'
import type { DeliveryAttempt, JobRecord, OutputDestination, ScheduleRecord } from '../../jobs/types.ts'
import type { ExecutionError } from '../../store/types.ts'

const HIDDEN = '***'

/** Whether `principal` owns the record (and so sees its webhook paths). */
const isOwner = (principal: Principal, record: { principal?: string | null }) => record.principal !== undefined && record.principal !== null && record.principal === principal.name

/** Input and output need can_execute_tasks, as for executions. */
const readsData = (principal: Principal) => principal.permissions.canExecuteTasks

function viewLastError(principal: Principal, error: ExecutionError | null | undefined) {
  if (!error) return null
  return viewError(readsData(principal) ? error : reducedError(error))
}

export function viewDestination(destination: OutputDestination, owner: boolean): Record<string, unknown> {
  if (destination.type !== 'webhook') return { ...destination }
  return {
    ...destination,
    url: maskWebhookUrl(destination.url, { path: owner }),
    ...(destination.secret !== undefined ? { secret: HIDDEN } : {}),
    ...(destination.headers ? { headers: Object.fromEntries(Object.keys(destination.headers).map((name) => [name, HIDDEN])) } : {}),
  }
}

export function viewDelivery(attempt: DeliveryAttempt, owner: boolean) {
  const target = attempt.type === 'webhook' ? maskWebhookUrl(attempt.target, { path: owner }) : attempt.target
  const error = attempt.error && attempt.type === 'webhook' ? maskUrlIn(attempt.error, attempt.target, target) : (attempt.error ?? null)
  return {
    execution_id: attempt.executionId,
    destination: attempt.destination,
    type: attempt.type,
    attempt: attempt.attempt,
    ok: attempt.ok,
    status: attempt.status ?? null,
    target,
    error,
    duration_ms: attempt.durationMs,
    at: attempt.at,
  }
}

export function viewJob(principal: Principal, job: JobRecord, deliveries?: readonly DeliveryAttempt[]) {
  const owner = isOwner(principal, job)
  const data = readsData(principal)
  return {
    id: job.id,
    task_id: job.taskName,
    input: data ? job.input : null,
    priority: job.priority,
    status: job.status,
    scheduled_for: job.scheduledFor,
    max_retries: job.maxRetries,
    attempts: job.attempts,
    next_attempt_at: job.nextAttemptAt ?? null,
    last_error: viewLastError(principal, job.lastError),
    execution_ids: job.executionIds,
    ...(job.output !== undefined ? { output: data ? job.output : null } : {}),
    output_destinations: job.outputDestinations.map((destination) => viewDestination(destination, owner)),
    idempotency_key: job.idempotencyKey ?? null,
    schedule_id: job.scheduleId ?? null,
    owner: job.principal ?? null,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    started_at: job.startedAt ?? null,
    completed_at: job.completedAt ?? null,
    ...(deliveries ? { deliveries: deliveries.map((attempt) => viewDelivery(attempt, owner)) } : {}),
  }
}

export function viewSchedule(principal: Principal, schedule: ScheduleRecord) {
  const owner = isOwner(principal, schedule)
  return {
    id: schedule.id,
    name: schedule.name,
    description: schedule.description ?? null,
    task_id: schedule.taskName,
    cron_expression: schedule.cronExpression,
    input_data: readsData(principal) ? schedule.inputData : null,
    timezone: schedule.timezone,
    enabled: schedule.enabled,
    catch_up: schedule.catchUp,
    output_destinations: schedule.outputDestinations.map((destination) => viewDestination(destination, owner)),
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
