import { afterAll, afterEach, beforeAll, describe, expect, test } from 'bun:test'
import { createDeliverer, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature, type DeliveryRequest } from '../../src/jobs/index.ts'
import type { DeliveryAttempt } from '../../src/jobs/types.ts'
import { makeTask } from '../helpers/make-task.ts'
import { openJobHarness, testSettings, type JobHarness } from './job-harness.ts'

interface Received {
  headers: Headers
  body: string
  method: string
}

const SECRET = 'shh-its-a-secret'
const received: Received[] = []
let answers: number[] = []
let server: ReturnType<typeof Bun.serve>

beforeAll(() => {
  server = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    async fetch(request) {
      const body = await request.text()
      received.push({ headers: request.headers, body, method: request.method })
      const timestamp = request.headers.get(TIMESTAMP_HEADER) ?? ''
      const signature = request.headers.get(SIGNATURE_HEADER) ?? ''
      // The receiver's side of the contract: refuse anything not signed with the shared secret.
      if (new URL(request.url).pathname === '/signed' && !verifyWebhookSignature(SECRET, timestamp, body, signature)) return new Response('bad signature', { status: 401 })
      return new Response('ok', { status: answers.shift() ?? 200 })
    },
  })
})
afterAll(() => server.stop(true))

let h: JobHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
  received.length = 0
  answers = []
})

const echo = makeTask({ name: 'echo', code: 'async function main(input) {\n  return input\n}\n' })
const url = (path: string) => `http://127.0.0.1:${server.port}${path}`
const fastRetry = { max_attempts: 3, initial_delay_ms: 40, max_delay_ms: 200, backoff_multiplier: 2 }

async function waitForDeliveries(harness: JobHarness, jobId: string, count: number): Promise<DeliveryAttempt[]> {
  const deadline = Date.now() + 5000
  let attempts = await harness.jobs.deliveries(jobId)
  while (attempts.length < count && Date.now() < deadline) {
    await Bun.sleep(10)
    attempts = await harness.jobs.deliveries(jobId)
  }
  return attempts
}

