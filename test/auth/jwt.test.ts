import { describe, expect, test } from 'bun:test'
import { createJwtVerifier, CLOCK_LEEWAY_S } from '../../src/auth/jwt.ts'
import { claims, generateSigningKey, nowS, signHmac, signWith, unsigned } from './helpers/tokens.ts'

const SECRET = 'jwt-secret-that-is-long-enough-0123456789'
const verifier = createJwtVerifier({ secret: SECRET, issuer: 'ratchet-server', audience: 'mcp-clients' })
const good = (extra: Record<string, unknown> = {}) => claims({ iss: 'ratchet-server', aud: 'mcp-clients', ...extra })

describe('JWT (HS256/384/512)', () => {
  test.each(['HS256', 'HS384', 'HS512'] as const)('a valid %s token authenticates as its subject', async (alg) => {
    const outcome = await verifier.verify(await signHmac(good(), SECRET, alg))
    expect(outcome).toMatchObject({ ok: true, principal: { name: 'alice', kind: 'jwt' } })
  })

  test('scopes grant capabilities; without a scope claim the configured permissions apply', async () => {
    const base = createJwtVerifier({ secret: SECRET, permissions: { can_execute_tasks: true, can_read_logs: true, can_read_traces: true, can_manage_tasks: false, denied_task_patterns: ['admin-*'] } })
    const scoped = await base.verify(await signHmac(claims({ scope: 'tasks:run traces:read tasks:write' }), SECRET))
    expect(scoped).toMatchObject({ ok: true, principal: { permissions: { canExecuteTasks: true, canReadTraces: true, canReadLogs: false, canManageTasks: false, deniedTaskPatterns: ['admin-*'] } } })
    const plain = await base.verify(await signHmac(claims(), SECRET))
    expect(plain).toMatchObject({ ok: true, principal: { permissions: { canExecuteTasks: true, canReadLogs: true, canReadTraces: true, canManageTasks: false } } })
  })

  test('the configured permissions are a ceiling: the admin scope grants nothing the config leaves out', async () => {
    const base = createJwtVerifier({ secret: SECRET, permissions: { can_execute_tasks: true, can_read_logs: true } })
    const admin = await base.verify(await signHmac(claims({ scope: 'admin' }), SECRET))
    expect(admin).toMatchObject({ ok: true, principal: { permissions: { canExecuteTasks: true, canReadLogs: true, canReadTraces: false, canAccessSystemInfo: false, canManageTasks: false, canReadAllExecutions: false } } })
    const unconfigured = createJwtVerifier({ secret: SECRET })
    const bare = await unconfigured.verify(await signHmac(claims({ scope: 'admin tasks:write' }), SECRET))
    expect(bare).toMatchObject({ ok: true, principal: { permissions: { canExecuteTasks: false, canManageTasks: false } } })
    const granted = createJwtVerifier({ secret: SECRET, permissions: { can_manage_tasks: true, can_read_all_executions: true } })
    const full = await granted.verify(await signHmac(claims({ scope: 'admin' }), SECRET))
    expect(full).toMatchObject({ ok: true, principal: { permissions: { canManageTasks: true, canReadAllExecutions: true } } })
  })

  test('an audience list including ours is accepted', async () => {
    expect((await verifier.verify(await signHmac(good({ aud: ['other', 'mcp-clients'] }), SECRET))).ok).toBe(true)
  })

  test.each([
    ['a wrong issuer', { iss: 'someone-else' }, 'wrong_issuer'],
    ['no issuer', { iss: undefined }, 'wrong_issuer'],
    ['a wrong audience', { aud: 'another-service' }, 'wrong_audience'],
    ['expired beyond the leeway', { exp: nowS() - CLOCK_LEEWAY_S - 5 }, 'token_expired'],
    ['not valid yet (nbf)', { nbf: nowS() + CLOCK_LEEWAY_S + 60 }, 'token_not_yet_valid'],
    ['issued in the future', { iat: nowS() + CLOCK_LEEWAY_S + 60 }, 'token_not_yet_valid'],
    ['no exp', { exp: undefined }, 'malformed_token'],
    ['no subject', { sub: undefined }, 'missing_subject'],
  ])('%s is refused', async (_what, extra, reason) => {
    const outcome = await verifier.verify(await signHmac(good(extra), SECRET))
    expect(outcome).toMatchObject({ ok: false, status: 401, reason })
  })

  test('a token that expired within the clock leeway is still accepted', async () => {
    expect((await verifier.verify(await signHmac(good({ exp: nowS() - 5 }), SECRET))).ok).toBe(true)
  })

  test('a token signed with another secret has a bad signature', async () => {
    expect(await verifier.verify(await signHmac(good(), 'another-secret-that-is-long-enough-000000'))).toMatchObject({ ok: false, reason: 'bad_signature' })
  })

  test('a tampered payload breaks the signature', async () => {
    const [header, , signature] = (await signHmac(good(), SECRET)).split('.')
    const forged = Buffer.from(JSON.stringify(good({ sub: 'root' }))).toString('base64url')
    expect(await verifier.verify(`${header}.${forged}.${signature}`)).toMatchObject({ ok: false, reason: 'bad_signature' })
  })

  test('alg none is refused, also with a signature attached', async () => {
    expect(await verifier.verify(unsigned(good()))).toMatchObject({ ok: false, reason: 'alg_not_allowed' })
    const withSig = `${unsigned(good())}${(await signHmac(good(), SECRET)).split('.')[2]}`
    expect(await verifier.verify(withSig)).toMatchObject({ ok: false, reason: 'alg_not_allowed' })
  })

  test('an RS256 token is refused: only HMAC algorithms are accepted (no HS/RS confusion)', async () => {
    const key = await generateSigningKey('RS256', 'k1')
    expect(await verifier.verify(await signWith(key, good()))).toMatchObject({ ok: false, reason: 'alg_not_allowed' })
  })

  test('jwt.expiry refuses tokens older than the lifetime, even when exp is later', async () => {
    const short = createJwtVerifier({ secret: SECRET, expirySeconds: 60 })
    expect((await short.verify(await signHmac(claims({ iat: nowS() - 30 }), SECRET))).ok).toBe(true)
    expect(await short.verify(await signHmac(claims({ iat: nowS() - 600 }), SECRET))).toMatchObject({ ok: false, reason: 'token_too_old' })
    expect(await short.verify(await signHmac(claims({ iat: undefined }), SECRET))).toMatchObject({ ok: false, reason: 'malformed_token' })
  })

  test.each(['not-a-jwt', 'a.b', 'a.b.c.d', '!!.??.**', `${'a'.repeat(20000)}.b.c`])('malformed token %p is refused', async (token) => {
    expect(await verifier.verify(token)).toMatchObject({ ok: false, status: 401, reason: 'malformed_token' })
  })

  test('a critical header extension is refused', async () => {
    expect(await verifier.verify(await signHmac(good(), SECRET, 'HS256', { crit: ['exp'] }))).toMatchObject({ ok: false, reason: 'malformed_token' })
  })

  test('messages never contain the token', async () => {
    const token = await signHmac(good({ iss: 'x' }), SECRET)
    const outcome = await verifier.verify(token)
    expect(!outcome.ok && outcome.message).not.toContain(token.split('.')[2])
  })
})
