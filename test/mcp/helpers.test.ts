import { describe, expect, test } from 'bun:test'
import schema from '../../schemas/config.schema.json'
import { DEFAULTS, resolveConfig } from '../../src/config/index.ts'
import { errorResult, formatAppError, formatToolResult, OutputSchemaViolation } from '../../src/mcp/format-result.ts'
import { applyDefaults } from '../../src/mcp/internal/apply-defaults.ts'
import { shrinkOutput } from '../../src/mcp/internal/shrink-output.ts'
import { similarNames } from '../../src/mcp/internal/similar-names.ts'
import { truncateUtf8 } from '../../src/mcp/internal/truncate-utf8.ts'
import { createProgressReporter } from '../../src/mcp/progress-reporter.ts'
import { parseRatchetUri } from '../../src/mcp/resources.ts'
import { readMcpSettings } from '../../src/mcp/settings.ts'
import { taskToolName } from '../../src/mcp/task-tools.ts'
import { switchesOff } from '../../src/mcp/tool-catalog.ts'
import { AppError } from '../../src/errors.ts'
import { compileSchema } from '../../src/tasks/schema.ts'
import type { ProgressUpdate } from '../../src/mcp/tools/types.ts'

describe('applyDefaults', () => {
  const schema = {
    type: 'object',
    properties: {
      a: { type: 'number', default: 1 },
      o: { type: 'object', default: {}, properties: { flag: { type: 'boolean', default: true } } },
      list: { type: 'array', items: { type: 'object', properties: { n: { type: 'integer', default: 0 } } } },
    },
  }
  test('fills missing properties, nested defaults and array items without touching the argument', () => {
    const input = { list: [{}, { n: 5 }] }
    expect(applyDefaults(schema, input)).toEqual({ a: 1, o: { flag: true }, list: [{ n: 0 }, { n: 5 }] })
    expect(input).toEqual({ list: [{}, { n: 5 }] })
  })
  test('keeps given values, including falsy ones', () => {
    expect(applyDefaults(schema, { a: 0, o: { flag: false } })).toEqual({ a: 0, o: { flag: false } })
  })
  test('defaults are copies, not shared objects', () => {
    const first = applyDefaults(schema, {}) as { o: Record<string, unknown> }
    first.o.extra = 1
    expect(applyDefaults(schema, {})).toEqual({ a: 1, o: { flag: true } })
  })
})

describe('small helpers', () => {
  test('similarNames finds typos, missing prefixes and parts', () => {
    const names = ['ratchet_execute_task', 'ratchet_list_executions', 'ratchet_get_execution_logs', 'task_addition']
    expect(similarNames('ratchet_execute_tsk', names)[0]).toBe('ratchet_execute_task')
    expect(similarNames('execute_task', names)[0]).toBe('ratchet_execute_task')
    expect(similarNames('addition', names)).toEqual(['task_addition'])
    expect(similarNames('zzzzzzzz', names)).toEqual([])
  })

  test('truncateUtf8 cuts on a character boundary within the byte budget', () => {
    expect(truncateUtf8('abc', 10)).toEqual({ text: 'abc', bytes: 3, truncated: false })
    const cut = truncateUtf8('aé😀b', 4)
    expect(cut).toEqual({ text: 'aé', bytes: 8, truncated: true })
    expect(truncateUtf8('😀😀', 5).text).toBe('😀')
  })

  test('taskToolName sanitises to [A-Za-z0-9_-] and at most 128 characters', () => {
    expect(taskToolName('weather-api')).toBe('task_weather-api')
    expect(taskToolName('a.b c/d')).toBe('task_a_b_c_d')
    expect(taskToolName('x'.repeat(200))).toHaveLength(128)
  })

  test('parseRatchetUri reads the five templates and nothing else', () => {
    expect(parseRatchetUri('ratchet://tasks/weather-api')).toEqual({ kind: 'task', name: 'weather-api' })
    expect(parseRatchetUri('ratchet://tasks/a%20b/source')).toEqual({ kind: 'task-source', name: 'a b' })
    expect(parseRatchetUri('ratchet://executions/01x/logs')).toEqual({ kind: 'execution-logs', id: '01x' })
    expect(parseRatchetUri('ratchet://executions/01x/trace')).toEqual({ kind: 'execution-trace', id: '01x' })
    expect(parseRatchetUri('ratchet://executions/01x/other')).toBeNull()
    expect(parseRatchetUri('ratchet://tasks/x/logs')).toBeNull()
    expect(parseRatchetUri('file:///etc/passwd')).toBeNull()
    expect(parseRatchetUri('ratchet://tasks/%E0%A4%A')).toBeNull()
  })

  test.each([
    ['execution', { execution: false }, ['mcp.tools.enable_execution']],
    ['batch', { batch: false }, ['mcp.tools.enable_batch']],
    ['batch', { execution: false }, ['mcp.tools.enable_execution']],
    ['docs', { execution: false, batch: false }, []],
    ['filesystem', {}, []],
  ] as const)('switchesOff(%s, %o) = %o', (group, off, expected) => {
    const all = { execution: true, logging: true, monitoring: true, debugging: true, filesystem: true, batch: true, progress: true }
    expect(switchesOff(group, { ...all, ...off })).toEqual([...expected])
  })
})