describe('webhook destination', () => {
  test('delivers the signed result, retrying a 500 and recording both attempts', async () => {
    h = await openJobHarness({ tasks: [echo] })
    answers = [500]
    const { job } = await h.jobs.create({
      taskName: 'echo',
      input: { total: 42 },
      outputDestinations: [{ type: 'webhook', url: url('/signed'), secret: SECRET, headers: { 'X-Team': 'billing' }, retry_policy: fastRetry }],
    })
    const done = await h.waitForStatus(job.id, 'completed')
    const attempts = await waitForDeliveries(h, job.id, 2)
    expect(attempts.map((a) => [a.attempt, a.ok, a.status])).toEqual([[1, false, 500], [2, true, 200]])
    expect(attempts[0]).toMatchObject({ jobId: job.id, executionId: done.executionIds[0], destination: 0, type: 'webhook', target: url('/signed'), error: 'the receiver answered 500 Internal Server Error' })
    // Backoff between attempts: at least half of the 40 ms initial delay.
    expect(Date.parse(attempts[1].at) - Date.parse(attempts[0].at)).toBeGreaterThanOrEqual(20)
    expect(received).toHaveLength(2)
    const last = received[1]
    expect(last.method).toBe('POST')
    expect(last.headers.get('content-type')).toBe('application/json')
    expect(last.headers.get('x-team')).toBe('billing')
    expect(last.headers.get(SIGNATURE_HEADER)).toMatch(/^sha256=[0-9a-f]{64}$/)
    expect(JSON.parse(last.body)).toEqual({ job_id: job.id, execution_id: done.executionIds[0], task: 'echo', status: 'completed', output: { total: 42 }, completed_at: done.completedAt })
    expect(h.events.filter((e) => e.type === 'job.delivery' && e.jobId === job.id).map((e) => [e.data.attempt, e.data.ok, e.data.status])).toEqual([[1, false, 500], [2, true, 200]])
    expect((await h.jobs.get(job.id))?.status).toBe('completed')
  })

  test('a receiver that rejects the signature gets no retry, and the job stays completed', async () => {
    h = await openJobHarness({ tasks: [echo] })
    const { job } = await h.jobs.create({ taskName: 'echo', input: 1, outputDestinations: [{ type: 'webhook', url: url('/signed'), secret: 'wrong-secret', retry_policy: fastRetry }] })
    await h.waitForStatus(job.id, 'completed')
    const attempts = await waitForDeliveries(h, job.id, 1)
    await Bun.sleep(100)
    expect((await h.jobs.deliveries(job.id)).map((a) => [a.ok, a.status])).toEqual([[false, 401]])
    expect(attempts[0].error).toContain('401')
    expect((await h.jobs.get(job.id))?.status).toBe('completed')
  })

  test('gives up after max_attempts of 5xx', async () => {
    h = await openJobHarness({ tasks: [echo] })
    answers = [503, 502, 500, 200]
    const { job } = await h.jobs.create({ taskName: 'echo', input: 1, outputDestinations: [{ type: 'webhook', url: url('/plain'), method: 'PUT', retry_policy: { ...fastRetry, max_attempts: 3 } }] })
    const attempts = await waitForDeliveries(h, job.id, 3)
    await Bun.sleep(150)
    expect((await h.jobs.deliveries(job.id)).map((a) => a.status)).toEqual([503, 502, 500])
    expect(attempts.every((a) => !a.ok)).toBe(true)
    expect(received.every((r) => r.method === 'PUT')).toBe(true)
  })

  test('refuses a loopback URL that execution.fetch.allowed_hosts does not list', async () => {
    const closed = testSettings({ output: { ...testSettings().output, fetch: { allowedHosts: [], deniedHosts: [] } } })
    h = await openJobHarness({ tasks: [echo], settings: closed })
    const error = await h.jobs.create({ taskName: 'echo', input: 1, outputDestinations: [{ type: 'webhook', url: url('/plain') }] }).catch((e) => e)
    expect(error.code).toBe('BAD_INPUT')
    expect(error.message).toContain('output_destinations[0].url: refused by the egress policy: 127.0.0.1 is a loopback address')
    // At delivery time too (settings can change between create and delivery), and nothing is sent.
    const deliverer = createDeliverer({ output: closed.output })
    const attempts = await deliverer.deliver(request([{ type: 'webhook', url: url('/plain') }]))
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({ ok: false, attempt: 1, status: null })
    expect(attempts[0].error).toContain('egress denied: 127.0.0.1 is a loopback address')
    expect(received).toHaveLength(0)
  })

  test('checks the addresses a name resolves to, and connects to the checked address', async () => {
    const lookup = async (host: string) => (host === 'hooks.test' ? ['127.0.0.1'] : [])
    const policy = (allowedHosts: string[]) => ({ ...testSettings().output, fetch: { allowedHosts, deniedHosts: [] } })
    const target = `http://hooks.test:${server.port}/plain`
    const refused = await createDeliverer({ output: policy([]), lookup }).deliver(request([{ type: 'webhook', url: target }]))
    expect(refused[0].error).toContain('egress denied: hooks.test resolves to 127.0.0.1, which is a loopback address')
    const glob = await createDeliverer({ output: policy(['*.test']), lookup }).deliver(request([{ type: 'webhook', url: target }]))
    expect(glob[0].error).toContain('tasks may reach it only when execution.fetch.allowed_hosts lists "hooks.test" exactly')
    expect(received).toHaveLength(0)
    const allowed = await createDeliverer({ output: policy(['hooks.test']), lookup }).deliver(request([{ type: 'webhook', url: target }]))
    expect(allowed[0]).toMatchObject({ ok: true, status: 200 })
    expect(received).toHaveLength(1)
    expect(received[0].headers.get('host')).toBe(`hooks.test:${server.port}`)
  })

  test('retries a connection error and reports it', async () => {
    const closedPort = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => new Response('') })
    const deadUrl = `http://127.0.0.1:${closedPort.port}/gone`
    await closedPort.stop(true)
    const attempts = await createDeliverer({ output: testSettings().output }).deliver(request([{ type: 'webhook', url: deadUrl, retry_policy: { max_attempts: 2, initial_delay_ms: 10 } }]))
    expect(attempts.map((a) => [a.attempt, a.ok])).toEqual([[1, false], [2, false]])
    expect(attempts[0].error).toStartWith('network error:')
  })
})

function request(destinations: DeliveryRequest['destinations']): DeliveryRequest {
  return { jobId: 'job-1', taskName: 'echo', executionId: 'exec-1', status: 'completed', output: { ok: true }, completedAt: new Date().toISOString(), destinations }
}
