import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js'
import { createAccessControl, type AccessControl } from '../../src/auth/access-control.ts'
import { createAuditLog } from '../../src/auth/audit-log.ts'
import { scopeStore } from '../../src/auth/scoped-views.ts'
import { openSession, type Session } from '../mcp/helpers/session.ts'
import { clientsOn, keyPrincipal, protocolError, resultText, type Clients } from './helpers/sessions.ts'

let s: Session
let access: AccessControl
let clients: Clients
let owner: Client
let readonly: Client
let otherRunner: Client
let auditor: Client
let operator: Client
let executionId: string

const SECRET = 'hunter2-do-not-leak'
const structured = (result: unknown) => (result as { structuredContent: Record<string, unknown> }).structuredContent

beforeAll(async () => {
  s = await openSession({ workers: 1 })
  await s.writeTask('echo', { code: 'function main(input) { return { echoed: input.secret } }' })
  await s.writeTask('crash', { code: 'function main(input) {\n  throw new Error("crashed on " + input.secret)\n}' })
  access = createAccessControl({ rateLimits: { perOperation: {} }, audit: createAuditLog({ enabled: false, file: null, logger: s.harness.logger }) })
  clients = clientsOn(s, access)
  owner = await clients.connect(keyPrincipal('owner', { can_execute_tasks: true, can_read_logs: true, can_read_traces: true }))
  readonly = await clients.connect(keyPrincipal('readonly', {}))
  otherRunner = await clients.connect(keyPrincipal('other', { can_execute_tasks: true, can_read_logs: true, can_read_traces: true }))
  auditor = await clients.connect(keyPrincipal('auditor', { can_read_all_executions: true, can_read_logs: true }))
  operator = await clients.connect(keyPrincipal('operator', { can_read_all_executions: true, can_execute_tasks: true }))
  const run = await owner.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'echo', input: { secret: SECRET }, trace: false } })
  executionId = String(structured(run).execution_id)
  expect(structured(run)).toMatchObject({ status: 'completed', output: { echoed: SECRET } })
})

afterAll(async () => {
  await clients?.close()
  await s?.close()
})

