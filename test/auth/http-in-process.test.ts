import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { readSecuritySettings } from '../../src/auth/settings.ts'
import type { Config } from '../../src/config/types.ts'
import { MCP_HTTP_DEFAULTS, type McpHttpOptions } from '../../src/mcp/http/http-options.ts'
import { createMcpHttpServer } from '../../src/mcp/http/serve.ts'
import { silentLogger } from '../helpers/silent-logger.ts'
import { BASE, JSON_AND_SSE, bodyOf, initializeBody, readSseEvents } from '../mcp-http/helpers/in-process.ts'
import { tinySessions } from '../mcp-http/helpers/tiny-server.ts'
import { claims, generateSigningKey, signWith, startJwksServer, type JwksServer, type SigningKey } from './helpers/tokens.ts'

const KEYS = {
  ops: 'ops-key-0123456789abcdef0123456789',
  plain: 'plain-key-0123456789abcdef01234567',
  office: 'office-key-0123456789abcdef0123456',
}

const configWith = (mcp: Record<string, unknown>) => ({ raw: { mcp }, baseDir: '/tmp' }) as unknown as Config

/** The HTTP app in process (no port) for `mcp`, as if bound to 127.0.0.1:8090. */
function serverFor(mcp: Record<string, unknown>, overrides: Partial<McpHttpOptions> = {}) {
  const tiny = tinySessions()
  const options: McpHttpOptions = {
    transport: 'sse',
    host: '127.0.0.1',
    port: 8090,
    authType: (mcp.auth_type as McpHttpOptions['authType']) ?? 'none',
    allowedOrigins: [],
    maxRequestBodySize: MCP_HTTP_DEFAULTS.maxRequestBodySize,
    sessionIdleMs: 0,
    keepAliveMs: 0,
    maxEventsPerSession: 100,
    retryIntervalMs: 1000,
    security: readSecuritySettings(configWith(mcp)),
    ...overrides,
  }
  const server = createMcpHttpServer({ logger: silentLogger(), createSession: tiny.create, status: () => ({ workers: { count: 2 } }) }, options)
  const fetch = (url: string, init?: RequestInit) => server.app.handle(new Request(`${BASE}${url}`, init))
  return { ...server, tiny, fetch }
}

const apiKeys = {
  auth_type: 'api_key',
  api_keys: [
    { key: KEYS.ops, name: 'ops', permissions: { can_access_system_info: true } },
    { key: KEYS.plain, name: 'plain', permissions: { can_execute_tasks: true } },
    { key: KEYS.office, name: 'office', allowed_ips: ['10.0.0.0/8'] },
  ],
}
const initialize = (headers: Record<string, string> = {}) => ({ method: 'POST', headers: { ...JSON_AND_SSE, ...headers }, body: initializeBody() })

