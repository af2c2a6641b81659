import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { AppError } from '../../src/errors.ts'
import { openToolHarness, type ToolHarness } from './helpers.ts'
import { addition, chatty, fetcher, profile, slow } from './tasks.ts'

let h: ToolHarness
let server: ReturnType<typeof Bun.serve>
let base: string

beforeAll(async () => {
  server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch(request) {
      const path = new URL(request.url).pathname
      if (path === '/data') return Response.json({ value: 42 })
      return new Response('nope', { status: 404 })
    },
  })
  base = `http://127.0.0.1:${server.port}`
  h = await openToolHarness({ workers: 2, config: { mcp: { security: { max_log_entries: 3 } } } })
  for (const [name, task] of Object.entries({ addition, chatty, fetcher, profile, slow })) await h.writeTask(name, task)
})

afterAll(async () => {
  await h?.close()
  server?.stop(true)
})

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('expected the call to throw an AppError')
}

/** Starts `slow` and resolves once it is running and has reported progress at least once. */
async function startSlow(ms: number, steps: number): Promise<{ id: string; done: Promise<unknown> }> {
  const submitted = h.engine.engine.submit({ task: h.registry.get('slow')!, input: { ms, steps }, source: 'test' })
  for (let i = 0; i < 200 && !(await h.engine.store.getExecution(submitted.id))?.progress; i++) await Bun.sleep(10)
  return { id: submitted.id, done: submitted.done }
}

describe('get_execution_status', () => {
  test('shows a running execution with its progress percentage, and the finished one with output', async () => {
    const run = await startSlow(600, 4)
    const { output: running } = await h.call('get_execution_status', { execution_id: run.id })
    expect(running).toMatchObject({ execution_id: run.id, task_id: 'slow', task_version: '2.0.0', status: 'running', can_cancel: true, input: { ms: 600, steps: 4 } })
    expect(running.progress.total).toBe(4)
    expect(running.progress.percentage).toBe((running.progress.progress / 4) * 100)
    expect(running.progress.message).toMatch(/^step \d$/)
    expect(running.output).toBeUndefined()
    await run.done
    const { output: done } = await h.call('get_execution_status', { execution_id: run.id, include_input: false })
    expect(done).toMatchObject({ status: 'completed', can_cancel: false, output: { steps: 4 }, progress: { percentage: 100 } })
    expect(done.input).toBeUndefined()
    expect(done.queue_duration_ms).toEqual(expect.any(Number))
  })

  test('an unknown id is EXECUTION_NOT_FOUND', async () => {
    expect((await rejection(h.call('get_execution_status', { execution_id: 'nope' }))).code).toBe('EXECUTION_NOT_FOUND')
  })
})

describe('cancel_execution', () => {
  test('cancels a running execution and reports it settled as cancelled', async () => {
    const run = await startSlow(5000, 50)
    const { output } = await h.call('cancel_execution', { execution_id: run.id, reason: 'no longer needed' })
    expect(output).toMatchObject({ execution_id: run.id, cancelled: true, status: 'cancelled', previous_status: 'running' })
    expect((await h.engine.store.getExecution(run.id))?.error?.message).toContain('no longer needed')
  })

  test('a finished execution is reported, not cancelled; an unknown one is an error', async () => {
    const { output: done } = await h.call('execute_task', { task_id: 'addition', input: { a: 1, b: 1 } })
    const { output } = await h.call('cancel_execution', { execution_id: done.execution_id })
    expect(output).toMatchObject({ cancelled: false, status: 'completed', message: expect.stringContaining('already finished') })
    expect((await rejection(h.call('cancel_execution', { execution_id: 'missing' }))).code).toBe('EXECUTION_NOT_FOUND')
  })
})

describe('list_executions', () => {
  test('filters by task and status (pending means queued), pages, and applies sorting', async () => {
    const durations: string[] = []
    for (const ms of [120, 20, 60]) durations.push((await h.call('execute_task', { task_id: 'slow', input: { ms, steps: 1 } })).output.execution_id)
    const bySlowest = await h.call('list_executions', { task_id: 'slow', status: 'completed', sort_by: 'duration_ms', sort_order: 'desc' })
    const ids = bySlowest.output.executions.map((e) => e.execution_id)
    expect(ids.indexOf(durations[0])).toBeLessThan(ids.indexOf(durations[2]))
    expect(ids.indexOf(durations[2])).toBeLessThan(ids.indexOf(durations[1]))
    const ms = bySlowest.output.executions.map((e) => e.duration_ms!)
    expect(ms).toEqual([...ms].sort((a, b) => b - a))
    expect(bySlowest.output.sorting).toEqual({ sort_by: 'duration_ms', sort_order: 'desc' })
    expect(bySlowest.output.executions.every((e) => e.task_id === 'slow' && e.status === 'completed' && e.id === e.execution_id && e.output === undefined)).toBe(true)

    const paged = await h.call('list_executions', { task_id: 'slow', limit: 2, page: 1, include_output: true })
    expect(paged.output.pagination).toMatchObject({ page: 1, limit: 2, has_previous: true })
    expect(paged.output.executions.length).toBeGreaterThan(0)
    const queued = await h.call('list_executions', { status: 'pending' })
    expect(queued.output.filters).toEqual({ status: 'queued' })
    expect(queued.output.executions).toEqual([])
  })

  test('include_output adds outputs and full errors', async () => {
    await h.call('execute_task', { task_id: 'profile', input: {} })
    const { output } = await h.call('list_executions', { task_id: 'profile', include_output: true, limit: 1 })
    expect(output.executions[0]).toMatchObject({ status: 'failed', error_message: expect.stringContaining('undefined'), error: { type: 'TypeError', location: { line: 4 } } })
  })
})

