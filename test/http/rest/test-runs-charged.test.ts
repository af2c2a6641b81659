/**
 * POST /tasks/:id/test runs the task's tests, i.e. the task: it spends one execution of the key's
 * executions_per_minute, the bucket POST /executions spends, so tests are no way around the limit.
 */
import { describe, expect, test } from 'bun:test'
import { createAccessControl } from '../../../src/auth/access-control.ts'
import { createAuditLog } from '../../../src/auth/audit-log.ts'
import { permissionsFromConfig } from '../../../src/auth/permissions.ts'
import type { Principal } from '../../../src/auth/types.ts'
import { ROUTE_OPERATIONS } from '../../../src/http/rest/index.ts'
import { silentLogger } from '../../helpers/silent-logger.ts'

const lookup = { registry: { get: () => undefined }, store: { getExecution: async () => null } }

describe('test runs are executions', () => {
  test('POST /tasks/:id/test is charged one execution, shared with POST /executions', async () => {
    expect(ROUTE_OPERATIONS['POST /tasks/:id/test']!.executions).toBe(1)
    const access = createAccessControl({ rateLimits: { perOperation: {} }, audit: createAuditLog({ enabled: false, file: null, logger: silentLogger() }) })
    const principal: Principal = { name: 'limited', kind: 'api_key', permissions: permissionsFromConfig({ can_execute_tasks: true, can_manage_tasks: true, rate_limits: { executions_per_minute: 2 } }) }
    const call = (key: 'POST /tasks/:id/test' | 'POST /executions') => {
      const row = ROUTE_OPERATIONS[key]!
      return access.checkOperation(principal, { operation: row.operation, what: key, tasks: ['addition'], ...(row.bucket ? { bucket: row.bucket } : {}), ...(row.executions ? { executions: row.executions } : {}) }, lookup)
    }
    expect((await call('POST /tasks/:id/test')).ok).toBe(true)
    expect((await call('POST /tasks/:id/test')).ok).toBe(true)
    const refused = await call('POST /executions')
    expect(refused).toMatchObject({ ok: false, reason: 'rate_limit' })
    expect(refused.ok ? '' : refused.message).toContain('2 per minute for executions (key "limited")')
    expect((await call('POST /tasks/:id/test')).ok).toBe(false)
  })
})
