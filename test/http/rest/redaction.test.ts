import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { permissionsFromConfig } from '../../../src/auth/permissions.ts'
import type { Principal } from '../../../src/auth/types.ts'
import { bridgeEngineEvents } from '../../../src/events/index.ts'
import type { DomainEvent } from '../../../src/events/types.ts'
import { createEventStream, type EventStream } from '../../../src/http/events/index.ts'
import { viewJob } from '../../../src/http/rest/job-views.ts'
import { eventVisible } from '../../../src/http/rest/owner-scope.ts'
import type { JobRecord } from '../../../src/jobs/types.ts'
import { openRestHarness, type RestHarness } from './harness.ts'
import { ALL_TASKS } from './tasks.ts'
import { SseReader } from '../events/sse-client.ts'
import { silentLogger } from '../../helpers/silent-logger.ts'

const SLACK = 'https://hooks.slack.example/services/T000/B000/SECRETTOKEN?token=abc'

let h: RestHarness
let stream: EventStream
let unbridge: () => void

beforeAll(async () => {
  // The stream is built on the harness's bus, which exists only once the harness is open.
  h = await openRestHarness({ tasks: ALL_TASKS, events: { handle: (...args) => stream.handle(...args) } })
  stream = createEventStream({ bus: h.bus, logger: silentLogger() })
  unbridge = bridgeEngineEvents(h.engine.engine, h.bus)
})
afterAll(async () => {
  unbridge()
  stream.close()
  await h.close()
})

async function waitForJob(id: string, status: string) {
  for (let i = 0; i < 200; i++) {
    const job = await (await h.call('admin', 'GET', `/api/v1/jobs/${id}`)).json()
    if (job.status === status) return job
    await Bun.sleep(20)
  }
  throw new Error(`job ${id} never reached ${status}`)
}

describe('jobs and schedules follow the execution rule: input and output only with can_execute_tasks', () => {
  test('a key with only can_read_all_executions sees a job without its input and output, in the view and the list', async () => {
    const created = await (await h.call('admin', 'POST', '/api/v1/jobs', { body: { task_id: 'addition', input: { a: 20, b: 22 } } })).json()
    const done = await waitForJob(created.id, 'completed')
    expect(done).toMatchObject({ input: { a: 20, b: 22 }, output: { sum: 42 } })

    const execution = await (await h.call('auditor', 'GET', `/api/v1/executions/${done.execution_ids[0]}`)).json()
    expect(execution.input ?? null).toBeNull()
    expect(execution.output ?? null).toBeNull()
    const seen = await (await h.call('auditor', 'GET', `/api/v1/jobs/${created.id}`)).json()
    expect(seen).toMatchObject({ id: created.id, status: 'completed', input: null, output: null })
    const listed = await (await h.call('auditor', 'GET', '/api/v1/jobs?limit=100')).json()
    const item = listed.data.find((job: { id: string }) => job.id === created.id)
    expect(item).toMatchObject({ input: null, output: null })
    expect(JSON.stringify(listed)).not.toContain('"sum":42')
  })

  test('a key with only can_read_all_executions sees schedules without input_data', async () => {
    const schedule = await (await h.call('admin', 'POST', '/api/v1/schedules', { body: { name: 'hidden-input', task_id: 'addition', cron_expression: '0 2 * * *', input_data: { a: 7, b: 8 } } })).json()
    expect(schedule.input_data).toEqual({ a: 7, b: 8 })
    expect((await (await h.call('auditor', 'GET', `/api/v1/schedules/${schedule.id}`)).json()).input_data).toBeNull()
    const listed = await (await h.call('auditor', 'GET', '/api/v1/schedules?limit=100')).json()
    expect(listed.data.find((s: { id: string }) => s.id === schedule.id).input_data).toBeNull()
  })
})

