/**
 * The ScheduleService: validated CRUD over the ScheduleStore, `trigger`, next fire times, and the timer
 * loop that turns each due slot into exactly one job. Every change publishes a schedule.* event.
 */
import { AppError } from '../errors.ts'
import type { EventBus } from '../events/types.ts'
import type { CreateScheduleRequest, JobService, OwnerGate, ScheduleRecord, ScheduleService, UpdateScheduleRequest } from '../jobs/types.ts'
import type { Logger } from '../lib/logger.ts'
import type { Registry } from '../registry/registry.ts'
import { parseCron } from './cron.ts'
import { createSlotFirer } from './fire-slots.ts'
import { createScheduleLoop } from './schedule-loop.ts'
import type { SchedulePatch, ScheduleStore, StoredSchedule } from './schedule-store.ts'
import { checkCreate, checkInput, checkName, checkOptions, findTask } from './validate-schedule.ts'

export interface ScheduleServiceDeps {
  store: ScheduleStore
  jobs: JobService
  /** Where task names are checked (and input_data against the task's input schema). */
  registry: Pick<Registry, 'get'>
  events: EventBus
  logger: Logger
  /**
   * The owners' current permissions: a slot of an owner who may no longer schedule the task (a key
   * removed or narrowed) is skipped with reason owner_not_allowed. Absent: slots fire without the check.
   */
  owners?: OwnerGate
  /** Current time in epoch ms; injectable so tests can step through slots exactly. Default Date.now. */
  clock?: () => number
  /**
   * Full check of output destinations (webhook hosts against the egress policy, paths), so a bad one is
   * refused when the schedule is saved rather than at every slot; e.g.
   * `(value) => validateDestinations(value, createHostPolicy(jobSettings.output.fetch))`. Without it only
   * the shape is checked here and the jobs service refuses the rest when a slot fires.
   */
  checkDestinations?: (value: unknown) => unknown
}

export interface ScheduleServiceOptions {
  /** A slot later than this is "missed" for catch_up skip; default 10 s. */
  misfireGraceMs?: number
  /** Longest single timer sleep before re-checking; default 60 s. */
  maxSleepMs?: number
  /** Delay before retrying a slot whose job could not be created (store busy, shutting down); default 5 s. */
  retryMs?: number
}

/** A ScheduleService plus `runDue`, which fires what is due now (tests with an injected clock). */
export interface ScheduleServiceWithTimer extends ScheduleService {
  runDue(): Promise<void>
}

const MAX_NEXT_RUNS = 100

/** The public record: the store's firing bookkeeping stays inside. */
export function viewSchedule(s: StoredSchedule): ScheduleRecord {
  const { pendingSlot: _pending, slotsAfter: _after, ...record } = s
  return record
}

