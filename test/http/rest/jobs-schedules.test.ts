import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { openRestHarness, type RestHarness } from './harness.ts'
import { ALL_TASKS } from './tasks.ts'

let h: RestHarness

beforeAll(async () => {
  h = await openRestHarness({ tasks: ALL_TASKS })
})
afterAll(async () => {
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

describe('jobs', () => {
  test('POST /jobs creates a job (camelCase aliases accepted) that runs; GET shows it with its deliveries', async () => {
    const response = await h.call('admin', 'POST', '/api/v1/jobs', { body: { taskId: 'addition', input: { a: 2, b: 2 }, priority: 'high', maxRetries: 1 } })
    expect(response.status).toBe(201)
    const job = await response.json()
    expect(response.headers.get('location')).toBe(`/api/v1/jobs/${job.id}`)
    expect(job).toMatchObject({ task_id: 'addition', priority: 'high', max_retries: 1, owner: 'admin', output_destinations: [] })
    const done = await waitForJob(job.id, 'completed')
    expect(done.output).toEqual({ sum: 4 })
    expect(done.execution_ids).toHaveLength(1)
    expect(done.deliveries).toEqual([])
  })

  test('an idempotency key returns the first job with 200; webhook secrets are never shown', async () => {
    const body = { task_id: 'greeter', input: { name: 'Ada' }, scheduled_for: '2999-01-01T00:00:00Z', idempotency_key: 'once', output_destinations: [{ type: 'webhook', url: 'http://127.0.0.1:9/hook', secret: 'signing-secret', headers: { Authorization: 'Bearer x' } }] }
    const first = await h.call('admin', 'POST', '/api/v1/jobs', { body })
    expect(first.status).toBe(201)
    const job = await first.json()
    expect(job.output_destinations[0]).toMatchObject({ secret: '***', headers: { Authorization: '***' } })
    const again = await h.call('admin', 'POST', '/api/v1/jobs', { body, headers: { 'idempotency-key': 'once' } })
    expect(again.status).toBe(200)
    expect((await again.json()).id).toBe(job.id)
  })

  test('an invalid job body names each field', async () => {
    const response = await h.call('admin', 'POST', '/api/v1/jobs', { body: { task_id: 'addition', priority: 'asap', scheduled_for: 'tomorrow', output_destinations: [{ type: 'ftp' }] } })
    expect(response.status).toBe(400)
    const paths = (await response.json()).error.details.errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['/priority', '/scheduled_for']))
    expect(paths.some((p: string) => p.startsWith('/output_destinations/0'))).toBe(true)
  })

  test('list, filter, cancel, retry and stats', async () => {
    const later = await (await h.call('admin', 'POST', '/api/v1/jobs', { body: { task_id: 'greeter', input: { name: 'B' }, scheduled_for: '2999-01-01T00:00:00Z' } })).json()
    const queued = await h.call('admin', 'GET', '/api/v1/jobs?status=queued&_sort=created_at&_order=asc')
    const list = await queued.json()
    expect(Number(queued.headers.get('x-total-count'))).toBe(list.meta.total)
    expect(list.data.map((j: { id: string }) => j.id)).toContain(later.id)
    expect(list.data.every((j: { status: string }) => j.status === 'queued')).toBe(true)
    const cancelled = await h.call('admin', 'POST', `/api/v1/jobs/${later.id}/cancel`, { body: { reason: 'not needed' } })
    expect((await cancelled.json()).status).toBe('cancelled')
    const retried = await h.call('admin', 'POST', `/api/v1/jobs/${later.id}/retry`)
    expect((await retried.json()).status).toBe('queued')
    const stats = await (await h.call('admin', 'GET', '/api/v1/jobs/stats')).json()
    expect(stats.total).toBeGreaterThanOrEqual(3)
    expect(stats.by_status.queued).toBeGreaterThanOrEqual(1)
    const like = await (await h.call('admin', 'GET', '/api/v1/jobs?task_id_like=greet')).json()
    expect(like.data.every((j: { task_id: string }) => j.task_id === 'greeter')).toBe(true)
  })

  test("another key's jobs do not exist for a key without can_read_all_executions", async () => {
    const list = await (await h.call('other', 'GET', '/api/v1/jobs')).json()
    expect(list.meta.total).toBe(0)
    const { data } = await (await h.call('admin', 'GET', '/api/v1/jobs?limit=1')).json()
    expect((await h.call('other', 'GET', `/api/v1/jobs/${data[0].id}`)).status).toBe(404)
  })
})

