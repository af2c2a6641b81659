import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { AppError } from '../../src/errors.ts'
import { openToolHarness, type ToolHarness } from './helpers.ts'
import { addition, profile, slow } from './tasks.ts'

let h: ToolHarness

beforeAll(async () => {
  h = await openToolHarness({ workers: 2 })
  for (const [name, task] of Object.entries({ addition, profile, slow })) await h.writeTask(name, task)
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

describe('batch_execute', () => {
  test('runs every request through real workers and returns results in input order with stats', async () => {
    h.progress.length = 0
    const { output, isError } = await h.call('batch_execute', {
      requests: [
        { id: 'slow-one', task_id: 'slow', input: { ms: 60, steps: 1 } },
        { id: 'sum', task_id: 'addition', input: { a: 1, b: 2 } },
        { id: 'sum2', task_id: 'addition', input: { a: 5, b: 5 } },
      ],
      correlation_token: 'corr-1',
    })
    expect(isError).toBe(false)
    expect(output.results.map((r) => [r.id, r.status, r.output])).toEqual([
      ['slow-one', 'completed', { steps: 1 }],
      ['sum', 'completed', { sum: 3 }],
      ['sum2', 'completed', { sum: 10 }],
    ])
    for (const r of output.results) expect((await h.engine.store.getExecution(r.execution_id!))?.status).toBe('completed')
    expect(output.stats).toMatchObject({ total: 3, completed: 3, failed: 0, skipped: 0, max_parallel_observed: 2 })
    expect(output).toMatchObject({ correlation_token: 'corr-1', execution_mode: 'parallel', max_parallel: 2 })
    expect(h.progress.map((p) => [p.progress, p.total])).toEqual([[1, 3], [2, 3], [3, 3]])
  })

  test('dependency mode skips the dependents of a failed item and is an error overall', async () => {
    const { output, isError } = await h.call('batch_execute', {
      execution_mode: 'dependency',
      requests: [
        { id: 'bad', task_id: 'profile', input: {} },
        { id: 'after-bad', task_id: 'addition', input: { a: 1, b: 1 }, dependencies: ['bad'] },
        { id: 'good', task_id: 'addition', input: { a: 2, b: 2 } },
        { id: 'after-good', task_id: 'addition', input: { a: 3, b: 3 }, dependencies: ['good'] },
      ],
    })
    expect(isError).toBe(true)
    expect(output.results.map((r) => [r.id, r.status, r.skipped_reason])).toEqual([
      ['bad', 'failed', undefined],
      ['after-bad', 'skipped', 'dependency "bad" failed'],
      ['good', 'completed', undefined],
      ['after-good', 'completed', undefined],
    ])
    expect(output.results[0].error).toMatchObject({ type: 'TypeError', location: { line: 4 } })
    expect(output.results[0].execution_id).toEqual(expect.any(String))
    expect(output.results[1].execution_id).toBeUndefined()
  })

  test('accepts the guide\u2019s `tasks` and the predecessor\u2019s `stop_on_error`', async () => {
    const { output } = await h.call('batch_execute', {
      tasks: [
        { id: 'a', task_id: 'profile', input: {} },
        { id: 'b', task_id: 'addition', input: { a: 1, b: 1 } },
      ],
      execution_mode: 'sequential',
      stop_on_error: true,
    })
    expect(output.results.map((r) => [r.status, r.skipped_reason])).toEqual([['failed', undefined], ['skipped', 'fail_fast: request "a" failed']])
  })

  test('per-item timeouts and the batch timeout stop real executions', async () => {
    const { output } = await h.call('batch_execute', {
      requests: [
        { id: 'short-fuse', task_id: 'slow', input: { ms: 5000, steps: 2 }, timeout_ms: 300 },
        { id: 'long', task_id: 'slow', input: { ms: 5000, steps: 50 } },
        { id: 'never', task_id: 'addition', input: { a: 1, b: 1 }, dependencies: ['long'] },
      ],
      timeout_ms: 700,
    })
    expect(output.results.map((r) => r.status)).toEqual(['timed_out', 'cancelled', 'skipped'])
    expect(output.results[2].skipped_reason).toBe('the batch timeout of 700 ms elapsed')
    expect((await h.engine.store.getExecution(output.results[1].execution_id!))?.status).toBe('cancelled')
  })

  test('rejects bad plans before running anything', async () => {
    const before = (await h.engine.store.listExecutions()).total
    expect((await rejection(h.call('batch_execute', { requests: [] }))).message).toContain('empty')
    expect((await rejection(h.call('batch_execute', {}))).code).toBe('BAD_INPUT')
    const cycle = await rejection(h.call('batch_execute', { requests: [{ id: 'x', task_id: 'addition', dependencies: ['y'] }, { id: 'y', task_id: 'addition', dependencies: ['x'] }] }))
    expect(cycle).toMatchObject({ code: 'BAD_INPUT', message: 'Dependency cycle: x → y → x' })
    const unknown = await rejection(h.call('batch_execute', { requests: [{ id: 'x', task_id: 'addtion' }] }))
    expect(unknown).toMatchObject({ code: 'TASK_NOT_FOUND', message: 'Request "x": Task "addtion" not found; did you mean "addition"?' })
    expect((await h.engine.store.listExecutions()).total).toBe(before)
  })
})
