import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { AppError } from '../../src/errors.ts'
import { openInspectionHarness, type InspectionHarness } from './helpers.ts'

let h: InspectionHarness

beforeAll(async () => {
  h = await openInspectionHarness()
  await h.writeTask('addition', 'function main(input) {\n  return { result: input.a + input.b }\n}\n')
})

afterAll(async () => {
  await h.close()
})

const rejection = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError)

describe('ratchet_store_result', () => {
  test('stores a completed result of a loaded task under its name and version', async () => {
    const { output } = await h.call('store_result', { task_id: 'addition', input: { a: 1, b: 2 }, output: { result: 3 }, duration_ms: 40 })
    expect(output).toMatchObject({ task_id: 'addition', task_version: '1.0.0', known_task: true, status: 'completed' })
    const record = (await h.engine.store.getExecution(output.execution_id))!
    expect(record).toMatchObject({ taskName: 'addition', taskVersion: '1.0.0', status: 'completed', input: { a: 1, b: 2 }, output: { result: 3 }, durationMs: 40, source: 'external', error: null })
    expect(record.taskChecksum).toBe(h.registry.get('addition')!.checksum)
    expect(Date.parse(record.completedAt!) - Date.parse(record.startedAt!)).toBe(40)
    expect(output.stored_at).toBe(record.completedAt!)
  })

  test('stores a failure of a task this server does not know, with its error', async () => {
    const { output } = await h.call('store_result', { task_id: 'elsewhere', input: { q: 1 }, status: 'failed', error_message: 'upstream 502', error_details: { status: 502 } })
    expect(output).toMatchObject({ task_id: 'elsewhere', task_version: 'external', known_task: false, status: 'failed' })
    expect(output.message).toContain('no such task is loaded')
    const record = (await h.engine.store.getExecution(output.execution_id))!
    expect(record.error).toEqual({ type: 'ExternalError', code: 'TASK_FAILED', reason: 'external', message: 'upstream 502', details: { status: 502 } })
    expect(record.output).toBeUndefined()
  })

  test('refuses error fields on a completed result and output on a failed one', async () => {
    expect((await rejection(h.call('store_result', { task_id: 'addition', status: 'completed', error_message: 'boom' })))?.code).toBe('BAD_INPUT')
    expect((await rejection(h.call('store_result', { task_id: 'addition', status: 'timed_out', output: { partial: true } })))?.code).toBe('BAD_INPUT')
  })
})

describe('ratchet_get_results', () => {
  test('lists a task\'s results newest first, with data and errors, one page at a time', async () => {
    const task = h.registry.get('addition')!
    await h.engine.engine.execute({ task, input: { a: 5, b: 5 }, source: 'test' })
    await h.call('store_result', { task_id: 'addition', input: { a: 0 }, status: 'cancelled' })
    const first = await h.call('get_results', { task_id: 'addition', limit: 2 })
    expect(first.output.total_count).toBe(3)
    expect(first.output).toMatchObject({ returned_count: 2, offset: 0, limit: 2, has_more: true })
    const [cancelled, ran] = first.output.executions
    expect(cancelled).toMatchObject({ status: 'cancelled', source: 'external', input: { a: 0 }, error_message: expect.stringContaining('cancelled outside Ratchet') })
    expect(cancelled.error).toMatchObject({ code: 'CANCELLED' })
    expect(ran).toMatchObject({ status: 'completed', source: 'test', input: { a: 5, b: 5 }, output: { result: 10 }, task_version: '1.0.0' })
    const second = await h.call('get_results', { task_id: 'addition', limit: 2, offset: 2 })
    expect(second.output).toMatchObject({ total_count: 3, returned_count: 1, has_more: false })
    expect(second.output.executions[0].output).toEqual({ result: 3 })
  })

  test('leaves out data and errors when asked, and filters by status (pending meaning queued)', async () => {
    const { output } = await h.call('get_results', { task_id: 'addition', status: 'cancelled', include_data: false, include_errors: false })
    expect(output.total_count).toBe(1)
    expect(Object.keys(output.executions[0]).sort()).toEqual(['completed_at', 'duration_ms', 'execution_id', 'queued_at', 'source', 'started_at', 'status', 'task_id', 'task_version'])
    expect((await h.call('get_results', { status: 'pending' })).output.total_count).toBe(0)
  })

  test('finds results of an unknown task by the name they were stored under', async () => {
    const { output } = await h.call('get_results', { task_id: 'elsewhere' })
    expect(output.executions.map((e) => e.error_message)).toEqual(['upstream 502'])
  })

  test('reads one execution by id, and says so when the id is unknown', async () => {
    const stored = await h.call('store_result', { task_id: 'addition', input: {}, output: { result: 0 } })
    const { output } = await h.call('get_results', { execution_id: stored.output.execution_id })
    expect(output).toMatchObject({ total_count: 1, returned_count: 1, has_more: false })
    expect(output.executions[0].execution_id).toBe(stored.output.execution_id)
    expect((await h.call('get_results', { execution_id: stored.output.execution_id, status: 'failed' })).output.total_count).toBe(0)
    expect((await rejection(h.call('get_results', { execution_id: 'no-such-id' })))?.code).toBe('EXECUTION_NOT_FOUND')
  })
})