describe('schedules', () => {
  test('create, read, change, enable/disable, next runs, trigger and delete', async () => {
    const created = await h.call('admin', 'POST', '/api/v1/schedules', { body: { name: 'nightly', taskId: 'addition', cronExpression: '0 2 * * *', inputData: { a: 1, b: 1 }, timezone: 'UTC' } })
    expect(created.status).toBe(201)
    const schedule = await created.json()
    expect(created.headers.get('location')).toBe(`/api/v1/schedules/${schedule.id}`)
    expect(schedule).toMatchObject({ name: 'nightly', task_id: 'addition', cron_expression: '0 2 * * *', input_data: { a: 1, b: 1 }, enabled: true, owner: 'admin' })

    const patched = await (await h.call('admin', 'PATCH', `/api/v1/schedules/${schedule.id}`, { body: { cron_expression: '30 3 * * *' } })).json()
    expect(patched.cron_expression).toBe('30 3 * * *')
    expect((await (await h.call('admin', 'POST', `/api/v1/schedules/${schedule.id}/disable`)).json()).enabled).toBe(false)
    expect((await (await h.call('admin', 'POST', `/api/v1/schedules/${schedule.id}/enable`)).json()).enabled).toBe(true)

    const runs = await (await h.call('admin', 'GET', `/api/v1/schedules/${schedule.id}/next-runs?count=3`)).json()
    expect(runs.runs).toHaveLength(3)
    expect(runs.runs.every((r: string) => r.endsWith('T03:30:00.000Z'))).toBe(true)
    const preview = await (await h.call('admin', 'GET', '/api/v1/schedules/next-runs?cronExpression=*/15 * * * *&count=2')).json()
    expect(preview).toMatchObject({ cron_expression: '*/15 * * * *', timezone: 'UTC' })
    expect(preview.runs).toHaveLength(2)

    const trigger = await h.call('admin', 'POST', `/api/v1/schedules/${schedule.id}/trigger`)
    expect(trigger.status).toBe(201)
    const job = await trigger.json()
    expect(job).toMatchObject({ task_id: 'addition', schedule_id: schedule.id })
    expect((await waitForJob(job.id, 'completed')).output).toEqual({ sum: 2 })

    const list = await (await h.call('admin', 'GET', '/api/v1/schedules?name_like=night&enabled=true')).json()
    expect(list.data.map((s: { id: string }) => s.id)).toEqual([schedule.id])
    expect((await (await h.call('admin', 'GET', '/api/v1/schedules/stats')).json()).enabled).toBe(1)

    expect((await h.call('admin', 'DELETE', `/api/v1/schedules/${schedule.id}`)).status).toBe(204)
    expect((await h.call('admin', 'GET', `/api/v1/schedules/${schedule.id}`)).status).toBe(404)
  })

  test('a bad cron expression or count is 400 saying what was wrong', async () => {
    const response = await h.call('admin', 'POST', '/api/v1/schedules', { body: { name: 'bad', task_id: 'addition', cron_expression: 'every day', input_data: { a: 1, b: 1 } } })
    expect(response.status).toBe(400)
    expect((await response.json()).error.message).toContain('every day')
    const count = await h.call('admin', 'GET', '/api/v1/schedules/next-runs?cron_expression=*%20*%20*%20*%20*&count=0')
    expect((await count.json()).error.message).toContain('count must be a whole number from 1 to 100')
    const missing = await h.call('admin', 'GET', '/api/v1/schedules/next-runs')
    expect((await missing.json()).error.message).toBe('Query parameter cron_expression is required')
    const empty = await h.call('admin', 'PATCH', '/api/v1/schedules/x', { body: {} })
    expect((await empty.json()).error.details.errors[0].message).toContain('1')
  })

  test('schedules.manage needs can_manage_schedules', async () => {
    const response = await h.call('other', 'POST', '/api/v1/schedules', { body: { name: 'n', task_id: 'addition', cron_expression: '* * * * *' } })
    expect(response.status).toBe(403)
    expect((await response.json()).error.message).toContain('needs permissions.can_manage_schedules')
  })
})

