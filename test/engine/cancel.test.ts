import { afterEach, describe, expect, test } from 'bun:test'
import type { EngineEvent } from '../../src/engine/engine.ts'
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

const cooperative = makeTask({
  name: 'cooperative',
  code: [
    'async function main(input, context) {',
    '  await new Promise((resolve, reject) => {',
    '    context.signal.addEventListener("abort", () => reject(context.signal.reason))',
    '  })',
    '}',
  ].join('\n'),
})
const busy = makeTask({ name: 'busy', code: 'function main() {\n  while (true) {}\n}\n' })
const sleeper = makeTask({ name: 'sleeper', code: 'async function main(input) {\n  await new Promise((resolve) => setTimeout(resolve, input.ms))\n  return "slept"\n}\n' })

/** Waits until the engine reports the execution as started. */
async function started(harness: Harness, id: string): Promise<void> {
  expect(await waitFor(async () => (await harness.store.getExecution(id))?.status === 'running')).toBe(true)
}

describe('cancellation', () => {
  test('cancels a running task that listens to context.signal quickly, keeping its worker', async () => {
    h = await openHarness({ pool: { count: 1, cancelGraceMs: 2000 } })
    const [pid] = h.pool.stats().pids
    const { id, done } = h.engine.submit({ task: cooperative, input: {}, source: 'test', timeout: 5 })
    await started(h, id)
    const asked = Date.now()
    expect(await h.engine.cancel(id, 'user pressed stop')).toBe(true)
    const record = await done
    expect(Date.now() - asked).toBeLessThan(500)
    expect(record.status).toBe('cancelled')
    expect(record.error).toMatchObject({ code: 'CANCELLED', reason: 'cancelled' })
    expect(record.error?.message).toContain('user pressed stop')
    expect((await h.store.getExecution(id))?.status).toBe('cancelled')
    expect(h.pool.stats().pids).toEqual([pid])
    expect((await h.engine.execute({ task: sleeper, input: { ms: 1 }, source: 'test' })).output).toBe('slept')
  })

  test('cancels a task that ignores the signal after the grace period by replacing its worker', async () => {
    h = await openHarness({ pool: { count: 1, cancelGraceMs: 300 } })
    const [pid] = h.pool.stats().pids
    const { id, done } = h.engine.submit({ task: busy, input: {}, source: 'test', timeout: 5 })
    await started(h, id)
    const asked = Date.now()
    expect(await h.engine.cancel(id)).toBe(true)
    const record = await done
    const waited = Date.now() - asked
    expect(record.status).toBe('cancelled')
    expect(record.error?.code).toBe('CANCELLED')
    expect(waited).toBeGreaterThanOrEqual(290)
    expect(waited).toBeLessThan(1500)
    expect(isAlive(pid)).toBe(false)
    await h.pool.ready()
    expect(h.pool.stats().pids).not.toContain(pid)
    expect((await h.engine.execute({ task: sleeper, input: { ms: 1 }, source: 'test' })).output).toBe('slept')
  })

  test('cancels a queued execution without ever running it', async () => {
    h = await openHarness({ pool: { count: 1 } })
    const events: EngineEvent[] = []
    h.engine.subscribe((event) => events.push(event))
    const running = h.engine.submit({ task: cooperative, input: {}, source: 'test', timeout: 5 })
    const queued = h.engine.submit({ task: sleeper, input: { ms: 1 }, source: 'test' })
    await started(h, running.id)
    expect(h.engine.stats()).toMatchObject({ queued: 1, running: 1 })
    expect(await h.engine.cancel(queued.id)).toBe(true)
    const record = await queued.done
    expect(record.status).toBe('cancelled')
    expect(record.error?.message).toContain('before it started')
    expect(record.startedAt ?? null).toBeNull()
    expect(events.filter((e) => e.type === 'started').map((e) => (e as { execution: { id: string } }).execution.id)).toEqual([running.id])
    expect(await h.engine.cancel(running.id)).toBe(true)
    expect((await running.done).status).toBe('cancelled')
    expect(h.engine.stats()).toMatchObject({ queued: 0, running: 0 })
  })

  test('returns false for an unknown id and for a finished execution', async () => {
    h = await openHarness({ pool: { count: 1 } })
    expect(await h.engine.cancel('no-such-execution')).toBe(false)
    const record = await h.engine.execute({ task: sleeper, input: { ms: 1 }, source: 'test' })
    expect(await h.engine.cancel(record.id)).toBe(false)
    expect((await h.store.getExecution(record.id))?.status).toBe('completed')
  })
})
