import { afterEach, describe, expect, test } from 'bun:test'
import { openRestHarness, type RestHarness } from './harness.ts'
import { ALL_TASKS } from './tasks.ts'

let h: RestHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

async function open() {
  h = await openRestHarness({ tasks: ALL_TASKS })
  return h
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; status: number; message: string; details?: unknown } }).error

async function waitForJob(rest: RestHarness, id: string, status: string) {
  for (let i = 0; i < 300; i++) {
    const job = await (await rest.call('admin', 'GET', `/api/v1/jobs/${id}`)).json()
    if (job.status === status) return job
    await Bun.sleep(20)
  }
  throw new Error(`job ${id} never reached ${status}`)
}

describe('queued work is charged like POST /executions (executions_per_minute, execute_task)', () => {
  test('POST /jobs: 201, 201, then 429 with Retry-After', async () => {
    const rest = await open()
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 3; i++) {
      last = await rest.call('queuer', 'POST', '/api/v1/jobs', { body: { task_id: 'greeter', input: { name: `n${i}` } } })
      statuses.push(last.status)
    }
    expect(statuses).toEqual([201, 201, 429])
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await errorOf(last!)).message).toContain('2 per minute for executions (key "queuer")')
  })

  test('POST /schedules/:id/trigger and POST /jobs/:id/retry spend the same budget', async () => {
    const rest = await open()
    const created = await rest.call('queuer', 'POST', '/api/v1/schedules', { body: { name: 'n', task_id: 'greeter', cron_expression: '0 0 1 1 *', input_data: { name: 'x' } } })
    expect(created.status).toBe(201)
    const { id } = await created.json()
    const trigger = () => rest.call('queuer', 'POST', `/api/v1/schedules/${id}/trigger`)
    const first = await trigger()
    expect(first.status).toBe(201)
    const job = await waitForJob(rest, (await first.json()).id, 'completed')
    expect((await trigger()).status).toBe(201)
    const refused = await trigger()
    expect(refused.status).toBe(429)
    expect((await rest.call('queuer', 'POST', `/api/v1/jobs/${job.id}/retry`)).status).toBe(429)
  })

  test('the execute_task bucket (mcp.security.rate_limiting) also counts jobs', async () => {
    h = await openRestHarness({ tasks: ALL_TASKS, perOperation: { execute_task: 1 } })
    expect((await h.call('admin', 'POST', '/api/v1/executions', { body: { task_id: 'greeter', input: { name: 'a' } } })).status).toBe(202)
    const refused = await h.call('admin', 'POST', '/api/v1/jobs', { body: { task_id: 'greeter', input: { name: 'b' } } })
    expect(refused.status).toBe(429)
    expect((await errorOf(refused)).message).toContain('per minute for execute_task')
  })
})

describe('creating a job', () => {
  test('input the task schema refuses is 422 when the job is created, as for a schedule', async () => {
    const rest = await open()
    const job = await rest.call('admin', 'POST', '/api/v1/jobs', { body: { task_id: 'addition', input: { a: 'one' } } })
    expect(job.status).toBe(422)
    expect((await errorOf(job)).message).toContain('input does not match the input schema of task addition')
    const schedule = await rest.call('admin', 'POST', '/api/v1/schedules', { body: { name: 's', task_id: 'addition', cron_expression: '0 0 1 1 *', input_data: { a: 'one' } } })
    expect(schedule.status).toBe(422)
    expect((await rest.call('admin', 'GET', '/api/v1/jobs')).headers.get('x-total-count')).toBe('0')
  })

  test("an idempotency key in the schedule: namespace is 400; the same key of two keys is two jobs", async () => {
    const rest = await open()
    const created = await rest.call('admin', 'POST', '/api/v1/schedules', { body: { name: 'alice', task_id: 'greeter', cron_expression: '0 0 1 1 *', input_data: { name: 'x' } } })
    const schedule = await created.json()
    const next = (await (await rest.call('admin', 'GET', `/api/v1/schedules/${schedule.id}/next-runs?count=1`)).json()).runs[0]
    const squat = await rest.call('queuer', 'POST', '/api/v1/jobs', { body: { task_id: 'greeter', input: { name: 'b' }, idempotency_key: `schedule:${schedule.id}:${next}` } })
    expect(squat.status).toBe(400)
    expect((await errorOf(squat)).message).toContain('idempotency_key: may not start with "schedule:"')
    // Not even the schedule's own owner may choose a slot key.
    const header = await rest.call('admin', 'POST', '/api/v1/jobs', { body: { task_id: 'greeter', input: { name: 'b' } }, headers: { 'idempotency-key': `schedule:${schedule.id}:${next}` } })
    expect(header.status).toBe(400)

    const mine = await rest.call('admin', 'POST', '/api/v1/jobs', { body: { task_id: 'greeter', input: { name: 'admin' }, idempotency_key: 'nightly' } })
    const theirs = await rest.call('queuer', 'POST', '/api/v1/jobs', { body: { task_id: 'greeter', input: { name: 'queuer' }, idempotency_key: 'nightly' } })
    expect([mine.status, theirs.status]).toEqual([201, 201])
    const [a, b] = [await mine.json(), await theirs.json()]
    expect(a.id).not.toBe(b.id)
    const again = await rest.call('admin', 'POST', '/api/v1/jobs', { body: { task_id: 'greeter', input: { name: 'again' }, idempotency_key: 'nightly' } })
    expect(again.status).toBe(200)
    expect((await again.json()).id).toBe(a.id)
  })
})

describe("a key's max_concurrent_executions holds for its jobs", () => {
  test('two jobs of a key capped at 1 both complete, one after the other', async () => {
    const rest = await open()
    const ids: string[] = []
    for (let i = 0; i < 2; i++) ids.push((await (await rest.call('queuer', 'POST', '/api/v1/jobs', { body: { task_id: 'slow', input: {} } })).json()).id)
    const [first, second] = await Promise.all(ids.map((id) => waitForJob(rest, id, 'completed')))
    const spans = [first, second].map((job) => [Date.parse(job.started_at), Date.parse(job.completed_at)] as const).sort((x, y) => x[0] - y[0])
    expect(spans[1]![0]).toBeGreaterThanOrEqual(spans[0]![1] - 5)
    expect([first.attempts, second.attempts]).toEqual([1, 1])
  })
})
