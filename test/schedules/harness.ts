import { join } from 'node:path'
import { createEventBus, type DomainEvent, type EventBus } from '../../src/events/index.ts'
import type { CreateJobRequest, JobRecord, JobService } from '../../src/jobs/types.ts'
import { createScheduleService, createSqliteScheduleStore, type ScheduleServiceOptions, type ScheduleServiceWithTimer } from '../../src/schedules/index.ts'
import type { ScheduleServiceDeps } from '../../src/schedules/schedule-service.ts'
import { openSqliteStore, type SqliteStore } from '../../src/store/index.ts'
import type { TaskPackage } from '../../src/tasks/types.ts'
import { makeTask } from '../helpers/make-task.ts'
import { silentLogger } from '../helpers/silent-logger.ts'
import { makeTempRoot } from '../helpers/temp-files.ts'

/**
 * A JobService double that keeps the contract schedules rely on: create() returns the existing job for
 * a repeated idempotency key (`created: false`). `failNext` makes the next create throw (a crash or a
 * busy store between the slot claim and the job).
 */
export function recordingJobs(): JobService & { calls: CreateJobRequest[]; jobs: JobRecord[]; failNext: Error | null } {
  const byKey = new Map<string, JobRecord>()
  const state = { calls: [] as CreateJobRequest[], jobs: [] as JobRecord[], failNext: null as Error | null }
  const unused = (name: string) => () => {
    throw new Error(`JobService.${name} is not used by schedules`)
  }
  return Object.assign(state, {
    async create(request: CreateJobRequest) {
      state.calls.push(request)
      if (state.failNext) {
        const error = state.failNext
        state.failNext = null
        throw error
      }
      const existing = request.idempotencyKey ? byKey.get(request.idempotencyKey) : undefined
      if (existing) return { job: existing, created: false }
      const at = new Date().toISOString()
      const job: JobRecord = {
        id: `job-${state.jobs.length + 1}`,
        taskName: request.taskName,
        input: request.input,
        priority: request.priority ?? 'normal',
        status: 'queued',
        scheduledFor: at,
        maxRetries: request.maxRetries ?? 0,
        attempts: 0,
        executionIds: [],
        outputDestinations: request.outputDestinations ?? [],
        idempotencyKey: request.idempotencyKey ?? null,
        scheduleId: request.scheduleId ?? null,
        principal: request.principal ?? null,
        createdAt: at,
        updatedAt: at,
      }
      state.jobs.push(job)
      if (request.idempotencyKey) byKey.set(request.idempotencyKey, job)
      return { job, created: true }
    },
    get: async (id: string) => state.jobs.find((job) => job.id === id) ?? null,
    list: unused('list'),
    cancel: unused('cancel'),
    retry: unused('retry'),
    deliveries: unused('deliveries'),
    stats: unused('stats'),
    start: () => {},
    close: async () => {},
  }) as never
}

export interface Clock {
  now: number
  set(iso: string): void
}

export function manualClock(iso: string): Clock {
  const clock = {
    now: Date.parse(iso),
    set(to: string) {
      clock.now = Date.parse(to)
    },
  }
  return clock
}

export interface ScheduleHarness {
  service: ScheduleServiceWithTimer
  store: SqliteStore
  bus: EventBus
  events: DomainEvent[]
  task: TaskPackage
  close(): Promise<void>
}

export const echoTask = makeTask({ name: 'echo', code: 'function main(input) { return input }', inputSchema: { type: 'object' } })

/** Opens the schedule service on `path` (a file shared across "restarts"), with the given jobs and clock (and extra deps, e.g. owners). */
export function openSchedules(path: string, jobs: JobService, clock: Clock | null, options: ScheduleServiceOptions = {}, extra: Partial<ScheduleServiceDeps> = {}): ScheduleHarness {
  const store = openSqliteStore({ path, synchronous: 'NORMAL' })
  const bus = createEventBus()
  const events: DomainEvent[] = []
  bus.subscribe((event) => events.push(event))
  const tasks = new Map([[echoTask.name, echoTask]])
  const service = createScheduleService(
    {
      store: createSqliteScheduleStore(store.database),
      jobs,
      registry: { get: (name) => tasks.get(name) },
      events: bus,
      logger: silentLogger(),
      ...(clock ? { clock: () => clock.now } : {}),
      ...extra,
    },
    options,
  )
  return {
    service,
    store,
    bus,
    events,
    task: echoTask,
    async close() {
      await service.close()
      store.close()
    },
  }
}

export async function tempDbPath(): Promise<string> {
  return join(await makeTempRoot('ratchet-schedules-'), 'ratchet.db')
}
