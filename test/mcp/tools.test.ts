import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { CreateMessageRequestSchema, ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js'
import { TOOL_DEFINITIONS } from '../../generated/tools.ts'
import { TOOL_HANDLERS } from '../../src/mcp/tools/index.ts'
import { openSession, textOf, type Session } from './helpers/session.ts'
import { PROBE_DEFINITIONS, PROBE_HANDLERS, seen } from './helpers/probe-tools.ts'

const probeServer = { definitions: PROBE_DEFINITIONS, handlers: PROBE_HANDLERS, heartbeatMs: 40 }

describe('tools/list and tools/call with the real tool table', () => {
  let s: Session
  beforeAll(async () => {
    s = await openSession()
  })
  afterAll(() => s.close())

  test('lists every tool that has a handler and an enabled group as ratchet_<name>, with schemas and annotations', async () => {
    const { tools } = await s.client.listTools()
    const offered = TOOL_DEFINITIONS.filter((d) => TOOL_HANDLERS[d.name] && d.group !== 'filesystem')
    expect(tools.map((t) => t.name).sort()).toEqual(offered.map((d) => `ratchet_${d.name}`).sort())
    const execute = tools.find((t) => t.name === 'ratchet_execute_task')!
    const definition = TOOL_DEFINITIONS.find((d) => d.name === 'execute_task')!
    expect(execute.description).toBe(definition.description)
    expect(execute.inputSchema).toEqual(definition.inputSchema as never)
    expect(execute.outputSchema).toEqual(definition.outputSchema as never)
    expect(execute.annotations).toEqual(definition.annotations)
    expect(execute.execution).toEqual({ taskSupport: 'optional' })
    const forbidden = tools.find((t) => t.name === 'ratchet_list_available_tasks')!
    expect(forbidden.execution).toBeUndefined()
  })

  test('leaves out the filesystem tools by default and refuses them naming the switch', async () => {
    const { tools } = await s.client.listTools()
    expect(tools.some((t) => t.name === 'ratchet_create_task')).toBe(false)
    if (!TOOL_HANDLERS.create_task) return
    const result = await s.client.callTool({ name: 'ratchet_create_task', arguments: {} })
    expect(result.isError).toBe(true)
    expect(textOf(result)).toContain('mcp.tools.enable_filesystem: true')
  })

  test('runs execute_task on a sample task: structured output with the execution id', async () => {
    const result = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 2, b: 3 } } })
    expect(result.isError).toBe(false)
    const out = result.structuredContent as { execution_id: string; status: string; output: unknown }
    expect(out.status).toBe('completed')
    expect(out.output).toEqual({ result: 5 })
    expect((await s.harness.store.getExecution(out.execution_id))?.source).toBe('mcp')
    expect(textOf(result)).toContain(JSON.stringify(out, null, 2))
  })

  test('accepts the dotted ratchet.<name> spelling of the integration guide', async () => {
    const result = await s.client.callTool({ name: 'ratchet.execute_task', arguments: { task_id: 'addition', input: { a: 1, b: 1 } } })
    expect(result.isError).toBe(false)
    expect((result.structuredContent as { output: unknown }).output).toEqual({ result: 2 })
  })

  test('a task that fails is an isError result with the execution id, not a protocol error', async () => {
    const result = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 'x', b: 3 } } })
    expect(result.isError).toBe(true)
    const out = result.structuredContent as { execution_id: string; status: string; error: { code: string } }
    expect(out.status).toBe('failed')
    expect(out.error.code).toBe('INPUT_INVALID')
    expect((await s.harness.store.getExecution(out.execution_id))?.status).toBe('failed')
    expect(textOf(result)).toContain(out.execution_id)
  })

  test('a task that does not exist is an AppError result ({error: {code: TASK_NOT_FOUND}})', async () => {
    const result = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'no-such-task' } })
    expect(result.isError).toBe(true)
    expect(JSON.parse(textOf(result)).error.code).toBe('TASK_NOT_FOUND')
  })

  test('an unknown tool is an isError result that names similar tools', async () => {
    const result = await s.client.callTool({ name: 'ratchet_execute_tsk', arguments: {} })
    expect(result.isError).toBe(true)
    expect(textOf(result)).toContain('Unknown tool "ratchet_execute_tsk"')
    expect(textOf(result)).toContain('Did you mean ratchet_execute_task')
  })

  test('the http-json-fetch sample names the failed request once in its NetworkError', async () => {
    const result = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'http-json-fetch', input: { url: 'http://127.0.0.1:1/unreachable' }, trace: false } })
    expect(result.isError).toBe(true)
    const { error } = result.structuredContent as { error: { type: string; message: string } }
    expect(error.type).toBe('NetworkError')
    expect(error.message).toStartWith('GET http://127.0.0.1:1/unreachable failed: ')
    expect(error.message.split(' failed: ')).toHaveLength(2)
  })

  test("runs the integration guide's batch example: items without ids get their index as id", async () => {
    const result = await s.client.callTool({
      name: 'ratchet.batch_execute',
      arguments: { tasks: [{ task_id: 'addition', input: { a: 1, b: 2 } }, { task_id: 'addition', input: { a: 3, b: 4 } }], max_parallel: 2, fail_fast: true },
    })
    expect(result.isError).toBe(false)
    const out = result.structuredContent as { results: Array<{ id: string; status: string; output: unknown }>; max_parallel: number }
    expect(out.results.map((r) => [r.id, r.status, r.output])).toEqual([
      ['0', 'completed', { result: 3 }],
      ['1', 'completed', { result: 7 }],
    ])
    expect(out.max_parallel).toBe(2)
  })

  test('a batch dependency on an id that is not in the batch is still refused, naming the ids there are', async () => {
    const result = await s.client.callTool({
      name: 'ratchet_batch_execute',
      arguments: { tasks: [{ task_id: 'addition', input: { a: 1, b: 2 } }, { task_id: 'addition', input: { a: 1, b: 2 }, dependencies: ['first'] }] },
    })
    expect(result.isError).toBe(true)
    const { error } = JSON.parse(textOf(result)) as { error: { code: string; message: string; data: { ids: string[] } } }
    expect(error.code).toBe('BAD_INPUT')
    expect(error.message).toBe('Request "1" depends on "first", which is not in the batch')
    expect(error.data.ids).toEqual(['0', '1'])
  })

  test('invalid arguments are an isError result naming each field, never a JSON-RPC error', async () => {
    const result = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 7, trace: 'yes', extra: 1 } })
    expect(result.isError).toBe(true)
    const { error } = JSON.parse(textOf(result)) as { error: { code: string; message: string; data: { errors: Array<{ path: string; message: string }> } } }
    expect(error.code).toBe('BAD_INPUT')
    expect(error.data.errors).toContainEqual({ path: '/task_id', message: 'must be string' })
    expect(error.data.errors).toContainEqual({ path: '/trace', message: 'must be boolean' })
    expect(error.data.errors).toContainEqual({ path: '(root)', message: "must not have additional property 'extra'" })
    expect(error.message).toContain('task_id: must be string')
    expect(error.message).toContain('trace: must be boolean')
  })
})