describe('mcp settings', () => {
  test('defaults: every group on except filesystem, tasks not exposed, 50 MB results of which 1 MiB text', () => {
    const settings = readMcpSettings(resolveConfig({}, { file: null, cwd: '/tmp', env: {} }))
    expect(settings).toEqual({
      tools: { execution: true, logging: true, monitoring: true, debugging: true, filesystem: false, batch: true, progress: true },
      exposeTasksAsTools: false,
      responseSizeLimit: 50 * 1024 * 1024,
      maxToolResultText: 1024 * 1024,
      maxLogEntries: 1000,
      maxExecutionTime: 300,
    })
  })

  test('reads mcp.tools.*, expose_tasks_as_tools and mcp.security from the file; the execution cap is the smaller one', () => {
    const config = resolveConfig(
      { execution: { max_execution_time: 60 }, mcp: { expose_tasks_as_tools: true, tools: { enable_filesystem: true, enable_progress: false }, security: { response_size_limit: 4096, max_tool_result_text: 2048, max_log_entries: 10, max_execution_time: 120 } } },
      { file: null, cwd: '/tmp', env: {} },
    )
    expect(readMcpSettings(config)).toMatchObject({ exposeTasksAsTools: true, responseSizeLimit: 4096, maxToolResultText: 2048, maxLogEntries: 10, maxExecutionTime: 60, tools: { filesystem: true, progress: false, execution: true } })
  })

  test('the config schema documents the same defaults', () => {
    const mcp = schema.$defs.mcp.properties
    expect(mcp.security.properties.response_size_limit.default).toBe(DEFAULTS.mcp.security.response_size_limit)
    expect(mcp.security.properties.max_log_entries.default).toBe(DEFAULTS.mcp.security.max_log_entries)
    expect(mcp.security.properties.max_tool_result_text.default).toBe(DEFAULTS.mcp.security.max_tool_result_text)
    expect(mcp.expose_tasks_as_tools.default).toBe(DEFAULTS.mcp.expose_tasks_as_tools)
    for (const [key, value] of Object.entries(DEFAULTS.mcp.tools)) expect((mcp.tools.properties as Record<string, { default?: unknown }>)[key].default).toBe(value)
  })
})

describe('formatToolResult', () => {
  const outputSchema = compileSchema({ type: 'object', properties: { n: { type: 'number' } }, required: ['n'] })

  test('structuredContent plus the same JSON as text, after the summary', () => {
    expect(formatToolResult({ output: { n: 1 }, isError: false, summary: 'one' }, { outputSchema, limitBytes: 1000 })).toEqual({
      content: [{ type: 'text', text: 'one\n\n{\n  "n": 1\n}' }],
      structuredContent: { n: 1 },
      isError: false,
    })
  })

  test('an error output that does not match the schema goes out as text only', () => {
    const result = formatToolResult({ output: { error: 'x' }, isError: true }, { outputSchema, limitBytes: 1000 })
    expect(result.structuredContent).toBeUndefined()
    expect(result.isError).toBe(true)
  })

  test('a successful output that breaks the schema is a server bug', () => {
    expect(() => formatToolResult({ output: { n: 'one' }, isError: false }, { outputSchema, limitBytes: 1000 })).toThrow(OutputSchemaViolation)
  })

  test('without an output schema there is no structuredContent', () => {
    expect(formatToolResult({ output: 42, isError: false }, { limitBytes: 1000 })).toEqual({ content: [{ type: 'text', text: '42' }], isError: false })
  })

  test('the paging note points at the execution resources when there is an execution id', () => {
    const result = formatToolResult({ output: { execution_id: 'e1', blob: 'y'.repeat(500) }, isError: false }, { limitBytes: 100 })
    expect((result.content[0] as { text: string }).text).toContain('ratchet://executions/e1')
  })

  test('formatAppError keeps structuredContent only when the schema accepts the error object', () => {
    const error = new AppError('BUSY', 'Queue full', { hint: 'Retry', data: { capacity: 1 } })
    expect(formatAppError(error, { outputSchema, limitBytes: 1000 }).structuredContent).toBeUndefined()
    const accepting = compileSchema({ type: 'object', properties: { error: { type: 'object' } } })
    expect(formatAppError(error, { outputSchema: accepting, limitBytes: 1000 }).structuredContent).toEqual({ error: { code: 'BUSY', message: 'Queue full', hint: 'Retry', data: { capacity: 1 } } })
    expect(errorResult('nope')).toEqual({ content: [{ type: 'text', text: 'nope' }], isError: true })
  })
})