describe('webhook URLs are shown masked', () => {
  test('query values are masked for everyone, and the path is shown only to the owner', async () => {
    // The test egress policy allows loopback only: the same shape on 127.0.0.1.
    const url = 'http://127.0.0.1:9/services/T000/B000/SECRETTOKEN?token=abc'
    const destinations = [{ type: 'webhook', url }]
    const job = await (await h.call('admin', 'POST', '/api/v1/jobs', { body: { task_id: 'greeter', input: { name: 'A' }, scheduled_for: '2999-01-01T00:00:00Z', output_destinations: destinations } })).json()
    expect(job.output_destinations[0].url).toBe('http://127.0.0.1:9/services/T000/B000/SECRETTOKEN?token=***')
    const other = await (await h.call('auditor', 'GET', `/api/v1/jobs/${job.id}`)).json()
    expect(other.output_destinations[0].url).toBe('http://127.0.0.1:9/***?token=***')

    const schedule = await (await h.call('admin', 'POST', '/api/v1/schedules', { body: { name: 'slack', task_id: 'greeter', cron_expression: '0 2 * * *', input_data: { name: 'A' }, output_destinations: destinations } })).json()
    expect(schedule.output_destinations[0].url).toBe('http://127.0.0.1:9/services/T000/B000/SECRETTOKEN?token=***')
    const seen = await (await h.call('auditor', 'GET', `/api/v1/schedules/${schedule.id}`)).json()
    expect(seen.output_destinations[0].url).toBe('http://127.0.0.1:9/***?token=***')
    expect(JSON.stringify(seen)).not.toContain('SECRETTOKEN')
  })

  test('delivery targets, and errors that quote them, are masked the same way', () => {
    const principal = (name: string, raw: Parameters<typeof permissionsFromConfig>[0]): Principal => ({ name, kind: 'api_key', permissions: permissionsFromConfig(raw) })
    const record = {
      id: 'job-1', taskName: 'greeter', input: { name: 'A' }, priority: 'normal', status: 'completed', scheduledFor: '2026-01-01T00:00:00Z', maxRetries: 0, attempts: 1,
      executionIds: ['e1'], outputDestinations: [{ type: 'webhook', url: SLACK }], principal: 'alice', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', output: { greeting: 'hi' },
      lastError: { type: 'Error', code: 'TASK_FAILED', message: 'boom', details: { output: 'private' } },
    } as unknown as JobRecord
    const attempt = { jobId: 'job-1', executionId: 'e1', destination: 0, type: 'webhook' as const, attempt: 1, ok: false, status: null, target: SLACK, error: `network error: ${SLACK} refused`, durationMs: 3, at: '2026-01-01T00:00:01Z' }
    const owner = viewJob(principal('alice', { can_execute_tasks: true }), record, [attempt])
    expect(owner.deliveries![0]).toMatchObject({ target: 'https://hooks.slack.example/services/T000/B000/SECRETTOKEN?token=***', error: 'network error: https://hooks.slack.example/services/T000/B000/SECRETTOKEN?token=*** refused' })
    expect(owner.last_error).toMatchObject({ details: { output: 'private' } })
    const auditor = viewJob(principal('bob', { can_read_all_executions: true }), record, [attempt])
    expect(auditor.deliveries![0]).toMatchObject({ target: 'https://hooks.slack.example/***?token=***', error: 'network error: https://hooks.slack.example/***?token=*** refused' })
    expect(auditor).toMatchObject({ input: null, output: null, last_error: { type: 'Error', code: 'TASK_FAILED', message: 'boom' } })
    expect(JSON.stringify(auditor)).not.toContain('private')
    expect(JSON.stringify(auditor)).not.toContain('SECRETTOKEN')
  })
})

/** The event types a reader gets up to and including the first execution.finished. */
async function eventsUntilFinished(reader: SseReader): Promise<string[]> {
  const types: string[] = []
  while (types.at(-1) !== 'execution.finished') types.push((await reader.take(1))[0]!.event!)
  return types
}

describe('the event stream', () => {
  test('a key without can_read_logs gets the execution events over GET /api/v1/events, but not its logs', async () => {
    const open = async (key: 'admin' | 'auditor') => {
      const response = await h.call(key, 'GET', '/api/v1/events?type=execution.*')
      expect(response.status).toBe(200)
      return new SseReader(response.body!)
    }
    const admin = await open('admin')
    const auditor = await open('auditor')
    try {
      const run = await (await h.call('admin', 'POST', '/api/v1/executions?wait=true', { body: { task_id: 'addition', input: { a: 3, b: 4 } } })).json()
      expect(run.status).toBe('completed')
      const admins = await eventsUntilFinished(admin)
      const auditors = await eventsUntilFinished(auditor)
      expect(admins).toContain('execution.log')
      expect(auditors).not.toContain('execution.log')
      expect(auditors).toEqual(admins.filter((type) => type !== 'execution.log'))
    } finally {
      await admin.cancel()
      await auditor.cancel()
    }
  })

  test('execution.log events reach only keys with can_read_logs, like GET /executions/:id/logs', async () => {
    const execution = await (await h.call('admin', 'POST', '/api/v1/executions', { body: { task_id: 'addition', input: { a: 1, b: 1 } } })).json()
    const id = execution.id ?? execution.execution_id
    expect((await h.call('auditor', 'GET', `/api/v1/executions/${id}/logs`)).status).toBe(403)
    const who = (name: string, raw: Parameters<typeof permissionsFromConfig>[0]): Principal => ({ name, kind: 'api_key', permissions: permissionsFromConfig(raw) })
    const log: DomainEvent = { id: 1, ts: '', type: 'execution.log', taskName: 'addition', executionId: id, owner: 'admin', data: { entries: [{ seq: 1, level: 'info', message: 'secret log line', ts: '' }] } }
    const finished: DomainEvent = { ...log, type: 'execution.finished', data: { status: 'completed' } }
    const auditor = who('auditor', { can_read_all_executions: true })
    expect(eventVisible(auditor, log)).toBe(false)
    expect(eventVisible(auditor, finished)).toBe(true)
    expect(eventVisible(who('admin', { can_read_logs: true }), log)).toBe(true)
  })
})
