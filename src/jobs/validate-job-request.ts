/**
 * Checks a CreateJobRequest and turns it into a NewJob row. Every problem is a clear error naming the
 * field as the API shows it (task, priority, scheduled_for, max_retries, …) and how to fix it.
 */
import type { TaskGate } from '../engine/engine.ts'
import { AppError } from '../errors.ts'
import type { HostPolicy } from '../pool/egress/host-policy.ts'
import type { Registry } from '../registry/registry.ts'
import { compileSchema, formatSchemaErrors } from '../tasks/schema.ts'
import { validateDestinations } from './destinations/validate-destinations.ts'
import type { NewJob } from './job-store.ts'
import { JOB_PRIORITIES, type CreateJobRequest, type JobPriority } from './types.ts'

export const MAX_RETRIES_LIMIT = 100
const MAX_KEY_LENGTH = 255
/** Idempotency keys of schedule slots (`schedule:<id>:<slot>`); no caller may choose one. */
export const SCHEDULE_KEY_PREFIX = 'schedule:'

function bad(field: string, message: string, hint: string): never {
  throw new AppError('BAD_INPUT', `${field}: ${message}`, { data: { field }, hint })
}

export interface ValidateContext {
  registry: Pick<Registry, 'get'>
  /** Refuses tasks that may not run now (disabled); absent: every loaded task may. */
  gate?: TaskGate
  policy: HostPolicy
  defaultMaxRetries: number
  id: string
  now: string
}

export function validateJobRequest(request: CreateJobRequest, ctx: ValidateContext): NewJob {
  if (request === null || typeof request !== 'object') bad('request', 'must be an object', 'Give at least {"task_id": "<task name>", "input": {…}}.')
  if (typeof request.taskName !== 'string' || request.taskName.trim() === '') bad('task_id', 'is required', 'Name the task to run (see the task list).')
  const task = ctx.registry.get(request.taskName)
  if (!task) {
    throw new AppError('TASK_NOT_FOUND', `Task "${request.taskName}" not found`, { data: { task_id: request.taskName }, hint: 'List the tasks to see the names (they are case-sensitive), or create the task first.' })
  }
  const refused = ctx.gate?.refusal(task, 'job')
  if (refused) throw refused
  let inputJson: string | undefined
  try {
    inputJson = JSON.stringify(request.input ?? null)
  } catch (error) {
    bad('input', `is not JSON (${(error as Error).message})`, 'Give plain JSON data: objects, arrays, strings, numbers, booleans and null.')
  }
  if (task.inputSchema !== null) {
    // Refused now (422), as a schedule's input_data is, rather than dead-lettered when the job runs.
    const validator = compileSchema(task.inputSchema)
    const input = request.input ?? null
    if (!validator.check(input)) {
      throw new AppError('INPUT_INVALID', `input does not match the input schema of task ${task.name}: ${formatSchemaErrors(validator.errors(input), 'input')}`, {
        data: { field: 'input', taskName: task.name },
        hint: "Fix the input to match the task's input schema (GET /api/v1/tasks/<name> shows it).",
      })
    }
  }
  const priority = request.priority ?? 'normal'
  if (!JOB_PRIORITIES.includes(priority as JobPriority)) bad('priority', `must be one of ${JOB_PRIORITIES.join(', ')}, got ${JSON.stringify(request.priority)}`, 'Leave it out for normal.')
  let scheduledFor = ctx.now
  if (request.scheduledFor !== undefined && request.scheduledFor !== null) {
    const ms = typeof request.scheduledFor === 'string' ? Date.parse(request.scheduledFor) : Number.NaN
    if (Number.isNaN(ms)) bad('scheduled_for', `is not a date: ${JSON.stringify(request.scheduledFor)}`, 'Use ISO-8601 with a zone, e.g. 2026-01-31T09:00:00Z, or leave it out to run now.')
    scheduledFor = new Date(ms).toISOString()
  }
  const maxRetries = request.maxRetries ?? ctx.defaultMaxRetries
  if (typeof maxRetries !== 'number' || !Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
    bad('max_retries', `must be a whole number from 0 to ${MAX_RETRIES_LIMIT}, got ${JSON.stringify(request.maxRetries)}`, `Leave it out for the default (${ctx.defaultMaxRetries}).`)
  }
  if (request.timeout !== undefined && (typeof request.timeout !== 'number' || !Number.isFinite(request.timeout) || request.timeout <= 0)) {
    bad('timeout', `must be a positive number of seconds, got ${JSON.stringify(request.timeout)}`, 'Leave it out for execution.max_execution_time.')
  }
  const key = request.idempotencyKey
  if (key !== undefined && key !== null && (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH)) {
    bad('idempotency_key', `must be a string of 1 to ${MAX_KEY_LENGTH} characters, got ${JSON.stringify(key)}`, 'Use a value unique to this piece of work, e.g. "invoice-2026-01-42".')
  }
  if (typeof key === 'string' && key.startsWith(SCHEDULE_KEY_PREFIX) && !(typeof request.scheduleId === 'string' && key.startsWith(`${SCHEDULE_KEY_PREFIX}${request.scheduleId}:`))) {
    bad('idempotency_key', `may not start with "${SCHEDULE_KEY_PREFIX}": that prefix is reserved for the jobs schedules create for their slots`, 'Use a key of your own, e.g. a UUID or "invoice-2026-01-42".')
  }
  if (request.scheduleId !== undefined && request.scheduleId !== null && typeof request.scheduleId !== 'string') bad('schedule_id', 'must be a string', 'Leave it out unless a schedule creates the job.')
  if (request.principal !== undefined && request.principal !== null && typeof request.principal !== 'string') bad('principal', 'must be a string or null', 'Give the caller name, or null for a system job.')
  return {
    id: ctx.id,
    taskName: task.name,
    input: JSON.parse(inputJson ?? 'null'),
    priority: priority as JobPriority,
    scheduledFor,
    maxRetries,
    timeout: request.timeout ?? null,
    outputDestinations: validateDestinations(request.outputDestinations, ctx.policy),
    idempotencyKey: key ?? null,
    scheduleId: request.scheduleId ?? null,
    principal: request.principal ?? null,
    createdAt: ctx.now,
  }
}
