import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { AppError } from '../../src/errors.ts'
import { openToolHarness, writeFiles, type ToolHarness } from './helpers.ts'
import { ADDITION_UUID, addition, brokenFiles, greeter, profile, slow } from './tasks.ts'

let h: ToolHarness

beforeAll(async () => {
  // mcp.security.max_execution_time (1 s) is below execution.max_execution_time: it must win.
  h = await openToolHarness({ config: { execution: { max_execution_time: 20 }, mcp: { security: { max_execution_time: 1 } } } })
  await writeFiles(join(h.root, 'broken-task'), brokenFiles)
  for (const [name, task] of Object.entries({ addition, greeter, slow, profile })) await h.writeTask(name, task)
})

afterAll(async () => {
  await h?.close()
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

describe('list_available_tasks', () => {
  test('lists every loaded task in registry order with test counts, ids and pagination', async () => {
    const { output } = await h.call('list_available_tasks', {})
    expect(output.tasks.map((t) => t.name)).toEqual(['addition', 'greeter', 'profile', 'slow'])
    expect(output.tasks[0]).toMatchObject({ id: ADDITION_UUID, uuid: ADDITION_UUID, version: '1.2.0', description: 'Adds two numbers', tags: ['math', 'demo'], category: 'arithmetic', enabled: true, test_count: 2 })
    expect(output.tasks[1]).toMatchObject({ id: 'greeter', test_count: 0 })
    expect(output.tasks[0].updated_at).toEqual(expect.any(String))
    expect(output.tasks[0].input_schema).toBeUndefined()
    expect(output.pagination).toEqual({ page: 0, limit: 50, total_count: 4, total_pages: 1, has_next: false, has_previous: false, next_page: null, previous_page: null })
  })

  test('reports packages that failed to load, with their folder and why', async () => {
    const { output } = await h.call('list_available_tasks', {})
    expect(output.problems).toHaveLength(1)
    expect(output.problems![0].dir).toBe(join(h.root, 'broken-task'))
    expect(output.problems![0].messages.join('\n')).toContain('metadata.json')
  })

  test('filters by name or description substring, case-insensitively', async () => {
    expect((await h.call('list_available_tasks', { filter: 'ADD' })).output.tasks.map((t) => t.name)).toEqual(['addition'])
    expect((await h.call('list_available_tasks', { filter: 'hello' })).output.tasks.map((t) => t.name)).toEqual(['greeter'])
  })

  test('category matches a category or a tag; tags must all match', async () => {
    expect((await h.call('list_available_tasks', { category: 'Arithmetic' })).output.tasks.map((t) => t.name)).toEqual(['addition'])
    expect((await h.call('list_available_tasks', { category: 'demo' })).output.tasks.map((t) => t.name)).toEqual(['addition', 'greeter'])
    expect((await h.call('list_available_tasks', { tags: ['demo', 'text'] })).output.tasks.map((t) => t.name)).toEqual(['greeter'])
  })

  test('pages, and a page past the end is empty rather than an error', async () => {
    const second = await h.call('list_available_tasks', { page: 1, limit: 3 })
    expect(second.output.tasks.map((t) => t.name)).toEqual(['slow'])
    expect(second.output.pagination).toMatchObject({ page: 1, total_pages: 2, has_next: false, has_previous: true, previous_page: 0 })
    const beyond = await h.call('list_available_tasks', { page: 9, limit: 3 })
    expect(beyond.isError).toBeFalsy()
    expect(beyond.output.tasks).toEqual([])
    expect(beyond.output.pagination).toMatchObject({ total_count: 4, has_next: false, previous_page: 1 })
  })

  test('sorts by version (numerically) and includes schemas on request', async () => {
    const { output } = await h.call('list_available_tasks', { sort_by: 'version', sort_order: 'desc', include_schemas: true })
    expect(output.tasks.map((t) => `${t.name}@${t.version}`)).toEqual(['slow@2.0.0', 'addition@1.2.0', 'profile@1.0.0', 'greeter@0.9.0'])
    expect(output.tasks[1].input_schema).toEqual(addition.inputSchema)
    expect(output.tasks[0].input_schema).toBeNull()
    expect(output.sorting).toEqual({ sort_by: 'version', sort_order: 'desc' })
  })
})

describe('execute_task', () => {
  test('runs a task by name through the engine and returns output, execution id and spans', async () => {
    const { output, isError } = await h.call('execute_task', { task_id: 'addition', input: { a: 2, b: 3 } })
    expect(isError).toBe(false)
    expect(output).toMatchObject({ task_id: 'addition', task_version: '1.2.0', status: 'completed', output: { sum: 5 } })
    expect(output.trace?.[0]).toMatchObject({ span_id: 'execution', name: 'execute addition', kind: 'execution', status: 'ok', offset_ms: 0 })
    const stored = (await h.engine.store.getExecution(output.execution_id))!
    expect(stored).toMatchObject({ status: 'completed', source: 'mcp', output: { sum: 5 } })
  })

  test('accepts the task uuid and leaves the trace out when trace is false', async () => {
    const { output } = await h.call('execute_task', { task_id: ADDITION_UUID, input: { a: 1, b: 1 }, trace: false })
    expect(output).toMatchObject({ task_id: 'addition', output: { sum: 2 } })
    expect(output.trace).toBeUndefined()
  })

  test('a task that throws is an isError result with the structured error and execution id', async () => {
    const { output, isError } = await h.call('execute_task', { task_id: 'profile', input: {} })
    expect(isError).toBe(true)
    expect(output.status).toBe('failed')
    expect(output.execution_id).toEqual(expect.any(String))
    expect(output.error).toMatchObject({ type: 'TypeError', code: 'TASK_FAILED', location: { file: join(h.root, 'profile', 'main.js'), line: 4, source: 'const name = input.user.name' } })
  })

  test('input that breaks the schema fails as INPUT_INVALID naming the path', async () => {
    const { output, isError } = await h.call('execute_task', { task_id: 'addition', input: { a: 'two', b: 3 } })
    expect(isError).toBe(true)
    expect(output.error).toMatchObject({ code: 'INPUT_INVALID', message: expect.stringContaining('input.a') })
  })

  test('an unknown task is a TASK_NOT_FOUND error naming similar tasks', async () => {
    const error = await rejection(h.call('execute_task', { task_id: 'additon', input: {} }))
    expect(error.code).toBe('TASK_NOT_FOUND')
    expect(error.message).toBe('Task "additon" not found; did you mean "addition"?')
    const broken = await rejection(h.call('execute_task', { task_id: 'broken-task' }))
    expect(broken.message).toContain(`a package at ${join(h.root, 'broken-task')} failed to load`)
  })

  test('forwards the task\u2019s progress reports to the caller', async () => {
    h.progress.length = 0
    const { output } = await h.call('execute_task', { task_id: 'slow', input: { ms: 80, steps: 4 } })
    expect(output.status).toBe('completed')
    expect(h.progress).toEqual([1, 2, 3, 4].map((i) => ({ progress: i, total: 4, message: `step ${i}` })))
  })

  test('the timeout is capped by mcp.security.max_execution_time', async () => {
    const started = performance.now()
    const { output, isError } = await h.call('execute_task', { task_id: 'slow', input: { ms: 10_000, steps: 2 }, timeout: 60 })
    expect(isError).toBe(true)
    expect(output.status).toBe('timed_out')
    expect(output.error).toMatchObject({ code: 'TIMED_OUT', details: { timeoutMs: 1000 } })
    expect(performance.now() - started).toBeLessThan(4000)
  })

  test('aborting the request cancels the execution', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('client went away')), 100)
    const { output, isError } = await h.call('execute_task', { task_id: 'slow', input: { ms: 800, steps: 8 } }, h.context({ signal: controller.signal }))
    expect(isError).toBe(true)
    expect(output.status).toBe('cancelled')
    expect(output.error?.message).toContain('client went away')
  })
})
