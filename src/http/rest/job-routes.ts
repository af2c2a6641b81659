/**
 * Jobs through the JobService: create (201 + Location, or 200 with the job an idempotency key already
 * made), list, read with its deliveries, cancel, retry and stats. A caller sees and acts on its own jobs
 * (others with can_read_all_executions) of the tasks its patterns allow; any other id is 404. Only a
 * job's owner may cancel or retry it (the job runs as its owner): another client's job it can see is 403.
 */
import { AppError } from '../../errors.ts'
import { resolveTask } from '../../engine/resolve-task.ts'
import type { JobPriority, JobRecord, OutputDestination } from '../../jobs/types.ts'
import { viewJob } from './job-views.ts'
import { mayChangeRecord, ownerScope, ownsRecord } from './owner-scope.ts'
import { json, listResponse } from './responses.ts'
import type { RestContext, RestRouteGroup } from './types.ts'

interface CreateJobBody {
  task_id: string
  input?: unknown
  priority?: JobPriority
  scheduled_for?: string
  max_retries?: number
  output_destinations?: OutputDestination[]
  idempotency_key?: string
  timeout?: number
}

const jobUrl = (id: string) => `/api/v1/jobs/${encodeURIComponent(id)}`

/** The job `id` if the caller may see it, else JOB_NOT_FOUND (a job of someone else does not exist for it). */
async function findJob(ctx: RestContext, id: string): Promise<JobRecord> {
  const job = await ctx.deps.jobs.get(id)
  if (!job || !ownsRecord(ctx.principal, job)) {
    throw new AppError('JOB_NOT_FOUND', `Job "${id}" not found`, { data: { job_id: id }, hint: 'GET /api/v1/jobs lists the jobs you can see.' })
  }
  return job
}

/** The job `id` if the caller may change it (cancel, retry): visible and its own (or the system's); another client's visible job is 403. */
async function findOwnJob(ctx: RestContext, id: string): Promise<JobRecord> {
  const job = await findJob(ctx, id)
  if (!mayChangeRecord(ctx.principal, job)) {
    throw new AppError('FORBIDDEN', `permission denied: job ${id} belongs to another client; only its owner may change it`, { data: { job_id: id, reason: 'not_owner' }, hint: 'Create your own job with POST /api/v1/jobs.' })
  }
  return job
}

export function jobRoutes(): RestRouteGroup {
  return {
    name: 'jobs',
    routes: [
      {
        method: 'GET',
        path: '/jobs',
        async handle(ctx) {
          const { query } = ctx.list()
          await ctx.authorize()
          const filters = query.filters.map((f) => (f.field === 'task_id' && (f.op === 'eq' || f.op === 'ne' || f.op === 'in' || f.op === 'not_in') ? { ...f, value: Array.isArray(f.value) ? f.value.map((v) => ctx.view.registry.get(v)?.name ?? v) : (ctx.view.registry.get(f.value as string)?.name ?? f.value) } : f))
          const page = await ctx.deps.jobs.list({ ...query, filters }, ownerScope(ctx.principal))
          return listResponse(page.items.map((job) => viewJob(ctx.principal, job)), query, page.total)
        },
      },
      {
        method: 'POST',
        path: '/jobs',
        async handle(ctx) {
          ctx.query()
          const body = await ctx.body<CreateJobBody>('CreateJobRequest')
          await ctx.authorize({ tasks: [body.task_id] })
          const task = resolveTask(ctx.view.registry, body.task_id)
          const header = ctx.request.headers.get('idempotency-key')?.trim() || undefined
          if (header !== undefined && body.idempotency_key !== undefined && header !== body.idempotency_key) {
            throw new AppError('BAD_INPUT', 'The Idempotency-Key header and the body\'s idempotency_key differ', { data: { errors: [{ path: '/idempotency_key', message: 'differs from the Idempotency-Key header' }] }, hint: 'Send the key once, in the header or in the body.' })
          }
          if (body.scheduled_for !== undefined && Number.isNaN(Date.parse(body.scheduled_for))) {
            throw new AppError('BAD_INPUT', `scheduled_for ${JSON.stringify(body.scheduled_for)} is not a valid date-time`, { data: { errors: [{ path: '/scheduled_for', message: 'must be an ISO-8601 date-time' }] }, hint: 'Send a time such as 2026-01-02T03:04:05Z.' })
          }
          const { job, created } = await ctx.deps.jobs.create({
            taskName: task.name,
            input: body.input ?? {},
            priority: body.priority,
            scheduledFor: body.scheduled_for === undefined ? undefined : new Date(Date.parse(body.scheduled_for)).toISOString(),
            maxRetries: body.max_retries,
            outputDestinations: body.output_destinations,
            idempotencyKey: body.idempotency_key ?? header,
            principal: ctx.principal.name,
            timeout: body.timeout,
          })
          if (!created && !ownsRecord(ctx.principal, job)) {
            // Keys are per owner, so this is an earlier job of a task the caller's patterns no longer allow.
            throw new AppError('CONFLICT', 'This idempotency key was used for an earlier job of a task you may no longer use', { hint: 'Use a new key.' })
          }
          return json(viewJob(ctx.principal, job), created ? 201 : 200, { Location: jobUrl(job.id) })
        },
      },
      {
        method: 'GET',
        path: '/jobs/stats',
        async handle(ctx) {
          ctx.query()
          await ctx.authorize()
          const stats = await ctx.deps.jobs.stats(ownerScope(ctx.principal))
          return json({ total: stats.total, by_status: stats.byStatus, due: stats.due })
        },
      },
      {
        method: 'GET',
        path: '/jobs/:id',
        async handle(ctx) {
          ctx.query()
          await ctx.authorize()
          const job = await findJob(ctx, ctx.params.id!)
          ctx.note({ tasks: [job.taskName] })
          return json(viewJob(ctx.principal, job, await ctx.deps.jobs.deliveries(job.id)))
        },
      },
      {
        method: 'POST',
        path: '/jobs/:id/cancel',
        async handle(ctx) {
          ctx.query()
          const body = await ctx.body<{ reason?: string }>('CancelJobRequest')
          const job = await ctx.deps.jobs.get(ctx.params.id!)
          await ctx.authorize({ tasks: job ? [job.taskName] : [] })
          await findOwnJob(ctx, ctx.params.id!)
          return json(viewJob(ctx.principal, await ctx.deps.jobs.cancel(ctx.params.id!, body.reason ?? `cancelled over REST by ${ctx.principal.name}`)))
        },
      },
      {
        method: 'POST',
        path: '/jobs/:id/retry',
        async handle(ctx) {
          ctx.query()
          const job = await ctx.deps.jobs.get(ctx.params.id!)
          await ctx.authorize({ tasks: job ? [job.taskName] : [] })
          await findOwnJob(ctx, ctx.params.id!)
          return json(viewJob(ctx.principal, await ctx.deps.jobs.retry(ctx.params.id!)))
        },
      },
    ],
  }
}
