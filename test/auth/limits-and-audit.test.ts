import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createAccessControl } from '../../src/auth/access-control.ts'
import { createAuditLog, type AuditLog } from '../../src/auth/audit-log.ts'
import { createSecurity } from '../../src/auth/security.ts'
import { readSecuritySettings } from '../../src/auth/settings.ts'
import { resolveConfig } from '../../src/config/index.ts'
import { openSession, type Session } from '../mcp/helpers/session.ts'
import { clientsOn, keyPrincipal, resultText, type Clients } from './helpers/sessions.ts'

const SLEEP = 'function main(input, context) { return new Promise((resolve, reject) => { const t = setTimeout(() => resolve({ slept: input.ms }), input.ms); context.signal.addEventListener("abort", () => { clearTimeout(t); reject(context.signal.reason) }) }) }'
const CHATTY = 'function main(input, context) { for (let i = 0; i < 6; i++) context.log.info("line " + i); return { text: "y".repeat(input.size ?? 10) } }'
const SECRET_INPUT = 'input-value-that-must-never-be-audited'

let s: Session
let clients: Clients
let audit: AuditLog
let auditFile: string

beforeAll(async () => {
  s = await openSession({ workers: 2, config: { mcp: { tools: { enable_filesystem: true }, security: { max_execution_time: 1, max_log_entries: 3, response_size_limit: 600 } } } })
  await s.writeTask('sleepy', { code: SLEEP, inputSchema: { type: 'object', properties: { ms: { type: 'integer' } }, required: ['ms'] } })
  await s.writeTask('chatty', { code: CHATTY })
  auditFile = join(s.dir, 'logs', 'audit.jsonl')
  audit = createAuditLog({ enabled: true, file: auditFile, store: s.harness.store, logger: s.harness.logger, flushMs: 10 })
  const access = createAccessControl({ rateLimits: { perOperation: { execute_task: 3, logs: 2 } }, audit })
  clients = clientsOn(s, access)
})

afterAll(async () => {
  await clients?.close()
  await audit?.close()
  await s?.close()
})

describe('rate limits per key and operation', () => {
  test('execute_task_per_minute: over the limit the call is an isError result saying when to retry', async () => {
    const client = await clients.connect(keyPrincipal('burst', { can_execute_tasks: true }))
    for (let i = 0; i < 3; i++) expect((await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: i, b: 1 }, trace: false } })).isError).toBe(false)
    const refused = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 9, b: 1 } } })
    expect(refused.isError).toBe(true)
    expect(resultText(refused)).toMatch(/^rate limit exceeded: 3 per minute for execute_task \(key "burst"\); retry after \d+ s$/)
    // Another key has its own budget.
    const other = await clients.connect(keyPrincipal('other', { can_execute_tasks: true }))
    expect((await other.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 1, b: 1 }, trace: false } })).isError).toBe(false)
  })

  test('the key\'s executions_per_minute counts every item of a batch', async () => {
    const client = await clients.connect(keyPrincipal('batcher', { can_execute_tasks: true, rate_limits: { executions_per_minute: 3 } }))
    const requests = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, task_id: 'addition', input: { a: i, b: i } }))
    expect((await client.callTool({ name: 'ratchet_batch_execute', arguments: { requests: requests(2) } })).isError).toBe(false)
    const refused = await client.callTool({ name: 'ratchet_batch_execute', arguments: { requests: requests(2) } })
    expect(resultText(refused)).toMatch(/^rate limit exceeded: 3 per minute for executions \(key "batcher"\); retry after \d+ s$/)
  })

  test('logs_per_minute is the smaller of the server\'s and the key\'s limit, over tools and resources', async () => {
    const client = await clients.connect(keyPrincipal('logreader', { can_execute_tasks: true, can_read_logs: true, rate_limits: { logs_per_minute: 5 } }))
    const run = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'chatty', input: {}, trace: false } })
    const id = String((run.structuredContent as { execution_id: string }).execution_id)
    expect((await client.callTool({ name: 'ratchet_get_execution_logs', arguments: { execution_id: id } })).isError).toBe(false)
    expect((await client.readResource({ uri: `ratchet://executions/${id}/logs` })).contents).toHaveLength(1)
    const refused = await client.readResource({ uri: `ratchet://executions/${id}/logs` }).catch((error: Error) => error)
    expect((refused as Error).message).toContain('rate limit exceeded: 2 per minute for logs (key "logreader")')
  })

  test('max_concurrent_executions refuses an execution beyond the cap until one finishes', async () => {
    const principal = keyPrincipal('serial', { can_execute_tasks: true, rate_limits: { max_concurrent_executions: 1 } })
    const first = await clients.connect(principal)
    const second = await clients.connect(principal)
    const slow = first.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'sleepy', input: { ms: 400 }, trace: false } })
    await Bun.sleep(100)
    const refused = await second.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 1, b: 1 } } })
    expect(refused.isError).toBe(true)
    // Refused by the access control before any per-minute token is spent (a plain denial, not an escaped tool error).
    expect(resultText(refused)).toContain('concurrency limit exceeded: 1 executions at once (key "serial")')
    expect((await slow).isError).toBe(false)
    expect((await second.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 1, b: 1 }, trace: false } })).isError).toBe(false)
  })
})