describe("only a record's owner may change it (its work runs as that owner)", () => {
  test("a key that sees everyone's schedules (can_read_all_executions) may not change another client's: 403; one it cannot see stays 404", async () => {
    const created = await h.call('queuer', 'POST', '/api/v1/schedules', { body: { name: 'queuer-nightly', task_id: 'addition', cron_expression: '0 2 * * *', input_data: { a: 1, b: 1 } } })
    expect(created.status).toBe(201)
    const schedule = await created.json()
    expect((await h.call('admin', 'GET', `/api/v1/schedules/${schedule.id}`)).status).toBe(200)
    const message = `permission denied: schedule ${schedule.id} belongs to another client; only its owner may change it`
    const attempts: Array<[string, string, unknown]> = [
      ['PATCH', `/api/v1/schedules/${schedule.id}`, { cron_expression: '* * * * * *', input_data: { a: 100, b: 100 } }],
      ['DELETE', `/api/v1/schedules/${schedule.id}`, undefined],
      ['POST', `/api/v1/schedules/${schedule.id}/enable`, undefined],
      ['POST', `/api/v1/schedules/${schedule.id}/disable`, undefined],
      ['POST', `/api/v1/schedules/${schedule.id}/trigger`, undefined],
    ]
    for (const [method, path, body] of attempts) {
      const response = await h.call('admin', method, path, body === undefined ? {} : { body })
      expect(response.status).toBe(403)
      expect((await response.json()).error).toMatchObject({ code: 'FORBIDDEN', message })
    }
    // Nothing changed, and no job was triggered in the owner's name.
    expect(await (await h.call('queuer', 'GET', `/api/v1/schedules/${schedule.id}`)).json()).toMatchObject({ cron_expression: '0 2 * * *', input_data: { a: 1, b: 1 }, enabled: true, run_count: 0 })
    const jobs = await (await h.call('admin', 'GET', `/api/v1/jobs?schedule_id=${schedule.id}`)).json()
    expect(jobs.meta.total).toBe(0)
    // The owner may.
    expect((await (await h.call('queuer', 'POST', `/api/v1/schedules/${schedule.id}/disable`)).json()).enabled).toBe(false)

    // A schedule the caller cannot see (no can_read_all_executions) is still 404.
    const admins = await (await h.call('admin', 'POST', '/api/v1/schedules', { body: { name: 'admin-nightly', task_id: 'addition', cron_expression: '0 2 * * *', input_data: { a: 1, b: 1 } } })).json()
    const hidden = await h.call('queuer', 'PATCH', `/api/v1/schedules/${admins.id}`, { body: { cron_expression: '* * * * * *' } })
    expect(hidden.status).toBe(404)
    expect((await hidden.json()).error.code).toBe('SCHEDULE_NOT_FOUND')

    // A schedule without an owner (the system's) may be changed by anyone with the operation.
    const system = await h.schedules.create({ name: 'system-nightly', taskName: 'addition', cronExpression: '0 2 * * *', inputData: { a: 1, b: 1 } })
    expect((await (await h.call('admin', 'POST', `/api/v1/schedules/${system.id}/disable`)).json()).enabled).toBe(false)
    for (const id of [schedule.id, admins.id, system.id]) await h.schedules.delete(id)
  })

  test("a key that sees everyone's jobs may not cancel or retry another client's job: 403; one it cannot see stays 404", async () => {
    const created = await h.call('queuer', 'POST', '/api/v1/jobs', { body: { task_id: 'greeter', input: { name: 'Q' }, scheduled_for: '2999-01-01T00:00:00Z' } })
    expect(created.status).toBe(201)
    const job = await created.json()
    expect((await h.call('admin', 'GET', `/api/v1/jobs/${job.id}`)).status).toBe(200)
    const message = `permission denied: job ${job.id} belongs to another client; only its owner may change it`
    const cancel = await h.call('admin', 'POST', `/api/v1/jobs/${job.id}/cancel`, { body: {} })
    expect(cancel.status).toBe(403)
    expect((await cancel.json()).error).toMatchObject({ code: 'FORBIDDEN', message })
    expect((await (await h.call('queuer', 'GET', `/api/v1/jobs/${job.id}`)).json()).status).toBe('queued')
    expect((await (await h.call('queuer', 'POST', `/api/v1/jobs/${job.id}/cancel`, { body: {} })).json()).status).toBe('cancelled')
    const retry = await h.call('admin', 'POST', `/api/v1/jobs/${job.id}/retry`)
    expect(retry.status).toBe(403)
    expect((await retry.json()).error.message).toBe(message)
    expect((await (await h.call('queuer', 'GET', `/api/v1/jobs/${job.id}`)).json()).status).toBe('cancelled')

    const admins = await (await h.call('admin', 'POST', '/api/v1/jobs', { body: { task_id: 'greeter', input: { name: 'A' }, scheduled_for: '2999-01-01T00:00:00Z' } })).json()
    const hidden = await h.call('queuer', 'POST', `/api/v1/jobs/${admins.id}/cancel`, { body: {} })
    expect(hidden.status).toBe(404)
    expect((await hidden.json()).error.code).toBe('JOB_NOT_FOUND')
    expect((await h.call('admin', 'POST', `/api/v1/jobs/${admins.id}/cancel`, { body: {} })).status).toBe(200)
  })
})
