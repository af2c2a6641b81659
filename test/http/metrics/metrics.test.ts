import { describe, expect, test } from 'bun:test'
import type { EngineEvent } from '../../../src/engine/engine.ts'
import { createEventBus } from '../../../src/events/index.ts'
import { createMetrics, PROMETHEUS_CONTENT_TYPE } from '../../../src/http/metrics/index.ts'
import type { JobStats } from '../../../src/jobs/types.ts'
import type { ExecutionRecord } from '../../../src/store/types.ts'
import { makeTask } from '../../helpers/make-task.ts'
import { withEngine } from '../../helpers/with-engine.ts'

/** An engine-shaped event source for an exact scenario: the metrics read only subscribe() and stats(). */
function scriptedEngine() {
  const listeners = new Set<(event: EngineEvent) => void>()
  return {
    subscribe(listener: (event: EngineEvent) => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    stats: () => ({ queued: 3, running: 1, capacity: 16 }),
    finish(taskName: string, status: ExecutionRecord['status'], durationMs: number) {
      const execution: ExecutionRecord = { id: `e-${Math.random()}`, taskName, taskVersion: '1.0.0', taskChecksum: 'x', input: null, status, queuedAt: '', attempt: 1, source: 'test', durationMs }
      for (const listener of listeners) listener({ type: 'finished', execution })
    },
    listeners,
  }
}

const jobStats: JobStats = { total: 6, due: 2, byStatus: { queued: 2, running: 1, retrying: 1, completed: 1, dead_letter: 1, cancelled: 0 } }

/** Parses exposition text back into `name{labels}` → value, checking every sample line's shape. */
function parse(text: string): Map<string, number> {
  const samples = new Map<string, number>()
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (\S+)$/.exec(line)
    if (!match) throw new Error(`not a sample line: ${line}`)
    samples.set(`${match[1]}${match[2] ?? ''}`, match[3] === '+Inf' ? Number.POSITIVE_INFINITY : Number(match[3]))
  }
  return samples
}