describe('API keys over HTTP (in process)', () => {
  test('a missing key is 401 with WWW-Authenticate and a JSON-RPC body naming the reason', async () => {
    const server = serverFor(apiKeys)
    const response = await server.fetch('/mcp', initialize())
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="ratchet", ApiKey realm="ratchet"')
    expect(await bodyOf(response)).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32000, data: { reason: 'missing_credentials' } } })
    expect(server.tiny.principals).toEqual([])
  })

  test('Bearer, ApiKey and X-API-Key all authenticate; the session belongs to the key', async () => {
    const server = serverFor(apiKeys)
    for (const headers of [{ authorization: `Bearer ${KEYS.plain}` }, { authorization: `ApiKey ${KEYS.plain}` }, { 'x-api-key': KEYS.plain }] as Record<string, string>[]) {
      const response = await server.fetch('/mcp', initialize(headers))
      expect(response.status).toBe(200)
      await response.body?.cancel()
    }
    expect(server.tiny.principals).toEqual(['plain', 'plain', 'plain'])
    await server.sessions.closeAll('test over')
  })

  test('allowed_ips checks the socket address, not X-Forwarded-For', async () => {
    const server = serverFor(apiKeys)
    const from = (address: string) => ({ requestIP: () => ({ address }) })
    const spoofed = await server.app.fetch(new Request(`${BASE}/mcp`, initialize({ 'x-api-key': KEYS.office, 'x-forwarded-for': '10.1.2.3', 'x-real-ip': '10.1.2.3' })), from('127.0.0.1'))
    expect(spoofed.status).toBe(403)
    expect(await bodyOf(spoofed)).toMatchObject({ error: { data: { reason: 'ip_not_allowed', key: 'office' } } })
    const inside = await server.app.fetch(new Request(`${BASE}/mcp`, initialize({ 'x-api-key': KEYS.office })), from('10.1.2.3'))
    expect(inside.status).toBe(200)
    await inside.body?.cancel()
    await server.sessions.closeAll('test over')
  })

  test('/health tells anyone the status; details need can_access_system_info; a bad key is 401', async () => {
    const server = serverFor(apiKeys)
    expect(await bodyOf(await server.fetch('/health'))).toEqual({ status: 'ok' })
    expect(await bodyOf(await server.fetch('/health', { headers: { 'x-api-key': KEYS.plain } }))).toEqual({ status: 'ok' })
    expect(await bodyOf(await server.fetch('/health', { headers: { 'x-api-key': KEYS.ops } }))).toMatchObject({ status: 'ok', workers: { count: 2 }, sessions: { total: 0 } })
    expect((await server.fetch('/health', { headers: { 'x-api-key': 'wrong' } })).status).toBe(401)
  })

  test('there is no resource metadata without OAuth', async () => {
    expect((await serverFor(apiKeys).fetch('/.well-known/oauth-protected-resource')).status).toBe(404)
  })
})

describe('OAuth2 over HTTP (in process, keys from a JWKS server on 127.0.0.1)', () => {
  let key: SigningKey
  let jwks: JwksServer
  let oauth: Record<string, unknown>
  const AUDIENCE = 'http://127.0.0.1:8090/mcp'

  beforeAll(async () => {
    key = await generateSigningKey('RS256', 'k1')
    jwks = startJwksServer([key])
    oauth = { auth_type: 'oauth2', oauth2: { issuer: 'https://id.example.com', jwks_uri: jwks.url, audience: AUDIENCE, required_scopes: ['mcp'], permissions: { can_execute_tasks: true, can_read_logs: true } } }
  })
  afterAll(() => jwks.stop())

  const token = (extra: Record<string, unknown> = {}) => signWith(key, claims({ iss: 'https://id.example.com', aud: AUDIENCE, scope: 'mcp', ...extra }))

  test('serves Protected Resource Metadata at both well-known paths', async () => {
    const server = serverFor(oauth)
    for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
      const response = await server.fetch(path)
      expect(response.status).toBe(200)
      expect(await bodyOf(response)).toMatchObject({ resource: AUDIENCE, authorization_servers: ['https://id.example.com'], bearer_methods_supported: ['header'] })
    }
  })

  test('401 points the client at the metadata; a valid token opens a session as its subject', async () => {
    const server = serverFor(oauth)
    const refused = await server.fetch('/mcp', initialize())
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="ratchet", resource_metadata="http://127.0.0.1:8090/.well-known/oauth-protected-resource/mcp"')
    const accepted = await server.fetch('/mcp', initialize({ authorization: `Bearer ${await token()}` }))
    expect(accepted.status).toBe(200)
    await accepted.body?.cancel()
    expect(server.tiny.principals).toEqual(['alice'])
    await server.sessions.closeAll('test over')
  })

  test('a token for another audience is 401 invalid_token; a missing scope is 403 insufficient_scope', async () => {
    const server = serverFor(oauth)
    const wrongAudience = await server.fetch('/mcp', initialize({ authorization: `Bearer ${await token({ aud: 'https://other.example.com' })}` }))
    expect(wrongAudience.status).toBe(401)
    expect(wrongAudience.headers.get('www-authenticate')).toContain('error="invalid_token"')
    const noScope = await server.fetch('/mcp', initialize({ authorization: `Bearer ${await token({ scope: 'tasks:run' })}` }))
    expect(noScope.status).toBe(403)
    expect(noScope.headers.get('www-authenticate')).toContain('error="insufficient_scope", error_description="the token lacks the scope mcp (oauth2.required_scopes)", scope="mcp", resource_metadata=')
  })

  test('a session answers only the principal that opened it, with the same rights', async () => {
    const server = serverFor(oauth)
    const opened = await server.fetch('/mcp', initialize({ authorization: `Bearer ${await token()}` }))
    const sessionId = opened.headers.get('mcp-session-id')!
    await opened.body?.cancel()
    const call = (bearer: string) => server.fetch('/mcp', { method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) })
    expect((await call(await token())).status).toBe(202)
    expect((await call(await token({ sub: 'mallory' }))).status).toBe(403)
    expect((await call(await token({ scope: 'mcp admin' }))).status).toBe(403)
    await server.sessions.closeAll('test over')
  })
})