describe('executions belong to the principal that started them', () => {
  test('the execution record names its owner', async () => {
    expect((await s.harness.store.getExecution(executionId))?.principal).toBe('owner')
  })

  test('a principal\'s view of the store reads and records results, but has none of the engine\'s writes', async () => {
    const doorMethods = ['commit', 'createExecution', 'getExecution', 'getLogs', 'getSpans', 'listAudit', 'listExecutions', 'listTaskVersions']
    for (const principal of [keyPrincipal('owner', { can_execute_tasks: true }), keyPrincipal('operator', { can_read_all_executions: true, can_execute_tasks: true })]) {
      const view = scopeStore(s.harness.store, principal)
      expect(Object.keys(view).sort()).toEqual(doorMethods)
      expect((await view.getExecution(executionId))?.principal).toBe('owner')
    }
    expect(await scopeStore(s.harness.store, keyPrincipal('other', { can_execute_tasks: true })).getExecution(executionId)).toBeNull()
  })

  test('the owner reads its own execution, input and output included', async () => {
    const status = await owner.callTool({ name: 'ratchet_get_execution_status', arguments: { execution_id: executionId, include_input: true, include_output: true } })
    expect(status.isError).toBeFalsy()
    expect(JSON.stringify(structured(status))).toContain(SECRET)
    const listed = await owner.callTool({ name: 'ratchet_list_executions', arguments: {} })
    expect((structured(listed).executions as Array<{ execution_id: string }>).map((e) => e.execution_id)).toContain(executionId)
  })

  test('a key without permissions cannot read another key’s execution through any tool, resource or task', async () => {
    const status = await readonly.callTool({ name: 'ratchet_get_execution_status', arguments: { execution_id: executionId, include_input: true, include_output: true } })
    expect(status.isError).toBe(true)
    expect(resultText(status)).toBe(`permission denied: execution "${executionId}" was started by another client; using it needs permissions.can_read_all_executions, which key "readonly" does not have`)
    expect(resultText(status)).not.toContain(SECRET)

    const results = await readonly.callTool({ name: 'ratchet_get_results', arguments: { execution_id: executionId, include_data: true } })
    expect(results.isError).toBe(true)
    expect(resultText(results)).toContain('can_read_all_executions')

    const allResults = await readonly.callTool({ name: 'ratchet_get_results', arguments: { include_data: true } })
    expect(JSON.stringify(allResults)).not.toContain(SECRET)
    expect(structured(allResults)).toMatchObject({ total_count: 0 })

    const listed = await readonly.callTool({ name: 'ratchet_list_executions', arguments: {} })
    expect(structured(listed).executions).toEqual([])
    expect(JSON.stringify(listed)).not.toContain(SECRET)

    const resource = await protocolError(readonly.readResource({ uri: `ratchet://executions/${executionId}` }))
    expect(resource.message).toContain('needs permissions.can_read_all_executions, which key "readonly" does not have')
    const { resources } = await readonly.listResources()
    expect(resources.map((r) => r.uri)).not.toContain(`ratchet://executions/${executionId}`)

    await expect(readonly.request({ method: 'tasks/get', params: { taskId: executionId } }, CallToolResultSchema.passthrough())).rejects.toThrow()
    await expect(readonly.request({ method: 'tasks/result', params: { taskId: executionId } }, CallToolResultSchema)).rejects.toThrow()
  })

  test('another executing key sees neither the execution nor its logs, and cannot cancel it', async () => {
    for (const name of ['ratchet_get_execution_status', 'ratchet_get_execution_logs', 'ratchet_get_execution_trace', 'ratchet_analyze_execution_error', 'ratchet_cancel_execution']) {
      const result = await otherRunner.callTool({ name, arguments: { execution_id: executionId } })
      expect(result.isError).toBe(true)
      expect(resultText(result)).toContain('needs permissions.can_read_all_executions, which key "other" does not have')
    }
    const logs = await protocolError(otherRunner.readResource({ uri: `ratchet://executions/${executionId}/logs` }))
    expect(logs.message).toContain('can_read_all_executions')
    const listed = await otherRunner.callTool({ name: 'ratchet_list_executions', arguments: {} })
    expect(structured(listed).executions).toEqual([])
  })

  test('can_read_all_executions shows every execution; input and output also need can_execute_tasks', async () => {
    const seen = await auditor.callTool({ name: 'ratchet_get_execution_status', arguments: { execution_id: executionId, include_input: true, include_output: true } })
    expect(seen.isError).toBeFalsy()
    expect(structured(seen)).toMatchObject({ status: 'completed' })
    expect(JSON.stringify(seen)).not.toContain(SECRET)
    const resource = await auditor.readResource({ uri: `ratchet://executions/${executionId}` })
    expect(JSON.stringify(resource)).not.toContain(SECRET)
    const listed = await auditor.callTool({ name: 'ratchet_list_executions', arguments: {} })
    expect((structured(listed).executions as Array<{ execution_id: string }>).map((e) => e.execution_id)).toContain(executionId)

    const full = await operator.callTool({ name: 'ratchet_get_execution_status', arguments: { execution_id: executionId, include_input: true, include_output: true } })
    expect(JSON.stringify(structured(full))).toContain(SECRET)
  })

  test('without can_execute_tasks the error has no stack, details or source line, only where it was thrown', async () => {
    const run = await owner.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'crash', input: { secret: 'x' }, trace: false } })
    const id = String(structured(run).execution_id)
    const full = structured(await operator.callTool({ name: 'ratchet_get_execution_status', arguments: { execution_id: id } })).error as Record<string, any>
    expect(full).toMatchObject({ type: 'Error', code: 'TASK_FAILED', location: { file: expect.any(String), line: 2 } })
    expect(full.stack).toBeString()
    expect(full.location.source).toContain('throw new Error')
    const seen = await auditor.callTool({ name: 'ratchet_get_execution_status', arguments: { execution_id: id } })
    expect(seen.isError).toBeFalsy()
    const reduced = structured(seen).error as Record<string, any>
    expect(reduced).toEqual({ type: full.type, code: full.code, message: full.message, ...(full.reason ? { reason: full.reason } : {}), location: { file: full.location.file, line: 2, ...(full.location.column !== undefined ? { column: full.location.column } : {}) } })
    expect(JSON.stringify(seen)).not.toContain('throw new Error')
  })

  test('a stored result belongs to the key that stored it', async () => {
    const stored = await otherRunner.callTool({ name: 'ratchet_store_result', arguments: { task_id: 'echo', status: 'completed', input: { secret: 'other-secret' }, output: { ok: true } } })
    expect(stored.isError).toBeFalsy()
    const id = String(structured(stored).execution_id)
    expect((await s.harness.store.getExecution(id))?.principal).toBe('other')
    expect(resultText(await owner.callTool({ name: 'ratchet_get_execution_status', arguments: { execution_id: id } }))).toContain('can_read_all_executions')
  })
})