export function createScheduleService(deps: ScheduleServiceDeps, options: ScheduleServiceOptions = {}): ScheduleServiceWithTimer {
  const { store, jobs, registry, events, logger } = deps
  const now = deps.clock ?? Date.now
  const firer = createSlotFirer({ store, jobs, events, logger, ...(deps.owners ? { owners: deps.owners } : {}), now, misfireGraceMs: options.misfireGraceMs ?? 10_000 })
  const loop = createScheduleLoop({
    store,
    process: firer.process,
    now,
    logger,
    maxSleepMs: options.maxSleepMs ?? 60_000,
    retryMs: options.retryMs ?? 5_000,
  })
  let started = false
  const wake = () => {
    if (started) void loop.runDue()
  }

  const publish = (type: 'schedule.created' | 'schedule.updated' | 'schedule.deleted', s: StoredSchedule) => {
    events.publish({
      type,
      taskName: s.taskName,
      scheduleId: s.id,
      owner: s.principal ?? null,
      data: { name: s.name, task_name: s.taskName, cron_expression: s.cronExpression, timezone: s.timezone, enabled: s.enabled, next_run_at: s.nextRunAt ?? null },
    })
  }

  const mustGet = async (id: string): Promise<StoredSchedule> => {
    const found = await store.get(id)
    if (!found) {
      throw new AppError('SCHEDULE_NOT_FOUND', `No schedule with id ${JSON.stringify(id)}`, { data: { scheduleId: id }, hint: 'List the schedules to find its id; it may have been deleted.' })
    }
    return found
  }

  const nextRunAfter = (cronExpression: string, timezone: string, after: number): string | null =>
    parseCron(cronExpression, timezone).nextAfter(new Date(after))?.toISOString() ?? null

  const update = async (id: string, patch: UpdateScheduleRequest): Promise<ScheduleRecord> => {
    if (patch === null || typeof patch !== 'object') throw new AppError('BAD_INPUT', 'The update must be an object of fields to change', { hint: 'Send e.g. {"enabled": false}.' })
    checkOptions(patch)
    if (patch.outputDestinations !== undefined) deps.checkDestinations?.(patch.outputDestinations)
    if ('principal' in patch) throw new AppError('BAD_INPUT', 'principal cannot be changed', { data: { field: 'principal' }, hint: 'A schedule keeps the owner that created it.' })
    const current = await mustGet(id)
    if (patch.name !== undefined) checkName(patch.name)
    const taskName = patch.taskName ?? current.taskName
    const task = findTask(registry, taskName)
    // A non-string expression reaches parseCron as given, which refuses it by name.
    const cronExpression = typeof patch.cronExpression === 'string' ? patch.cronExpression.trim() : (patch.cronExpression ?? current.cronExpression)
    const timezone = patch.timezone ?? current.timezone
    parseCron(cronExpression, timezone)
    if (patch.inputData !== undefined || patch.taskName !== undefined) checkInput(task, patch.inputData ?? current.inputData)

    const at = now()
    const enabled = patch.enabled ?? current.enabled
    // A new expression, zone or a re-enable starts counting slots afresh: nothing before now is "missed".
    const restart = cronExpression !== current.cronExpression || timezone !== current.timezone || (enabled && !current.enabled)
    const changes: SchedulePatch = { ...patch, ...(patch.cronExpression !== undefined ? { cronExpression } : {}), updatedAt: new Date(at).toISOString() }
    if (restart) changes.slotsAfter = new Date(at).toISOString()
    if (!enabled) changes.nextRunAt = null
    else if (restart) changes.nextRunAt = nextRunAfter(cronExpression, timezone, at)
    const updated = await store.update(id, changes)
    if (!updated) return mustGet(id).then(viewSchedule)
    publish('schedule.updated', updated)
    wake()
    return viewSchedule(updated)
  }

  return {
    async create(request: CreateScheduleRequest) {
      checkCreate(registry, request)
      if (request.outputDestinations !== undefined) deps.checkDestinations?.(request.outputDestinations)
      const at = new Date(now()).toISOString()
      const timezone = request.timezone ?? 'UTC'
      const enabled = request.enabled ?? true
      const schedule: StoredSchedule = {
        id: Bun.randomUUIDv7(),
        name: request.name,
        description: request.description ?? null,
        taskName: request.taskName,
        cronExpression: request.cronExpression.trim(),
        inputData: request.inputData ?? {},
        timezone,
        enabled,
        catchUp: request.catchUp ?? 'run_once',
        outputDestinations: request.outputDestinations ?? [],
        maxRetries: request.maxRetries ?? null,
        ...(request.priority ? { priority: request.priority } : {}),
        lastFiredSlot: null,
        lastRunAt: null,
        nextRunAt: enabled ? nextRunAfter(request.cronExpression.trim(), timezone, Date.parse(at)) : null,
        runCount: 0,
        principal: request.principal ?? null,
        createdAt: at,
        updatedAt: at,
        pendingSlot: null,
        slotsAfter: at,
      }
      await store.insert(schedule)
      publish('schedule.created', schedule)
      wake()
      return viewSchedule(schedule)
    },

    async get(id) {
      const found = await store.get(id)
      return found ? viewSchedule(found) : null
    },

    async list(query, scope) {
      const page = await store.list(query, scope)
      return { items: page.items.map(viewSchedule), total: page.total }
    },

    update,

    async delete(id) {
      const current = await mustGet(id)
      if (!(await store.delete(id))) await mustGet(id)
      publish('schedule.deleted', current)
    },

    setEnabled(id, enabled) {
      if (typeof enabled !== 'boolean') throw new AppError('BAD_INPUT', `enabled must be true or false, got ${JSON.stringify(enabled)}`, { data: { field: 'enabled' } })
      return update(id, { enabled })
    },

    async trigger(id, principal) {
      const s = await mustGet(id)
      const { job } = await jobs.create({
        taskName: s.taskName,
        input: s.inputData,
        scheduleId: s.id,
        outputDestinations: s.outputDestinations,
        ...(s.maxRetries !== null && s.maxRetries !== undefined ? { maxRetries: s.maxRetries } : {}),
        ...(s.priority ? { priority: s.priority } : {}),
        principal: principal === undefined ? (s.principal ?? null) : principal,
      })
      await store.recordTrigger(s.id, new Date(now()).toISOString())
      events.publish({ type: 'schedule.fired', taskName: s.taskName, scheduleId: s.id, jobId: job.id, owner: s.principal ?? null, data: { slot: null, job_id: job.id, job_created: true, trigger: true } })
      return job
    },

    async nextRuns(target, count) {
      if (!Number.isSafeInteger(count) || count < 1 || count > MAX_NEXT_RUNS) {
        throw new AppError('BAD_INPUT', `count must be a whole number from 1 to ${MAX_NEXT_RUNS}, got ${JSON.stringify(count)}`, { data: { field: 'count', count } })
      }
      const { cronExpression, timezone } = 'id' in target ? await mustGet(target.id) : { cronExpression: target.cronExpression, timezone: target.timezone ?? 'UTC' }
      return parseCron(cronExpression, timezone).next(count, new Date(now())).map((date) => date.toISOString())
    },

    stats: (scope) => store.stats(scope),

    start() {
      if (started) return
      started = true
      loop.start()
    },

    runDue: () => loop.runDue(),

    close: () => loop.close(),
  }
}
