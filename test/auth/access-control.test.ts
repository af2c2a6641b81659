import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { createAccessControl, type AccessControl } from '../../src/auth/access-control.ts'
import { createAuditLog } from '../../src/auth/audit-log.ts'
import { openSession, type Session } from '../mcp/helpers/session.ts'
import { clientsOn, keyPrincipal, protocolError, resultText, type Clients } from './helpers/sessions.ts'

let s: Session
let access: AccessControl
let clients: Clients
let limited: Client
let reader: Client
let admin: Client
let hiddenExecution: string
let visibleExecution: string

const SLEEP = 'function main(input, context) { return new Promise((resolve, reject) => { const t = setTimeout(() => resolve({ slept: input.ms }), input.ms); context.signal.addEventListener("abort", () => { clearTimeout(t); reject(context.signal.reason) }) }) }'

const structured = (result: unknown) => (result as { structuredContent: Record<string, unknown> }).structuredContent

beforeAll(async () => {
  s = await openSession({ workers: 2, config: { mcp: { tools: { enable_filesystem: true }, expose_tasks_as_tools: true } } })
  await s.writeTask('sleepy', { code: SLEEP, inputSchema: { type: 'object', properties: { ms: { type: 'integer' } }, required: ['ms'] } })
  access = createAccessControl({ rateLimits: { perOperation: {} }, audit: createAuditLog({ enabled: false, file: null, logger: s.harness.logger }) })
  clients = clientsOn(s, access)
  limited = await clients.connect(keyPrincipal('limited', { can_execute_tasks: true, allowed_task_patterns: ['add*', 'sleep*', 'data-*'], denied_task_patterns: ['data-transformer'] }))
  reader = await clients.connect(keyPrincipal('reader', { can_read_logs: true, can_read_traces: true, can_read_all_executions: true, allowed_task_patterns: ['addition'] }))
  admin = await clients.connect(keyPrincipal('admin', { can_execute_tasks: true, can_read_logs: true, can_read_traces: true, can_access_system_info: true }))
  const hidden = await admin.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'csv-parser', input: { csv: 'a,b\n1,2' }, trace: false } })
  hiddenExecution = String(structured(hidden).execution_id)
  const visible = await admin.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 1, b: 2 }, trace: false } })
  visibleExecution = String(structured(visible).execution_id)
})

afterAll(async () => {
  await clients?.close()
  await s?.close()
})

describe('task patterns', () => {
  test('list_available_tasks shows only the tasks a key may see (denied patterns win)', async () => {
    const result = await limited.callTool({ name: 'ratchet_list_available_tasks', arguments: {} })
    const names = (structured(result).tasks as Array<{ name: string }>).map((t) => t.name).sort()
    expect(names).toEqual(['addition', 'sleepy'])
    expect(structured(result).pagination).toMatchObject({ total_count: 2 })
  })

  test('list_executions, get_results and resources/list leave out executions of hidden tasks', async () => {
    const listed = await reader.callTool({ name: 'ratchet_list_executions', arguments: {} })
    const tasks = new Set((structured(listed).executions as Array<{ task_id: string }>).map((e) => e.task_id))
    expect([...tasks]).toEqual(['addition'])
    const results = await reader.callTool({ name: 'ratchet_get_results', arguments: { task_id: 'csv-parser' } })
    expect(structured(results)).toMatchObject({ total_count: 0 })
    const { resources } = await reader.listResources()
    const uris = resources.map((r) => r.uri)
    expect(uris).toContain('ratchet://tasks/addition')
    expect(uris).not.toContain('ratchet://tasks/csv-parser')
    expect(uris).toContain(`ratchet://executions/${visibleExecution}`)
    expect(uris).not.toContain(`ratchet://executions/${hiddenExecution}`)
  })

  test('completions do not offer hidden task names', async () => {
    const { completion } = await reader.complete({ ref: { type: 'ref/resource', uri: 'ratchet://tasks/{name}' }, argument: { name: 'name', value: '' } })
    expect(completion.values).toEqual(['addition'])
  })

  test('execute_task of a task outside the patterns is refused, naming the pattern and the key', async () => {
    const denied = await limited.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'data-transformer', input: {} } })
    expect(denied.isError).toBe(true)
    expect(resultText(denied)).toBe('permission denied: key "limited" may not use task "data-transformer" (denied_task_patterns entry "data-transformer")')
    const outside = await limited.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'weather-api', input: {} } })
    expect(resultText(outside)).toContain('may not use task "weather-api" (allowed_task_patterns ["add*","sleep*","data-*"])')
    const ok = await limited.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 2, b: 3 }, trace: false } })
    expect(ok.isError).toBe(false)
  })

  test('a batch is checked item by item: one denied task refuses the whole batch', async () => {
    const result = await limited.callTool({
      name: 'ratchet_batch_execute',
      arguments: { requests: [{ id: 'one', task_id: 'addition', input: { a: 1, b: 1 } }, { id: 'two', task_id: 'weather-api', input: {} }] },
    })
    expect(result.isError).toBe(true)
    expect(resultText(result)).toContain('may not use task "weather-api"')
  })

  test('an execution of a hidden task is refused by tools and resources alike', async () => {
    const status = await limited.callTool({ name: 'ratchet_get_execution_status', arguments: { execution_id: hiddenExecution } })
    expect(resultText(status)).toBe(`permission denied: execution "${hiddenExecution}" is of a task key "limited" may not use (allowed_task_patterns ["add*","sleep*","data-*"])`)
    const read = await protocolError(reader.readResource({ uri: `ratchet://executions/${hiddenExecution}` }))
    expect(read.code).toBe(-32003)
    expect(read.message).toContain('key "reader" may not read')
    const task = await protocolError(reader.readResource({ uri: 'ratchet://tasks/csv-parser/source' }))
    expect(task.message).toContain('may not read task "csv-parser"')
  })

  test('tasks as tools: only visible tasks are offered, and running one needs can_execute_tasks', async () => {
    const { tools } = await reader.listTools()
    const taskTools = tools.map((t) => t.name).filter((n) => n.startsWith('task_'))
    expect(taskTools).toEqual(['task_addition'])
    const refused = await reader.callTool({ name: 'task_addition', arguments: { a: 1, b: 2 } })
    expect(resultText(refused)).toBe('permission denied: task_addition needs permissions.can_execute_tasks, which key "reader" does not have')
  })

  test('a refused task-augmented call becomes a failed task that says why', async () => {
    const created = await limited.request({ method: 'tools/call', params: { name: 'ratchet_execute_task', arguments: { task_id: 'weather-api', input: {} }, task: { ttl: 60_000 } } }, (await import('@modelcontextprotocol/sdk/types.js')).CreateTaskResultSchema)
    expect(created.task.status).toBe('failed')
    expect(created.task.statusMessage).toContain('may not use task "weather-api"')
  })
})

