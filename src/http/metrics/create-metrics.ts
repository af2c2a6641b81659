/**
 * Server metrics for `GET /metrics`: counters fed by engine and bus events as they happen, and gauges
 * read from the engine, pool, jobs and schedules at scrape time. The host reports each HTTP request
 * through `recordHttp` with the route template (`/api/v1/executions/:id`), never a raw path, so label
 * cardinality stays bounded.
 */
import type { Engine } from '../../engine/engine.ts'
import type { EventBus } from '../../events/types.ts'
import type { JobService, ScheduleService } from '../../jobs/types.ts'
import { JOB_STATUSES } from '../../jobs/types.ts'
import type { Logger } from '../../lib/logger.ts'
import type { Pool } from '../../pool/pool.ts'
import type { EventStream } from '../events/index.ts'
import { MetricRegistry } from './prometheus-registry.ts'

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

/** Upper bounds in seconds: tasks run from sub-millisecond to the execution time limit. */
export const EXECUTION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] as const
export const HTTP_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const

/** Methods kept as labels; anything else is counted as OTHER so a client cannot mint label values. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

export interface MetricsDeps {
  engine: Pick<Engine, 'subscribe' | 'stats'>
  pool: Pick<Pool, 'stats'>
  bus: EventBus
  jobs?: Pick<JobService, 'stats'>
  schedules?: Pick<ScheduleService, 'stats'>
  /** The SSE stream, for its subscriber count and queued bytes. */
  eventStream?: Pick<EventStream, 'subscribers' | 'bufferedBytes'>
  /** Reports a source that failed at scrape time (the scrape still answers, without it). */
  logger?: Logger
  /** Epoch ms, for tests; default Date.now. */
  clock?: () => number
  /** Process memory, for tests; default process.memoryUsage().rss. */
  rssBytes?: () => number
}

export interface Metrics {
  /** Counts one HTTP request: `route` is the matched template (or a fixed name such as `unmatched`). */
  recordHttp(route: string, method: string, status: number, durationMs: number): void
  /** The exposition text (format 0.0.4); serve it with PROMETHEUS_CONTENT_TYPE. */
  render(): Promise<string>
  /** Stops listening to the engine and the bus. */
  close(): void
}

