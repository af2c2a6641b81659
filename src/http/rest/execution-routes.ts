/**
 * Executions: list, start (wait for it, or 202 with its Location), read, cancel, retry, and read its
 * logs and trace (JSON, or the flame graph as SVG). Each handler only translates between HTTP and the
 * engine/ functions the MCP tools use (views, logs, traces, cancellation), through the caller's
 * scoped registry, store and engine.
 */
import { AppError } from '../../errors.ts'
import { cancelExecution, requireExecution } from '../../engine/cancel-execution.ts'
import { formatLogText, readLogPage, viewLog } from '../../engine/execution-logs.ts'
import { viewTrace } from '../../engine/execution-trace.ts'
import { traceOrigin, viewExecution, viewExecutionSummary, viewSpan } from '../../engine/execution-views.ts'
import { flamegraphSvg } from '../../engine/flamegraph.ts'
import { resolveTask } from '../../engine/resolve-task.ts'
import { runExecution } from '../../engine/run-execution.ts'
import type { ListQuery } from '../../lib/list-query.ts'
import type { ExecutionRecord, ExecutionStatus, LogEntry, LogLevel } from '../../store/types.ts'
import type { TaskPackage } from '../../tasks/types.ts'
import { toExecutionFilter } from './execution-filter.ts'
import { json, listResponse } from './responses.ts'
import type { RestContext, RestRouteGroup } from './types.ts'

interface StartBody {
  task_id: string
  input?: unknown
  timeout?: number
}

const STATUSES: readonly ExecutionStatus[] = ['queued', 'running', 'completed', 'failed', 'cancelled', 'timed_out']

const executionUrl = (id: string) => `/api/v1/executions/${encodeURIComponent(id)}`

/** The full view of one execution, with `id` for list-minded clients (Refine). */
const viewFull = (record: ExecutionRecord) => ({ id: record.id, ...viewExecution(record) })

/** Starts `task` for the caller: waits and answers the finished execution, or answers 202 at once. */
async function start(ctx: RestContext, task: TaskPackage, input: unknown, timeout: number | undefined, options: { wait: boolean; trace: boolean; retryOf?: string }): Promise<Response> {
  const cap = ctx.deps.config?.execution.maxExecutionTime
  const seconds = timeout === undefined ? undefined : cap === undefined ? timeout : Math.min(timeout, cap)
  const extra = options.retryOf ? { retry_of: options.retryOf } : {}
  if (options.wait) {
    const record = await runExecution(ctx.view.engine, { task, input, timeout: seconds, source: 'http', signal: ctx.request.signal, onSubmitted: (id) => ctx.note({ executionId: id }) })
    const spans = options.trace ? await ctx.view.store.getSpans(record.id) : undefined
    const origin = spans ? traceOrigin(spans) : undefined
    return json({ ...viewFull(record), ...extra, ...(spans ? { trace: spans.map((span) => viewSpan(span, origin)) } : {}) }, 200, { 'Content-Location': executionUrl(record.id) })
  }
  const submitted = ctx.view.engine.submit({ task, input, timeout: seconds, source: 'http' })
  ctx.note({ executionId: submitted.id })
  const location = executionUrl(submitted.id)
  return json({ id: submitted.id, execution_id: submitted.id, task_id: task.name, status: 'queued', location, ...extra }, 202, { Location: location })
}

const flag = (value: string | undefined) => value === 'true'