describe('capabilities', () => {
  test('logs and traces need can_read_logs and can_read_traces, over tools and resources', async () => {
    const logs = await limited.callTool({ name: 'ratchet_get_execution_logs', arguments: { execution_id: visibleExecution } })
    expect(resultText(logs)).toBe('permission denied: ratchet_get_execution_logs needs permissions.can_read_logs, which key "limited" does not have')
    const trace = await limited.callTool({ name: 'ratchet_get_execution_trace', arguments: { execution_id: visibleExecution } })
    expect(resultText(trace)).toContain('needs permissions.can_read_traces')
    const resource = await protocolError(limited.readResource({ uri: `ratchet://executions/${visibleExecution}/logs` }))
    expect(resource).toMatchObject({ code: -32003 })
    expect(resource.message).toContain('needs permissions.can_read_logs, which key "limited" does not have')
    const prompt = await protocolError(limited.getPrompt({ name: 'debug_execution', arguments: { execution_id: visibleExecution } }))
    expect(prompt.message).toContain('can_read_logs')
    expect((await reader.callTool({ name: 'ratchet_get_execution_logs', arguments: { execution_id: visibleExecution } })).isError).toBe(false)
    expect((await reader.readResource({ uri: `ratchet://executions/${visibleExecution}/trace` })).contents).toHaveLength(1)
  })

  test('task management is off unless granted, even for a key that may do everything else', async () => {
    for (const [name, args] of [
      ['ratchet_create_task', { name: 'addition-2', description: 'x', code: 'function main() { return 1 }', input_schema: { type: 'object' }, output_schema: { type: 'number' } }],
      ['ratchet_delete_task', { task_id: 'addition' }],
      ['ratchet_import_tasks', { data: [] }],
      ['ratchet_validate_task', { code: 'function main() { return 1 }' }],
    ] as const) {
      const result = await admin.callTool({ name, arguments: args })
      expect(resultText(result)).toBe(`permission denied: ${name} needs permissions.can_manage_tasks, which key "admin" does not have`)
    }
  })

  test('system information needs can_access_system_info', async () => {
    const refused = await limited.callTool({ name: 'ratchet_registry_health', arguments: {} })
    expect(resultText(refused)).toContain('needs permissions.can_access_system_info')
    expect((await admin.callTool({ name: 'ratchet_registry_health', arguments: {} })).isError).toBe(false)
  })

  test('tools that need nothing still work for a key with no permissions', async () => {
    const nobody = await clients.connect(keyPrincipal('nobody', {}))
    expect((await nobody.callTool({ name: 'ratchet_list_available_tasks', arguments: {} })).isError).toBe(false)
    expect((await nobody.callTool({ name: 'ratchet_get_developer_endpoint_reference', arguments: {} })).isError).toBe(false)
    expect(resultText(await nobody.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 1, b: 1 } } }))).toContain('needs permissions.can_execute_tasks')
  })
})