export function createMetrics(deps: MetricsDeps): Metrics {
  const clock = deps.clock ?? Date.now
  const startedAt = clock()
  const r = new MetricRegistry()
  const executions = r.counter('ratchet_executions_total', 'Executions finished, by task and final status.', ['task', 'status'])
  const duration = r.histogram('ratchet_execution_duration_seconds', 'Run time of finished executions in seconds, by task.', ['task'], EXECUTION_BUCKETS)
  const queueDepth = r.gauge('ratchet_queue_depth', 'Executions waiting for a worker.')
  const running = r.gauge('ratchet_executions_running', 'Executions running on a worker now.')
  const capacity = r.gauge('ratchet_queue_capacity', 'Most executions that may wait (workers.max_queue).')
  const jobs = r.gauge('ratchet_jobs', 'Jobs by state.', ['state'])
  const jobsDue = r.gauge('ratchet_jobs_due', 'Queued or retrying jobs whose time has come.')
  const schedules = r.gauge('ratchet_schedules', 'Schedules by state.', ['state'])
  const workers = r.gauge('ratchet_workers', 'Worker processes by state: ready (idle), busy (running), starting (not ready yet).', ['state'])
  const utilisation = r.gauge('ratchet_pool_utilisation_ratio', 'Busy workers divided by workers (0 to 1).')
  const restarts = r.counter('ratchet_worker_restarts_total', 'Workers replaced after a crash, a timeout kill or a memory kill.')
  const events = r.counter('ratchet_events_total', 'Domain events published, by type.', ['type'])
  const httpRequests = r.counter('ratchet_http_requests_total', 'HTTP requests answered, by route template, method and status.', ['route', 'method', 'status'])
  const httpDuration = r.histogram('ratchet_http_request_duration_seconds', 'HTTP request handling time in seconds, by route template and method.', ['route', 'method'], HTTP_BUCKETS)
  const scrapeErrors = r.counter('ratchet_metrics_source_errors_total', 'Scrapes where a metrics source failed and was left out, by source.', ['source'])
  const streamGauges = deps.eventStream
    ? {
        subscribers: r.gauge('ratchet_event_stream_subscribers', 'Clients connected to the live event stream.'),
        buffered: r.gauge('ratchet_event_stream_buffered_bytes', 'Event bytes queued for stream clients and not yet written to their sockets.'),
      }
    : null
  const uptime = r.gauge('ratchet_uptime_seconds', 'Seconds since the metrics were created (server start).')
  const rss = r.gauge('process_resident_memory_bytes', 'Resident memory size in bytes.')
  const startTime = r.gauge('process_start_time_seconds', 'Start time of the process since the Unix epoch in seconds.')

  const unsubscribeEngine = deps.engine.subscribe((event) => {
    if (event.type !== 'finished') return
    const record = event.execution
    executions.inc([record.taskName, record.status])
    if (typeof record.durationMs === 'number' && Number.isFinite(record.durationMs)) duration.observe([record.taskName], record.durationMs / 1000)
  })
  const unsubscribeBus = deps.bus.subscribe((event) => events.inc([event.type]))

  const collect = async (source: string, read: () => Promise<void>) => {
    try {
      await read()
    } catch (error) {
      scrapeErrors.inc([source])
      deps.logger?.warn('a metrics source failed; left out of this scrape', { source, error: String(error) })
    }
  }

  return {
    recordHttp(route, method, status, durationMs) {
      const upper = method.toUpperCase()
      const label = METHODS.has(upper) ? upper : 'OTHER'
      httpRequests.inc([route, label, Number.isInteger(status) && status >= 100 && status <= 599 ? String(status) : 'invalid'])
      if (Number.isFinite(durationMs) && durationMs >= 0) httpDuration.observe([route, label], durationMs / 1000)
    },

    async render() {
      const engine = deps.engine.stats()
      queueDepth.set([], engine.queued)
      running.set([], engine.running)
      capacity.set([], engine.capacity)
      const pool = deps.pool.stats()
      // pool.ready counts busy workers too: `ready` here means idle and able to take a run.
      workers.set(['ready'], Math.max(0, pool.ready - pool.busy))
      workers.set(['busy'], pool.busy)
      workers.set(['starting'], Math.max(0, pool.workers - pool.ready))
      utilisation.set([], pool.workers > 0 ? pool.busy / pool.workers : 0)
      restarts.set([], pool.restarts)
      if (deps.jobs) {
        const source = deps.jobs
        await collect('jobs', async () => {
          const stats = await source.stats()
          jobs.reset()
          for (const state of JOB_STATUSES) jobs.set([state], stats.byStatus[state] ?? 0)
          jobsDue.set([], stats.due)
        })
      }
      if (deps.schedules) {
        const source = deps.schedules
        await collect('schedules', async () => {
          const stats = await source.stats()
          schedules.set(['enabled'], stats.enabled)
          schedules.set(['disabled'], stats.disabled)
        })
      }
      if (deps.eventStream && streamGauges) {
        streamGauges.subscribers.set([], deps.eventStream.subscribers())
        streamGauges.buffered.set([], deps.eventStream.bufferedBytes())
      }
      const now = clock()
      uptime.set([], (now - startedAt) / 1000)
      rss.set([], deps.rssBytes ? deps.rssBytes() : process.memoryUsage().rss)
      startTime.set([], Math.floor((deps.clock ? startedAt : performance.timeOrigin) / 1000))
      return r.render()
    },

    close() {
      unsubscribeEngine()
      unsubscribeBus()
    },
  }
}
