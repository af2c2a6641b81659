import { describe, expect, test } from 'bun:test'
import { createRequestAuthenticator } from '../../src/auth/authenticate.ts'
import { permissionsFromConfig } from '../../src/auth/permissions.ts'
import type { SecuritySettings } from '../../src/auth/settings.ts'
import type { Principal } from '../../src/auth/types.ts'
import { createRequestLimits } from '../../src/http/request-limits.ts'

const client: Principal = { name: 'ci', kind: 'api_key', permissions: permissionsFromConfig({}) }

function refusal(run: () => void): string {
  try {
    run()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected a refusal')
}

function settings(section: SecuritySettings['section']): SecuritySettings {
  return {
    authType: 'api_key',
    apiKeys: [{ name: 'ci', secret: 'ci-key-0123456789abcdef', permissions: permissionsFromConfig({}), active: true, expiresAt: null, allowedIps: [] }],
    jwt: null,
    oauth2: null,
    stdioPermissions: null,
    rateLimits: { perOperation: {} },
    audit: { enabled: false, file: null },
    ...(section ? { section } : {}),
  }
}

describe('refusals name the configuration section in force', () => {
  test.each([
    ['security', 'security.rate_limit_per_minute', 'security.security.rate_limiting.global_per_minute'],
    ['mcp', 'mcp.rate_limit_per_minute', 'mcp.security.rate_limiting.global_per_minute'],
    [undefined, 'mcp.rate_limit_per_minute', 'mcp.security.rate_limiting.global_per_minute'],
  ] as const)('429 under section %s names %s and %s', (section, perClient, global) => {
    const limits = createRequestLimits({ globalPerMinute: 1, perClientPerMinute: 1 }, { section })
    limits.admit()
    expect(refusal(() => limits.admit())).toContain(`(${global})`)
    limits.admitClient(client, null)
    expect(refusal(() => limits.admitClient(client, null))).toContain(`(${perClient})`)
  })

  test.each([
    ['security', 'security.auth_type api_key'],
    ['mcp', 'mcp.auth_type api_key'],
  ] as const)('401 without credentials under section %s names %s', async (section, key) => {
    const outcome = await createRequestAuthenticator(settings(section)).authenticate(new Request('http://127.0.0.1/api/v1/tasks'), '127.0.0.1')
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.message).toContain(`(${key})`)
  })
})
