import { afterEach, describe, expect, test } from 'bun:test'
import { existsSync, readlinkSync } from 'node:fs'
import { AppError } from '../../src/errors.ts'
import { createMemoryQueue } from '../../src/engine/queue.ts'
import { makeTask } from '../helpers/make-task.ts'
import { isAlive, waitFor } from '../helpers/process.ts'
import { openHarness, type Harness } from '../helpers/with-engine.ts'

let h: Harness | undefined

afterEach(async () => {
  const pids = h?.pool.stats().pids ?? []
  await h?.close()
  h = undefined
  expect(pids.filter(isAlive)).toEqual([])
})

const sleeper = makeTask({ name: 'sleeper', code: 'async function main(input) {\n  await new Promise((resolve) => setTimeout(resolve, input.ms))\n  return input.ms\n}\n' })

describe('the memory queue', () => {
  test('is FIFO, bounded, and removes by id', () => {
    const queue = createMemoryQueue<{ id: string }>(2)
    expect(queue.offer({ id: 'a' })).toBe(true)
    expect(queue.offer({ id: 'b' })).toBe(true)
    expect(queue.offer({ id: 'c' })).toBe(false)
    expect(queue.size).toBe(2)
    expect(queue.remove('a')).toEqual({ id: 'a' })
    expect(queue.remove('a')).toBeUndefined()
    expect(queue.offer({ id: 'c' })).toBe(true)
    expect([queue.take()?.id, queue.take()?.id, queue.take()]).toEqual(['b', 'c', undefined])
  })
})

describe('bounded queue', () => {
  test('with maxQueue 2 and one busy worker, the 4th submit is refused with BUSY', async () => {
    h = await openHarness({ pool: { count: 1 }, engine: { maxQueue: 2 } })
    const accepted = [h.engine.submit({ task: sleeper, input: { ms: 150 }, source: 'test' })]
    accepted.push(h.engine.submit({ task: sleeper, input: { ms: 1 }, source: 'test' }))
    accepted.push(h.engine.submit({ task: sleeper, input: { ms: 2 }, source: 'test' }))
    expect(h.engine.stats()).toEqual({ queued: 2, running: 1, capacity: 2 })
    let refused: unknown
    try {
      h.engine.submit({ task: sleeper, input: { ms: 3 }, source: 'test' })
    } catch (error) {
      refused = error
    }
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).code).toBe('BUSY')
    expect((refused as AppError).message).toBe('The execution queue is full (2 waiting)')
    expect((refused as AppError).hint).toContain('workers.max_queue')
    // A refused submit leaves no record behind; the accepted ones all run in order.
    const records = await Promise.all(accepted.map((s) => s.done))
    expect(records.map((r) => [r.status, r.output])).toEqual([['completed', 150], ['completed', 1], ['completed', 2]])
    expect((await h.store.listExecutions()).total).toBe(3)
    expect(Date.parse(records[1].startedAt!)).toBeGreaterThanOrEqual(Date.parse(records[0].completedAt!) - 5)
  })

  test('runs on both workers of a pool of 2 at once', async () => {
    h = await openHarness({ pool: { count: 2 } })
    const started = Date.now()
    const records = await Promise.all([1, 2, 3, 4].map(() => h!.engine.execute({ task: sleeper, input: { ms: 200 }, source: 'test' })))
    expect(records.every((r) => r.status === 'completed')).toBe(true)
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(390)
    expect(elapsed).toBeLessThan(790)
  })
})

describe('graceful close', () => {
  test('waits for running work within the grace period and cancels queued executions', async () => {
    h = await openHarness({ pool: { count: 1 } })
    const pids = h.pool.stats().pids
    const workerDirs = pids.map((pid) => readlinkSync(`/proc/${pid}/cwd`))
    expect(workerDirs.every((dir) => existsSync(dir))).toBe(true)
    const running = h.engine.submit({ task: sleeper, input: { ms: 250 }, source: 'test' })
    const queued = h.engine.submit({ task: sleeper, input: { ms: 1 }, source: 'test' })
    expect(await waitFor(async () => (await h!.store.getExecution(running.id))?.status === 'running')).toBe(true)
    const asked = Date.now()
    await h.engine.close({ graceMs: 2000 })
    expect(Date.now() - asked).toBeGreaterThanOrEqual(200)
    const [ran, skipped] = await Promise.all([running.done, queued.done])
    expect(ran).toMatchObject({ status: 'completed', output: 250 })
    expect(skipped.status).toBe('cancelled')
    expect(skipped.error).toMatchObject({ code: 'CANCELLED', reason: 'shutdown' })
    expect((await h.store.getExecution(running.id))?.status).toBe('completed')
    expect((await h.store.getExecution(queued.id))?.status).toBe('cancelled')
    expect(pids.filter(isAlive)).toEqual([])
    expect(h.pool.stats().workers).toBe(0)
    expect(workerDirs.filter((dir) => existsSync(dir))).toEqual([])
    expect(() => h!.engine.submit({ task: sleeper, input: { ms: 1 }, source: 'test' })).toThrow('shutting down')
  })

  test('interrupts work still running when the grace period ends and stores that before close resolves', async () => {
    h = await openHarness({ pool: { count: 1 } })
    const running = h.engine.submit({ task: sleeper, input: { ms: 5000 }, source: 'test' })
    expect(await waitFor(async () => (await h!.store.getExecution(running.id))?.status === 'running')).toBe(true)
    const asked = Date.now()
    await h.engine.close({ graceMs: 200 })
    expect(Date.now() - asked).toBeLessThan(1500)
    // The record is final as soon as close() resolves: the store can be closed right after.
    expect(await h.store.getExecution(running.id)).toMatchObject({ status: 'failed', error: { code: 'INTERRUPTED' } })
    const record = await Promise.race([running.done, Bun.sleep(500).then(() => null)])
    expect(record).toMatchObject({ status: 'failed', error: { code: 'INTERRUPTED', reason: 'interrupted' } })
  })
})
