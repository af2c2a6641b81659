import { afterEach, describe, expect, test } from 'bun:test'
import { AppError } from '../../src/errors.ts'
import { makeTask } from '../helpers/make-task.ts'
import { openJobHarness, testSettings, type JobHarness } from './job-harness.ts'

const flaky = makeTask({
  name: 'flaky',
  code: 'async function main(input, context) {\n  if (context.attempt <= input.failUntil) throw new Error(`attempt ${context.attempt} fails`)\n  return { attempt: context.attempt }\n}\n',
})
const echo = makeTask({ name: 'echo', code: 'async function main(input) {\n  return input\n}\n' })
const typed = makeTask({ name: 'typed', code: 'async function main(input) {\n  return input.n * 2\n}\n', inputSchema: { type: 'object', required: ['n'], properties: { n: { type: 'number' } } } })
const waiter = makeTask({
  name: 'waiter',
  code: 'async function main(input, context) {\n  await new Promise((resolve, reject) => context.signal.addEventListener("abort", () => reject(context.signal.reason)))\n}\n',
})
const slow = makeTask({ name: 'slow', code: 'async function main(input) {\n  await new Promise((resolve) => setTimeout(resolve, input.ms))\n  return input.label\n}\n' })
const tasks = [flaky, echo, typed, waiter, slow]

let h: JobHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const ms = (iso: string | null | undefined) => Date.parse(iso ?? '')

