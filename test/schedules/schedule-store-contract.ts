/**
 * The ScheduleStore contract, run against every implementation (SQLite today, PostgreSQL later):
 * plain rows round-trip, names are unique, and slot moves are compare-and-set.
 */
import { describe, expect, test } from 'bun:test'
import { AppError } from '../../src/errors.ts'
import type { ScheduleStore, StoredSchedule } from '../../src/schedules/index.ts'

export interface StoreUnderTest {
  store: ScheduleStore
  close(): Promise<void> | void
}

let seq = 0

export function storedSchedule(overrides: Partial<StoredSchedule> = {}): StoredSchedule {
  seq++
  return {
    id: `s-${seq}`,
    name: `schedule-${seq}`,
    description: null,
    taskName: 'echo',
    cronExpression: '0 * * * * *',
    inputData: { nested: { list: [1, 'two', null] } },
    timezone: 'Europe/Berlin',
    enabled: true,
    catchUp: 'run_once',
    outputDestinations: [{ type: 'webhook', url: 'https://example.com/hook' }],
    maxRetries: 2,
    priority: 'high',
    lastFiredSlot: null,
    lastRunAt: null,
    nextRunAt: '2026-01-01T00:01:00.000Z',
    runCount: 0,
    principal: 'alice',
    createdAt: `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-01-01T00:00:00.000Z',
    pendingSlot: null,
    slotsAfter: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}

export function runScheduleStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  const withStore = (title: string, body: (store: ScheduleStore) => Promise<void>) =>
    test(title, async () => {
      const h = await open()
      try {
        await body(h.store)
      } finally {
        await h.close()
      }
    })

  describe(`ScheduleStore contract: ${name}`, () => {
    withStore('round-trips every field, JSON included', async (store) => {
      const schedule = storedSchedule({ description: 'hourly report' })
      await store.insert(schedule)
      expect(await store.get(schedule.id)).toEqual(schedule)
      expect(await store.get('missing')).toBeNull()
    })

    withStore('refuses a second schedule with the same name, on insert and on rename', async (store) => {
      const first = storedSchedule()
      const second = storedSchedule()
      await store.insert(first)
      await store.insert(second)
      await expect(store.insert(storedSchedule({ name: first.name }))).rejects.toMatchObject({ code: 'CONFLICT' })
      const error = await store.update(second.id, { name: first.name }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('CONFLICT')
    })

    withStore('updates only the given fields and returns null for an unknown id', async (store) => {
      const schedule = storedSchedule()
      await store.insert(schedule)
      const updated = await store.update(schedule.id, { enabled: false, inputData: [1], nextRunAt: null, description: undefined })
      expect(updated).toEqual({ ...schedule, enabled: false, inputData: [1], nextRunAt: null })
      expect(await store.update('missing', { enabled: true })).toBeNull()
      expect(await store.delete(schedule.id)).toBe(true)
      expect(await store.delete(schedule.id)).toBe(false)
    })

    withStore('claims a slot only from the last slot the caller saw, once, and only while enabled', async (store) => {
      const schedule = storedSchedule()
      await store.insert(schedule)
      const move = { id: schedule.id, expected: null, slot: '2026-01-01T00:01:00.000Z', nextRunAt: '2026-01-01T00:02:00.000Z' }
      expect(await store.claimSlot(move)).toBe(true)
      expect(await store.claimSlot(move)).toBe(false)
      expect(await store.get(schedule.id)).toMatchObject({ lastFiredSlot: move.slot, pendingSlot: move.slot, nextRunAt: move.nextRunAt })
      // A pending slot blocks the next claim until it is settled.
      const next = { id: schedule.id, expected: move.slot, slot: '2026-01-01T00:02:00.000Z', nextRunAt: '2026-01-01T00:03:00.000Z' }
      expect(await store.claimSlot(next)).toBe(false)
      await store.settleSlot(schedule.id, move.slot, { created: true, at: '2026-01-01T00:01:00.100Z' })
      expect(await store.get(schedule.id)).toMatchObject({ pendingSlot: null, runCount: 1, lastRunAt: '2026-01-01T00:01:00.100Z' })
      await store.update(schedule.id, { enabled: false })
      expect(await store.claimSlot(next)).toBe(false)
      expect(await store.skipSlot(next)).toBe(false)
      await store.update(schedule.id, { enabled: true })
      expect(await store.skipSlot(next)).toBe(true)
      expect(await store.get(schedule.id)).toMatchObject({ lastFiredSlot: next.slot, pendingSlot: null, runCount: 1 })
    })

    withStore('an abandoned slot is settled without counting a run; a trigger counts one', async (store) => {
      const schedule = storedSchedule()
      await store.insert(schedule)
      await store.claimSlot({ id: schedule.id, expected: null, slot: '2026-01-01T00:01:00.000Z', nextRunAt: null })
      await store.settleSlot(schedule.id, '2026-01-01T00:00:00.000Z', { created: true, at: 'x' })
      expect((await store.get(schedule.id))?.pendingSlot).toBe('2026-01-01T00:01:00.000Z')
      await store.settleSlot(schedule.id, '2026-01-01T00:01:00.000Z', { created: false, at: '2026-01-01T00:01:01.000Z' })
      expect(await store.get(schedule.id)).toMatchObject({ pendingSlot: null, runCount: 0, lastRunAt: null })
      await store.recordTrigger(schedule.id, '2026-01-01T00:05:00.000Z')
      expect(await store.get(schedule.id)).toMatchObject({ runCount: 1, lastRunAt: '2026-01-01T00:05:00.000Z' })
    })

    withStore('lists the enabled schedules and disabled ones with a pending slot for the timer', async (store) => {
      const enabled = storedSchedule()
      const disabled = storedSchedule({ enabled: false })
      const pending = storedSchedule({ enabled: false, pendingSlot: '2026-01-01T00:01:00.000Z', lastFiredSlot: '2026-01-01T00:01:00.000Z' })
      for (const s of [enabled, disabled, pending]) await store.insert(s)
      expect((await store.listActive()).map((s) => s.id).sort()).toEqual([enabled.id, pending.id].sort())
    })

    withStore('counts by state within an owner and task-pattern scope', async (store) => {
      await store.insert(storedSchedule({ principal: 'alice', taskName: 'report-daily' }))
      await store.insert(storedSchedule({ principal: 'alice', taskName: 'admin-purge', enabled: false }))
      await store.insert(storedSchedule({ principal: 'bob', taskName: 'report-weekly' }))
      expect(await store.stats()).toEqual({ total: 3, enabled: 2, disabled: 1 })
      expect(await store.stats({ owner: 'alice' })).toEqual({ total: 2, enabled: 1, disabled: 1 })
      expect(await store.stats({ taskGlobs: { include: ['report-*'], exclude: ['*-weekly'] } })).toEqual({ total: 1, enabled: 1, disabled: 0 })
      const page = await store.list({ filters: [{ field: 'task_id', op: 'starts_with', value: 'report' }], sort: { field: 'task_id', order: 'desc' }, offset: 0, limit: 1 })
      expect(page.total).toBe(2)
      expect(page.items.map((s) => s.taskName)).toEqual(['report-weekly'])
    })
  })
}
