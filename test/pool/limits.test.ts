import { afterEach, describe, expect, test } from 'bun:test'
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

describe('timeouts', () => {
  test.each([
    ['a synchronous busy loop', 'function main() {\n  while (true) {}\n}\n'],
    ['a busy loop after an await', 'async function main() {\n  await 0\n  while (true) {}\n}\n'],
  ])('kills and replaces a worker that exceeds its timeout: %s', async (_label, code) => {
    h = await openHarness({ pool: { count: 1 } })
    const [oldPid] = h.pool.stats().pids
    const started = Date.now()
    const record = await h.engine.execute({ task: makeTask({ code }), input: {}, source: 'test', timeout: 0.3 })
    const elapsed = Date.now() - started
    expect(record.status).toBe('timed_out')
    expect(record.error).toMatchObject({ code: 'TIMED_OUT', reason: 'timeout', details: { timeoutMs: 300 } })
    expect(elapsed).toBeGreaterThanOrEqual(290)
    expect(elapsed).toBeLessThan(300 + 1500)
    expect((await h.store.getExecution(record.id))?.status).toBe('timed_out')
    expect(isAlive(oldPid)).toBe(false)
    await h.pool.ready()
    const stats = h.pool.stats()
    expect(stats).toMatchObject({ workers: 1, ready: 1, busy: 0, restarts: 1 })
    expect(stats.pids).not.toContain(oldPid)
    const next = await h.engine.execute({ task: makeTask({ code: '(input) => input.n + 1' }), input: { n: 1 }, source: 'test' })
    expect(next.status).toBe('completed')
    expect(next.output).toBe(2)
  })

  test('a timeout is capped by maxExecutionTime', async () => {
    h = await openHarness({ pool: { count: 1 }, engine: { maxExecutionTime: 0.3 } })
    const started = Date.now()
    const record = await h.engine.execute({ task: makeTask({ code: 'async function main() {\n  await new Promise((r) => setTimeout(r, 5000))\n}\n' }), input: {}, source: 'test', timeout: 60 })
    expect(record.status).toBe('timed_out')
    expect(Date.now() - started).toBeLessThan(1800)
  })

  test('rejects a timeout that is not a positive number', async () => {
    h = await openHarness({ pool: { count: 1 } })
    expect(() => h!.engine.submit({ task: makeTask({ code: '() => 1' }), input: {}, source: 'test', timeout: 0 })).toThrow('timeout must be a positive number')
  })
})

describe('memory cap', () => {
  test.each([
    ['big arrays', 'function main() {\n  const keep = []\n  for (let i = 0; ; i++) keep.push(new Array(1 << 20).fill(i))\n}\n'],
    ['big strings', 'function main() {\n  const keep = []\n  for (let i = 0; ; i++) keep.push("x".repeat(1 << 20) + i)\n}\n'],
  ])('stops a task that allocates past maxMemoryMb (%s) and keeps serving', async (_label, code) => {
    h = await openHarness({ pool: { count: 1, maxMemoryMb: 128, memoryPollMs: 20 } })
    const [oldPid] = h.pool.stats().pids
    const record = await h.engine.execute({ task: makeTask({ code }), input: {}, source: 'test', timeout: 8 })
    expect(record.status).toBe('failed')
    expect(record.error).toMatchObject({ type: 'ResourceExhausted', code: 'RESOURCE_EXHAUSTED', reason: 'resource_exhausted', details: { maxMemoryMb: 128 } })
    expect(record.error?.message).toContain('128 MB')
    expect(isAlive(oldPid)).toBe(false)
    await h.pool.ready()
    expect(h.pool.stats()).toMatchObject({ workers: 1, ready: 1, busy: 0 })
    expect(h.pool.stats().pids).not.toContain(oldPid)
    const next = await h.engine.execute({ task: makeTask({ code: '() => "fine"' }), input: {}, source: 'test' })
    expect(next.output).toBe('fine')
  })
})

