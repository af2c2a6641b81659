import { describe, expect, test } from 'bun:test'
import { createAccessControl } from '../../src/auth/access-control.ts'
import { NO_AUDIT } from '../../src/auth/audit-log.ts'
import { createOwnerAuthority } from '../../src/auth/owner-authority.ts'
import { permissionsFromConfig, type RawPermissions } from '../../src/auth/permissions.ts'
import type { SecuritySettings } from '../../src/auth/settings.ts'
import type { Principal } from '../../src/auth/types.ts'

function settings(overrides: Partial<SecuritySettings>): SecuritySettings {
  return { authType: 'none', apiKeys: [], jwt: null, oauth2: null, stdioPermissions: null, rateLimits: { perOperation: {} }, audit: { enabled: false, file: null }, ...overrides }
}
const key = (name: string, permissions: RawPermissions, extra: { active?: boolean; expiresAt?: number | null } = {}) => ({
  name,
  secret: `${name}-0123456789abcdef`,
  permissions: permissionsFromConfig(permissions),
  active: extra.active ?? true,
  expiresAt: extra.expiresAt ?? null,
  allowedIps: [],
})
const runner: RawPermissions = { can_execute_tasks: true, can_manage_jobs: true, can_manage_schedules: true }

describe('the owner authority resolves an owner to its permissions under the auth configured now', () => {
  test('api_key: the key by name; a removed, inactive or expired key has no permissions', () => {
    let now = Date.parse('2026-06-01T00:00:00Z')
    const owners = createOwnerAuthority(
      settings({ authType: 'api_key', apiKeys: [key('ci', runner), key('off', runner, { active: false }), key('old', runner, { expiresAt: Date.parse('2026-07-01T00:00:00Z') }), key('reports', { ...runner, allowed_task_patterns: ['report-*'] })] }),
      { now: () => now },
    )
    expect(owners.refusal('ci', ['jobs.manage'], 'echo')).toBeNull()
    expect(owners.refusal('old', ['jobs.manage'], 'echo')).toBeNull()
    expect(owners.refusal('gone', ['jobs.manage'], 'echo')).toBe('permission denied: the owner key "gone" may no longer run work: key "gone" is no longer configured')
    expect(owners.refusal('off', ['jobs.manage'], 'echo')).toContain('key "off" is inactive (active: false)')
    now = Date.parse('2026-08-01T00:00:00Z')
    expect(owners.refusal('old', ['jobs.manage'], 'echo')).toContain('key "old" expired at 2026-07-01T00:00:00.000Z')
    expect(owners.refusal('reports', ['schedules.manage'], 'report-daily')).toBeNull()
    expect(owners.refusal('reports', ['schedules.manage'], 'echo')).toBe('permission denied: the owner key "reports" may no longer use task "echo" (allowed_task_patterns ["report-*"])')
    expect(owners.refusal(null, ['jobs.manage'], 'anything')).toBeNull()
    expect(owners.refusal(undefined, ['jobs.manage'], 'anything')).toBeNull()
  })

  test('jwt and oauth2: every subject is capped by the configured base permissions', () => {
    const jwt = createOwnerAuthority(settings({ authType: 'jwt', jwt: { secret: 'x'.repeat(32), permissions: { can_execute_tasks: true, can_manage_jobs: true } } }))
    expect(jwt.refusal('alice', ['jobs.manage'], 'echo')).toBeNull()
    expect(jwt.refusal('alice', ['schedules.manage'], 'echo')).toBe('permission denied: schedules.manage needs permissions.can_manage_schedules, which the owner JWT subject "alice" no longer has')
    const oauth2 = createOwnerAuthority(settings({ authType: 'oauth2', oauth2: { issuer: 'https://id', jwksUri: 'https://id/jwks', audience: 'a', requiredScopes: [], permissions: { can_execute_tasks: true } } }))
    expect(oauth2.refusal('svc', ['jobs.manage'], 'echo')).toContain('needs permissions.can_manage_jobs, which the owner OAuth2 subject "svc" no longer has')
  })

  test('none: the anonymous client has full access; stdio has mcp.stdio_permissions when set', () => {
    const owners = createOwnerAuthority(settings({ authType: 'none', stdioPermissions: permissionsFromConfig({ can_execute_tasks: true }) }))
    expect(owners.refusal('anonymous', ['jobs.manage', 'schedules.manage'], 'echo')).toBeNull()
    expect(owners.refusal('stdio', ['jobs.manage'], 'echo')).toContain('the owner the stdio client no longer has')
  })

  test("takes the owner's concurrency slots on the access control's counter, shared with the doors", () => {
    const access = createAccessControl({ rateLimits: { perOperation: {} }, audit: NO_AUDIT })
    const owners = createOwnerAuthority(settings({ authType: 'api_key', apiKeys: [key('serial', { ...runner, rate_limits: { max_concurrent_executions: 1 } }), key('free', runner)] }), { concurrency: access.concurrency })
    const principal = owners.principalOf('serial')!.principal
    expect(owners.acquire('serial')).toBe(true)
    expect(owners.acquire('serial')).toBe(false)
    expect(access.concurrency.acquire(principal)).toBe(false)
    owners.release('serial')
    expect(access.concurrency.acquire(principal)).toBe(true)
    access.concurrency.release(principal)
    expect([owners.acquire('free'), owners.acquire('free'), owners.acquire(null)]).toEqual([true, true, true])
  })
})

describe('a concurrency refusal spends no per-minute token', () => {
  test('POST /executions at the concurrency cap is refused before the executions_per_minute bucket is touched', async () => {
    const access = createAccessControl({ rateLimits: { perOperation: {} }, audit: NO_AUDIT })
    const principal: Principal = { name: 'capped', kind: 'api_key', permissions: permissionsFromConfig({ can_execute_tasks: true, rate_limits: { executions_per_minute: 2, max_concurrent_executions: 1 } }) }
    const lookup = { registry: { get: () => undefined }, store: { getExecution: async () => null } }
    const call = { operation: 'execution.create' as const, what: 'POST /api/v1/executions', bucket: 'execute_task', executions: 1 }
    expect(await access.checkOperation(principal, call, lookup)).toEqual({ ok: true, tasks: [] })
    expect(access.concurrency.acquire(principal)).toBe(true)
    for (let i = 0; i < 5; i++) {
      const refused = await access.checkOperation(principal, call, lookup)
      expect(refused).toMatchObject({ ok: false, reason: 'rate_limit', message: 'concurrency limit exceeded: 1 executions at once (key "capped"); retry when one of them finishes' })
    }
    access.concurrency.release(principal)
    expect((await access.checkOperation(principal, call, lookup)).ok).toBe(true)
    expect(await access.checkOperation(principal, call, lookup)).toMatchObject({ ok: false, reason: 'rate_limit', message: expect.stringContaining('rate limit exceeded: 2 per minute for executions') })
  })

  test('queueing work (jobs.manage) is not refused by the concurrency cap: the queue waits instead', async () => {
    const access = createAccessControl({ rateLimits: { perOperation: {} }, audit: NO_AUDIT })
    const principal: Principal = { name: 'capped', kind: 'api_key', permissions: permissionsFromConfig({ ...runner, rate_limits: { max_concurrent_executions: 1 } }) }
    const lookup = { registry: { get: () => undefined }, store: { getExecution: async () => null } }
    expect(access.concurrency.acquire(principal)).toBe(true)
    expect((await access.checkOperation(principal, { operation: 'jobs.manage', what: 'POST /api/v1/jobs', bucket: 'execute_task', executions: 1 }, lookup)).ok).toBe(true)
  })
})
