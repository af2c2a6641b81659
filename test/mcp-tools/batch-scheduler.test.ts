import { describe, expect, test } from 'bun:test'
import { AppError } from '../../src/errors.ts'
import { checkBatchPlan, findCycle, runBatch, type BatchItem, type ItemOutcome, type RunItem } from '../../src/engine/batch.ts'

const item = (id: string, dependencies: string[] = [], priority = 0): BatchItem => ({ id, taskId: `task-${id}`, input: { id }, dependencies, priority })

/** A fake runItem: each item takes `delays[id]` ms (default 5) and fails when listed in `failing`. */
function fakeRunner(options: { delays?: Record<string, number>; failing?: string[] } = {}) {
  const started: string[] = []
  let active = 0
  let maxActive = 0
  const run: RunItem = (it, signal) =>
    new Promise<ItemOutcome>((resolve) => {
      started.push(it.id)
      active++
      maxActive = Math.max(maxActive, active)
      const done = (outcome: ItemOutcome) => {
        active--
        clearTimeout(timer)
        resolve(outcome)
      }
      const timer = setTimeout(() => {
        done(options.failing?.includes(it.id)
          ? { status: 'failed', executionId: `exec-${it.id}`, durationMs: 5, error: { type: 'Error', code: 'TASK_FAILED', message: `${it.id} broke` } }
          : { status: 'completed', executionId: `exec-${it.id}`, durationMs: 5, output: { echoed: it.input } })
      }, options.delays?.[it.id] ?? 5)
      signal.addEventListener('abort', () => done({ status: 'cancelled', executionId: `exec-${it.id}`, durationMs: 1, error: { type: 'Cancelled', code: 'CANCELLED', message: String(signal.reason) } }))
    })
  return { run, started, maxActive: () => maxActive }
}

function expectBadInput(fn: () => void, pattern: RegExp) {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('BAD_INPUT')
    expect((error as AppError).message).toMatch(pattern)
    return
  }
  throw new Error('expected a BAD_INPUT error')
}

describe('checkBatchPlan', () => {
  test('rejects an empty batch and one over 100 items', () => {
    expectBadInput(() => checkBatchPlan([]), /empty/)
    expectBadInput(() => checkBatchPlan(Array.from({ length: 101 }, (_, i) => item(`i${i}`))), /101 requests; the limit is 100/)
  })

  test('rejects duplicate ids, self-dependencies and unknown dependency ids, naming them', () => {
    expectBadInput(() => checkBatchPlan([item('a'), item('a')]), /Duplicate request id "a"/)
    expectBadInput(() => checkBatchPlan([item('a', ['a'])]), /"a" depends on itself/)
    expectBadInput(() => checkBatchPlan([item('a'), item('b', ['zzz'])]), /"b" depends on "zzz", which is not in the batch/)
  })

  test('names a dependency cycle in order', () => {
    const items = [item('a', ['c']), item('b', ['a']), item('c', ['b']), item('d')]
    expect(findCycle(items)).toEqual(['a', 'c', 'b', 'a'])
    expectBadInput(() => checkBatchPlan(items), /Dependency cycle: a → c → b → a/)
    expect(findCycle([item('a'), item('b', ['a']), item('c', ['a', 'b'])])).toBeNull()
  })
})

