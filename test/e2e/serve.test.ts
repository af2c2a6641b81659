/**
 * `ratchet serve` as users run it: the compiled binary on 127.0.0.1, its REST routes, the MCP door on
 * the same port (official SDK client), background jobs, and a schedule that fires once per slot across
 * a restart on the same database file.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { join } from 'node:path'
import { startRatchetMcp, type RatchetMcp } from '../mcp-http/helpers/ratchet-mcp.ts'

let server: RatchetMcp

/** Polls an async check until it holds; fails the test with `what` after `timeoutMs`. */
async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await Bun.sleep(50)
  }
}
let dbFile: string

const start = (db: string) => startRatchetMcp({ command: 'serve', compiled: true, config: { database: { url: `sqlite:${db}` }, jobs: { poll_interval_ms: 50, retry: { initial_delay_ms: 20, max_delay_ms: 100 } } } })
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: any }> => {
  const response = await fetch(`${server.url}${path}`, init)
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text.length > 0 && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text }
}
const post = (path: string, body: unknown) => json(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

beforeAll(async () => {
  const tmp = await startRatchetMcp({ command: 'serve', compiled: true })
  dbFile = join(tmp.dir, 'serve.db')
  await tmp.stop()
  server = await start(dbFile)
})

afterAll(async () => {
  if (server) await server.stop()
})

describe('ratchet serve (compiled binary)', () => {
  test('serves health, the sample tasks and runs one with ?wait=true', async () => {
    expect((await json('/health')).body.status).toBe('ok')
    expect((await json('/ready')).body.status).toBe('ready')
    const tasks = await json('/api/v1/tasks?_sort=name&_order=asc&limit=3')
    expect(tasks.status).toBe(200)
    expect(Number(tasks.headers.get('x-total-count'))).toBeGreaterThanOrEqual(6)
    expect(tasks.body.data.map((task: { name: string }) => task.name).slice(0, 1)).toEqual(['addition'])
    const run = await post('/api/v1/executions?wait=true', { task_id: 'addition', input: { a: 20, b: 22 } })
    expect(run.status).toBe(200)
    expect(run.body).toMatchObject({ task_id: 'addition', status: 'completed', output: { result: 42 } })
    const started = await post('/api/v1/executions', { taskId: 'addition', input: { a: 1, b: 1 } })
    expect(started.status).toBe(202)
    expect(started.headers.get('location')).toBe(`/api/v1/executions/${started.body.id}`)
  })

  test('a text/plain POST from a page is refused with 415 and runs nothing', async () => {
    const before = Number((await json('/api/v1/executions?limit=1')).headers.get('x-total-count'))
    const response = await fetch(`${server.url}/api/v1/executions?wait=true`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ task_id: 'addition', input: { a: 1, b: 2 } }) })
    expect(response.status).toBe(415)
    expect(Number((await json('/api/v1/executions?limit=1')).headers.get('x-total-count'))).toBe(before)
  })

  test('MCP clients work at /mcp on the same port and see the jobs REST created', async () => {
    const job = await post('/api/v1/jobs', { task_id: 'addition', input: { a: 2, b: 3 }, priority: 'high' })
    expect(job.status).toBe(201)
    await waitUntil('the job completed', async () => (await json(`/api/v1/jobs/${job.body.id}`)).body.status === 'completed')
    const client = new Client({ name: 'serve-test', version: '1.0.0' })
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)))
    const names = (await client.listTools()).tools.map((tool) => tool.name)
    expect(names).toContain('ratchet_list_jobs')
    const listed = await client.callTool({ name: 'ratchet_list_jobs', arguments: { task_id: 'addition', priority: 'high' } })
    expect(listed.isError).toBeFalsy()
    const jobs = (listed.structuredContent as { jobs: Array<{ id: string; status: string; priority: string }> }).jobs
    expect(jobs.find((entry) => entry.id === job.body.id)).toMatchObject({ status: 'completed', priority: 'high' })
    await client.close()
  })

  test('a schedule fires once per slot, also across a restart on the same database', async () => {
    const created = await post('/api/v1/schedules', { name: 'every-second', task_id: 'addition', cron_expression: '* * * * * *', input_data: { a: 1, b: 2 }, catch_up: 'skip' })
    expect(created.status).toBe(201)
    const id = created.body.id
    const jobsOf = async () => (await json(`/api/v1/jobs?schedule_id=${id}&limit=100`)).body.data as Array<{ idempotency_key: string; status: string }>
    await waitUntil('two slots fired', async () => (await jobsOf()).length >= 2)
    expect((await server.stop())).toBe(0)
    server = await start(dbFile)
    const before = (await jobsOf()).length
    await waitUntil('two more slots fired after the restart', async () => (await jobsOf()).length >= before + 2)
    await post(`/api/v1/schedules/${id}/disable`, {})
    const keys = (await jobsOf()).map((job) => job.idempotency_key)
    expect(keys.length).toBeGreaterThanOrEqual(4)
    expect(new Set(keys).size).toBe(keys.length)
    for (const key of keys) expect(key).toStartWith(`schedule:${id}:`)
    expect((await json(`/api/v1/schedules/${id}`)).body.run_count).toBe(keys.length)
  }, 30_000)
})