export function executionRoutes(): RestRouteGroup {
  return {
    name: 'executions',
    routes: [
      {
        method: 'GET',
        path: '/executions',
        async handle(ctx) {
          const { query, params } = ctx.list()
          await ctx.authorize()
          const { items, total } = await ctx.view.store.listExecutions(toExecutionFilter(query, ctx.view.registry))
          return listResponse(items.map((record) => viewExecutionSummary(record, { includeOutput: flag(params.include_output) })), query, total)
        },
      },
      {
        method: 'POST',
        path: '/executions',
        async handle(ctx) {
          const params = ctx.query()
          const body = await ctx.body<StartBody>('CreateExecutionRequest')
          await ctx.authorize({ tasks: [body.task_id] })
          const task = resolveTask(ctx.view.registry, body.task_id)
          return start(ctx, task, body.input ?? {}, body.timeout, { wait: flag(params.wait), trace: flag(params.trace) })
        },
      },
      {
        method: 'GET',
        path: '/executions/stats',
        async handle(ctx) {
          ctx.query()
          await ctx.authorize()
          const { store, engine } = ctx.view
          const counts = await Promise.all(STATUSES.map(async (status) => [status, (await store.listExecutions({ status, limit: 0 })).total] as const))
          const byStatus = Object.fromEntries(counts) as Record<ExecutionStatus, number>
          const total = STATUSES.reduce((sum, status) => sum + byStatus[status], 0)
          const finished = byStatus.completed + byStatus.failed + byStatus.cancelled + byStatus.timed_out
          const since = new Date(Date.now() - 24 * 3600_000).toISOString()
          const recent = async (status?: ExecutionStatus) => (await store.listExecutions({ status, limit: 0, where: [{ field: 'queuedAt', op: 'gte', value: since }] })).total
          const [recentTotal, recentCompleted, recentFailed] = await Promise.all([recent(), recent('completed'), recent('failed')])
          // The engine's queue and workers are system information, shown (as by /health) only with can_access_system_info.
          const system = ctx.principal.permissions.canAccessSystemInfo
          const pool = system ? ctx.deps.pool?.stats() : undefined
          return json({
            total,
            by_status: byStatus,
            success_rate: finished === 0 ? null : Math.round((byStatus.completed / finished) * 10_000) / 10_000,
            last_24h: { total: recentTotal, completed: recentCompleted, failed: recentFailed },
            ...(system ? { engine: { ...engine.stats(), ...(pool ? { workers: pool.workers, ready: pool.ready, busy: pool.busy, restarts: pool.restarts } : {}) } } : {}),
          })
        },
      },
      {
        method: 'GET',
        path: '/executions/:id',
        async handle(ctx) {
          ctx.query()
          await ctx.authorize()
          return json(viewFull(await requireExecution(ctx.view.store, ctx.params.id!)))
        },
      },
      {
        method: 'POST',
        path: '/executions/:id/cancel',
        async handle(ctx) {
          ctx.query()
          const body = await ctx.body<{ reason?: string }>('CancelRequest')
          await ctx.authorize()
          const outcome = await cancelExecution(ctx.view.engine, ctx.view.store, ctx.params.id!, { reason: body.reason })
          return json({ execution_id: outcome.executionId, cancelled: outcome.cancelled, status: outcome.status, previous_status: outcome.previousStatus, message: outcome.message })
        },
      },
      {
        method: 'POST',
        path: '/executions/:id/retry',
        async handle(ctx) {
          const params = ctx.query()
          const body = await ctx.body<{ timeout?: number }>('RetryRequest')
          const original = await ctx.deps.store.getExecution(ctx.params.id!)
          await ctx.authorize({ tasks: original ? [original.taskName] : [] })
          const record = await requireExecution(ctx.view.store, ctx.params.id!)
          const task = resolveTask(ctx.view.registry, record.taskName)
          return start(ctx, task, record.input ?? {}, body.timeout, { wait: flag(params.wait), trace: false, retryOf: record.id })
        },
      },
      {
        method: 'GET',
        path: '/executions/:id/logs',
        async handle(ctx) {
          const { query, params } = ctx.list()
          await ctx.authorize()
          const record = await requireExecution(ctx.view.store, ctx.params.id!)
          const level = (params.level ?? 'info') as LogLevel
          if (!['trace', 'debug', 'info', 'warn', 'error'].includes(level)) throw badParam('level', params.level!, 'trace, debug, info, warn, error')
          if (params.format !== undefined && params.format !== 'json' && params.format !== 'text') throw badParam('format', params.format, 'json, text')
          // Oldest first by default; `_order=desc` pages from the newest entry back.
          const page = query.sort?.order === 'desc' ? newestFirst(await ctx.view.store.getLogs(record.id, { minLevel: level }), query) : await readLogPage(ctx.view.store, record.id, { minLevel: level, offset: query.offset, limit: query.limit })
          if (params.format === 'text') return new Response(formatLogText(page.entries), { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Total-Count': String(page.total) } })
          return listResponse(page.entries.map(viewLog), query, page.total, { execution_id: record.id, status: record.status, level })
        },
      },
      {
        method: 'GET',
        path: '/executions/:id/trace',
        async handle(ctx) {
          const params = ctx.query()
          await ctx.authorize()
          const record = await requireExecution(ctx.view.store, ctx.params.id!)
          const spans = await ctx.view.store.getSpans(record.id)
          const wantsSvg = params.format === 'svg' || (params.format === undefined && (ctx.request.headers.get('accept') ?? '').includes('image/svg+xml'))
          if (wantsSvg) {
            const svg = flamegraphSvg(spans, { title: `${record.taskName} v${record.taskVersion} — execution ${record.id} (${record.status})` })
            return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" } })
          }
          return json(viewTrace(record, spans, { includeHttpCalls: params.include_http_calls !== 'false', flamegraph: params.format === 'flamegraph' }))
        },
      },
    ],
  }
}

function newestFirst(all: LogEntry[], query: ListQuery): { entries: LogEntry[]; total: number } {
  return { entries: [...all].reverse().slice(query.offset, query.offset + query.limit), total: all.length }
}

function badParam(name: string, value: string, allowed: string): AppError {
  return new AppError('BAD_INPUT', `Query parameter ${name} must be one of ${allowed}, got ${JSON.stringify(value)}`, { data: { parameter: name }, hint: `Pass ${name}=${allowed.split(', ')[0]}.` })
}