describe('metrics', () => {
  test('renders the exact exposition text of a small scenario', async () => {
    const engine = scriptedEngine()
    const bus = createEventBus()
    let now = Date.parse('2026-12-06T10:00:00.000Z')
    const metrics = createMetrics({
      engine,
      pool: { stats: () => ({ workers: 4, ready: 3, busy: 1, restarts: 2, pids: [] }) },
      bus,
      jobs: { stats: async () => jobStats },
      schedules: { stats: async () => ({ total: 3, enabled: 2, disabled: 1 }) },
      clock: () => now,
      rssBytes: () => 123456789,
    })
    engine.finish('report', 'completed', 20)
    engine.finish('report', 'completed', 400)
    engine.finish('report', 'failed', 1500)
    engine.finish('we"ird\\task\n', 'timed_out', 600000)
    bus.publish({ type: 'job.created', data: {} })
    bus.publish({ type: 'job.created', data: {} })
    bus.publish({ type: 'schedule.fired', data: {} })
    metrics.recordHttp('/api/v1/executions/:id', 'get', 200, 12)
    metrics.recordHttp('/api/v1/executions/:id', 'GET', 404, 3)
    metrics.recordHttp('/api/v1/jobs', 'POST', 201, 250)
    now += 90_500

    const text = await metrics.render()
    const b = (task: string, counts: number[], sum: number, count: number) =>
      [
        ...['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '30', '60', '300'].map(
          (le, i) => `ratchet_execution_duration_seconds_bucket{task="${task}",le="${le}"} ${counts[i]}`,
        ),
        `ratchet_execution_duration_seconds_bucket{task="${task}",le="+Inf"} ${count}`,
        `ratchet_execution_duration_seconds_sum{task="${task}"} ${sum}`,
        `ratchet_execution_duration_seconds_count{task="${task}"} ${count}`,
      ].join('\n')
    const h = (route: string, method: string, counts: number[], sum: number, count: number) =>
      [
        ...['0.001', '0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10'].map(
          (le, i) => `ratchet_http_request_duration_seconds_bucket{route="${route}",method="${method}",le="${le}"} ${counts[i]}`,
        ),
        `ratchet_http_request_duration_seconds_bucket{route="${route}",method="${method}",le="+Inf"} ${count}`,
        `ratchet_http_request_duration_seconds_sum{route="${route}",method="${method}"} ${sum}`,
        `ratchet_http_request_duration_seconds_count{route="${route}",method="${method}"} ${count}`,
      ].join('\n')
    expect(text).toBe(`# HELP ratchet_executions_total Executions finished, by task and final status.
# TYPE ratchet_executions_total counter
ratchet_executions_total{task="report",status="completed"} 2
ratchet_executions_total{task="report",status="failed"} 1
ratchet_executions_total{task="we\\"ird\\\\task\\n",status="timed_out"} 1
# HELP ratchet_execution_duration_seconds Run time of finished executions in seconds, by task.
# TYPE ratchet_execution_duration_seconds histogram
${b('report', [0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3], 1.92, 3)}
${b('we\\"ird\\\\task\\n', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 600, 1)}
# HELP ratchet_queue_depth Executions waiting for a worker.
# TYPE ratchet_queue_depth gauge
ratchet_queue_depth 3
# HELP ratchet_executions_running Executions running on a worker now.
# TYPE ratchet_executions_running gauge
ratchet_executions_running 1
# HELP ratchet_queue_capacity Most executions that may wait (workers.max_queue).
# TYPE ratchet_queue_capacity gauge
ratchet_queue_capacity 16
# HELP ratchet_jobs Jobs by state.
# TYPE ratchet_jobs gauge
ratchet_jobs{state="cancelled"} 0
ratchet_jobs{state="completed"} 1
ratchet_jobs{state="dead_letter"} 1
ratchet_jobs{state="queued"} 2
ratchet_jobs{state="retrying"} 1
ratchet_jobs{state="running"} 1
# HELP ratchet_jobs_due Queued or retrying jobs whose time has come.
# TYPE ratchet_jobs_due gauge
ratchet_jobs_due 2
# HELP ratchet_schedules Schedules by state.
# TYPE ratchet_schedules gauge
ratchet_schedules{state="disabled"} 1
ratchet_schedules{state="enabled"} 2
# HELP ratchet_workers Worker processes by state: ready (idle), busy (running), starting (not ready yet).
# TYPE ratchet_workers gauge
ratchet_workers{state="busy"} 1
ratchet_workers{state="ready"} 2
ratchet_workers{state="starting"} 1
# HELP ratchet_pool_utilisation_ratio Busy workers divided by workers (0 to 1).
# TYPE ratchet_pool_utilisation_ratio gauge
ratchet_pool_utilisation_ratio 0.25
# HELP ratchet_worker_restarts_total Workers replaced after a crash, a timeout kill or a memory kill.
# TYPE ratchet_worker_restarts_total counter
ratchet_worker_restarts_total 2
# HELP ratchet_events_total Domain events published, by type.
# TYPE ratchet_events_total counter
ratchet_events_total{type="job.created"} 2
ratchet_events_total{type="schedule.fired"} 1
# HELP ratchet_http_requests_total HTTP requests answered, by route template, method and status.
# TYPE ratchet_http_requests_total counter
ratchet_http_requests_total{route="/api/v1/executions/:id",method="GET",status="200"} 1
ratchet_http_requests_total{route="/api/v1/executions/:id",method="GET",status="404"} 1
ratchet_http_requests_total{route="/api/v1/jobs",method="POST",status="201"} 1
# HELP ratchet_http_request_duration_seconds HTTP request handling time in seconds, by route template and method.
# TYPE ratchet_http_request_duration_seconds histogram
${h('/api/v1/executions/:id', 'GET', [0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2], 0.015, 2)}
${h('/api/v1/jobs', 'POST', [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], 0.25, 1)}
# HELP ratchet_metrics_source_errors_total Scrapes where a metrics source failed and was left out, by source.
# TYPE ratchet_metrics_source_errors_total counter
# HELP ratchet_uptime_seconds Seconds since the metrics were created (server start).
# TYPE ratchet_uptime_seconds gauge
ratchet_uptime_seconds 90.5
# HELP process_resident_memory_bytes Resident memory size in bytes.
# TYPE process_resident_memory_bytes gauge
process_resident_memory_bytes 123456789
# HELP process_start_time_seconds Start time of the process since the Unix epoch in seconds.
# TYPE process_start_time_seconds gauge
process_start_time_seconds 1796551200
`)
    const samples = parse(text)
    expect(samples.get('ratchet_executions_total{task="report",status="completed"}')).toBe(2)
    expect(samples.get('ratchet_execution_duration_seconds_bucket{task="report",le="+Inf"}')).toBe(3)
    expect(PROMETHEUS_CONTENT_TYPE).toBe('text/plain; version=0.0.4; charset=utf-8')

    metrics.close()
    expect(engine.listeners.size).toBe(0)
  })

  test('a failing source is left out of the scrape and counted; the event stream is reported when given', async () => {
    const engine = scriptedEngine()
    const metrics = createMetrics({
      engine,
      pool: { stats: () => ({ workers: 1, ready: 1, busy: 0, restarts: 0, pids: [] }) },
      bus: createEventBus(),
      jobs: { stats: async () => { throw new Error('database is locked') } },
      eventStream: { subscribers: () => 2, bufferedBytes: () => 512 },
    })
    metrics.recordHttp('/api/v1/jobs', 'BREW', 418, Number.NaN)
    const samples = parse(await metrics.render())
    expect(samples.get('ratchet_http_requests_total{route="/api/v1/jobs",method="OTHER",status="418"}')).toBe(1)
    expect(samples.has('ratchet_http_request_duration_seconds_count{route="/api/v1/jobs",method="OTHER"}')).toBe(false)
    expect(samples.get('ratchet_event_stream_subscribers')).toBe(2)
    expect(samples.get('ratchet_event_stream_buffered_bytes')).toBe(512)
    expect(samples.get('ratchet_metrics_source_errors_total{source="jobs"}')).toBe(1)
    expect([...samples.keys()].some((key) => key.startsWith('ratchet_jobs{'))).toBe(false)
    expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(0)
    metrics.close()
  })

  test('counts real executions from a real engine and pool', async () => {
    await withEngine(async ({ engine, pool }) => {
      const metrics = createMetrics({ engine, pool, bus: createEventBus() })
      const ok = makeTask({ name: 'metrics-ok', code: 'function main() { return 1 }' })
      const bad = makeTask({ name: 'metrics-bad', code: 'function main() { throw new Error("no") }' })
      await engine.execute({ task: ok, input: {}, source: 'test' })
      await engine.execute({ task: ok, input: {}, source: 'test' })
      await engine.execute({ task: bad, input: {}, source: 'test' })
      const samples = parse(await metrics.render())
      expect(samples.get('ratchet_executions_total{task="metrics-ok",status="completed"}')).toBe(2)
      expect(samples.get('ratchet_executions_total{task="metrics-bad",status="failed"}')).toBe(1)
      expect(samples.get('ratchet_execution_duration_seconds_count{task="metrics-ok"}')).toBe(2)
      expect(samples.get('ratchet_workers{state="ready"}')).toBe(1)
      expect(samples.get('ratchet_queue_depth')).toBe(0)
      metrics.close()
    })
  })
})
