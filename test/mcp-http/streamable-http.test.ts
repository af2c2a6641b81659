import { describe, expect, test } from 'bun:test'
import { createSessionRegistry } from '../../src/mcp/http/session-registry.ts'
import { createStreamableHttpHandler } from '../../src/mcp/http/streamable-http.ts'
import { silentLogger } from '../helpers/silent-logger.ts'
import { BASE, JSON_AND_SSE, bodyOf, initializeBody, inProcessServer, readSseEvents } from './helpers/in-process.ts'
import { tinySessions } from './helpers/tiny-server.ts'
import { trustedPrincipal } from '../../src/auth/permissions.ts'

async function openSession(server: ReturnType<typeof inProcessServer>) {
  const response = await server.fetch(`${BASE}/mcp`, { method: 'POST', headers: JSON_AND_SSE, body: initializeBody() })
  expect(response.status).toBe(200)
  const sessionId = response.headers.get('mcp-session-id')!
  const events = await readSseEvents(response, (e) => e.some((x) => x.data.includes('"result"')))
  await server.fetch(`${BASE}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-session-id': sessionId }, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) })
  return { sessionId, events }
}

const call = (id: number, name: string, args: Record<string, unknown> = {}, meta?: Record<string, unknown>) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args, ...(meta ? { _meta: meta } : {}) } })

describe('Streamable HTTP sessions', () => {
  test('initialize opens a session with a random Mcp-Session-Id and one server instance', async () => {
    const server = inProcessServer()
    const a = await openSession(server)
    const b = await openSession(server)
    expect(a.sessionId).toMatch(/^[0-9a-f-]{36}$/)
    expect(a.sessionId).not.toBe(b.sessionId)
    expect(JSON.parse(a.events.find((e) => e.data.includes('result'))!.data).result.serverInfo.name).toBe('tiny')
    expect(server.tiny.open()).toBe(2)
    expect(server.sessions.counts()).toMatchObject({ total: 2, 'streamable-http': 2 })
    await server.sessions.closeAll('test over')
    expect(server.tiny.open()).toBe(0)
  })

  test('a request without a session id that is not initialize gets 400', async () => {
    const server = inProcessServer()
    const response = await server.fetch(`${BASE}/mcp`, { method: 'POST', headers: JSON_AND_SSE, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) })
    expect(response.status).toBe(400)
    expect((await bodyOf(response)).error.message).toContain('Mcp-Session-Id')
    expect((await server.fetch(`${BASE}/mcp`, { headers: { accept: 'text/event-stream' } })).status).toBe(400)
    expect(server.tiny.open()).toBe(0)
  })

  test('an unknown session id gets 404 so the client re-initializes', async () => {
    const server = inProcessServer()
    for (const method of ['POST', 'GET', 'DELETE']) {
      const response = await server.fetch(`${BASE}/mcp`, {
        method,
        headers: { ...JSON_AND_SSE, 'mcp-session-id': 'no-such-session' },
        body: method === 'POST' ? JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) : undefined,
      })
      expect(response.status).toBe(404)
      expect((await bodyOf(response)).error.code).toBe(-32001)
    }
  })

  test('DELETE ends the session and closes its server instance', async () => {
    const server = inProcessServer()
    const { sessionId } = await openSession(server)
    const response = await server.fetch(`${BASE}/mcp`, { method: 'DELETE', headers: { 'mcp-session-id': sessionId } })
    expect(response.status).toBe(200)
    expect(server.tiny.open()).toBe(0)
    expect(server.sessions.counts().total).toBe(0)
    const after = await server.fetch(`${BASE}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-session-id': sessionId }, body: call(2, 'echo') })
    expect(after.status).toBe(404)
  })

  test('a refused initialize (wrong Accept) leaves no session behind', async () => {
    const server = inProcessServer()
    const response = await server.fetch(`${BASE}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: initializeBody() })
    expect(response.status).toBe(406)
    expect(server.tiny.open()).toBe(0)
    expect(server.sessions.counts().total).toBe(0)
  })

  test('an unsupported MCP-Protocol-Version gets 400', async () => {
    const server = inProcessServer()
    const { sessionId } = await openSession(server)
    const response = await server.fetch(`${BASE}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-session-id': sessionId, 'mcp-protocol-version': '1999-01-01' }, body: call(2, 'echo') })
    expect(response.status).toBe(400)
    expect((await bodyOf(response)).error.message).toContain('Unsupported protocol version')
  })

  test('other methods get 405 and bodies over the limit get 413', async () => {
    const server = inProcessServer({ maxRequestBodySize: 1000 })
    const put = await server.fetch(`${BASE}/mcp`, { method: 'PUT', headers: JSON_AND_SSE, body: '{}' })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET, POST, DELETE')
    const big = await server.fetch(`${BASE}/mcp`, { method: 'POST', headers: JSON_AND_SSE, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { pad: 'x'.repeat(2000) } }) })
    expect(big.status).toBe(413)
    const bad = await server.fetch(`${BASE}/mcp`, { method: 'POST', headers: JSON_AND_SSE, body: '{not json' })
    expect(bad.status).toBe(400)
    expect((await bodyOf(bad)).error.code).toBe(-32700)
  })

  test('a tool call streams its progress and result as SSE events with ids', async () => {
    const server = inProcessServer()
    const { sessionId } = await openSession(server)
    const response = await server.fetch(`${BASE}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' }, body: call(2, 'slow', { steps: 3, ms: 5 }, { progressToken: 'p' }) })
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    expect(response.headers.get('x-accel-buffering')).toBe('no')
    const events = await readSseEvents(response, (e) => e.some((x) => x.data.includes('"result"')))
    // The priming event (2025-11-25): an id to resume from and how soon to reconnect.
    expect(events[0]).toMatchObject({ data: '', retry: 1000 })
    expect(events[0].id).toBeTruthy()
    const messages = events.filter((e) => e.data).map((e) => JSON.parse(e.data))
    expect(messages.filter((m) => m.method === 'notifications/progress').map((m) => m.params.progress)).toEqual([1, 2, 3])
    expect(messages.at(-1).result.content[0].text).toBe('done after 3 steps')
    expect(events.filter((e) => e.data).every((e) => e.id)).toBe(true)
  })

  test('GET with Last-Event-ID replays the events a dropped stream missed, and the result', async () => {
    const server = inProcessServer()
    const { sessionId } = await openSession(server)
    const headers = { ...JSON_AND_SSE, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' }
    const response = await server.fetch(`${BASE}/mcp`, { method: 'POST', headers, body: call(2, 'slow', { steps: 5, ms: 40 }, { progressToken: 'p' }) })
    // Read the priming event and the first progress notification, then drop the connection.
    const seen = await readSseEvents(response, (e) => e.some((x) => x.data.includes('notifications/progress')))
    const lastEventId = seen.at(-1)!.id!
    await Bun.sleep(400)
    const replay = await server.fetch(`${BASE}/mcp`, { headers: { accept: 'text/event-stream', 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25', 'last-event-id': lastEventId } })
    expect(replay.status).toBe(200)
    const events = await readSseEvents(replay, (e) => e.some((x) => x.data.includes('"result"')))
    const messages = events.filter((e) => e.data).map((e) => JSON.parse(e.data))
    expect(messages.filter((m) => m.method === 'notifications/progress').map((m) => m.params.progress)).toEqual([2, 3, 4, 5])
    expect(messages.at(-1)).toMatchObject({ id: 2, result: { content: [{ text: 'done after 5 steps' }] } })
    await server.sessions.closeAll('test over')
  })

  test('an unknown Last-Event-ID gets 400', async () => {
    const server = inProcessServer()
    const { sessionId } = await openSession(server)
    const response = await server.fetch(`${BASE}/mcp`, { headers: { accept: 'text/event-stream', 'mcp-session-id': sessionId, 'last-event-id': '99.nope' } })
    expect(response.status).toBe(400)
  })

  test('a session refuses requests from another principal', async () => {
    const sessions = createSessionRegistry({ logger: silentLogger(), idleMs: 0 })
    const handle = createStreamableHttpHandler({ sessions, createSession: tinySessions().create, logger: silentLogger(), keepAliveMs: 0, maxEventsPerSession: 10, maxRequestBodySize: 1e6 })
    const init = await handle(new Request(`${BASE}/mcp`, { method: 'POST', headers: JSON_AND_SSE, body: initializeBody() }), trustedPrincipal('alice', 'api_key'))
    const sessionId = init.headers.get('mcp-session-id')!
    await init.body?.cancel()
    const other = await handle(new Request(`${BASE}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-session-id': sessionId }, body: call(2, 'echo') }), trustedPrincipal('mallory', 'api_key'))
    expect(other.status).toBe(403)
    await sessions.closeAll('test over')
  })
})