describe('worker crashes', () => {
  test('a worker killed with SIGKILL fails only its own execution and is replaced', async () => {
    h = await openHarness({ pool: { count: 2 } })
    const pids = h.pool.stats().pids
    expect(pids).toHaveLength(2)
    const task = makeTask({ code: 'async function main(input) {\n  await new Promise((resolve) => setTimeout(resolve, input.ms))\n  return "survived"\n}\n' })
    const started: string[] = []
    h.engine.subscribe((event) => { if (event.type === 'started') started.push(event.execution.id) })
    const a = h.engine.submit({ task, input: { ms: 700 }, source: 'test' })
    const b = h.engine.submit({ task, input: { ms: 700 }, source: 'test' })
    expect(await waitFor(() => started.length === 2 && h!.pool.stats().busy === 2)).toBe(true)
    const victim = pids[0]
    process.kill(victim, 'SIGKILL')
    const records = await Promise.all([a.done, b.done])
    const crashed = records.filter((r) => r.status === 'failed')
    const completed = records.filter((r) => r.status === 'completed')
    expect(crashed).toHaveLength(1)
    expect(completed).toHaveLength(1)
    expect(crashed[0].error).toMatchObject({ type: 'WorkerCrashed', code: 'WORKER_CRASHED', reason: 'worker_crashed' })
    expect(crashed[0].error?.message).toContain('SIGKILL')
    expect(completed[0].output).toBe('survived')
    expect(isAlive(victim)).toBe(false)
    await h.pool.ready()
    const stats = h.pool.stats()
    expect(stats).toMatchObject({ workers: 2, ready: 2, restarts: 1 })
    expect(stats.pids).not.toContain(victim)
    expect(stats.pids).toContain(pids[1])
    expect(h.logger.lines.some((l) => l.level === 'warn' && l.message === 'worker exited')).toBe(true)
  })

  test('without restartOnFailure a crashed worker is not replaced', async () => {
    h = await openHarness({ pool: { count: 1, restartOnFailure: false } })
    const [pid] = h.pool.stats().pids
    process.kill(pid, 'SIGKILL')
    expect(await waitFor(() => h!.pool.stats().workers === 0)).toBe(true)
    await Bun.sleep(100)
    expect(h.pool.stats()).toMatchObject({ workers: 0, restarts: 0 })
  })
})

describe('work a finished task leaves running', () => {
  // 50 chained WebAssembly.compile(...).then(...): the last callback runs after the result was sent
  // and busy-loops, so the worker cannot even read the next run message.
  const POISON = [
    'function main() {',
    '  const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])',
    '  let chain = WebAssembly.compile(bytes)',
    '  for (let i = 0; i < 50; i++) chain = chain.then(() => WebAssembly.compile(bytes))',
    '  chain.then(() => { const until = Date.now() + 20000; while (Date.now() < until) {} })',
    '  return "poisoned"',
    '}',
  ].join('\n')

  test('a worker left busy by the previous execution is replaced and the next execution runs (not blamed, not timed out)', async () => {
    h = await openHarness({ pool: { count: 1 } })
    const [oldPid] = h.pool.stats().pids
    const poison = await h.engine.execute({ task: makeTask({ code: POISON }), input: {}, source: 'test', timeout: 5 })
    expect(poison.status).toBe('completed')
    await Bun.sleep(200)
    const started = Date.now()
    const next = await h.engine.execute({ task: makeTask({ code: '(input) => input.n + 1' }), input: { n: 1 }, source: 'test', timeout: 2 })
    expect(next.status).toBe('completed')
    expect(next.output).toBe(2)
    expect(next.attempt).toBe(1)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(isAlive(oldPid)).toBe(false)
    // The clock of the re-dispatched execution started on the new worker, not at the first dispatch.
    expect(Date.parse(next.startedAt!) - Date.parse(next.queuedAt)).toBeGreaterThanOrEqual(400)
  })
})

describe('workers.restart_on_failure: false', () => {
  test('when the last worker crashes, waiting executions fail with no_workers and new ones are refused', async () => {
    const h = await openHarness({ pool: { count: 1, restartOnFailure: false } })
    try {
      const slow = makeTask({ code: 'async function main() {\n  await new Promise((r) => setTimeout(r, 30000))\n}\n' })
      const running = h.engine.submit({ task: slow, input: {}, source: 'test' })
      const waiting = h.engine.submit({ task: slow, input: {}, source: 'test' })
      await waitFor(() => h.engine.stats().running === 1)
      process.kill(h.pool.stats().pids[0]!, 'SIGKILL')
      const [first, second] = await Promise.all([running.done, waiting.done])
      expect(first.error?.code).toBe('WORKER_CRASHED')
      expect(second.status).toBe('failed')
      expect(second.error?.reason).toBe('no_workers')
      expect(second.error?.message).toContain('restart_on_failure')
      expect(() => h.engine.submit({ task: slow, input: {}, source: 'test' })).toThrow('restart_on_failure is false')
    } finally {
      await h.close()
    }
  })
})