describe('get_execution_logs', () => {
  test('returns entries at or above the level, capped by mcp.security.max_log_entries, paged by offset', async () => {
    const { output: run } = await h.call('execute_task', { task_id: 'chatty', input: { count: 4 } })
    const info = await h.call('get_execution_logs', { execution_id: run.execution_id, limit: 100 })
    expect(info.output).toMatchObject({ level: 'info', total: 7, limit: 3, offset: 0, has_more: true })
    expect(info.output.logs.map((l) => [l.level, l.message])).toEqual([['info', 'i0'], ['warn', 'w0 {"why":"because"}'], ['error', 'e0']])
    expect(info.output.logs[2].data).toEqual({ code: 7 })
    const rest = await h.call('get_execution_logs', { execution_id: run.execution_id, offset: 5 })
    expect(rest.output.logs.map((l) => l.message)).toEqual(['line 3', 'line 4'])
    expect(rest.output.has_more).toBe(false)
    const all = await h.call('get_execution_logs', { execution_id: run.execution_id, level: 'trace' })
    expect(all.output.total).toBe(9)
    expect(all.output.logs.map((l) => l.message)).toEqual(['t0', 'd0', 'i0'])
    expect((await h.call('get_execution_logs', { execution_id: run.execution_id, level: 'error' })).output.logs.map((l) => l.seq)).toEqual([4])
  })

  test('the summary says how many entries lie below the level, so "nothing logged" is never a guess', async () => {
    const { output: run } = await h.call('execute_task', { task_id: 'chatty', input: { count: 4 } })
    expect((await h.call('get_execution_logs', { execution_id: run.execution_id, limit: 100 })).summary).toBe('3 of 7 log entries at info or above; 2 more below info (level: "trace" shows them)')
    expect((await h.call('get_execution_logs', { execution_id: run.execution_id, level: 'trace' })).summary).toBe('3 of 9 log entries at trace or above')
  })

  test('format text prints one line per entry', async () => {
    const { output: run } = await h.call('execute_task', { task_id: 'chatty', input: {} })
    const { output } = await h.call('get_execution_logs', { execution_id: run.execution_id, level: 'warn', format: 'text' })
    const lines = output.text!.split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z WARN  w0 \{"why":"because"\}$/)
    expect(lines[1]).toMatch(/Z ERROR e0 \{"code":7\}$/)
  })
})

describe('get_execution_trace', () => {
  test('shows the execution span, the real HTTP calls and the timing', async () => {
    const { output: run } = await h.call('execute_task', { task_id: 'fetcher', input: { url: `${base}/data`, second: `${base}/missing` } })
    expect(run.status).toBe('completed')
    const { output } = await h.call('get_execution_trace', { execution_id: run.execution_id })
    expect(output).toMatchObject({ execution_id: run.execution_id, status: 'completed', task_id: 'fetcher', trace_complete: true })
    expect(output.spans.map((s) => s.kind)).toEqual(['execution', 'http', 'http'])
    expect(output.http_calls).toEqual([
      expect.objectContaining({ method: 'GET', url: `${base}/data`, status: 200, bytes_in: 12, bytes_out: 0 }),
      expect.objectContaining({ method: 'GET', url: `${base}/missing`, status: 404, bytes_in: 4 }),
    ])
    expect(output.timing.queue_duration_ms).toEqual(expect.any(Number))
    expect(output.timing.run_duration_ms).toBeGreaterThan(0)
    expect(output.timing.http_duration_ms).toBeGreaterThan(0)
    expect(output.flamegraph).toBeUndefined()
    const withoutHttp = await h.call('get_execution_trace', { execution_id: run.execution_id, include_http_calls: false })
    expect(withoutHttp.output.http_calls).toBeUndefined()
  })

  test('format flamegraph adds folded stacks and an SVG naming the spans', async () => {
    const { output: run } = await h.call('execute_task', { task_id: 'fetcher', input: { url: `${base}/data` } })
    const { output } = await h.call('get_execution_trace', { execution_id: run.execution_id, format: 'flamegraph' })
    const host = new URL(base).host
    expect(output.flamegraph!.unit).toBe('us')
    expect(output.flamegraph!.folded).toMatch(new RegExp(`^execute fetcher;HTTP GET ${host.replace('.', '\\.')} \\d+$`, 'm'))
    expect(output.flamegraph!.svg).toContain(`HTTP GET ${host}`)
    expect(output.flamegraph!.svg).toContain('<title>execute fetcher')
  })
})
