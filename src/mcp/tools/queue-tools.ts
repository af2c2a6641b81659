/**
 * list_jobs and list_schedules: the background work a model may want to check on (jobs created over
 * REST or by schedules), in the predecessor's names and filters. Both list only what the caller may
 * see (its task patterns; its own records unless can_read_all_executions).
 */
import { ownerScope } from '../../auth/owner-scope.ts'
import { paginate } from '../../engine/pagination.ts'
import type { FieldFilter } from '../../lib/list-query.ts'
import type { ToolHandlers } from './types.ts'

type QueueTools = 'list_jobs' | 'list_schedules'

const JOB_STATUS_ALIASES: Record<string, string> = { processing: 'running', failed: 'dead_letter' }
const JOB_SORT: Record<string, string> = { queued_at: 'created_at', scheduled_for: 'scheduled_for', priority: 'priority', status: 'status', retry_count: 'attempts' }
const SCHEDULE_SORT: Record<string, string> = { name: 'name', created_at: 'created_at', updated_at: 'updated_at', next_run: 'next_run_at', last_run: 'last_run_at' }

export const queueHandlers: Pick<ToolHandlers, QueueTools> = {
  async list_jobs(input, ctx) {
    const jobs = ctx.jobs
    if (!jobs) return { isError: true, output: { jobs: [], pagination: paginate(0, input.limit ?? 20, 0) }, summary: 'This server keeps no job queue.' }
    const page = input.page ?? 0
    const limit = input.limit ?? 20
    const filters: FieldFilter[] = []
    if (input.task_id !== undefined) filters.push({ field: 'task_id', op: 'eq', value: ctx.registry.get(input.task_id)?.name ?? input.task_id })
    if (input.status !== undefined) filters.push({ field: 'status', op: 'eq', value: JOB_STATUS_ALIASES[input.status] ?? input.status })
    if (input.priority !== undefined) filters.push({ field: 'priority', op: 'eq', value: input.priority === 'critical' ? 'urgent' : input.priority })
    const sort = { field: JOB_SORT[input.sort_by ?? 'queued_at']!, order: input.sort_order ?? 'desc' }
    const { items, total } = await jobs.list({ filters, sort, offset: page * limit, limit }, ownerScope(ctx.principal))
    return {
      output: {
        jobs: items.map((job) => ({
          id: job.id,
          task_id: job.taskName,
          status: job.status,
          priority: job.priority,
          retry_count: Math.max(0, job.attempts - 1),
          max_retries: job.maxRetries,
          queued_at: job.createdAt,
          scheduled_for: job.scheduledFor,
          next_attempt_at: job.nextAttemptAt ?? null,
          execution_ids: job.executionIds,
          schedule_id: job.scheduleId ?? null,
          last_error: job.lastError ? `${job.lastError.type}: ${job.lastError.message}` : null,
        })),
        pagination: paginate(page, limit, total),
      },
    }
  },

  async list_schedules(input, ctx) {
    const schedules = ctx.schedules
    if (!schedules) return { isError: true, output: { schedules: [], pagination: paginate(0, input.limit ?? 20, 0) }, summary: 'This server keeps no schedules.' }
    const page = input.page ?? 0
    const limit = input.limit ?? 20
    const filters: FieldFilter[] = []
    if (input.task_id !== undefined) filters.push({ field: 'task_id', op: 'eq', value: ctx.registry.get(input.task_id)?.name ?? input.task_id })
    if (input.enabled !== undefined || input.ready_to_run) filters.push({ field: 'enabled', op: 'eq', value: String(input.enabled ?? true) })
    if (input.ready_to_run) filters.push({ field: 'next_run_at', op: 'lte', value: new Date().toISOString() })
    const sort = { field: SCHEDULE_SORT[input.sort_by ?? 'name']!, order: input.sort_order ?? 'asc' }
    const { items, total } = await schedules.list({ filters, sort, offset: page * limit, limit }, ownerScope(ctx.principal))
    return {
      output: {
        schedules: items.map((schedule) => ({
          id: schedule.id,
          name: schedule.name,
          task_id: schedule.taskName,
          cron_expression: schedule.cronExpression,
          timezone: schedule.timezone,
          enabled: schedule.enabled,
          next_run: schedule.nextRunAt ?? null,
          last_run: schedule.lastRunAt ?? null,
          run_count: schedule.runCount,
          description: schedule.description ?? null,
        })),
        pagination: paginate(page, limit, total),
      },
    }
  },
}