describe('job queue', () => {
  test('retries a job that fails twice, with backoff of at least half the full delay, then completes it', async () => {
    h = await openJobHarness({ tasks })
    const { job } = await h.jobs.create({ taskName: 'flaky', input: { failUntil: 2 }, maxRetries: 3 })
    const done = await h.waitForStatus(job.id, 'completed')
    expect(done.attempts).toBe(3)
    expect(done.output).toEqual({ attempt: 3 })
    expect(done.executionIds).toHaveLength(3)
    const executions = await Promise.all(done.executionIds.map(async (id) => (await h!.store.getExecution(id))!))
    expect(executions.map((e) => e.status)).toEqual(['failed', 'failed', 'completed'])
    expect(executions.map((e) => e.attempt)).toEqual([1, 2, 3])
    const retries = h.events.filter((e) => e.type === 'job.retry_scheduled' && e.jobId === job.id)
    expect(retries).toHaveLength(2)
    // initial 60 ms × 2^(n-1) with equal jitter: at least 30 ms after the first failure, 60 after the second.
    for (const [index, lowerBound] of [[0, 30], [1, 60]] as const) {
      const failedAt = ms(executions[index].completedAt)
      const nextAttemptAt = ms(retries[index].data.next_attempt_at as string)
      expect(nextAttemptAt - failedAt).toBeGreaterThanOrEqual(lowerBound - 2)
      expect(ms(executions[index + 1].queuedAt)).toBeGreaterThanOrEqual(nextAttemptAt)
      expect(retries[index].data.delay_ms as number).toBeGreaterThanOrEqual(lowerBound)
      expect(retries[index].data.delay_ms as number).toBeLessThanOrEqual(lowerBound * 2)
    }
    expect(done.lastError?.message).toContain('attempt 2 fails')
  })

  test('puts a job that keeps failing in dead_letter with its last error', async () => {
    h = await openJobHarness({ tasks })
    const { job } = await h.jobs.create({ taskName: 'flaky', input: { failUntil: 99 }, maxRetries: 1 })
    const dead = await h.waitForStatus(job.id, 'dead_letter')
    expect(dead.attempts).toBe(2)
    expect(dead.lastError).toMatchObject({ code: 'TASK_FAILED' })
    expect(dead.lastError?.message).toContain('attempt 2 fails')
    expect(dead.completedAt).toBeString()
    expect(h.events.filter((e) => e.jobId === job.id).map((e) => e.type)).toEqual(['job.created', 'job.started', 'job.retry_scheduled', 'job.started', 'job.dead_letter'])
    const deadEvent = h.events.find((e) => e.type === 'job.dead_letter')!
    expect(deadEvent).toMatchObject({ taskName: 'flaky', jobId: job.id, executionId: dead.executionIds[1], owner: null })
    expect(deadEvent.data).toMatchObject({ job_id: job.id, task: 'flaky', status: 'dead_letter', attempts: 2 })
  })

  test('refuses input the task schema refuses when the job is created (INPUT_INVALID), as schedules do', async () => {
    h = await openJobHarness({ tasks, start: false })
    const error = await h.jobs.create({ taskName: 'typed', input: { n: 'two' } }).catch((e) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe('INPUT_INVALID')
    expect(error.message).toContain('input does not match the input schema of task typed')
    expect((await h.jobs.stats()).total).toBe(0)
  })

  test('sends input the task schema refuses by the time it runs to dead_letter at once, without retrying', async () => {
    h = await openJobHarness({ tasks, start: false })
    const { job } = await h.jobs.create({ taskName: 'typed', input: { n: 2 }, maxRetries: 5 })
    // The task's schema changed after the job was queued.
    h.tasks.set('typed', { ...typed, inputSchema: { type: 'object', required: ['n'], properties: { n: { type: 'string' } } } })
    h.jobs.start()
    const dead = await h.waitForStatus(job.id, 'dead_letter')
    expect(dead.attempts).toBe(1)
    expect(dead.lastError?.code).toBe('INPUT_INVALID')
  })

  test('sends a job whose task disappeared to dead_letter with a clear error', async () => {
    h = await openJobHarness({ tasks, start: false })
    const { job } = await h.jobs.create({ taskName: 'echo', input: 1 })
    h.tasks.delete('echo')
    h.jobs.start()
    const dead = await h.waitForStatus(job.id, 'dead_letter')
    expect(dead.lastError).toMatchObject({ code: 'TASK_NOT_FOUND' })
    expect(dead.lastError?.message).toContain('Task "echo" no longer exists')
  })

  test('returns the existing job for a repeated idempotency key', async () => {
    h = await openJobHarness({ tasks, start: false })
    const first = await h.jobs.create({ taskName: 'echo', input: { a: 1 }, idempotencyKey: 'invoice-42' })
    const second = await h.jobs.create({ taskName: 'echo', input: { a: 2 }, idempotencyKey: 'invoice-42' })
    expect(first.created).toBe(true)
    expect(second.created).toBe(false)
    expect(second.job.id).toBe(first.job.id)
    expect(second.job.input).toEqual({ a: 1 })
    expect((await h.jobs.stats()).total).toBe(1)
    expect(h.events.filter((e) => e.type === 'job.created')).toHaveLength(1)
  })

  test('scopes idempotency keys per owner: another principal\'s key is its own job, never the first one', async () => {
    h = await openJobHarness({ tasks, start: false })
    const alice = await h.jobs.create({ taskName: 'echo', input: 1, idempotencyKey: 'shared', principal: 'alice' })
    const mallory = await h.jobs.create({ taskName: 'echo', input: 2, idempotencyKey: 'shared', principal: 'mallory' })
    const system = await h.jobs.create({ taskName: 'echo', input: 3, idempotencyKey: 'shared' })
    expect([alice.created, mallory.created, system.created]).toEqual([true, true, true])
    expect(mallory.job.id).not.toBe(alice.job.id)
    expect(mallory.job).toMatchObject({ principal: 'mallory', input: 2 })
    const again = await h.jobs.create({ taskName: 'echo', input: 9, idempotencyKey: 'shared', principal: 'mallory' })
    expect(again).toMatchObject({ created: false, job: { id: mallory.job.id, input: 2 } })
    const systemAgain = await h.jobs.create({ taskName: 'echo', input: 9, idempotencyKey: 'shared' })
    expect(systemAgain).toMatchObject({ created: false, job: { id: system.job.id } })
  })

  test('refuses a caller\'s idempotency key in the schedule: namespace, naming why', async () => {
    h = await openJobHarness({ tasks, start: false })
    const error = await h.jobs.create({ taskName: 'echo', input: 1, idempotencyKey: 'schedule:0190-abc:2026-01-01T00:00:00.000Z', principal: 'bob' }).catch((e) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe('BAD_INPUT')
    expect(error.message).toContain('idempotency_key: may not start with "schedule:"')
    // A schedule creating its own slot's job may.
    const slot = await h.jobs.create({ taskName: 'echo', input: 1, scheduleId: '0190-abc', idempotencyKey: 'schedule:0190-abc:2026-01-01T00:00:00.000Z' })
    expect(slot.created).toBe(true)
    const other = await h.jobs.create({ taskName: 'echo', input: 1, scheduleId: '0190-abc', idempotencyKey: 'schedule:0190-xyz:2026-01-01T00:00:00.000Z' }).catch((e) => e)
    expect(other.code).toBe('BAD_INPUT')
  })

  test('a job of a task the gate refuses (disabled) is refused when created, with the gate\'s error', async () => {
    const gate = { refusal: (task: { name: string }) => (task.name === 'echo' ? new AppError('CONFLICT', 'task echo is disabled; enable it with POST /api/v1/tasks/echo/enable') : null) }
    h = await openJobHarness({ tasks, start: false, deps: { gate } })
    const error = await h.jobs.create({ taskName: 'echo', input: 1 }).catch((e) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error.message).toBe('task echo is disabled; enable it with POST /api/v1/tasks/echo/enable')
    expect((await h.jobs.list({ filters: [], offset: 0, limit: 10 })).total).toBe(0)
    expect((await h.jobs.create({ taskName: 'typed', input: { n: 1 } })).created).toBe(true)
  })

  test('a node restarted under a stable id queues the jobs it held again at once', async () => {
    h = await openJobHarness({ tasks, start: false })
    const { job } = await h.jobs.create({ taskName: 'echo', input: 'held', timeout: 3 })
    expect(job.timeout).toBe(3)
    await h.jobStore.claim('node-7', new Date().toISOString(), new Date(Date.now() + 60_000).toISOString())
    const { createJobService } = await import('../../src/jobs/index.ts')
    const { createEventBus } = await import('../../src/events/index.ts')
    const restarted = createJobService({ store: h.jobStore, engine: h.engine, registry: { get: (n) => h!.tasks.get(n) }, events: createEventBus(), logger: h.logger, nodeId: 'node-7' }, testSettings())
    try {
      restarted.start()
      const done = await h.waitForStatus(job.id, 'completed')
      expect(done.attempts).toBe(1)
      expect((await h.store.getExecution(done.executionIds[0]))?.attempt).toBe(1)
    } finally {
      await restarted.close()
    }
  })

  test('runs urgent before high before normal before low', async () => {
    h = await openJobHarness({ tasks, settings: testSettings({ maxConcurrent: 1 }), start: false })
    const ids: Record<string, string> = {}
    for (const priority of ['low', 'normal', 'high', 'urgent'] as const) {
      ids[priority] = (await h.jobs.create({ taskName: 'echo', input: priority, priority })).job.id
    }
    h.jobs.start()
    const done = await Promise.all(Object.values(ids).map((id) => h!.waitForStatus(id, 'completed')))
    const order = done.sort((a, b) => ms(a.startedAt) - ms(b.startedAt) || h!.events.findIndex((e) => e.type === 'job.started' && e.jobId === a.id) - h!.events.findIndex((e) => e.type === 'job.started' && e.jobId === b.id))
    expect(order.map((job) => job.output)).toEqual(['urgent', 'high', 'normal', 'low'])
  })

  test('does not run a job before scheduled_for', async () => {
    h = await openJobHarness({ tasks })
    const scheduledFor = new Date(Date.now() + 300).toISOString()
    const { job } = await h.jobs.create({ taskName: 'echo', input: 'later', scheduledFor })
    expect((await h.jobs.stats()).due).toBe(0)
    const done = await h.waitForStatus(job.id, 'completed')
    const execution = (await h.store.getExecution(done.executionIds[0]))!
    expect(ms(execution.queuedAt)).toBeGreaterThanOrEqual(ms(scheduledFor))
  })

  test('cancels a queued job, and refuses to cancel it twice', async () => {
    h = await openJobHarness({ tasks })
    const { job } = await h.jobs.create({ taskName: 'echo', input: 1, scheduledFor: new Date(Date.now() + 60_000).toISOString() })
    const cancelled = await h.jobs.cancel(job.id, 'not needed')
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.lastError?.message).toContain('not needed')
    const again = await h.jobs.cancel(job.id).catch((error) => error)
    expect(again).toBeInstanceOf(AppError)
    expect(again.code).toBe('CONFLICT')
    const missing = await h.jobs.cancel('no-such-job').catch((error) => error)
    expect(missing.code).toBe('JOB_NOT_FOUND')
    expect(h.events.some((e) => e.type === 'job.cancelled' && e.jobId === job.id)).toBe(true)
  })

  test('cancels a running job and its execution', async () => {
    h = await openJobHarness({ tasks })
    const { job } = await h.jobs.create({ taskName: 'waiter', input: {} })
    const running = await h.waitForJob(job.id, (j) => j.status === 'running' && j.executionIds.length === 1)
    await h.waitForJob(job.id, async () => (await h!.store.getExecution(running.executionIds[0]))?.status === 'running')
    const cancelled = await h.jobs.cancel(job.id)
    expect(cancelled.status).toBe('cancelled')
    await h.waitForJob(job.id, async () => (await h!.store.getExecution(running.executionIds[0]))?.status === 'cancelled')
    expect((await h.jobs.get(job.id))?.status).toBe('cancelled')
  })

  test('a job cancelled through another node stops on the node running it, at its next heartbeat', async () => {
    h = await openJobHarness({ tasks, settings: testSettings({ leaseSeconds: 0.3 }) })
    const { createJobService } = await import('../../src/jobs/index.ts')
    const { createEventBus } = await import('../../src/events/index.ts')
    const other = createJobService({ store: h.jobStore, engine: h.engine, registry: { get: (n) => h!.tasks.get(n) }, events: createEventBus(), logger: h.logger, nodeId: 'other-node' }, testSettings())
    const { job } = await h.jobs.create({ taskName: 'waiter', input: {} })
    const running = await h.waitForJob(job.id, (j) => j.status === 'running' && j.executionIds.length === 1)
    expect(running.leaseOwner).toBe(h.jobs.nodeId)
    expect((await other.cancel(job.id, 'from elsewhere')).status).toBe('cancelled')
    await h.waitForJob(job.id, async () => (await h!.store.getExecution(running.executionIds[0]))?.status === 'cancelled', 2000)
    expect(await h.jobs.get(job.id)).toMatchObject({ status: 'cancelled', leaseOwner: null })
    await other.close()
  })

  test('retries a dead_letter job with a fresh budget, attempts counting on', async () => {
    h = await openJobHarness({ tasks })
    const { job } = await h.jobs.create({ taskName: 'flaky', input: { failUntil: 1 }, maxRetries: 0 })
    await h.waitForStatus(job.id, 'dead_letter')
    const conflict = await h.jobs.retry(job.id).then(() => h!.jobs.retry(job.id)).catch((error) => error)
    expect(conflict.code).toBe('CONFLICT')
    const done = await h.waitForStatus(job.id, 'completed')
    expect(done.attempts).toBe(2)
    expect(done.output).toEqual({ attempt: 2 })
  })

  test('reclaims a job whose lease expired on another node and runs it again', async () => {
    h = await openJobHarness({ tasks, start: false })
    const { job } = await h.jobs.create({ taskName: 'echo', input: 'again' })
    const past = new Date(Date.now() - 1000).toISOString()
    const ghost = await h.jobStore.claim('ghost-node', new Date().toISOString(), past)
    expect(ghost).toMatchObject({ id: job.id, status: 'running', leaseOwner: 'ghost-node', attempts: 1 })
    h.jobs.start()
    const done = await h.waitForStatus(job.id, 'completed')
    expect(done.attempts).toBe(2)
    expect(done.output).toBe('again')
    expect(h.events.find((e) => e.type === 'job.started')?.data.reclaimed_from).toBe('ghost-node')
  })

  test('leaves a job leased by a live node alone', async () => {
    h = await openJobHarness({ tasks, start: false })
    const { job } = await h.jobs.create({ taskName: 'echo', input: 1 })
    await h.jobStore.claim('other-node', new Date().toISOString(), new Date(Date.now() + 60_000).toISOString())
    h.jobs.start()
    await Bun.sleep(100)
    expect(await h.jobs.get(job.id)).toMatchObject({ status: 'running', leaseOwner: 'other-node', executionIds: [] })
  })

  test('runs at most max_concurrent jobs at once', async () => {
    h = await openJobHarness({ tasks, settings: testSettings({ maxConcurrent: 1 }) })
    const a = (await h.jobs.create({ taskName: 'slow', input: { ms: 80, label: 'a' } })).job
    const b = (await h.jobs.create({ taskName: 'slow', input: { ms: 10, label: 'b' } })).job
    const [doneA, doneB] = await Promise.all([h.waitForStatus(a.id, 'completed'), h.waitForStatus(b.id, 'completed')])
    expect(ms(doneB.startedAt)).toBeGreaterThanOrEqual(ms(doneA.completedAt))
  })

  test('publishes job.created, job.started and job.completed with snake_case data', async () => {
    h = await openJobHarness({ tasks })
    const { job } = await h.jobs.create({ taskName: 'echo', input: 5, principal: 'alice' })
    const done = await h.waitForStatus(job.id, 'completed')
    const mine = h.events.filter((e) => e.jobId === job.id)
    expect(mine.map((e) => e.type)).toEqual(['job.created', 'job.started', 'job.completed'])
    expect(mine[2]).toMatchObject({ taskName: 'echo', owner: 'alice', executionId: done.executionIds[0] })
    expect(mine[2].data).toMatchObject({ job_id: job.id, status: 'completed', execution_id: done.executionIds[0], attempts: 1 })
    expect(await h.store.getExecution(done.executionIds[0])).toMatchObject({ source: 'job', principal: 'alice' })
  })

  test('refuses bad create requests, naming the field and the fix', async () => {
    h = await openJobHarness({ tasks, start: false })
    const cases: [Parameters<typeof h.jobs.create>[0], string, string][] = [
      [{ taskName: 'nope', input: 1 }, 'TASK_NOT_FOUND', 'Task "nope" not found'],
      [{ taskName: 'echo', input: 1, priority: 'asap' as never }, 'BAD_INPUT', 'priority: must be one of low, normal, high, urgent'],
      [{ taskName: 'echo', input: 1, scheduledFor: 'tomorrow' }, 'BAD_INPUT', 'scheduled_for: is not a date'],
      [{ taskName: 'echo', input: 1, maxRetries: 1.5 }, 'BAD_INPUT', 'max_retries: must be a whole number from 0 to 100'],
      [{ taskName: 'echo', input: 1, maxRetries: 101 }, 'BAD_INPUT', 'max_retries'],
      [{ taskName: 'echo', input: 1, outputDestinations: [{ type: 'ftp' } as never] }, 'BAD_INPUT', 'output_destinations[0].type: must be "webhook" or "filesystem"'],
      [{ taskName: 'echo', input: 1, outputDestinations: [{ type: 'webhook', url: 'not a url' }] }, 'BAD_INPUT', 'output_destinations[0].url'],
      [{ taskName: 'echo', input: 1, outputDestinations: [{ type: 'filesystem', path: '../x.json' }] }, 'BAD_INPUT', 'must not contain ".."'],
      [{ taskName: 'echo', input: 1, outputDestinations: [{ type: 'filesystem', path: '{{nope}}.json' }] }, 'BAD_INPUT', '{{nope}} is not a path variable'],
      [{ taskName: 'echo', input: 1, outputDestinations: [{ type: 'webhook', url: 'http://127.0.0.1/x', retry_policy: { max_attempts: 0 } }] }, 'BAD_INPUT', 'retry_policy.max_attempts'],
      [{ taskName: 'echo', input: 1, outputDestinations: [{ type: 'webhook', url: 'http://127.0.0.1/x', headers: { 'X-Ratchet-Signature': 'forged' } }] }, 'BAD_INPUT', 'is set by Ratchet'],
    ]
    for (const [request, code, message] of cases) {
      const error = await h.jobs.create(request).catch((e) => e)
      expect(error).toBeInstanceOf(AppError)
      expect({ code: error.code, message: error.message }).toMatchObject({ code, message: expect.stringContaining(message) })
      expect(error.hint).toBeString()
    }
  })

  test('keeps queued jobs across a restart on the same database file', async () => {
    const { makeTempRoot } = await import('../helpers/temp-files.ts')
    const { openSqliteStore } = await import('../../src/store/index.ts')
    const { createJobService, createSqliteJobStore } = await import('../../src/jobs/index.ts')
    const { createEventBus } = await import('../../src/events/index.ts')
    const path = `${await makeTempRoot('ratchet-jobs-')}/ratchet.db`
    h = await openJobHarness({ tasks, start: false })
    const first = openSqliteStore({ path, synchronous: 'NORMAL' })
    const before = createJobService({ store: createSqliteJobStore(first), engine: h.engine, registry: { get: (n) => h!.tasks.get(n) }, events: createEventBus(), logger: h.logger }, testSettings())
    const { job } = await before.create({ taskName: 'echo', input: 'durable' })
    await before.close()
    first.close()
    const second = openSqliteStore({ path, synchronous: 'NORMAL' })
    const after = createJobService({ store: createSqliteJobStore(second), engine: h.engine, registry: { get: (n) => h!.tasks.get(n) }, events: createEventBus(), logger: h.logger }, testSettings())
    try {
      expect((await after.get(job.id))?.status).toBe('queued')
      after.start()
      const deadline = Date.now() + 5000
      while ((await after.get(job.id))?.status !== 'completed' && Date.now() < deadline) await Bun.sleep(10)
      expect(await after.get(job.id)).toMatchObject({ status: 'completed', output: 'durable' })
    } finally {
      await after.close()
      second.close()
    }
  })

  test('closing gives the lease of an unfinished job back, with its attempt', async () => {
    h = await openJobHarness({ tasks })
    const { job } = await h.jobs.create({ taskName: 'waiter', input: {} })
    await h.waitForJob(job.id, (j) => j.status === 'running' && j.executionIds.length === 1)
    await h.jobs.close({ graceMs: 50 })
    const released = await h.jobs.get(job.id)
    expect(released).toMatchObject({ status: 'queued', leaseOwner: null, attempts: 0 })
  })
})
