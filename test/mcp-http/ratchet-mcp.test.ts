import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { join } from 'node:path'
import { ROOT, ratchet } from '../helpers/cli.ts'
import { JSON_AND_SSE, bodyOf, initializeBody, readSseEvents } from './helpers/in-process.ts'
import { startRatchetMcp, type RatchetMcp } from './helpers/ratchet-mcp.ts'

let server: RatchetMcp

beforeAll(async () => {
  server = await startRatchetMcp()
})

afterAll(async () => {
  expect(await server.stop()).toBe(0)
})

const health = async () => bodyOf(await fetch(`${server.url}/health`))

async function connect(kind: 'streamable-http' | 'sse') {
  const transport = kind === 'sse' ? new SSEClientTransport(new URL(`${server.url}/sse`)) : new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`))
  const client = new Client({ name: 'ratchet-mcp-http-test', version: '1.0.0' })
  await client.connect(transport)
  return { client, transport }
}

async function openSession(): Promise<string> {
  const response = await fetch(`${server.url}/mcp`, { method: 'POST', headers: JSON_AND_SSE, body: initializeBody() })
  const sessionId = response.headers.get('mcp-session-id')!
  await readSseEvents(response, (events) => events.some((e) => e.data.includes('"result"')))
  await fetch(`${server.url}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' }, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) })
  return sessionId
}

describe('ratchet mcp over HTTP (a real process on 127.0.0.1)', () => {
  test.each(['streamable-http', 'sse'] as const)('the SDK %s client lists the tools and runs the addition sample task', async (kind) => {
    const { client } = await connect(kind)
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name)).toContain('ratchet_execute_task')
    const result = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 2, b: 3 }, trace: false } })
    expect(result.isError).toBe(false)
    expect(result.structuredContent).toMatchObject({ task_id: 'addition', status: 'completed', output: { result: 5 } })
    await client.close()
  })

  test('an SSE session ends when its client disconnects', async () => {
    const { client } = await connect('sse')
    expect((await health()).sessions.sse).toBe(1)
    await client.close()
    let open = 1
    for (let tries = 0; tries < 60 && open > 0; tries++) {
      await Bun.sleep(50)
      open = (await health()).sessions.sse
    }
    expect(open).toBe(0)
  })

  test('an unknown session id gets 404, a missing one 400, and DELETE ends a session', async () => {
    const unknown = await fetch(`${server.url}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-session-id': 'f00d' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) })
    expect(unknown.status).toBe(404)
    const missing = await fetch(`${server.url}/mcp`, { method: 'POST', headers: JSON_AND_SSE, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) })
    expect(missing.status).toBe(400)
    const sessionId = await openSession()
    const before = (await health()).sessions.streamable_http
    const deleted = await fetch(`${server.url}/mcp`, { method: 'DELETE', headers: { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' } })
    expect(deleted.status).toBe(200)
    expect((await health()).sessions.streamable_http).toBe(before - 1)
    const after = await fetch(`${server.url}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-session-id': sessionId }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) })
    expect(after.status).toBe(404)
  })

  test('a foreign Origin and a rebinding Host get 403', async () => {
    const origin = await fetch(`${server.url}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, origin: 'https://evil.example.com' }, body: initializeBody() })
    expect(origin.status).toBe(403)
    const host = await fetch(`${server.url}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, host: 'evil.example.com' }, body: initializeBody() })
    expect(host.status).toBe(403)
    const sse = await fetch(`${server.url}/sse`, { headers: { host: `evil.example.com:${new URL(server.url).port}` } })
    expect(sse.status).toBe(403)
    expect(server.stderr()).toContain('refused an HTTP request')
  })

  test('GET with Last-Event-ID replays the progress and the result a dropped stream missed', async () => {
    const sessionId = await openSession()
    const headers = { ...JSON_AND_SSE, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' }
    const call = { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'ratchet_execute_task', arguments: { task_id: 'progress-reporter', input: { steps: 6, delay_ms: 100 }, trace: false }, _meta: { progressToken: 'resume-test' } } }
    const response = await fetch(`${server.url}/mcp`, { method: 'POST', headers, body: JSON.stringify(call) })
    // Read until the first progress notification, then drop the connection mid-call.
    const seen = await readSseEvents(response, (events) => events.some((e) => e.data.includes('notifications/progress')))
    const lastEventId = seen.at(-1)!.id!
    expect(lastEventId).toBeTruthy()
    await Bun.sleep(900)
    const replay = await fetch(`${server.url}/mcp`, { headers: { accept: 'text/event-stream', 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25', 'last-event-id': lastEventId } })
    expect(replay.status).toBe(200)
    const events = await readSseEvents(replay, (list) => list.some((e) => e.data.includes('"id":7')))
    const messages = events.filter((e) => e.data).map((e) => JSON.parse(e.data))
    expect(messages.filter((m) => m.method === 'notifications/progress').length).toBeGreaterThanOrEqual(3)
    expect(messages.at(-1)).toMatchObject({ id: 7, result: { structuredContent: { status: 'completed', output: { completed_steps: 6 } } } })
    await fetch(`${server.url}/mcp`, { method: 'DELETE', headers: { 'mcp-session-id': sessionId } })
  })

  test('a second server on the same port fails with a clear error instead of sharing it', async () => {
    const port = new URL(server.url).port
    const result = await ratchet(['mcp', '--config', join(ROOT, 'test', 'conformance', 'ratchet.yaml'), '--port', port])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`Cannot listen on 127.0.0.1:${port}`)
  })

  test('/health reports the version, tasks, workers, queue and sessions', async () => {
    const body = await health()
    expect(body).toMatchObject({ status: 'ok', transport: 'sse', tasks: { problems: 0 }, workers: { count: 2 }, queue: { depth: 0 } })
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(body.tasks.loaded).toBeGreaterThanOrEqual(7)
    expect(body.workers.ready + body.workers.busy).toBe(2)
    expect(typeof body.uptime_s).toBe('number')
    expect(typeof body.sessions.total).toBe('number')
  })

  test('an SDK client call that stays quiet for 11 s survives Bun\'s 10 s idle timeout: the stream carries keep-alives', async () => {
    // Watch the raw SSE text the client receives, to see the keep-alive comments that hold it open.
    let raw = ''
    const watching: typeof fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const response = await fetch(input, init)
      if (!response.body || !response.headers.get('content-type')?.includes('text/event-stream')) return response
      const [forClient, forTest] = response.body.tee()
      void (async () => {
        for await (const chunk of forTest.pipeThrough(new TextDecoderStream())) raw += chunk
      })().catch(() => {})
      return new Response(forClient, { status: response.status, headers: response.headers })
    }) as typeof fetch
    const client = new Client({ name: 'ratchet-mcp-http-test', version: '1.0.0' })
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { fetch: watching }))
    const started = Date.now()
    const result = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'sleep', input: { ms: 11_000 }, trace: false } })
    expect(Date.now() - started).toBeGreaterThanOrEqual(11_000)
    expect(result.structuredContent).toMatchObject({ status: 'completed', output: { slept_ms: 11_000 } })
    expect(raw).toContain(': keepalive')
    await client.close()
  }, 30_000)
})