describe('createProgressReporter', () => {
  test('makes values strictly increasing and heartbeats while quiet, then stops', async () => {
    const sent: ProgressUpdate[] = []
    const reporter = createProgressReporter(async (u) => void sent.push(u), { heartbeatMs: 20 })
    reporter.report({ progress: 2, total: 4 })
    reporter.report({ progress: 2, total: 4, message: 'same again' })
    reporter.report({ progress: 1 })
    await Bun.sleep(70)
    await reporter.stop()
    const count = sent.length
    await Bun.sleep(50)
    expect(sent.length).toBe(count)
    const values = sent.map((u) => u.progress)
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1])
    expect(sent[0]).toEqual({ progress: 2, total: 4 })
    expect(sent[1]).toMatchObject({ message: 'same again', total: 4 })
    expect(sent.filter((u) => u.message?.startsWith('still running')).length).toBeGreaterThanOrEqual(1)
    reporter.report({ progress: 99 })
    expect(sent.length).toBe(count)
  })

  test('a heartbeat before any progress starts at 0', async () => {
    const sent: ProgressUpdate[] = []
    const reporter = createProgressReporter(async (u) => void sent.push(u), { heartbeatMs: 10 })
    await Bun.sleep(35)
    await reporter.stop()
    expect(sent[0].progress).toBe(0)
    expect(sent[0].total).toBeUndefined()
  })
})

describe('shrinkOutput', () => {
  const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value))

  test('replaces the largest execution payloads first, leaving the small ones and the rest alone', () => {
    const output = { executions: [{ execution_id: 'a', output: 'x'.repeat(500) }, { execution_id: 'b', output: 'y'.repeat(2000) }, { execution_id: 'c', output: 1 }], note: 'kept' }
    const shrunk = shrinkOutput(output, 900)!
    expect(shrunk.value).toEqual({ executions: [{ execution_id: 'a', output: 'x'.repeat(500) }, { execution_id: 'b', output: { truncated: true, bytes: 2002, resource: 'ratchet://executions/b' } }, { execution_id: 'c', output: 1 }], note: 'kept' })
    expect(shrunk.executionIds).toEqual(['b'])
    expect(shrunk.cuts).toEqual(['/executions/1/output (2002 bytes) → placeholder'])
    expect(output.executions[1].output).toHaveLength(2000)
  })

  test('without execution payloads, cuts the largest array from the end and the largest string with a marker', () => {
    const rows = { rows: Array.from({ length: 100 }, (_, i) => ({ i })), title: 't' }
    const cut = shrinkOutput(rows, 300)!
    expect(size(cut.value)).toBeLessThanOrEqual(300)
    expect((cut.value as typeof rows).rows[0]).toEqual({ i: 0 })
    expect(cut.cuts[0]).toMatch(/^\/rows is cut to its first \d+ of 100 items$/)
    const text = shrinkOutput({ text: 'é'.repeat(1000) }, 200)!
    expect(size(text.value)).toBeLessThanOrEqual(200)
    expect((text.value as { text: string }).text).toEndWith(' … [cut: 2002 bytes]')
  })

  test('null when nothing can be cut enough; a result that no longer matches its schema is left out as before', () => {
    expect(shrinkOutput({ a: 1, b: 2, c: 3 }, 5)).toBeNull()
    const schema = compileSchema({ type: 'object', properties: { items: { type: 'array', minItems: 50 } }, required: ['items'] })
    const result = formatToolResult({ output: { items: Array.from({ length: 60 }, (_, i) => i) }, isError: false }, { limitBytes: 100, outputSchema: schema })
    expect(result.structuredContent).toBeUndefined()
    expect(result.isError).toBe(true)
    expect((result.content[0] as { text: string }).text).toContain('The call itself succeeded')
  })
})
