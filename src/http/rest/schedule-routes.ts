/**
 * Schedules through the ScheduleService: CRUD, enable/disable, trigger now (a job), the next fire times
 * of a schedule or of any expression, and stats. A caller sees its own schedules (others with
 * can_read_all_executions) of the tasks its patterns allow; any other id is 404. Only a schedule's owner
 * may change it (its slots run as the owner): another client's schedule it can see is 403.
 */
import { AppError } from '../../errors.ts'
import { resolveTask } from '../../engine/resolve-task.ts'
import type { CatchUp, CreateScheduleRequest, JobPriority, OutputDestination, ScheduleRecord, UpdateScheduleRequest } from '../../jobs/types.ts'
import { viewSchedule } from './job-views.ts'
import { mayChangeRecord, ownerScope, ownsRecord } from './owner-scope.ts'
import { json, listResponse } from './responses.ts'
import type { RestContext, RestRouteGroup } from './types.ts'

interface ScheduleBody {
  name?: string
  description?: string
  task_id?: string
  cron_expression?: string
  input_data?: unknown
  timezone?: string
  enabled?: boolean
  catch_up?: CatchUp
  output_destinations?: OutputDestination[]
  max_retries?: number
  priority?: JobPriority
}

const DEFAULT_RUNS = 5
const MAX_RUNS = 100
const scheduleUrl = (id: string) => `/api/v1/schedules/${encodeURIComponent(id)}`

async function findSchedule(ctx: RestContext, id: string): Promise<ScheduleRecord> {
  const schedule = await ctx.deps.schedules.get(id)
  if (!schedule || !ownsRecord(ctx.principal, schedule)) {
    throw new AppError('SCHEDULE_NOT_FOUND', `Schedule "${id}" not found`, { data: { schedule_id: id }, hint: 'GET /api/v1/schedules lists the schedules you can see.' })
  }
  return schedule
}

/** `count` as 1..100 (default 5), or BAD_INPUT naming it. */
function runCount(value: string | undefined): number {
  if (value === undefined) return DEFAULT_RUNS
  const count = Number(value)
  if (!Number.isInteger(count) || count < 1 || count > MAX_RUNS) throw new AppError('BAD_INPUT', `Query parameter count must be a whole number from 1 to ${MAX_RUNS}, got ${JSON.stringify(value)}`, { data: { parameter: 'count' }, hint: `Pass count=${DEFAULT_RUNS}.` })
  return count
}

/** The service's request from a checked body (names of tasks resolved to loaded tasks the caller sees). */
function toRequest(ctx: RestContext, body: ScheduleBody): UpdateScheduleRequest {
  const request: UpdateScheduleRequest = {}
  if (body.name !== undefined) request.name = body.name
  if (body.description !== undefined) request.description = body.description
  if (body.task_id !== undefined) request.taskName = resolveTask(ctx.view.registry, body.task_id).name
  if (body.cron_expression !== undefined) request.cronExpression = body.cron_expression
  if (body.input_data !== undefined) request.inputData = body.input_data
  if (body.timezone !== undefined) request.timezone = body.timezone
  if (body.enabled !== undefined) request.enabled = body.enabled
  if (body.catch_up !== undefined) request.catchUp = body.catch_up
  if (body.output_destinations !== undefined) request.outputDestinations = body.output_destinations
  if (body.max_retries !== undefined) request.maxRetries = body.max_retries
  if (body.priority !== undefined) request.priority = body.priority
  return request
}

/** A route acting on one schedule: checks the operation for its task (and a new one), then runs `act`. */
function onSchedule(method: 'POST' | 'PATCH' | 'DELETE', path: string, act: (ctx: RestContext, schedule: ScheduleRecord, body: ScheduleBody) => Promise<Response>, bodySchema?: string) {
  return {
    method,
    path,
    async handle(ctx: RestContext) {
      ctx.query()
      const body = bodySchema ? await ctx.body<ScheduleBody>(bodySchema) : {}
      const existing = await ctx.deps.schedules.get(ctx.params.id!)
      await ctx.authorize({ tasks: [...(existing ? [existing.taskName] : []), ...(body.task_id !== undefined ? [body.task_id] : [])] })
      const schedule = await findSchedule(ctx, ctx.params.id!)
      if (!mayChangeRecord(ctx.principal, schedule)) {
        throw new AppError('FORBIDDEN', `permission denied: schedule ${schedule.id} belongs to another client; only its owner may change it`, { data: { schedule_id: schedule.id, reason: 'not_owner' }, hint: 'Create your own schedule with POST /api/v1/schedules.' })
      }
      return act(ctx, schedule, body)
    },
  }
}

