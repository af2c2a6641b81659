import { describe, expect, test } from 'bun:test'
import { timingSafeEqual } from 'node:crypto'
import { createApiKeyVerifier, type ApiKeyConfig } from '../../src/auth/api-keys.ts'
import { ipInRange, parseIp, parseIpRange } from '../../src/auth/ip-match.ts'
import { permissionsFromConfig } from '../../src/auth/permissions.ts'

const SECRET = 'sk-test-0123456789abcdef0123456789abcdef'

function key(overrides: Partial<ApiKeyConfig> = {}): ApiKeyConfig {
  return { name: 'ci', secret: SECRET, permissions: permissionsFromConfig({ can_execute_tasks: true }), active: true, expiresAt: null, allowedIps: [], ...overrides }
}

describe('API keys', () => {
  test('a configured key authenticates as its name with its permissions', () => {
    const outcome = createApiKeyVerifier([key()]).verify(SECRET, '127.0.0.1')
    expect(outcome).toMatchObject({ ok: true, principal: { name: 'ci', kind: 'api_key', permissions: { canExecuteTasks: true, canReadLogs: false, canManageTasks: false } } })
  })

  test('a wrong key, a prefix of the key and the key with a suffix are all refused as unknown', () => {
    const verifier = createApiKeyVerifier([key()])
    for (const presented of ['nope', SECRET.slice(0, -1), `${SECRET}x`, SECRET.toUpperCase()]) {
      expect(verifier.verify(presented, '127.0.0.1')).toMatchObject({ ok: false, status: 401, reason: 'unknown_key' })
    }
  })

  test('compares SHA-256 digests (equal length) against every key, without stopping at a match', () => {
    const calls: Array<[number, number]> = []
    const compare = (a: Buffer, b: Buffer) => {
      calls.push([a.length, b.length])
      return timingSafeEqual(a, b)
    }
    const keys = [key({ name: 'first', secret: 'a'.repeat(40) }), key({ name: 'second', secret: SECRET }), key({ name: 'third', secret: 'b'.repeat(20) })]
    const verifier = createApiKeyVerifier(keys, { compare })
    expect(verifier.verify('a'.repeat(40), null)).toMatchObject({ ok: true, principal: { name: 'first' } })
    expect(calls).toEqual([[32, 32], [32, 32], [32, 32]])
    calls.length = 0
    expect(verifier.verify('short', null)).toMatchObject({ ok: false })
    expect(calls).toEqual([[32, 32], [32, 32], [32, 32]])
  })

  test('an inactive key is refused, naming the key', () => {
    expect(createApiKeyVerifier([key({ active: false })]).verify(SECRET, null)).toMatchObject({ ok: false, status: 401, reason: 'inactive_key', name: 'ci' })
  })

  test('an expired key is refused from its expiry on', () => {
    const expiresAt = Date.parse('2025-01-01T00:00:00Z')
    const verifier = createApiKeyVerifier([key({ expiresAt })])
    expect(verifier.verify(SECRET, null, expiresAt - 1)).toMatchObject({ ok: true })
    const refused = verifier.verify(SECRET, null, expiresAt)
    expect(refused).toMatchObject({ ok: false, status: 401, reason: 'expired_key' })
    expect(!refused.ok && refused.message).toContain('2025-01-01T00:00:00.000Z')
  })

  test('allowed_ips admits listed addresses and ranges only, IPv4-mapped IPv6 included', () => {
    const allowedIps = ['10.0.0.0/8', '192.168.1.7', 'fd00::/8'].map((r) => parseIpRange(r)!)
    const verifier = createApiKeyVerifier([key({ allowedIps })])
    for (const ip of ['10.1.2.3', '192.168.1.7', '::ffff:10.9.9.9', 'fd12::1']) expect(verifier.verify(SECRET, ip).ok).toBe(true)
    for (const ip of ['127.0.0.1', '192.168.1.8', '::1', '11.0.0.1', null]) {
      expect(verifier.verify(SECRET, ip)).toMatchObject({ ok: false, status: 403, reason: 'ip_not_allowed', name: 'ci' })
    }
  })
})

describe('IP ranges', () => {
  test.each([
    ['127.0.0.1', '127.0.0.0/8', true],
    ['128.0.0.1', '127.0.0.0/8', false],
    ['10.0.0.255', '10.0.0.0/24', true],
    ['10.0.1.0', '10.0.0.0/24', false],
    ['::1', '::1', true],
    ['2001:db8::5', '2001:db8::/32', true],
    ['2001:db9::5', '2001:db8::/32', false],
    ['::ffff:127.0.0.1', '127.0.0.1', true],
    ['127.0.0.1', '::ffff:127.0.0.0/104', true],
    ['1.2.3.4', '0.0.0.0/0', true],
    ['::1', '0.0.0.0/0', false],
  ])('%s in %s: %p', (ip, range, inside) => {
    expect(ipInRange(parseIp(ip)!, parseIpRange(range)!)).toBe(inside)
  })

  test.each(['10.0.0.256', '10.0.0', '10.0.0.0/33', 'fe80::/129', '1::2::3', 'example.com', '10.0.0.0/8/1'])('%p is not a range', (text) => {
    expect(parseIpRange(text)).toBeNull()
  })
})