describe('runBatch', () => {
  test('returns results in input order whatever order items finish in', async () => {
    const runner = fakeRunner({ delays: { a: 40, b: 5, c: 20 } })
    const { results, stats } = await runBatch([item('a'), item('b'), item('c')], runner.run, { mode: 'parallel', maxParallel: 3, failFast: false })
    expect(results.map((r) => r.id)).toEqual(['a', 'b', 'c'])
    expect(results.every((r) => r.status === 'completed' && r.executionId === `exec-${r.id}`)).toBe(true)
    expect(results[0].output).toEqual({ echoed: { id: 'a' } })
    expect(stats).toMatchObject({ total: 3, completed: 3, failed: 0, skipped: 0, maxParallelObserved: 3 })
  })

  test('never runs more than max_parallel at once, and sequential mode runs one at a time in input order', async () => {
    const parallel = fakeRunner()
    const items = Array.from({ length: 7 }, (_, i) => item(`i${i}`))
    const p = await runBatch(items, parallel.run, { mode: 'parallel', maxParallel: 2, failFast: false })
    expect(parallel.maxActive()).toBe(2)
    expect(p.stats.maxParallelObserved).toBe(2)

    const sequential = fakeRunner()
    await runBatch(items, sequential.run, { mode: 'sequential', maxParallel: 5, failFast: false })
    expect(sequential.maxActive()).toBe(1)
    expect(sequential.started).toEqual(items.map((i) => i.id))
  })

  test('starts an item only after all its dependencies completed', async () => {
    const runner = fakeRunner({ delays: { a: 30, b: 5 } })
    const { results } = await runBatch([item('c', ['a', 'b']), item('a'), item('b')], runner.run, { mode: 'dependency', maxParallel: 5, failFast: false })
    expect(runner.started.indexOf('c')).toBe(2)
    expect(results.map((r) => r.status)).toEqual(['completed', 'completed', 'completed'])
  })

  test('skips dependents of a failed item, transitively, naming the dependency', async () => {
    const runner = fakeRunner({ failing: ['a'] })
    const items = [item('a'), item('b', ['a']), item('c', ['b']), item('d')]
    const { results, stats } = await runBatch(items, runner.run, { mode: 'dependency', maxParallel: 4, failFast: false })
    expect(results.map((r) => [r.id, r.status, r.skippedReason])).toEqual([
      ['a', 'failed', undefined],
      ['b', 'skipped', 'dependency "a" failed'],
      ['c', 'skipped', 'dependency "b" was skipped'],
      ['d', 'completed', undefined],
    ])
    expect(results[1].skipped).toBe(true)
    expect(results[1].executionId).toBeUndefined()
    expect(runner.started).not.toContain('b')
    expect(stats).toMatchObject({ total: 4, completed: 1, failed: 1, skipped: 2 })
  })

  test('priority_dependency starts ready items highest priority first; other modes keep input order', async () => {
    const items = [item('low', [], 1), item('high', [], 9), item('mid', [], 5), item('after', ['low'], 100)]
    const prioritised = fakeRunner()
    await runBatch(items, prioritised.run, { mode: 'priority_dependency', maxParallel: 1, failFast: false })
    expect(prioritised.started).toEqual(['high', 'mid', 'low', 'after'])

    const plain = fakeRunner()
    await runBatch(items, plain.run, { mode: 'dependency', maxParallel: 1, failFast: false })
    expect(plain.started).toEqual(['low', 'high', 'mid', 'after'])
  })

  test('fail_fast starts nothing after the first failure and marks the rest skipped', async () => {
    const runner = fakeRunner({ failing: ['b'] })
    const items = ['a', 'b', 'c', 'd'].map((id) => item(id))
    const { results, stats } = await runBatch(items, runner.run, { mode: 'sequential', maxParallel: 1, failFast: true })
    expect(results.map((r) => r.status)).toEqual(['completed', 'failed', 'skipped', 'skipped'])
    expect(results[2].skippedReason).toBe('fail_fast: request "b" failed')
    expect(runner.started).toEqual(['a', 'b'])
    expect(stats).toMatchObject({ completed: 1, failed: 1, skipped: 2 })
  })

  test('the whole-batch timeout cancels running items and skips the rest', async () => {
    const runner = fakeRunner({ delays: { a: 5, b: 5_000, c: 5 } })
    const { results } = await runBatch([item('a'), item('b', ['a']), item('c', ['b'])], runner.run, { mode: 'dependency', maxParallel: 2, failFast: false, timeoutMs: 60 })
    expect(results.map((r) => r.status)).toEqual(['completed', 'cancelled', 'skipped'])
    expect(results[2].skippedReason).toBe('the batch timeout of 60 ms elapsed')
  })

  test('aborting the signal cancels running items and skips the rest', async () => {
    const runner = fakeRunner({ delays: { a: 5_000 } })
    const controller = new AbortController()
    const running = runBatch([item('a'), item('b', ['a'])], runner.run, { mode: 'sequential', maxParallel: 1, failFast: false, signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    const { results } = await running
    expect(results.map((r) => r.status)).toEqual(['cancelled', 'skipped'])
    expect(results[1].skippedReason).toBe('the batch was cancelled')
  })

  test('reports each finished or skipped item with a rising count', async () => {
    const seen: Array<[string, number, number]> = []
    await runBatch([item('a'), item('b', ['a'])], fakeRunner({ failing: ['a'] }).run, {
      mode: 'dependency',
      maxParallel: 2,
      failFast: false,
      onItemDone: (result, done, total) => seen.push([result.id, done, total]),
    })
    expect(seen).toEqual([['a', 1, 2], ['b', 2, 2]])
  })

  test('an item whose runner throws becomes a failed result instead of breaking the batch', async () => {
    const { results } = await runBatch([item('a'), item('b')], async (it) => {
      if (it.id === 'a') throw new Error('boom')
      return { status: 'completed', durationMs: 1, output: 1 }
    }, { mode: 'parallel', maxParallel: 2, failFast: false })
    expect(results[0]).toMatchObject({ status: 'failed', error: { code: 'INTERNAL', message: expect.stringContaining('boom') } })
    expect(results[1].status).toBe('completed')
  })
})
