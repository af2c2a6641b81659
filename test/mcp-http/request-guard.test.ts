import { describe, expect, test } from 'bun:test'
import { createRequestGuard, isLoopbackHost } from '../../src/http/request-guard.ts'
import { BASE, JSON_AND_SSE, bodyOf, initializeBody, inProcessServer } from './helpers/in-process.ts'

const loopback = createRequestGuard({ bound: { host: '127.0.0.1', port: 8090 }, allowedOrigins: ['https://app.example.com'] })
const remote = createRequestGuard({ bound: { host: 'mcp.internal', port: 443 }, allowedOrigins: [] })

const request = (host: string | null, origin?: string) => {
  const headers: Record<string, string> = {}
  if (host !== null) headers.host = host
  if (origin !== undefined) headers.origin = origin
  return new Request('http://127.0.0.1:8090/mcp', { headers })
}

describe('Host and Origin validation', () => {
  test.each([
    ['127.0.0.1:8090', undefined, null],
    ['localhost:8090', undefined, null],
    ['[::1]:8090', undefined, null],
    ['LOCALHOST:8090', undefined, null],
    [null, undefined, null],
    ['127.0.0.1:8090', 'http://127.0.0.1:8090', null],
    ['127.0.0.1:8090', 'http://localhost:6274', null],
    ['127.0.0.1:8090', 'http://[::1]:3000', null],
    ['127.0.0.1:8090', 'https://app.example.com', null],
    ['evil.example.com', undefined, 403],
    ['evil.example.com:8090', 'http://evil.example.com:8090', 403],
    ['127.0.0.1:9999', undefined, 403],
    ['127.0.0.1', undefined, 403],
    ['127.0.0.1:8090', 'http://evil.example.com', 403],
    ['127.0.0.1:8090', 'null', 403],
    ['127.0.0.1:8090', 'https://app.example.com.evil.net', 403],
    ['user@127.0.0.1:8090', undefined, 403],
  ])('loopback server: Host %p, Origin %p → %p', (host, origin, expected) => {
    expect(loopback.refusal(request(host, origin)) === null ? null : 403).toBe(expected)
  })

  test.each([
    ['mcp.internal:443', undefined, null],
    ['mcp.internal:443', 'https://mcp.internal:443', null],
    ['localhost:443', undefined, 403],
    ['mcp.internal:443', 'http://localhost:3000', 403],
  ])('non-loopback server: Host %p, Origin %p → %p', (host, origin, expected) => {
    expect(remote.refusal(request(host, origin)) === null ? null : 403).toBe(expected)
  })

  test('a refusal of an MCP endpoint is a JSON-RPC error body that says why', async () => {
    const server = inProcessServer()
    const response = await server.app.handle(new Request(`${BASE}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, host: 'evil.example.com' }, body: initializeBody() }))
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).toBe('application/json')
    const body = await bodyOf(response)
    expect(body.jsonrpc).toBe('2.0')
    expect(body.error.message).toContain('evil.example.com')
  })

  test.each([['localhost', true], ['127.0.0.1', true], ['127.1.2.3', true], ['::1', true], ['[::1]', true], ['0.0.0.0', false], ['10.0.0.1', false], ['example.com', false]])(
    'isLoopbackHost(%p) is %p',
    (host, expected) => expect(isLoopbackHost(host)).toBe(expected),
  )
})

describe('the app applies the guard and CORS', () => {
  test('a foreign Origin and a rebinding Host get 403 on every endpoint', async () => {
    const server = inProcessServer()
    for (const path of ['/mcp', '/sse', '/messages?sessionId=x', '/health']) {
      const byOrigin = await server.fetch(`${BASE}${path}`, { headers: { origin: 'http://evil.example.com' } })
      expect(byOrigin.status).toBe(403)
      const byHost = await server.fetch(`${BASE}${path}`, { headers: { host: 'evil.example.com' } })
      expect(byHost.status).toBe(403)
    }
    expect(server.tiny.open()).toBe(0)
  })

  test('the conformance DNS-rebinding probe: evil Host/Origin refused, the real localhost accepted', async () => {
    const server = inProcessServer()
    const evil = await server.fetch(`${BASE}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, host: 'evil.example.com', origin: 'http://evil.example.com' }, body: initializeBody() })
    expect(evil.status).toBe(403)
    const good = await server.fetch(`${BASE}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, host: '127.0.0.1:8090', origin: 'http://127.0.0.1:8090' }, body: initializeBody() })
    expect(good.status).toBe(200)
    await server.sessions.closeAll('test over')
  })

  test('an allowed origin gets CORS headers exposing the session headers', async () => {
    const server = inProcessServer({ allowedOrigins: ['https://app.example.com'] })
    const response = await server.fetch(`${BASE}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, origin: 'https://app.example.com' }, body: initializeBody() })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
    expect(response.headers.get('access-control-expose-headers')).toBe('Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID, WWW-Authenticate, Retry-After, X-Total-Count, Location')
    expect(response.headers.get('mcp-session-id')).toBeTruthy()
    await server.sessions.closeAll('test over')
  })

  test('a preflight from an allowed origin lists the MCP request headers', async () => {
    const server = inProcessServer({ allowedOrigins: ['https://app.example.com'] })
    const response = await server.fetch(`${BASE}/mcp`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' } })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, PATCH, DELETE, OPTIONS')
    for (const header of ['Mcp-Session-Id', 'MCP-Protocol-Version', 'Last-Event-ID', 'Authorization']) expect(response.headers.get('access-control-allow-headers')).toContain(header)
    const foreign = await server.fetch(`${BASE}/mcp`, { method: 'OPTIONS', headers: { origin: 'https://other.example.com' } })
    expect(foreign.status).toBe(403)
  })

  test('on a loopback server, a localhost page not in the list gets CORS headers and a full preflight', async () => {
    const server = inProcessServer({ allowedOrigins: ['https://app.example.com'] })
    const response = await server.fetch(`${BASE}/health`, { headers: { origin: 'http://localhost:3000' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(response.headers.get('access-control-expose-headers')).toContain('Mcp-Session-Id')
    expect(response.headers.get('vary')).toBe('Origin')
    const preflight = await server.fetch(`${BASE}/mcp`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, PATCH, DELETE, OPTIONS')
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Mcp-Session-Id')
    const initialize = await server.fetch(`${BASE}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, origin: 'http://[::1]:6274' }, body: initializeBody() })
    expect(initialize.status).toBe(200)
    expect(initialize.headers.get('access-control-allow-origin')).toBe('http://[::1]:6274')
    await server.sessions.closeAll('test over')
  })

  test('loopback pages get CORS only from a loopback-bound server; foreign pages never', () => {
    expect(loopback.corsAllowed('http://localhost:3000')).toBe(true)
    expect(loopback.corsAllowed('http://127.0.0.1:5173')).toBe(true)
    expect(loopback.corsAllowed('http://localhost.evil.net')).toBe(false)
    expect(loopback.corsAllowed('file://localhost')).toBe(false)
    expect(loopback.corsAllowed('null')).toBe(false)
    expect(remote.corsAllowed('http://localhost:3000')).toBe(false)
  })
})