describe('tool groups', () => {
  test('mcp.tools.enable_* switches hide a group and its calls say which switch to turn on', async () => {
    const s = await openSession({ config: { mcp: { tools: { enable_monitoring: false, enable_execution: false } } }, server: { definitions: PROBE_DEFINITIONS, handlers: PROBE_HANDLERS } })
    try {
      const { tools } = await s.client.listTools()
      expect(tools.map((t) => t.name)).toEqual(['ratchet_probe'])
      const watch = await s.client.callTool({ name: 'ratchet_probe_watch', arguments: {} })
      expect(watch.isError).toBe(true)
      expect(textOf(watch)).toContain('mcp.tools.enable_monitoring: true')
      // batch_execute needs enable_execution as well as enable_batch.
      const batch = await s.client.callTool({ name: 'ratchet_probe_batch', arguments: {} })
      expect(textOf(batch)).toContain('mcp.tools.enable_execution: true')
      expect(textOf(batch)).not.toContain('enable_batch')
    } finally {
      await s.close()
    }
  })

  test('enable_progress: false sends no progress (and no heartbeat) even with a progress token', async () => {
    const s = await openSession({ config: { mcp: { tools: { enable_progress: false } } }, server: { definitions: PROBE_DEFINITIONS, handlers: PROBE_HANDLERS, heartbeatMs: 20 } })
    try {
      const updates: unknown[] = []
      await s.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'progress', count: 3, delay_ms: 30 } }, undefined, { onprogress: (p) => void updates.push(p) })
      expect(updates).toEqual([])
      expect(seen.ctx?.progress).toBeUndefined()
    } finally {
      await s.close()
    }
  })

  test('enable_filesystem: true offers the filesystem tools', async () => {
    const s = await openSession({ config: { mcp: { tools: { enable_filesystem: true } } } })
    try {
      const names = (await s.client.listTools()).tools.map((t) => t.name)
      for (const d of TOOL_DEFINITIONS.filter((d) => d.group === 'filesystem' && TOOL_HANDLERS[d.name])) expect(names).toContain(`ratchet_${d.name}`)
    } finally {
      await s.close()
    }
  })
})

