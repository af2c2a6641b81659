import { describe, expect, test } from 'bun:test'
import { warnAboutWeakSettings } from '../../src/auth/security.ts'
import { readSecuritySettings } from '../../src/auth/settings.ts'
import { silentLogger } from '../helpers/silent-logger.ts'
import type { Config } from '../../src/config/types.ts'
import { isAppError } from '../../src/errors.ts'

const configWith = (mcp: Record<string, unknown>) => ({ raw: { mcp }, baseDir: '/srv/ratchet' }) as unknown as Config
const KEY = 'k'.repeat(32)

function problem(mcp: Record<string, unknown>): string {
  try {
    readSecuritySettings(configWith(mcp))
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFIG_INVALID') return `${error.message} | ${error.hint}`
    throw error
  }
  throw new Error('expected CONFIG_INVALID')
}

describe('security settings', () => {
  test('reads keys, limits, stdio permissions and the audit file (relative to the config folder)', () => {
    const settings = readSecuritySettings(configWith({
      auth_type: 'api_key',
      api_keys: [{ key: KEY, name: 'ci', expires_at: '2030-01-01T00:00:00Z', allowed_ips: ['10.0.0.0/8'], permissions: { can_read_logs: true } }],
      stdio_permissions: { can_execute_tasks: true },
      rate_limit_per_minute: 100,
      audit_log_file: 'logs/audit.jsonl',
      security: { rate_limiting: { execute_task_per_minute: 10, logs_per_minute: 5, global_per_minute: 1000 } },
    }))
    expect(settings.apiKeys[0]).toMatchObject({ name: 'ci', active: true, expiresAt: Date.parse('2030-01-01T00:00:00Z'), permissions: { canReadLogs: true, canExecuteTasks: false } })
    expect(settings.rateLimits).toEqual({ globalPerMinute: 1000, perClientPerMinute: 100, perOperation: { execute_task: 10, logs: 5 } })
    expect(settings.stdioPermissions).toMatchObject({ canExecuteTasks: true, canManageTasks: false })
    expect(settings.audit).toEqual({ enabled: true, file: '/srv/ratchet/logs/audit.jsonl' })
    expect(readSecuritySettings(configWith({ audit_log_file: 'a.log', security: { audit_log_enabled: false } })).audit.enabled).toBe(false)
    expect(readSecuritySettings(configWith({})).audit).toEqual({ enabled: false, file: null })
  })

  test.each([
    ['a key shorter than 16 characters', { auth_type: 'api_key', api_keys: [{ key: 'short', name: 'ci' }] }, 'mcp.api_keys[0].key'],
    ['two keys with one name', { auth_type: 'api_key', api_keys: [{ key: KEY, name: 'ci' }, { key: `${KEY}x`, name: 'ci' }] }, 'two keys are named "ci"'],
    ['two keys with one secret', { auth_type: 'api_key', api_keys: [{ key: KEY, name: 'a' }, { key: KEY, name: 'b' }] }, 'same secret'],
    ['an expiry that is not a date', { auth_type: 'api_key', api_keys: [{ key: KEY, name: 'ci', expires_at: 'soon' }] }, 'expires_at'],
    ['an allowed_ips entry that is not an address', { auth_type: 'api_key', api_keys: [{ key: KEY, name: 'ci', allowed_ips: ['office'] }] }, 'allowed_ips[0]'],
    ['a JWT secret under 32 bytes', { auth_type: 'jwt', jwt: { secret: 'too-short' } }, 'shorter than 32 bytes'],
    ['OAuth2 without an audience', { auth_type: 'oauth2', oauth2: { issuer: 'https://id.example.com', jwks_uri: 'https://id.example.com/jwks' } }, 'oauth2.audience'],
    ['signing keys over plain http from elsewhere', { auth_type: 'oauth2', oauth2: { issuer: 'https://id', jwks_uri: 'http://id.example.com/jwks', audience: 'https://mcp' } }, 'https'],
  ])('refuses %s', (_what, mcp, text) => {
    expect(problem(mcp)).toContain(text)
  })

  test('stdio reads no credentials, so their problems do not stop it', () => {
    expect(readSecuritySettings(configWith({ auth_type: 'api_key', api_keys: [{ key: 'short', name: 'ci' }] }), { credentials: false }).apiKeys).toEqual([])
  })

  test('auth_type jwt without jwt.audience starts with a warning naming the key; with one, no warning', () => {
    const SECRET = 's'.repeat(48)
    const open = silentLogger()
    warnAboutWeakSettings(readSecuritySettings(configWith({ auth_type: 'jwt', jwt: { secret: SECRET } })), open)
    expect(open.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([expect.stringContaining('mcp.jwt.audience is not set')])
    const pinned = silentLogger()
    warnAboutWeakSettings(readSecuritySettings(configWith({ auth_type: 'jwt', jwt: { secret: SECRET, audience: 'mcp-clients' } })), pinned)
    expect(pinned.lines).toEqual([])
  })
})
