import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createOAuth2Verifier, type OAuth2Settings } from '../../src/auth/oauth2.ts'
import { createJwksCache } from '../../src/auth/jwks.ts'
import { protectedResourceMetadata } from '../../src/auth/protected-resource.ts'
import { claims, generateSigningKey, signHmac, signWith, startJwksServer, type JwksServer, type SigningKey } from './helpers/tokens.ts'

const ISSUER = 'https://id.example.com'
const AUDIENCE = 'https://mcp.example.com/mcp'
let rsa: SigningKey
let ec: SigningKey
let jwks: JwksServer
let settings: OAuth2Settings

const good = (extra: Record<string, unknown> = {}) => claims({ iss: ISSUER, aud: AUDIENCE, scope: 'mcp tasks:run', ...extra })

beforeAll(async () => {
  rsa = await generateSigningKey('RS256', 'rsa-1')
  ec = await generateSigningKey('ES256', 'ec-1')
  jwks = startJwksServer([rsa, ec])
  settings = { issuer: ISSUER, jwksUri: jwks.url, audience: AUDIENCE, requiredScopes: ['mcp'], permissions: { can_execute_tasks: true } }
})
afterAll(() => jwks.stop())

describe('OAuth2 access tokens checked against a JWKS', () => {
  test('RS256 and ES256 tokens of the issuer, for this server, authenticate', async () => {
    const verifier = createOAuth2Verifier(settings)
    expect(await verifier.verify(await signWith(rsa, good()))).toMatchObject({ ok: true, principal: { name: 'alice', kind: 'oauth2', permissions: { canExecuteTasks: true, canReadLogs: false } } })
    expect(await verifier.verify(await signWith(ec, good({ sub: 'bob' })))).toMatchObject({ ok: true, principal: { name: 'bob' } })
  })

  test('the key set is fetched once and cached', async () => {
    const verifier = createOAuth2Verifier(settings)
    const before = jwks.hits()
    for (let i = 0; i < 5; i++) expect((await verifier.verify(await signWith(rsa, good()))).ok).toBe(true)
    expect(jwks.hits() - before).toBe(1)
  })

  test('a token for another audience is refused (no token passthrough)', async () => {
    const outcome = await createOAuth2Verifier(settings).verify(await signWith(rsa, good({ aud: 'https://other.example.com' })))
    expect(outcome).toMatchObject({ ok: false, status: 401, reason: 'wrong_audience' })
  })

  test('a token of another issuer is refused', async () => {
    expect(await createOAuth2Verifier(settings).verify(await signWith(rsa, good({ iss: 'https://evil.example.com' })))).toMatchObject({ ok: false, reason: 'wrong_issuer' })
  })

  test('a token signed by a key the issuer does not publish is refused', async () => {
    const stranger = await generateSigningKey('RS256', 'rsa-1')
    expect(await createOAuth2Verifier(settings).verify(await signWith(stranger, good()))).toMatchObject({ ok: false, reason: 'bad_signature' })
  })

  test('HS256 signed with the issuer\'s public key (algorithm confusion) is refused', async () => {
    const token = await signHmac(good(), rsa.publicPem, 'HS256', { kid: 'rsa-1' })
    expect(await createOAuth2Verifier(settings).verify(token)).toMatchObject({ ok: false, reason: 'alg_not_allowed' })
  })

  test('a token without a required scope gets 403 insufficient_scope naming the scope', async () => {
    const outcome = await createOAuth2Verifier(settings).verify(await signWith(rsa, good({ scope: 'tasks:run' })))
    expect(outcome).toMatchObject({ ok: false, status: 403, reason: 'insufficient_scope', scope: 'mcp', name: 'alice' })
  })

  test('an unknown kid refetches the key set once (rotation), then is refused if still unknown', async () => {
    const rotated = await generateSigningKey('RS256', 'rsa-2')
    const server = startJwksServer([rsa])
    try {
      const verifier = createOAuth2Verifier({ ...settings, jwksUri: server.url })
      expect((await verifier.verify(await signWith(rsa, good()))).ok).toBe(true)
      server.publish([rsa, rotated])
      // Within the refetch back-off the unknown kid is refused without asking the issuer again.
      expect(await verifier.verify(await signWith(rotated, good()))).toMatchObject({ ok: false, reason: 'unknown_signing_key' })
      expect(server.hits()).toBe(1)
      const cache = createJwksCache({ uri: server.url, minRefetchMs: 0 })
      const fresh = createOAuth2Verifier({ ...settings, jwksUri: server.url }, { jwks: cache })
      server.publish([rsa])
      expect((await fresh.verify(await signWith(rsa, good()))).ok).toBe(true)
      server.publish([rsa, rotated])
      expect((await fresh.verify(await signWith(rotated, good()))).ok).toBe(true)
      const unknown = await generateSigningKey('RS256', 'rsa-9')
      expect(await fresh.verify(await signWith(unknown, good()))).toMatchObject({ ok: false, reason: 'unknown_signing_key' })
    } finally {
      server.stop()
    }
  })

  test('an unreachable key set is 503 (try again), and known keys keep working when a refetch fails', async () => {
    const server = startJwksServer([rsa])
    try {
      server.fail(true)
      const verifier = createOAuth2Verifier({ ...settings, jwksUri: server.url })
      expect(await verifier.verify(await signWith(rsa, good()))).toMatchObject({ ok: false, status: 503, reason: 'keys_unavailable' })
      server.fail(false)
      const cache = createJwksCache({ uri: server.url, cacheMs: 0 })
      const cached = createOAuth2Verifier({ ...settings, jwksUri: server.url }, { jwks: cache })
      expect((await cached.verify(await signWith(rsa, good()))).ok).toBe(true)
      server.fail(true)
      expect((await cached.verify(await signWith(rsa, good()))).ok).toBe(true)
    } finally {
      server.stop()
    }
  })

  test('the protected resource metadata names this server and its authorization server', () => {
    expect(protectedResourceMetadata(settings)).toMatchObject({ resource: AUDIENCE, authorization_servers: [ISSUER], bearer_methods_supported: ['header'] })
    expect((protectedResourceMetadata(settings).scopes_supported as string[])).toContain('mcp')
  })
})
