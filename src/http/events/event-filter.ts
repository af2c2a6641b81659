/**
 * Which events a subscriber wants: by task, execution, job, schedule or type, each a comma list (all
 * lists must match; an empty filter matches everything). A type may end in `.*` for a family (`job.*`).
 */
import { AppError } from '../../errors.ts'
import type { DomainEvent, DomainEventType } from '../../events/types.ts'

export interface EventFilter {
  tasks?: readonly string[]
  executionIds?: readonly string[]
  jobIds?: readonly string[]
  scheduleIds?: readonly string[]
  /** Exact types (`execution.finished`) or families (`job.*`). */
  types?: readonly string[]
}

// Every DomainEventType exactly once: `satisfies` fails the build when the union gains a type.
const TYPES = {
  'execution.queued': true, 'execution.started': true, 'execution.progress': true, 'execution.log': true, 'execution.finished': true,
  'job.created': true, 'job.started': true, 'job.retry_scheduled': true, 'job.completed': true, 'job.dead_letter': true, 'job.cancelled': true, 'job.delivery': true,
  'schedule.created': true, 'schedule.updated': true, 'schedule.deleted': true, 'schedule.fired': true, 'schedule.skipped': true,
} satisfies Record<DomainEventType, true>

/** The event types a stream can be filtered by. */
export const EVENT_TYPES = Object.keys(TYPES) as DomainEventType[]
const FAMILIES = ['execution.*', 'job.*', 'schedule.*']
const PARAMS = ['task', 'execution_id', 'job_id', 'schedule_id', 'type', 'last_event_id'] as const

function list(params: URLSearchParams, name: string): string[] | undefined {
  const values = params.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '')
  return values.length > 0 ? values : undefined
}

/**
 * Reads the filter from query parameters: `task`, `execution_id`, `job_id`, `schedule_id`, `type`
 * (repeatable or comma lists). BAD_INPUT for an unknown type or parameter.
 */
export function parseEventFilter(params: URLSearchParams): EventFilter {
  for (const name of params.keys()) {
    if (!(PARAMS as readonly string[]).includes(name)) {
      throw new AppError('BAD_INPUT', `Unknown event stream parameter ${JSON.stringify(name)}`, {
        data: { parameter: name, allowed: PARAMS },
        hint: `Use ${PARAMS.join(', ')} (comma lists allowed, e.g. type=job.*,execution.finished).`,
      })
    }
  }
  const types = list(params, 'type')
  for (const type of types ?? []) {
    if (!(EVENT_TYPES as readonly string[]).includes(type) && !FAMILIES.includes(type)) {
      throw new AppError('BAD_INPUT', `Unknown event type ${JSON.stringify(type)}`, {
        data: { parameter: 'type', type, allowed: [...FAMILIES, ...EVENT_TYPES] },
        hint: `Use a family (${FAMILIES.join(', ')}) or one of ${EVENT_TYPES.join(', ')}.`,
      })
    }
  }
  const filter: EventFilter = {}
  const tasks = list(params, 'task')
  const executionIds = list(params, 'execution_id')
  const jobIds = list(params, 'job_id')
  const scheduleIds = list(params, 'schedule_id')
  return {
    ...filter,
    ...(tasks ? { tasks } : {}),
    ...(executionIds ? { executionIds } : {}),
    ...(jobIds ? { jobIds } : {}),
    ...(scheduleIds ? { scheduleIds } : {}),
    ...(types ? { types } : {}),
  }
}

const has = (values: readonly string[] | undefined, value: string | undefined) => values === undefined || (value !== undefined && values.includes(value))

/** True when `event` passes every list in `filter`. */
export function matchesFilter(filter: EventFilter, event: DomainEvent): boolean {
  if (!has(filter.tasks, event.taskName)) return false
  if (!has(filter.executionIds, event.executionId)) return false
  if (!has(filter.jobIds, event.jobId)) return false
  if (!has(filter.scheduleIds, event.scheduleId)) return false
  if (filter.types && !filter.types.some((type) => (type.endsWith('.*') ? event.type.startsWith(type.slice(0, -1)) : type === event.type))) return false
  return true
}
