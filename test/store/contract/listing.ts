/** The Store contract: listing executions (filters, owner, where conditions, task globs, sorting, paging, totals, whitelist refusals). */
import { describe, expect, test } from 'bun:test'
import { isAppError } from '../../../src/errors.ts'
import type { ExecutionFilter } from '../../../src/store/types.ts'
import { makeExecution } from '../helpers.ts'
import { ids, rejectionOf, seedTwelve, type ContractContext } from './fixtures.ts'

export function listingContract({ name, withStore }: ContractContext): void {
  describe(`Store contract: ${name}: listing executions`, () => {
    test('lists every execution newest queued first by default, with the total', withStore(async (store) => {
      seedTwelve(store)
      const { items, total } = await store.listExecutions()
      expect(total).toBe(12)
      expect(items.map((item) => item.id)).toEqual(['e11', 'e10', 'e09', 'e08', 'e07', 'e06', 'e05', 'e04', 'e03', 'e02', 'e01', 'e00'])
    }))

    test('filters by task name, status and owner, together or apart', withStore(async (store) => {
      seedTwelve(store)
      expect(await ids(store, { taskName: 'task-a' })).toEqual(['e10', 'e08', 'e06', 'e04', 'e02', 'e00'])
      expect(await ids(store, { status: 'completed' })).toEqual(['e10', 'e06', 'e02'])
      expect(await store.listExecutions({ taskName: 'task-b', status: 'running' })).toMatchObject({ total: 3 })
      expect(await store.listExecutions({ taskName: 'task-b', status: 'completed' })).toEqual({ items: [], total: 0 })
      expect(await ids(store, { owner: 'alice', status: 'queued' })).toEqual(['e08', 'e04', 'e00'])
      expect((await store.listExecutions({ owner: 'alice' })).total).toBe(6)
      expect((await store.listExecutions({ owner: 'bob' })).total).toBe(0)
    }))

    test('pages with limit and offset while total counts every match', withStore(async (store) => {
      seedTwelve(store)
      const page = await store.listExecutions({ taskName: 'task-a', limit: 2, offset: 2 })
      expect(page.total).toBe(6)
      expect(page.items.map((item) => item.id)).toEqual(['e06', 'e04'])
      expect(await ids(store, { limit: 5, offset: 10 })).toEqual(['e01', 'e00'])
      expect(await store.listExecutions({ limit: 0 })).toEqual({ items: [], total: 12 })
    }))

    test('sorts by each allowed key in either direction, ties in insertion order', withStore(async (store) => {
      seedTwelve(store)
      expect(await ids(store, { sortBy: 'queuedAt', sortOrder: 'asc', limit: 3 })).toEqual(['e00', 'e01', 'e02'])
      // Finished runs have durations 100 - i; unfinished ones have none and sort last when descending.
      expect(await ids(store, { sortBy: 'durationMs', sortOrder: 'desc', limit: 3 })).toEqual(['e02', 'e03', 'e06'])
      expect(await ids(store, { sortBy: 'durationMs', sortOrder: 'asc', status: 'failed' })).toEqual(['e11', 'e07', 'e03'])
      expect(await ids(store, { sortBy: 'status', sortOrder: 'asc', limit: 4 })).toEqual(['e02', 'e06', 'e10', 'e03'])
      expect(await ids(store, { sortBy: 'startedAt', limit: 1 })).toEqual(['e11'])
      expect(await ids(store, { sortBy: 'completedAt', sortOrder: 'asc', limit: 1 })).toEqual(['e00'])
    }))

    test('where conditions on whitelisted fields all have to hold', withStore(async (store) => {
      seedTwelve(store)
      expect(await ids(store, { where: [{ field: 'id', op: 'eq', value: 'e03' }] })).toEqual(['e03'])
      expect(await ids(store, { where: [{ field: 'status', op: 'in', value: ['completed', 'failed'] }, { field: 'taskName', op: 'eq', value: 'task-a' }] })).toEqual(['e10', 'e06', 'e02'])
      expect(await ids(store, { where: [{ field: 'status', op: 'not_in', value: ['queued', 'running', 'completed'] }] })).toEqual(['e11', 'e07', 'e03'])
      expect(await ids(store, { where: [{ field: 'queuedAt', op: 'gte', value: '2026-01-01T00:00:09.000Z' }] })).toEqual(['e11', 'e10', 'e09'])
      expect(await ids(store, { where: [{ field: 'queuedAt', op: 'lte', value: '2026-01-01T00:00:01.000Z' }] })).toEqual(['e01', 'e00'])
      expect(await ids(store, { where: [{ field: 'durationMs', op: 'gte', value: 95 }] })).toEqual(['e03', 'e02'])
      expect(await ids(store, { where: [{ field: 'source', op: 'eq', value: 'mcp' }], sortOrder: 'asc' })).toEqual(['e00', 'e03', 'e06', 'e09'])
      expect(await ids(store, { where: [{ field: 'taskName', op: 'like', value: 'SK-B' }], limit: 2 })).toEqual(['e11', 'e09'])
      expect(await ids(store, { where: [{ field: 'id', op: 'starts_with', value: 'e1' }] })).toEqual(['e11', 'e10'])
      expect(await ids(store, { where: [{ field: 'id', op: 'ends_with', value: '5' }] })).toEqual(['e05'])
      expect(await ids(store, { where: [{ field: 'id', op: 'ne', value: 'e00' }], sortOrder: 'asc', limit: 1 })).toEqual(['e01'])
      // A literal `%` or `_` matches only itself.
      expect(await ids(store, { where: [{ field: 'taskName', op: 'like', value: '%' }] })).toEqual([])
      expect(await ids(store, { where: [{ field: 'id', op: 'in', value: [] }] })).toEqual([])
      expect((await store.listExecutions({ where: [{ field: 'taskName', op: 'eq', value: 'task-a' }], limit: 1 })).total).toBe(6)
    }))

    test('keeps executions whose task matches an included glob and no excluded one', withStore(async (store) => {
      const names = ['safe-a', 'safe-admin', 'api-x', 'other', 'what?', 'br[a]ck']
      names.forEach((taskName, i) => store.createExecution(makeExecution({ id: `e${i}`, taskName })))
      const list = async (include: string[], exclude: string[] = []) => (await store.listExecutions({ taskGlobs: { include, exclude } })).items.map((r) => r.taskName).sort()
      expect(await list(['safe-*', 'api-*'], ['*admin'])).toEqual(['api-x', 'safe-a'])
      expect(await list(['*'])).toEqual([...names].sort())
      expect(await list([])).toEqual([])
      expect(await list(['what?'])).toEqual(['what?'])
      expect(await list(['br[a]ck'])).toEqual(['br[a]ck'])
      expect((await store.listExecutions({ taskGlobs: { include: ['safe-*'], exclude: [] } })).total).toBe(2)
    }))

    test('rejects sort keys, orders, counts and conditions outside the whitelist with BAD_INPUT', withStore(async (store) => {
      seedTwelve(store)
      const bad: ExecutionFilter[] = [
        { sortBy: 'id; DROP TABLE executions' as 'status' },
        { sortBy: 'constructor' as 'status' },
        { sortOrder: 'sideways' as 'asc' },
        { limit: -1 },
        { limit: 1.5 },
        { offset: -3 },
        { where: [{ field: 'input' as 'id', op: 'eq', value: 'x' }] },
        { where: [{ field: 'id', op: 'regex' as 'eq', value: 'x' }] },
      ]
      for (const filter of bad) {
        const error = await rejectionOf(store.listExecutions(filter))
        expect(isAppError(error) && error.code).toBe('BAD_INPUT')
      }
      expect((await store.listExecutions()).total).toBe(12)
    }))
  })
}