export function scheduleRoutes(): RestRouteGroup {
  return {
    name: 'schedules',
    routes: [
      {
        method: 'GET',
        path: '/schedules',
        async handle(ctx) {
          const { query } = ctx.list()
          await ctx.authorize()
          const filters = query.filters.map((f) => (f.field === 'task_id' && (f.op === 'eq' || f.op === 'ne' || f.op === 'in' || f.op === 'not_in') ? { ...f, value: Array.isArray(f.value) ? f.value.map((v) => ctx.view.registry.get(v)?.name ?? v) : (ctx.view.registry.get(f.value as string)?.name ?? f.value) } : f))
          const page = await ctx.deps.schedules.list({ ...query, filters }, ownerScope(ctx.principal))
          return listResponse(page.items.map((schedule) => viewSchedule(ctx.principal, schedule)), query, page.total)
        },
      },
      {
        method: 'POST',
        path: '/schedules',
        async handle(ctx) {
          ctx.query()
          const body = await ctx.body<ScheduleBody & { name: string; task_id: string; cron_expression: string }>('CreateScheduleRequest')
          await ctx.authorize({ tasks: [body.task_id] })
          const request = { ...toRequest(ctx, body), principal: ctx.principal.name } as CreateScheduleRequest
          const schedule = await ctx.deps.schedules.create(request)
          return json(viewSchedule(ctx.principal, schedule), 201, { Location: scheduleUrl(schedule.id) })
        },
      },
      {
        method: 'GET',
        path: '/schedules/stats',
        async handle(ctx) {
          ctx.query()
          await ctx.authorize()
          return json(await ctx.deps.schedules.stats(ownerScope(ctx.principal)))
        },
      },
      {
        method: 'GET',
        path: '/schedules/next-runs',
        async handle(ctx) {
          const params = ctx.query()
          await ctx.authorize()
          const timezone = params.timezone ?? 'UTC'
          const runs = await ctx.deps.schedules.nextRuns({ cronExpression: params.cron_expression!, timezone }, runCount(params.count))
          return json({ cron_expression: params.cron_expression, timezone, runs })
        },
      },
      {
        method: 'GET',
        path: '/schedules/:id',
        async handle(ctx) {
          ctx.query()
          await ctx.authorize()
          const schedule = await findSchedule(ctx, ctx.params.id!)
          ctx.note({ tasks: [schedule.taskName] })
          return json(viewSchedule(ctx.principal, schedule))
        },
      },
      onSchedule('PATCH', '/schedules/:id', async (ctx, schedule, body) => json(viewSchedule(ctx.principal, await ctx.deps.schedules.update(schedule.id, toRequest(ctx, body)))), 'UpdateScheduleRequest'),
      onSchedule('DELETE', '/schedules/:id', async (ctx, schedule) => {
        await ctx.deps.schedules.delete(schedule.id)
        return new Response(null, { status: 204 })
      }),
      onSchedule('POST', '/schedules/:id/enable', async (ctx, schedule) => json(viewSchedule(ctx.principal, await ctx.deps.schedules.setEnabled(schedule.id, true)))),
      onSchedule('POST', '/schedules/:id/disable', async (ctx, schedule) => json(viewSchedule(ctx.principal, await ctx.deps.schedules.setEnabled(schedule.id, false)))),
      onSchedule('POST', '/schedules/:id/trigger', async (ctx, schedule) => {
        const job = await ctx.deps.schedules.trigger(schedule.id, ctx.principal.name)
        return json({ id: job.id, task_id: job.taskName, status: job.status, schedule_id: job.scheduleId ?? schedule.id }, 201, { Location: `/api/v1/jobs/${encodeURIComponent(job.id)}` })
      }),
      {
        method: 'GET',
        path: '/schedules/:id/next-runs',
        async handle(ctx) {
          const params = ctx.query()
          await ctx.authorize()
          const schedule = await findSchedule(ctx, ctx.params.id!)
          const runs = await ctx.deps.schedules.nextRuns({ id: schedule.id }, runCount(params.count))
          return json({ schedule_id: schedule.id, cron_expression: schedule.cronExpression, timezone: schedule.timezone, runs })
        },
      },
    ],
  }
}