describe('tools/call mechanics (test-only probe tool)', () => {
  let s: Session
  beforeAll(async () => {
    s = await openSession({ server: probeServer, config: { mcp: { security: { response_size_limit: 2000 } } }, capabilities: { sampling: {}, elicitation: {} } })
    s.client.setRequestHandler(CreateMessageRequestSchema, async () => ({ role: 'assistant', content: { type: 'text', text: 'hi from the model' }, model: 'test-model' }))
    s.client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'accept', content: { name: 'Ada' } }))
  })
  afterAll(() => s.close())

  test('fills schema defaults (nested too) before calling the handler, and puts the summary first', async () => {
    const result = await s.client.callTool({ name: 'ratchet_probe', arguments: {} })
    expect(seen.input).toEqual({ mode: 'echo', count: 3, delay_ms: 0, options: { flag: true } })
    expect(result.structuredContent).toEqual({ mode: 'echo', args: seen.input })
    expect(textOf(result)).toStartWith('echoed\n\n{')
    expect(seen.ctx?.principal).toMatchObject({ name: 'test', kind: 'stdio' })
    expect(seen.ctx?.tasksDir).toEndWith('/tasks')
  })

  test('an AppError becomes {error: {code, message, hint, data}} with isError', async () => {
    const result = await s.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'app_error' } })
    expect(result.isError).toBe(true)
    expect(result.structuredContent).toBeUndefined()
    expect(JSON.parse(textOf(result))).toEqual({ error: { code: 'TASK_NOT_FOUND', message: 'Task "nope" not found', hint: 'List the tasks first.', data: { taskId: 'nope' } } })
  })

  test('an unexpected exception is a generic isError result; the stack goes to the server log', async () => {
    const result = await s.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'crash' } })
    expect(result.isError).toBe(true)
    expect(textOf(result)).toContain('internal error')
    expect(textOf(result)).not.toContain('boom')
    const line = s.harness.logger.lines.find((l) => l.message === 'MCP tool failed unexpectedly')
    expect(String(line?.fields?.stack)).toContain('boom: something unexpected')
  })

  test('an output that breaks the output schema is reported as an internal error', async () => {
    const result = await s.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'bad_output' } })
    expect(result.isError).toBe(true)
    expect(textOf(result)).toContain('internal error')
  })

  test('text over mcp.security.response_size_limit is cut with a paging note; too-big structured output is shortened, not an error', async () => {
    const result = await s.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'big', size: 5000 } })
    const text = textOf(result)
    expect(Buffer.byteLength(text)).toBeLessThan(2900)
    expect(text).toContain('cut at 2000 of')
    expect(text).toContain('limit/offset')
    expect(result.isError).toBe(false)
    const structured = result.structuredContent as { mode: string; text: string }
    expect(structured.mode).toBe('big')
    expect(structured.text).toMatch(/^x+ … \[cut: 5002 bytes\]$/)
    expect(Buffer.byteLength(JSON.stringify(structured))).toBeLessThanOrEqual(2000)
    expect(text).toContain('structuredContent is shortened to fit mcp.security.response_size_limit (2000 bytes): /text is cut to')
    const small = await s.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'big', size: 100 } })
    expect(small.isError).toBe(false)
    expect(small.structuredContent).toEqual({ mode: 'big', text: 'x'.repeat(100) })
  })

  test('sends increasing progress for a progress token, plus heartbeats while the tool is quiet', async () => {
    const updates: Array<{ progress: number; total?: number; message?: string }> = []
    await s.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'progress', count: 3, delay_ms: 150 } }, undefined, { onprogress: (p) => void updates.push(p) })
    const values = updates.map((u) => u.progress)
    expect(values).toEqual([...values].sort((a, b) => a - b))
    expect(new Set(values).size).toBe(values.length)
    expect(updates.filter((u) => u.message?.startsWith('step')).length).toBeGreaterThanOrEqual(2)
    expect(updates.some((u) => u.message?.startsWith('still running'))).toBe(true)
    expect(updates[0]).toMatchObject({ progress: 1, total: 3, message: 'step 1' })
  })

  test('a heartbeat keeps a quiet call alive past the client timeout (resetTimeoutOnProgress)', async () => {
    const updates: number[] = []
    const result = await s.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'sleep', delay_ms: 400 } }, undefined, { timeout: 150, resetTimeoutOnProgress: true, onprogress: (p) => void updates.push(p.progress) })
    expect(result.structuredContent).toEqual({ mode: 'sleep', text: 'slept' })
    expect(updates.length).toBeGreaterThanOrEqual(3)
  })

  test('no progress token, no progress: ctx.progress is absent', async () => {
    await s.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'echo' } })
    expect(seen.ctx?.progress).toBeUndefined()
  })

  test('cancelling the request (AbortSignal → notifications/cancelled) aborts ctx.signal', async () => {
    const controller = new AbortController()
    const call = s.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'sleep', delay_ms: 5000 } }, undefined, { signal: controller.signal })
    await Bun.sleep(100)
    controller.abort('user pressed stop')
    await expect(call).rejects.toThrow()
    await Bun.sleep(50)
    expect(seen.aborted).toBe(true)
    expect(seen.ctx?.signal.aborted).toBe(true)
  })

  test('cancelling a call cancels the executions it started, even if the handler ignores the signal', async () => {
    const controller = new AbortController()
    const call = s.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'run', task: 'progress-reporter', input: { steps: 50, delay_ms: 100 } } }, undefined, { signal: controller.signal })
    await Bun.sleep(300)
    controller.abort()
    await expect(call).rejects.toThrow()
    const id = seen.executionId!
    const record = await (async () => {
      for (let i = 0; i < 300; i++) {
        const r = await s.harness.store.getExecution(id)
        if (r && r.status !== 'running' && r.status !== 'queued') return r
        await Bun.sleep(10)
      }
      return (await s.harness.store.getExecution(id))
    })()
    expect(record?.status).toBe('cancelled')
  })

  test('the client bridge samples and elicits through the client', async () => {
    const sampled = await s.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'sample' } })
    expect(sampled.structuredContent).toEqual({ mode: 'sample', text: 'hi from the model' })
    expect(seen.ctx?.client.supportsSampling).toBe(true)
    const elicited = await s.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'elicit' } })
    expect(elicited.structuredContent).toEqual({ mode: 'elicit', text: 'accept:Ada' })
  })

  test('without the client capability, sampling is a clear isError', async () => {
    const other = await s.connectAnother({})
    const result = await other.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'sample' } })
    expect(result.isError).toBe(true)
    expect(JSON.parse(textOf(result)).error.message).toContain('does not support sampling')
    const elicit = await other.client.callTool({ name: 'ratchet_probe', arguments: { mode: 'elicit' } })
    expect(JSON.parse(textOf(elicit)).error.message).toContain('does not support elicitation')
  })
})

