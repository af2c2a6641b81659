/**
 * Authentication, authorization and limits over HTTP against real `ratchet mcp` processes on
 * 127.0.0.1 (one with API keys, one with JWTs), driven by raw fetch and by the official SDK clients.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ratchet } from '../helpers/cli.ts'
import { JSON_AND_SSE, bodyOf, initializeBody } from '../mcp-http/helpers/in-process.ts'
import { startRatchetMcp, type RatchetMcp } from '../mcp-http/helpers/ratchet-mcp.ts'
import { claims, generateSigningKey, nowS, signHmac, signWith, unsigned } from './helpers/tokens.ts'
import { resultText } from './helpers/sessions.ts'

const KEYS = {
  KEY_ADMIN: 'admin-0123456789abcdef0123456789abcdef',
  KEY_LIMITED: 'limited-0123456789abcdef0123456789abcd',
  KEY_EXPIRED: 'expired-0123456789abcdef0123456789abcd',
  KEY_INACTIVE: 'inactive-0123456789abcdef0123456789abc',
  KEY_OFFICE: 'office-0123456789abcdef0123456789abcde',
  KEY_FLOOD: 'flood-0123456789abcdef0123456789abcdef',
  KEY_BURST: 'burst-0123456789abcdef0123456789abcdef',
}
const JWT_SECRET = 'e2e-jwt-secret-0123456789abcdef0123456789'
const MARKER = 'e2e-input-value-never-in-the-audit-log'

let keyed: RatchetMcp
let jwt: RatchetMcp

beforeAll(async () => {
  const execute = { can_execute_tasks: true }
  ;[keyed, jwt] = await Promise.all([
    startRatchetMcp({
      env: KEYS,
      config: { database: { url: 'sqlite:ratchet.db' } },
      mcp: {
        auth_type: 'api_key',
        api_keys: [
          { key: '${KEY_ADMIN}', name: 'admin', permissions: { ...execute, can_read_logs: true, can_read_traces: true, can_access_system_info: true } },
          { key: '${KEY_LIMITED}', name: 'limited', permissions: { ...execute, allowed_task_patterns: ['addition', 'sleep'], denied_task_patterns: ['csv-*'] } },
          { key: '${KEY_EXPIRED}', name: 'expired', expires_at: '2020-01-01T00:00:00Z', permissions: execute },
          { key: '${KEY_INACTIVE}', name: 'inactive', active: false, permissions: execute },
          { key: '${KEY_OFFICE}', name: 'office', allowed_ips: ['10.0.0.0/8'], permissions: execute },
          { key: '${KEY_FLOOD}', name: 'flood', permissions: execute },
          { key: '${KEY_BURST}', name: 'burst', permissions: execute },
        ],
        rate_limit_per_minute: 40,
        tools: { enable_filesystem: true },
        audit_log_file: 'audit.jsonl',
        security: { request_size_limit: 65536, rate_limiting: { execute_task_per_minute: 5 } },
      },
    }),
    startRatchetMcp({
      env: { JWT_SECRET },
      mcp: { auth_type: 'jwt', jwt: { secret: '${JWT_SECRET}', issuer: 'ratchet-server', audience: 'mcp-clients', expiry: 3600, permissions: { can_execute_tasks: true } } },
    }),
  ])
})

afterAll(async () => {
  await Promise.all([keyed?.stop(), jwt?.stop()])
})

const post = (server: RatchetMcp, headers: Record<string, string> = {}, path = '/mcp') => fetch(`${server.url}${path}`, { method: 'POST', headers: { ...JSON_AND_SSE, ...headers }, body: initializeBody() })

async function connect(server: RatchetMcp, authorization: string, kind: 'streamable-http' | 'sse' = 'streamable-http') {
  const requestInit = { headers: { authorization } }
  const transport = kind === 'sse' ? new SSEClientTransport(new URL(`${server.url}/sse`), { requestInit }) : new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { requestInit })
  const client = new Client({ name: 'ratchet-auth-e2e', version: '1.0.0' })
  await client.connect(transport)
  return client
}

describe('API keys (ratchet mcp --port 0 with mcp.auth_type api_key)', () => {
  test('no key: 401 with WWW-Authenticate and a body that says what is missing', async () => {
    const response = await post(keyed)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toStartWith('Bearer realm="ratchet"')
    const body = await bodyOf(response)
    expect(body.error.data.reason).toBe('missing_credentials')
    expect(body.error.message).toContain('requires an API key')
  })

  test.each([
    ['a wrong key', { authorization: 'Bearer not-a-key-of-this-server' }, 401, 'unknown_key'],
    ['an expired key', { authorization: `Bearer ${KEYS.KEY_EXPIRED}` }, 401, 'expired_key'],
    ['an inactive key', { 'x-api-key': KEYS.KEY_INACTIVE }, 401, 'inactive_key'],
    ['a key for 10.0.0.0/8 from 127.0.0.1, X-Forwarded-For notwithstanding', { 'x-api-key': KEYS.KEY_OFFICE, 'x-forwarded-for': '10.0.0.1' }, 403, 'ip_not_allowed'],
  ])('%s is refused', async (_what, headers, status, reason) => {
    const response = await post(keyed, headers)
    expect(response.status).toBe(status)
    expect((await bodyOf(response)).error.data.reason).toBe(reason)
  })

  test('a key in the query string is 401 even when the header is valid', async () => {
    const response = await post(keyed, { authorization: `Bearer ${KEYS.KEY_ADMIN}` }, `/mcp?api_key=${KEYS.KEY_ADMIN}`)
    expect(response.status).toBe(401)
    expect((await bodyOf(response)).error.message).toContain('query string')
  })

  test('a foreign Origin is 403 before any key is looked at', async () => {
    expect((await post(keyed, { authorization: `Bearer ${KEYS.KEY_ADMIN}`, origin: 'https://evil.example.com' })).status).toBe(403)
  })

  test('the SDK client with a limited key: denied patterns and missing permissions are isError results naming the key', async () => {
    const client = await connect(keyed, `Bearer ${KEYS.KEY_LIMITED}`)
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name)).toContain('ratchet_execute_task')
    const listed = await client.callTool({ name: 'ratchet_list_available_tasks', arguments: {} })
    expect((listed.structuredContent as { tasks: Array<{ name: string }> }).tasks.map((t) => t.name).sort()).toEqual(['addition', 'sleep'])
    const ok = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 2, b: 3 }, trace: false } })
    expect(ok.structuredContent).toMatchObject({ status: 'completed', output: { result: 5 } })
    const id = String((ok.structuredContent as { execution_id: string }).execution_id)
    const denied = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'csv-parser', input: { csv: MARKER } } })
    expect(denied.isError).toBe(true)
    expect(resultText(denied)).toBe('permission denied: key "limited" may not use task "csv-parser" (denied_task_patterns entry "csv-*")')
    expect(resultText(await client.callTool({ name: 'ratchet_get_execution_logs', arguments: { execution_id: id } }))).toContain('needs permissions.can_read_logs, which key "limited" does not have')
    expect(resultText(await client.callTool({ name: 'ratchet_get_execution_trace', arguments: { execution_id: id } }))).toContain('needs permissions.can_read_traces')
    expect(resultText(await client.callTool({ name: 'ratchet_delete_task', arguments: { task_id: 'addition' } }))).toContain('needs permissions.can_manage_tasks')
    expect(resultText(await client.callTool({ name: 'ratchet_registry_health', arguments: {} }))).toContain('needs permissions.can_access_system_info')
    await expect(client.readResource({ uri: `ratchet://executions/${id}/logs` })).rejects.toThrow('can_read_logs')
    await client.close()
  })

  test('the legacy SSE transport authenticates the stream and every message', async () => {
    const client = await connect(keyed, `Bearer ${KEYS.KEY_ADMIN}`, 'sse')
    const run = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 1, b: 1 }, trace: false } })
    const id = String((run.structuredContent as { execution_id: string }).execution_id)
    expect((await client.callTool({ name: 'ratchet_get_execution_logs', arguments: { execution_id: id } })).isError).toBe(false)
    await client.close()
    expect((await fetch(`${keyed.url}/sse`)).status).toBe(401)
  })

  test('a session opened with one key refuses requests with another', async () => {
    const opened = await post(keyed, { authorization: `Bearer ${KEYS.KEY_ADMIN}` })
    const sessionId = opened.headers.get('mcp-session-id')!
    await opened.body?.cancel()
    const other = await fetch(`${keyed.url}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25', authorization: `Bearer ${KEYS.KEY_LIMITED}` }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) })
    expect(other.status).toBe(403)
    await fetch(`${keyed.url}/mcp`, { method: 'DELETE', headers: { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25', authorization: `Bearer ${KEYS.KEY_ADMIN}` } })
  })

  test('an oversized body is 413, with Content-Length and chunked', async () => {
    const auth = { authorization: `Bearer ${KEYS.KEY_ADMIN}` }
    const declared = await fetch(`${keyed.url}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, ...auth }, body: JSON.stringify({ pad: 'x'.repeat(100_000) }) })
    expect(declared.status).toBe(413)
    const chunks = Array.from({ length: 40 }, () => new Uint8Array(4096).fill(32))
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift()
        if (next) controller.enqueue(next)
        else controller.close()
      },
    })
    const chunked = await fetch(`${keyed.url}/mcp`, { method: 'POST', headers: { ...JSON_AND_SSE, ...auth }, body, duplex: 'half' } as RequestInit)
    expect(chunked.status).toBe(413)
  })

  test('execute_task_per_minute: past the limit the call is an isError result with the retry time', async () => {
    const client = await connect(keyed, `Bearer ${KEYS.KEY_BURST}`)
    const call = () => client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 1, b: 2 }, trace: false } })
    for (let i = 0; i < 5; i++) expect((await call()).isError).toBe(false)
    expect(resultText(await call())).toMatch(/^rate limit exceeded: 5 per minute for execute_task \(key "burst"\); retry after \d+ s$/)
    await client.close()
  })

  test('a flood of requests from one key gets 429 with Retry-After (mcp.rate_limit_per_minute)', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => fetch(`${keyed.url}/mcp`, { headers: { accept: 'text/event-stream', 'x-api-key': KEYS.KEY_FLOOD } })))
    const limited = responses.filter((r) => r.status === 429)
    expect(responses.filter((r) => r.status === 400)).toHaveLength(40)
    expect(limited).toHaveLength(10)
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect((await bodyOf(limited[0]!)).error.message).toContain('40 requests per minute for key flood')
    await Promise.all(responses.filter((r) => !r.bodyUsed).map((r) => r.body?.cancel()))
    // Other keys are not affected.
    expect((await post(keyed, { authorization: `Bearer ${KEYS.KEY_ADMIN}` })).status).toBe(200)
  })

  test('the audit log has auth results and tool calls, never a key or an input value; ratchet audit prints it', async () => {
    await Bun.sleep(600)
    const text = await readFile(join(keyed.dir, 'audit.jsonl'), 'utf8')
    const lines = text.trim().split('\n').map((line) => JSON.parse(line))
    const reasons = new Set(lines.filter((l) => l.event === 'auth' && l.outcome === 'failure').map((l) => l.reason))
    for (const reason of ['missing_credentials', 'unknown_key', 'expired_key', 'inactive_key', 'ip_not_allowed', 'credentials_in_query']) expect(reasons).toContain(reason)
    expect(lines.find((l) => l.event === 'auth' && l.reason === 'ip_not_allowed')).toMatchObject({ principal: 'office', ip: expect.stringMatching(/127\.0\.0\.1$/) })
    expect(lines.find((l) => l.event === 'tool_call' && l.outcome === 'denied')).toMatchObject({ principal: 'limited', principal_kind: 'api_key', tool: 'ratchet_execute_task', task: 'csv-parser' })
    expect(lines.find((l) => l.event === 'tool_call' && l.outcome === 'ok' && l.principal === 'limited' && l.tool === 'ratchet_execute_task')).toMatchObject({ task: 'addition', execution_id: expect.any(String), duration_ms: expect.any(Number) })
    for (const secret of [...Object.values(KEYS), MARKER]) expect(text).not.toContain(secret)

    const printed = await ratchet(['audit', '--config', join(keyed.dir, 'ratchet.yaml'), '--principal', 'limited', '--limit', '50'], { env: KEYS })
    expect(printed.code).toBe(0)
    expect(printed.stdout).toContain('tool_call')
    expect(printed.stdout).toContain('denied')
    expect(printed.stdout).toContain('tool=ratchet_execute_task  task=csv-parser')
    expect(printed.stdout).not.toContain('principal=admin')
    const json = await ratchet(['audit', '--config', join(keyed.dir, 'ratchet.yaml'), '--limit', '3', '--json'], { env: KEYS })
    expect(json.stdout.trim().split('\n')).toHaveLength(3)
    for (const secret of Object.values(KEYS)) expect(json.stdout).not.toContain(secret)
  })
})

describe('JWT (ratchet mcp with mcp.auth_type jwt)', () => {
  const token = (extra: Record<string, unknown> = {}) => signHmac(claims({ iss: 'ratchet-server', aud: 'mcp-clients', scope: 'tasks:run', ...extra }), JWT_SECRET)

  test('a valid token opens an SDK session as its subject; its scopes decide what it may do', async () => {
    const client = await connect(jwt, `Bearer ${await token({ sub: 'ci-bot' })}`)
    const run = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 4, b: 5 }, trace: false } })
    expect(run.structuredContent).toMatchObject({ status: 'completed', output: { result: 9 } })
    const id = String((run.structuredContent as { execution_id: string }).execution_id)
    expect(resultText(await client.callTool({ name: 'ratchet_get_execution_logs', arguments: { execution_id: id } }))).toBe('permission denied: ratchet_get_execution_logs needs permissions.can_read_logs, which JWT subject "ci-bot" does not have')
    await client.close()
  })

  test.each([
    ['a wrong issuer', () => token({ iss: 'someone-else' }), 'wrong_issuer'],
    ['a wrong audience', () => token({ aud: 'another-service' }), 'wrong_audience'],
    ['a bad signature', () => signHmac(claims({ iss: 'ratchet-server', aud: 'mcp-clients' }), 'a-different-secret-0123456789abcdef0123'), 'bad_signature'],
    ['an expired token', () => token({ exp: nowS() - 3600, iat: nowS() - 7200 }), 'token_expired'],
    ['alg none', async () => unsigned(claims({ iss: 'ratchet-server', aud: 'mcp-clients' })), 'alg_not_allowed'],
    ['an RS256 token', async () => signWith(await generateSigningKey('RS256', 'x'), claims({ iss: 'ratchet-server', aud: 'mcp-clients' })), 'alg_not_allowed'],
  ])('%s is 401 with the reason', async (_what, make, reason) => {
    const response = await post(jwt, { authorization: `Bearer ${await make()}` })
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"')
    expect((await bodyOf(response)).error.data.reason).toBe(reason)
  })

  test('a token in the query string is refused; an API key header is not a token', async () => {
    expect((await post(jwt, {}, `/mcp?access_token=${await token()}`)).status).toBe(401)
    const apiKey = await post(jwt, { 'x-api-key': 'whatever' })
    expect(apiKey.status).toBe(401)
    expect((await bodyOf(apiKey)).error.data.reason).toBe('unsupported_scheme')
  })
})