describe('limits of the MCP core (mcp.security.*)', () => {
  test('max_execution_time caps the timeout a caller asks for', async () => {
    const client = await clients.connect(keyPrincipal('timer', { can_execute_tasks: true }))
    const began = Date.now()
    const result = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'sleepy', input: { ms: 5000 }, timeout: 600, trace: false } })
    expect(result.isError).toBe(true)
    expect(result.structuredContent).toMatchObject({ status: 'timed_out' })
    expect(Date.now() - began).toBeLessThan(3000)
  })

  test('max_log_entries caps what one call or resource read returns', async () => {
    const client = await clients.connect(keyPrincipal('logs2', { can_execute_tasks: true, can_read_logs: true }))
    const run = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'chatty', input: {}, trace: false } })
    const id = String((run.structuredContent as { execution_id: string }).execution_id)
    const logs = await client.callTool({ name: 'ratchet_get_execution_logs', arguments: { execution_id: id, limit: 100 } })
    expect(logs.structuredContent).toMatchObject({ total: 6, limit: 3, has_more: true })
    const [content] = (await client.readResource({ uri: `ratchet://executions/${id}/logs` })).contents
    const resource = JSON.parse('text' in content! ? content.text : '')
    expect(resource).toMatchObject({ truncated: true })
    expect(resource.entries).toHaveLength(3)
  })

  test('response_size_limit cuts the text of a result with a note', async () => {
    const client = await clients.connect(keyPrincipal('big', { can_execute_tasks: true }))
    const result = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'chatty', input: { size: 5000 }, trace: false } })
    expect(Buffer.byteLength(resultText(result))).toBeLessThan(1200)
    expect(resultText(result)).toContain('cut at 600 of')
  })
})

describe('stdio permissions', () => {
  test('without mcp.stdio_permissions the stdio client may do everything; with them, exactly what they grant', async () => {
    const open = createSecurity(readSecuritySettings(resolveConfig({}, { file: null, cwd: s.dir, env: {} }), { credentials: false }), { store: s.harness.store, logger: s.harness.logger })
    expect(open.stdioPrincipal.permissions).toMatchObject({ canExecuteTasks: true, canManageTasks: true, allowedTaskPatterns: ['*'] })
    const config = resolveConfig({ mcp: { auth_type: 'api_key', api_keys: [{ key: 'short', name: 'unused-over-stdio' }], stdio_permissions: { can_execute_tasks: true, denied_task_patterns: ['addition'] } } }, { file: null, cwd: s.dir, env: {} })
    const narrowed = createSecurity(readSecuritySettings(config, { credentials: false }), { store: s.harness.store, logger: s.harness.logger })
    expect(narrowed.stdioPrincipal).toMatchObject({ name: 'stdio', kind: 'stdio', permissions: { canExecuteTasks: true, canReadLogs: false, canManageTasks: false } })
    const client = await clients.connect(narrowed.stdioPrincipal)
    expect(resultText(await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 1, b: 1 } } }))).toBe('permission denied: the stdio client may not use task "addition" (denied_task_patterns entry "addition")')
    await Promise.all([open.close(), narrowed.close()])
  })
})

describe('audit', () => {
  test('tool calls, denials and task changes are recorded in the store and the file, never inputs or secrets', async () => {
    const principal = keyPrincipal('auditor', { can_execute_tasks: true, can_manage_tasks: true, denied_task_patterns: ['weather-api'] })
    const client = await clients.connect(principal)
    const ok = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 20, b: 22, note: SECRET_INPUT }, trace: false } })
    const executionId = String((ok.structuredContent as { execution_id?: string }).execution_id)
    await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'weather-api', input: { city: SECRET_INPUT } } })
    const created = await client.callTool({ name: 'ratchet_create_task', arguments: { name: 'audited-task', description: SECRET_INPUT, code: `function main() { return "${SECRET_INPUT}" }`, input_schema: { type: 'object' }, output_schema: { type: 'string' }, run_tests: false } })
    expect(created.isError).toBe(false)
    await audit.flush()

    const entries = await s.harness.store.listAudit({ principal: 'auditor' })
    const calls = entries.filter((e) => e.event === 'tool_call').reverse()
    expect(calls.map((e) => [e.tool, e.task, e.outcome])).toEqual([
      ['ratchet_execute_task', 'addition', 'error'],
      ['ratchet_execute_task', 'weather-api', 'denied'],
      ['ratchet_create_task', 'audited-task', 'ok'],
    ])
    expect(calls[0]).toMatchObject({ principalKind: 'api_key', executionId })
    expect(calls[0]!.durationMs).toBeGreaterThanOrEqual(0)
    expect(calls[1]!.reason).toContain('denied_task_patterns entry "weather-api"')
    expect(entries.filter((e) => e.event === 'task_change')).toMatchObject([{ task: 'audited-task', outcome: 'ok', detail: { change: 'create' } }])

    const lines = (await readFile(auditFile, 'utf8')).trim().split('\n').map((line) => JSON.parse(line))
    expect(lines.some((l) => l.event === 'tool_call' && l.principal === 'auditor' && l.outcome === 'denied')).toBe(true)
    expect(lines.some((l) => l.event === 'task_change' && l.task === 'audited-task')).toBe(true)
    expect(await readFile(auditFile, 'utf8')).not.toContain(SECRET_INPUT)
    expect(JSON.stringify((await s.harness.store.listAudit({ limit: 1000 })))).not.toContain(SECRET_INPUT)
  })
})