describe('results larger than mcp.security.response_size_limit', () => {
  let s: Session
  const huge = 'function main(input) { return { rows: Array.from({ length: input.n }, (_, i) => ({ i, text: "row " + i })) } }'
  const placeholderOf = (id: string) => ({ truncated: true, bytes: expect.any(Number), resource: `ratchet://executions/${id}` })

  beforeAll(async () => {
    s = await openSession({ config: { mcp: { security: { response_size_limit: 3000, max_tool_result_text: 1500 } } } })
    await s.writeTask('huge-output', { code: huge })
  })
  afterAll(() => s.close())

  test('execute_task succeeds (isError false) with the output replaced by a placeholder naming the execution resource', async () => {
    const result = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'huge-output', input: { n: 400 } } })
    expect(result.isError).toBe(false)
    const out = result.structuredContent as { execution_id: string; status: string; output: { bytes: number } }
    expect(out.status).toBe('completed')
    expect(out.output).toEqual(placeholderOf(out.execution_id))
    expect(out.output.bytes).toBe(Buffer.byteLength(JSON.stringify((await s.harness.store.getExecution(out.execution_id))!.output)))
    expect(Buffer.byteLength(JSON.stringify(out))).toBeLessThanOrEqual(3000)
    const text = textOf(result)
    expect(text).toContain('cut at 1500 of')
    expect(text).toContain('mcp.security.max_tool_result_text')
    expect(text).toContain(`Read the whole record from the resource ratchet://executions/${out.execution_id}`)
    expect(text).toContain(`structuredContent is shortened to fit mcp.security.response_size_limit (3000 bytes): /output (${out.output.bytes} bytes) → placeholder.`)
    const record = await s.client.readResource({ uri: `ratchet://executions/${out.execution_id}` })
    const full = JSON.parse((record.contents[0] as { text: string }).text) as { output: { rows: unknown[] } }
    expect(full.output.rows).toHaveLength(400)
  })

  test('get_execution_status, list_executions, get_results and batch_execute shorten the same way', async () => {
    const run = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'huge-output', input: { n: 300 }, trace: false } })
    const id = (run.structuredContent as { execution_id: string }).execution_id
    const status = await s.client.callTool({ name: 'ratchet_get_execution_status', arguments: { execution_id: id } })
    expect(status.isError).toBe(false)
    expect((status.structuredContent as { output: unknown }).output).toEqual(placeholderOf(id))

    const listed = await s.client.callTool({ name: 'ratchet_list_executions', arguments: { task_id: 'huge-output', include_output: true } })
    expect(listed.isError).toBe(false)
    const executions = (listed.structuredContent as { executions: Array<{ execution_id: string; output: unknown }> }).executions
    expect(executions.length).toBeGreaterThan(0)
    for (const e of executions) expect(e.output).toEqual(placeholderOf(e.execution_id))

    const results = await s.client.callTool({ name: 'ratchet_get_results', arguments: { execution_id: id, include_data: true } })
    expect(results.isError).toBe(false)
    expect((results.structuredContent as { executions: Array<{ output: unknown }> }).executions[0].output).toEqual(placeholderOf(id))

    const batch = await s.client.callTool({ name: 'ratchet_batch_execute', arguments: { tasks: [{ task_id: 'huge-output', input: { n: 300 } }, { task_id: 'addition', input: { a: 1, b: 2 } }] } })
    expect(batch.isError).toBe(false)
    const items = (batch.structuredContent as { results: Array<{ execution_id: string; output: unknown }> }).results
    expect(items[0].output).toEqual(placeholderOf(items[0].execution_id))
    expect(textOf(batch)).toContain(`Read a replaced value with resources/read of its resource (ratchet://executions/${items[0].execution_id}); page through many executions with ratchet_get_results`)
    expect(items[1].output).toEqual({ result: 3 })
  })

  test('a failed execution stays an error, and a small output is untouched', async () => {
    const failed = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 'x', b: 1 } } })
    expect(failed.isError).toBe(true)
    const small = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'huge-output', input: { n: 2 }, trace: false } })
    expect(small.isError).toBe(false)
    expect((small.structuredContent as { output: unknown }).output).toEqual({ rows: [{ i: 0, text: 'row 0' }, { i: 1, text: 'row 1' }] })
    expect(textOf(small)).not.toContain('cut at')
  })
})
