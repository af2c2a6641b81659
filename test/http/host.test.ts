import { describe, expect, test } from 'bun:test'
import { Elysia } from 'elysia'
import { createAccessControl } from '../../src/auth/access-control.ts'
import { NO_AUDIT } from '../../src/auth/audit-log.ts'
import { AppError } from '../../src/errors.ts'
import { createClientIp, parseTrustedProxies } from '../../src/http/client-ip.ts'
import { errorResponse } from '../../src/http/error-response.ts'
import { createHealthRoutes } from '../../src/http/health-routes.ts'
import { createHttpHost, type HttpHost } from '../../src/http/host.ts'
import { ANONYMOUS_AUTH } from '../../src/http/http-auth.ts'
import { readJson } from '../../src/http/read-json.ts'
import { createRequestLimits } from '../../src/http/request-limits.ts'
import { silentLogger } from '../helpers/silent-logger.ts'

const BASE = 'http://127.0.0.1:8080'

/** A host with a tiny REST-style door: GET /api/v1/things/:id echoes the caller, POST reads a JSON body. */
function makeHost(options: { allowedOrigins?: string[]; globalPerMinute?: number; trustedProxies?: string[] } = {}): HttpHost {
  const logger = silentLogger()
  const host = createHttpHost(
    {
      logger,
      auth: ANONYMOUS_AUTH,
      access: createAccessControl({ rateLimits: { perOperation: {} }, audit: NO_AUDIT }),
      limits: createRequestLimits({ globalPerMinute: options.globalPerMinute }),
      clientIp: createClientIp(parseTrustedProxies(options.trustedProxies ?? [])),
    },
    { bound: { host: '127.0.0.1', port: 8080 }, allowedOrigins: options.allowedOrigins ?? [], maxBodyBytes: 64 },
  )
  const services = host.services
  host.use(
    new Elysia({ name: 'things' })
      .get('/api/v1/things/:id', async ({ request, params }) => {
        try {
          const { principal, ip } = await services.identify(request)
          return Response.json({ id: params.id, principal: principal.name, ip })
        } catch (error) {
          return errorResponse('rest', error, { logger, request })
        }
      })
      .post('/api/v1/things', async ({ request }) => {
        try {
          return Response.json({ got: await readJson(request, services.maxBodyBytes) }, { status: 201 })
        } catch (error) {
          return errorResponse('rest', error, { logger, request })
        }
      }, { parse: 'none' }),
  )
  host.use(createHealthRoutes({ services, auth: ANONYMOUS_AUTH, health: () => ({ status: 'ok' }), ready: () => ({ store: { ok: false, detail: 'disk full' }, workers: { ok: true } }) }))
  return host
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (response: Response): Promise<any> => response.json()

const get = (host: HttpHost, path: string, headers: Record<string, string> = {}) => host.handle(new Request(`${BASE}${path}`, { headers }))

describe('the shared HTTP host', () => {
  test('a rebinding Host is 403 in the body format of the path: {error} for REST, JSON-RPC for /mcp', async () => {
    const host = makeHost()
    const rest = await get(host, '/api/v1/things/1', { host: 'evil.example.com' })
    expect(rest.status).toBe(403)
    expect(await json(rest)).toEqual({ error: { code: 'FORBIDDEN', status: 403, message: 'Forbidden: Host header "evil.example.com" does not name this server (127.0.0.1:8080)' } })
    const mcp = await host.handle(new Request(`${BASE}/mcp`, { method: 'POST', headers: { host: 'evil.example.com' }, body: '{}' }))
    expect(mcp.status).toBe(403)
    expect(await json(mcp)).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32000 } })
  })

  test('an unknown route is 404 naming the closest routes', async () => {
    const response = await get(makeHost(), '/api/v1/thing/7')
    expect(response.status).toBe(404)
    const body = await json(response)
    expect(body.error.code).toBe('NOT_FOUND')
    expect(body.error.message).toBe('Not found: no route GET /api/v1/thing/7. Did you mean GET /api/v1/things/:id, POST /api/v1/things?')
  })

  test('a 404 outside the REST door carries the same details.suggestions as one under /api/v1', async () => {
    const response = await get(makeHost(), '/api/v2/things/7')
    expect(response.status).toBe(404)
    const body = await json(response)
    expect(body.error).toMatchObject({ code: 'NOT_FOUND', status: 404 })
    expect(body.error.details.suggestions[0]).toEqual({ method: 'GET', path: '/api/v1/things/:id' })
    // Without the API docs mounted (ratchet mcp), the hint lists the routes instead of pointing at a 404.
    expect(body.error.details.hint).toStartWith('This server answers GET /api/v1/things/:id, POST /api/v1/things, GET /health')
  })

  test('answers from an allowed origin carry CORS headers that expose paging and Location; preflights list the methods', async () => {
    const host = makeHost({ allowedOrigins: ['https://app.example.com'] })
    const response = await get(host, '/api/v1/things/1', { origin: 'https://app.example.com' })
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
    expect(response.headers.get('access-control-expose-headers')).toContain('X-Total-Count')
    const preflight = await host.handle(new Request(`${BASE}/api/v1/things`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'PATCH' } }))
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, PATCH, DELETE, OPTIONS')
    const foreign = await get(host, '/api/v1/things/1', { origin: 'https://evil.example.com' })
    expect(foreign.status).toBe(403)
  })

  test('a localhost page on another port may reach /mcp (Inspector, dev tools) but not the REST API of a loopback server', async () => {
    const host = makeHost()
    const page = { origin: 'http://localhost:3000' }
    const rest = await host.handle(new Request(`${BASE}/api/v1/things`, { method: 'POST', headers: { ...page, 'content-type': 'application/json' }, body: '{}' }))
    expect(rest.status).toBe(403)
    expect((await json(rest)).error.message).toBe('Forbidden: Origin "http://localhost:3000" is not allowed; add it to server.cors.allowed_origins (mcp.cors.allowed_origins for the MCP endpoints)')
    const restPreflight = await host.handle(new Request(`${BASE}/api/v1/things`, { method: 'OPTIONS', headers: { ...page, 'access-control-request-method': 'POST' } }))
    expect(restPreflight.status).toBe(403)
    const mcpPreflight = await host.handle(new Request(`${BASE}/mcp`, { method: 'OPTIONS', headers: { ...page, 'access-control-request-method': 'POST' } }))
    expect(mcpPreflight.status).toBe(204)
    expect(mcpPreflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    const listed = makeHost({ allowedOrigins: ['http://localhost:3000'] })
    expect((await listed.handle(new Request(`${BASE}/api/v1/things/1`, { headers: page }))).headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
  })

  test('a text/plain POST (what a page can send without a preflight) is 415 and never parsed', async () => {
    const response = await makeHost().handle(new Request(`${BASE}/api/v1/things`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"a":1}' }))
    expect(response.status).toBe(415)
    expect((await json(response)).error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  test('a body over the limit is 413, also when chunked; a bad JSON body is 400 saying why', async () => {
    const host = makeHost()
    const big = await host.handle(new Request(`${BASE}/api/v1/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(100) }) }))
    expect(big.status).toBe(413)
    const chunks = new ReadableStream({ start(c) { for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode('"xxxxxxxxxxxxxxxx",')); c.close() } })
    const chunked = await host.handle(new Request(`${BASE}/api/v1/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks }))
    expect(chunked.status).toBe(413)
    const bad = await host.handle(new Request(`${BASE}/api/v1/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' }))
    expect(bad.status).toBe(400)
    expect((await json(bad)).error.message).toStartWith('The body is not valid JSON')
    const ok = await host.handle(new Request(`${BASE}/api/v1/things`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"a":1}' }))
    expect(ok.status).toBe(201)
    expect(await json(ok)).toEqual({ got: { a: 1 } })
  })

  test('the global rate limit is 429 with Retry-After in the REST format', async () => {
    const host = makeHost({ globalPerMinute: 2 })
    expect((await get(host, '/api/v1/things/1')).status).toBe(200)
    expect((await get(host, '/api/v1/things/1')).status).toBe(200)
    const limited = await get(host, '/api/v1/things/1')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await json(limited)).toMatchObject({ error: { code: 'RATE_LIMITED', status: 429, details: { reason: 'rate_limited' } } })
  })

  test('X-Forwarded-For names the client only when the socket is a trusted proxy', async () => {
    const host = makeHost({ trustedProxies: ['10.0.0.0/8'] })
    const from = (address: string) => ({ requestIP: () => ({ address }) })
    const viaProxy = await host.fetch(new Request(`${BASE}/api/v1/things/1`, { headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.7' } }), from('10.0.0.2'))
    expect((await json(viaProxy)).ip).toBe('203.0.113.9')
    const direct = await host.fetch(new Request(`${BASE}/api/v1/things/1`, { headers: { 'x-forwarded-for': '203.0.113.9' } }), from('198.51.100.4'))
    expect((await json(direct)).ip).toBe('198.51.100.4')
  })

  test('every answer is reported with its route template, never a raw id', async () => {
    const host = makeHost()
    const seen: string[] = []
    host.onResponse((route, method, status) => seen.push(`${method} ${route} ${status}`))
    await get(host, '/api/v1/things/abc-123')
    await get(host, '/nowhere')
    expect(seen).toEqual(['GET /api/v1/things/:id 200', 'GET unmatched 404'])
  })

  test('/ready is 503 with the failing check; /live and /health answer', async () => {
    const host = makeHost()
    const ready = await get(host, '/ready')
    expect(ready.status).toBe(503)
    expect(await json(ready)).toEqual({ status: 'not_ready', checks: { store: { ok: false, detail: 'disk full' }, workers: { ok: true } } })
    expect((await get(host, '/live')).status).toBe(200)
    expect(await json((await get(host, '/health')))).toEqual({ status: 'ok' })
  })

  test('trusted_proxies entries that are not addresses are configuration errors naming the entry', () => {
    expect(() => parseTrustedProxies(['10.0.0.0/8', 'proxy.local'])).toThrow(new AppError('CONFIG_INVALID', 'server.trusted_proxies[1] "proxy.local" is not an IP address or CIDR range'))
  })
})
