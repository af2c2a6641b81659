/**
 * The JobStore contract: every implementation (SQLite today, PostgreSQL later) reruns this suite.
 * `makeStore` returns a fresh, empty store and a cleanup.
 */
import { describe, expect, test } from 'bun:test'
import { AppError } from '../../src/errors.ts'
import type { JobStore, NewJob } from '../../src/jobs/index.ts'

export type MakeJobStore = () => Promise<{ store: JobStore; close(): Promise<void> | void }>

let seq = 0
const T0 = Date.parse('2026-03-01T12:00:00.000Z')
const at = (offsetMs: number) => new Date(T0 + offsetMs).toISOString()

export function newJob(overrides: Partial<NewJob> = {}): NewJob {
  seq++
  return {
    id: `job-${String(seq).padStart(5, '0')}`,
    taskName: 'echo',
    input: { n: seq },
    priority: 'normal',
    scheduledFor: at(0),
    maxRetries: 3,
    timeout: null,
    outputDestinations: [],
    idempotencyKey: null,
    scheduleId: null,
    principal: null,
    createdAt: at(0),
    ...overrides,
  }
}

export function runJobStoreContract(name: string, makeStore: MakeJobStore): void {
  const withStore = (fn: (store: JobStore) => Promise<void>) => async () => {
    const { store, close } = await makeStore()
    try {
      await fn(store)
    } finally {
      await close()
    }
  }

  describe(`JobStore contract: ${name}`, () => {
    test('inserts a job and reads it back as given', withStore(async (store) => {
      const job = newJob({ input: { nested: [1, null, 'x'] }, priority: 'high', principal: 'alice', outputDestinations: [{ type: 'filesystem', path: 'a.json' }] })
      const { job: stored, created } = await store.insert(job)
      expect(created).toBe(true)
      expect(stored).toMatchObject({ id: job.id, status: 'queued', attempts: 0, input: { nested: [1, null, 'x'] }, priority: 'high', principal: 'alice', executionIds: [], lastError: null })
      expect(await store.get(job.id)).toEqual(stored)
      expect(await store.get('missing')).toBeNull()
    }))

    test('returns the existing job for a taken idempotency key', withStore(async (store) => {
      const first = await store.insert(newJob({ idempotencyKey: 'k1' }))
      const second = await store.insert(newJob({ idempotencyKey: 'k1', input: 'other' }))
      expect(second.created).toBe(false)
      expect(second.job.id).toBe(first.job.id)
    }))

    test('scopes idempotency keys per owner (null is the system\'s own scope)', withStore(async (store) => {
      const alice = await store.insert(newJob({ idempotencyKey: 'k1', principal: 'alice' }))
      const bob = await store.insert(newJob({ idempotencyKey: 'k1', principal: 'bob' }))
      const system = await store.insert(newJob({ idempotencyKey: 'k1' }))
      expect([alice.created, bob.created, system.created]).toEqual([true, true, true])
      expect(new Set([alice.job.id, bob.job.id, system.job.id]).size).toBe(3)
      const bobAgain = await store.insert(newJob({ idempotencyKey: 'k1', principal: 'bob' }))
      expect(bobAgain).toMatchObject({ created: false, job: { id: bob.job.id, principal: 'bob' } })
      const systemAgain = await store.insert(newJob({ idempotencyKey: 'k1' }))
      expect(systemAgain).toMatchObject({ created: false, job: { id: system.job.id, principal: null } })
    }))

    test('claims by priority, then due time, then age; never a job not yet due', withStore(async (store) => {
      await store.insert(newJob({ id: 'low', priority: 'low' }))
      await store.insert(newJob({ id: 'normal-late', scheduledFor: at(500) }))
      await store.insert(newJob({ id: 'normal', scheduledFor: at(100) }))
      await store.insert(newJob({ id: 'urgent', priority: 'urgent', scheduledFor: at(200) }))
      await store.insert(newJob({ id: 'future', priority: 'urgent', scheduledFor: at(60_000) }))
      const order: string[] = []
      for (let job = await store.claim('n1', at(1000), at(61_000)); job; job = await store.claim('n1', at(1000), at(61_000))) order.push(job.id)
      expect(order).toEqual(['urgent', 'normal', 'normal-late', 'low'])
      const running = await store.get('urgent')
      expect(running).toMatchObject({ status: 'running', attempts: 1, leaseOwner: 'n1', leaseExpiresAt: at(61_000), startedAt: at(1000) })
    }))

    test('reclaims an expired lease, naming the previous owner; a live lease is left alone', withStore(async (store) => {
      await store.insert(newJob({ id: 'a' }))
      await store.claim('dead-node', at(0), at(100))
      expect(await store.claim('n2', at(50), at(10_000))).toBeNull()
      const reclaimed = await store.claim('n2', at(200), at(10_000))
      expect(reclaimed).toMatchObject({ id: 'a', reclaimedFrom: 'dead-node', leaseOwner: 'n2', attempts: 2 })
      expect(await store.heartbeat('a', 'dead-node', at(20_000))).toBe(false)
      expect(await store.heartbeat('a', 'n2', at(20_000))).toBe(true)
      expect((await store.get('a'))?.leaseExpiresAt).toBe(at(20_000))
    }))

    test('applies a transition only from the given statuses and under the given owner', withStore(async (store) => {
      await store.insert(newJob({ id: 'a' }))
      await store.claim('n1', at(0), at(1000))
      expect(await store.addExecution('a', 'n1', 'exec-1', at(1))).toBe(true)
      expect(await store.addExecution('a', 'n2', 'exec-x', at(1))).toBe(false)
      expect(await store.transition('a', { from: ['running'], owner: 'n2' }, { status: 'completed' }, at(2))).toBeNull()
      const error = { type: 'Error', code: 'TASK_FAILED', message: 'boom' }
      const retrying = await store.transition('a', { from: ['running'], owner: 'n1' }, { status: 'retrying', lastError: error, nextAttemptAt: at(500), runAfter: at(500) }, at(2))
      expect(retrying).toMatchObject({ status: 'retrying', lastError: error, nextAttemptAt: at(500), leaseOwner: null, executionIds: ['exec-1'], updatedAt: at(2) })
      expect(await store.claim('n1', at(499), at(2000))).toBeNull()
      expect((await store.claim('n1', at(500), at(2000)))?.id).toBe('a')
      const done = await store.transition('a', { from: ['running'], owner: 'n1' }, { status: 'completed', output: null, completedAt: at(600) }, at(600))
      expect(done).toMatchObject({ status: 'completed', output: null, attempts: 2, completedAt: at(600) })
      const again = await store.transition('a', { from: ['completed'] }, { status: 'queued', resetBudget: true, runAfter: at(700), completedAt: null }, at(700))
      expect(again).toMatchObject({ status: 'queued', retryBase: 2, attempts: 2, completedAt: null })
    }))

    test('gives back every job a node holds, attempt not counted', withStore(async (store) => {
      await store.insert(newJob({ id: 'a' }))
      await store.insert(newJob({ id: 'b' }))
      await store.claim('n1', at(0), at(1000))
      await store.claim('n2', at(0), at(1000))
      expect(await store.releaseAll('n1', at(10))).toBe(1)
      expect(await store.get('a')).toMatchObject({ status: 'queued', attempts: 0, leaseOwner: null })
      expect(await store.get('b')).toMatchObject({ status: 'running', leaseOwner: 'n2' })
    }))

    test('records delivery attempts in order', withStore(async (store) => {
      await store.insert(newJob({ id: 'a' }))
      const attempt = { jobId: 'a', executionId: 'e1', destination: 0, type: 'webhook' as const, attempt: 1, ok: false, status: 500, target: 'http://x/', error: 'the receiver answered 500', durationMs: 3, at: at(1) }
      await store.addDelivery(attempt)
      await store.addDelivery({ ...attempt, attempt: 2, ok: true, status: 200, error: null, at: at(2) })
      expect(await store.deliveries('a')).toEqual([attempt, { ...attempt, attempt: 2, ok: true, status: 200, error: null, at: at(2) }])
      expect(await store.deliveries('b')).toEqual([])
    }))

    test('counts jobs by status, and the waiting ones that are due', withStore(async (store) => {
      await store.insert(newJob({ id: 'a', principal: 'alice' }))
      await store.insert(newJob({ id: 'b', scheduledFor: at(5000) }))
      await store.insert(newJob({ id: 'c', taskName: 'report-daily' }))
      await store.claim('n1', at(0), at(1000))
      const stats = await store.stats(at(10))
      expect(stats).toEqual({ total: 3, due: 1, byStatus: { queued: 2, running: 1, retrying: 0, completed: 0, dead_letter: 0, cancelled: 0 } })
      expect((await store.stats(at(10), { owner: 'alice' })).total).toBe(1)
      expect((await store.stats(at(10), { taskGlobs: { include: ['report-*'], exclude: [] } })).total).toBe(1)
    }))

    test('lists with whitelisted filters, sort and window, and refuses other fields', withStore(async (store) => {
      await store.insert(newJob({ id: 'a', taskName: 'report-daily', priority: 'low', createdAt: at(1) }))
      await store.insert(newJob({ id: 'b', taskName: 'report-weekly', priority: 'high', createdAt: at(2), principal: 'alice' }))
      await store.insert(newJob({ id: 'c', taskName: 'echo', priority: 'urgent', createdAt: at(3), idempotencyKey: 'key_100%' }))
      const ids = async (query: Partial<Parameters<JobStore['list']>[0]>, scope?: Parameters<JobStore['list']>[1]) =>
        (await store.list({ filters: [], offset: 0, limit: 100, ...query }, scope)).items.map((job) => job.id)
      expect(await ids({})).toEqual(['c', 'b', 'a'])
      expect(await ids({ filters: [{ field: 'task_id', op: 'starts_with', value: 'report-' }], sort: { field: 'created_at', order: 'asc' } })).toEqual(['a', 'b'])
      expect(await ids({ filters: [{ field: 'priority', op: 'gte', value: 'high' }], sort: { field: 'priority', order: 'desc' } })).toEqual(['c', 'b'])
      expect(await ids({ filters: [{ field: 'status', op: 'in', value: ['queued', 'running'] }, { field: 'task_id', op: 'ne', value: 'echo' }] })).toEqual(['b', 'a'])
      expect(await ids({ filters: [{ field: 'idempotency_key', op: 'like', value: '_100%' }] })).toEqual(['c'])
      expect(await ids({ filters: [{ field: 'created_at', op: 'gte', value: at(2) }] })).toEqual(['c', 'b'])
      expect(await ids({ filters: [{ field: 'attempts', op: 'eq', value: '0' }], offset: 1, limit: 1 })).toEqual(['b'])
      expect((await store.list({ filters: [], offset: 0, limit: 1 })).total).toBe(3)
      expect(await ids({}, { owner: 'alice' })).toEqual(['b'])
      expect(await ids({}, { taskGlobs: { include: ['report-*'], exclude: ['*-weekly'] } })).toEqual(['a'])
      const refusals: [Partial<Parameters<JobStore['list']>[0]>, string][] = [
        [{ filters: [{ field: 'input', op: 'eq', value: 'x' }] }, 'Jobs cannot be filtered by "input"'],
        [{ filters: [{ field: 'status', op: 'regex' as never, value: 'x' }] }, 'Unknown filter operator'],
        [{ filters: [{ field: 'status', op: 'eq', value: 'done' }] }, 'Unknown job status'],
        [{ filters: [{ field: 'attempts', op: 'gte', value: 'two' }] }, 'attempts must be a whole number'],
        [{ filters: [{ field: 'created_at', op: 'lte', value: 'yesterday' }] }, 'created_at must be a date'],
        [{ sort: { field: 'input', order: 'asc' } }, 'Jobs cannot be sorted by "input"'],
        [{ limit: 0 }, 'limit must be a whole number from 1 to 100'],
      ]
      for (const [query, message] of refusals) {
        const error = await ids(query).catch((e) => e)
        expect(error).toBeInstanceOf(AppError)
        expect(error.code).toBe('BAD_INPUT')
        expect(error.message).toContain(message)
        expect(error.hint).toBeString()
      }
      const unknown = await ids({ filters: [{ field: 'input', op: 'eq', value: 'x' }] }).catch((e) => e)
      expect(unknown.hint).toContain('id, task_id, status, priority, schedule_id, idempotency_key, created_at, updated_at, scheduled_for, attempts')
    }))
  })
}
