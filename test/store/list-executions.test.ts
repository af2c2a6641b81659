import { afterAll, beforeAll, expect, test } from 'bun:test'
import { isAppError } from '../../src/errors.ts'
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.ts'
import type { ExecutionFilter, ExecutionStatus } from '../../src/store/types.ts'
import { catchError, makeExecution, makeTempDir } from './helpers.ts'

let temp: ReturnType<typeof makeTempDir>
let store: SqliteStore

// Twelve executions: e00..e11, queued a second apart; tasks alternate a/b; statuses cycle through four.
const STATUSES: ExecutionStatus[] = ['queued', 'running', 'completed', 'failed']
beforeAll(() => {
  temp = makeTempDir()
  store = openSqliteStore({ path: temp.dbPath })
  for (let i = 0; i < 12; i++) {
    store.createExecution(
      makeExecution({
        id: `e${String(i).padStart(2, '0')}`,
        taskName: i % 2 === 0 ? 'task-a' : 'task-b',
        status: STATUSES[i % 4]!,
        queuedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        durationMs: i % 4 >= 2 ? 100 - i : null,
      }),
    )
  }
})
afterAll(() => {
  store.close()
  temp.cleanup()
})

const ids = (filter?: ExecutionFilter) => store.listExecutions(filter).items.map((item) => item.id)

test('lists every execution newest queued first by default, with the total', () => {
  const { items, total } = store.listExecutions()
  expect(total).toBe(12)
  expect(items.map((item) => item.id)).toEqual(['e11', 'e10', 'e09', 'e08', 'e07', 'e06', 'e05', 'e04', 'e03', 'e02', 'e01', 'e00'])
})

test('filters by task name and by status, together or apart', () => {
  expect(ids({ taskName: 'task-a' })).toEqual(['e10', 'e08', 'e06', 'e04', 'e02', 'e00'])
  expect(ids({ status: 'completed' })).toEqual(['e10', 'e06', 'e02'])
  expect(store.listExecutions({ taskName: 'task-b', status: 'running' })).toMatchObject({ total: 3 })
  expect(store.listExecutions({ taskName: 'task-b', status: 'completed' })).toEqual({ items: [], total: 0 })
})

test('pages with limit and offset while total counts every match', () => {
  const page = store.listExecutions({ taskName: 'task-a', limit: 2, offset: 2 })
  expect(page.total).toBe(6)
  expect(page.items.map((item) => item.id)).toEqual(['e06', 'e04'])
  expect(store.listExecutions({ limit: 5, offset: 10 }).items.map((item) => item.id)).toEqual(['e01', 'e00'])
  expect(store.listExecutions({ limit: 0 })).toEqual({ items: [], total: 12 })
})

test('sorts by each allowed key in either direction', () => {
  expect(ids({ sortBy: 'queuedAt', sortOrder: 'asc', limit: 3 })).toEqual(['e00', 'e01', 'e02'])
  // Finished runs have durations 100 - i; unfinished ones have none and sort last when descending.
  expect(ids({ sortBy: 'durationMs', sortOrder: 'desc', limit: 3 })).toEqual(['e02', 'e03', 'e06'])
  expect(ids({ sortBy: 'durationMs', sortOrder: 'asc', status: 'failed' })).toEqual(['e11', 'e07', 'e03'])
  // Ties within a status keep insertion order in the chosen direction.
  expect(ids({ sortBy: 'status', sortOrder: 'asc', limit: 4 })).toEqual(['e02', 'e06', 'e10', 'e03'])
  expect(ids({ sortBy: 'startedAt', limit: 1 })).toEqual(['e11'])
  expect(ids({ sortBy: 'completedAt', sortOrder: 'asc', limit: 1 })).toEqual(['e00'])
})

test('rejects sort keys, orders and counts outside the whitelist with BAD_INPUT', () => {
  const bad: ExecutionFilter[] = [
    { sortBy: 'id; DROP TABLE executions' as 'status' },
    { sortBy: 'constructor' as 'status' },
    { sortOrder: 'sideways' as 'asc' },
    { limit: -1 },
    { limit: 1.5 },
    { offset: -3 },
  ]
  for (const filter of bad) {
    const error = catchError(() => store.listExecutions(filter))
    expect(isAppError(error) && error.code).toBe('BAD_INPUT')
  }
  expect(store.listExecutions().total).toBe(12)
})
