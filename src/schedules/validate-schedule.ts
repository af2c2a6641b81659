/**
 * Checks create/update requests field by field, so every refusal names the field and how to fix it.
 * The task must exist, the cron expression must parse in the zone, and the input must match the
 * task's input schema (checked now rather than at 03:00 when the slot fires).
 */
import { AppError } from '../errors.ts'
import { JOB_PRIORITIES, type CatchUp, type CreateScheduleRequest, type UpdateScheduleRequest } from '../jobs/types.ts'
import type { Registry } from '../registry/registry.ts'
import { compileSchema, formatSchemaErrors } from '../tasks/schema.ts'
import type { TaskPackage } from '../tasks/types.ts'
import { checkTimezone, parseCron } from './cron.ts'

const CATCH_UPS: readonly CatchUp[] = ['run_once', 'skip']
const KNOWN_FIELDS = [
  'name', 'description', 'taskName', 'cronExpression', 'inputData', 'timezone', 'enabled', 'catchUp',
  'outputDestinations', 'maxRetries', 'priority', 'principal',
]

function bad(field: string, message: string, hint: string, value?: unknown): AppError {
  return new AppError('BAD_INPUT', message, { data: { field, ...(value !== undefined ? { value } : {}) }, hint })
}

export function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
    throw bad('name', `name must be a non-empty string of at most 200 characters, got ${JSON.stringify(name)}`, 'Give the schedule a short unique name such as "nightly-report".')
  }
  return name
}

export function findTask(registry: Pick<Registry, 'get'>, taskName: unknown): TaskPackage {
  if (typeof taskName !== 'string' || taskName === '') {
    throw bad('task_name', `task_name must be the name of a task, got ${JSON.stringify(taskName)}`, 'Pass the name of a registered task (list_tasks shows them).')
  }
  const task = registry.get(taskName)
  if (!task) {
    throw new AppError('TASK_NOT_FOUND', `No task named ${JSON.stringify(taskName)}`, {
      data: { taskName },
      hint: 'Check the name against the task list, or add the task before scheduling it.',
    })
  }
  return task
}

export function checkInput(task: TaskPackage, input: unknown): void {
  try {
    JSON.stringify(input ?? null)
  } catch (error) {
    throw bad('input_data', `input_data is not JSON: ${(error as Error).message}`, 'Pass plain JSON data (objects, arrays, strings, numbers, booleans, null).')
  }
  if (task.inputSchema === null) return
  const validator = compileSchema(task.inputSchema)
  if (validator.check(input)) return
  throw new AppError('INPUT_INVALID', `input_data does not match the input schema of task ${task.name}: ${formatSchemaErrors(validator.errors(input), 'input_data')}`, {
    data: { field: 'input_data', taskName: task.name },
    hint: "Fix input_data to match the task's input schema (shown with the task).",
  })
}

/** Checks the optional fields shared by create and update; returns nothing, throws BAD_INPUT. */
export function checkOptions(request: UpdateScheduleRequest | CreateScheduleRequest): void {
  const unknown = Object.keys(request).filter((key) => !KNOWN_FIELDS.includes(key))
  if (unknown.length > 0) {
    throw bad('request', `Unknown schedule field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, `Use only: ${KNOWN_FIELDS.join(', ')}.`, unknown)
  }
  if (request.description !== undefined && (typeof request.description !== 'string' || request.description.length > 2000)) {
    throw bad('description', 'description must be a string of at most 2000 characters', 'Shorten the description, or leave it out.')
  }
  if (request.timezone !== undefined) checkTimezone(request.timezone)
  if (request.enabled !== undefined && typeof request.enabled !== 'boolean') {
    throw bad('enabled', `enabled must be true or false, got ${JSON.stringify(request.enabled)}`, 'Pass a boolean.')
  }
  if (request.catchUp !== undefined && !CATCH_UPS.includes(request.catchUp)) {
    throw bad('catch_up', `catch_up must be "run_once" or "skip", got ${JSON.stringify(request.catchUp)}`, 'run_once runs the latest missed slot once after downtime; skip drops missed slots.', request.catchUp)
  }
  if (request.maxRetries !== undefined && (!Number.isSafeInteger(request.maxRetries) || request.maxRetries < 0 || request.maxRetries > 100)) {
    throw bad('max_retries', `max_retries must be a whole number from 0 to 100, got ${JSON.stringify(request.maxRetries)}`, 'Pass e.g. 3, or leave it out for the jobs default.')
  }
  if (request.priority !== undefined && !JOB_PRIORITIES.includes(request.priority)) {
    throw bad('priority', `priority must be one of ${JOB_PRIORITIES.join(', ')}, got ${JSON.stringify(request.priority)}`, 'Leave it out for normal.', request.priority)
  }
  if (request.outputDestinations !== undefined) {
    if (!Array.isArray(request.outputDestinations)) {
      throw bad('output_destinations', 'output_destinations must be a list of destinations', 'Pass e.g. [{"type":"webhook","url":"https://example.com/hook"}], or leave it out.')
    }
    request.outputDestinations.forEach((destination, i) => {
      const type = (destination as { type?: unknown } | null)?.type
      if (type !== 'webhook' && type !== 'filesystem') {
        throw bad(`output_destinations[${i}].type`, `output_destinations[${i}].type must be "webhook" or "filesystem", got ${JSON.stringify(type)}`, 'Each destination needs a type: webhook (url) or filesystem (path).')
      }
    })
  }
}

/** Checks a full create request and returns the task it names. */
export function checkCreate(registry: Pick<Registry, 'get'>, request: CreateScheduleRequest): TaskPackage {
  if (request === null || typeof request !== 'object') throw bad('request', 'The schedule must be an object', 'Send {name, task_name, cron_expression, ...}.')
  checkOptions(request)
  checkName(request.name)
  const task = findTask(registry, request.taskName)
  parseCron(request.cronExpression, request.timezone ?? 'UTC')
  checkInput(task, request.inputData ?? {})
  return task
}