describe('HTTP limits (in process)', () => {
  test('request_size_limit: 413 from Content-Length before reading, and while reading a chunked body', async () => {
    const server = serverFor({ security: { request_size_limit: 1024 } }, { maxRequestBodySize: 1024 })
    const declared = await server.fetch('/mcp', { method: 'POST', headers: JSON_AND_SSE, body: JSON.stringify({ pad: 'x'.repeat(5000) }) })
    expect(declared.status).toBe(413)
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(512).fill(32))
      },
    })
    const chunked = await server.fetch('/mcp', { method: 'POST', headers: JSON_AND_SSE, body: endless, duplex: 'half' } as RequestInit)
    expect(chunked.status).toBe(413)
    expect(await bodyOf(chunked)).toMatchObject({ error: { message: expect.stringContaining('over 1024 bytes') } })
    expect(pulled).toBeLessThan(10)
  })

  test('global_per_minute answers 429 with Retry-After, before authentication', async () => {
    const server = serverFor({ ...apiKeys, security: { rate_limiting: { global_per_minute: 3 } } })
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await server.fetch('/mcp', initialize({ 'x-api-key': 'wrong' }))).status)
    expect(statuses).toEqual([401, 401, 401, 429, 429])
    const limited = await server.fetch('/mcp', initialize({ 'x-api-key': KEYS.plain }))
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await bodyOf(limited)).toMatchObject({ error: { message: expect.stringContaining('rate limit exceeded: 3 requests per minute'), data: { reason: 'rate_limited' } } })
  })

  test('max_connections: a new session evicts an idle one, and gets 503 while every session is active', async () => {
    const server = serverFor({}, { maxSessions: 1 })
    const first = await server.fetch('/mcp', initialize())
    const sessionId = first.headers.get('mcp-session-id')!
    await readSseEvents(first, (events) => events.some((e) => e.data.includes('"result"')))
    await server.fetch('/mcp', { method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' }, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) })
    const stream = await server.fetch('/mcp', { headers: { accept: 'text/event-stream', 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' } })
    expect(stream.status).toBe(200)
    const busy = await server.fetch('/mcp', initialize())
    expect(busy.status).toBe(503)
    expect(busy.headers.get('retry-after')).toBe('5')
    expect(await bodyOf(busy)).toMatchObject({ error: { message: expect.stringContaining('mcp.max_connections') } })
    await stream.body!.cancel()
    await Bun.sleep(20)
    const evicting = await server.fetch('/mcp', initialize())
    expect(evicting.status).toBe(200)
    await evicting.body?.cancel()
    expect(server.sessions.counts().total).toBe(1)
    await server.sessions.closeAll('test over')
  })
})
