import { afterEach, beforeEach, expect, test } from 'bun:test'
import { Database } from 'bun:sqlite'
import { isAppError, type AppError } from '../../src/errors.ts'
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.ts'
import { makeExecution, makeTempDir } from './helpers.ts'

let temp: ReturnType<typeof makeTempDir>
let store: SqliteStore
let failures: AppError[]
beforeEach(() => {
  temp = makeTempDir()
  failures = []
  store = openSqliteStore({ path: temp.dbPath, onFlushError: (error) => failures.push(error) })
})
afterEach(() => {
  store.close()
  temp.cleanup()
})

/** Counts rows through a second connection, which only sees committed data. */
function committedCount(): number {
  const db = new Database(temp.dbPath, { readonly: true })
  const { n } = db.query<{ n: number }, []>('SELECT count(*) AS n FROM executions').get()!
  db.close()
  return n
}

const rejection = (promise: Promise<void>) => promise.then(() => undefined, (error: unknown) => error)

test('writes are buffered until the next turn, and commit() resolves once they are on disk', async () => {
  store.createExecution(makeExecution())
  expect(committedCount()).toBe(0)
  const committed = store.commit()
  expect(committedCount()).toBe(0)
  await committed
  expect(committedCount()).toBe(1)
})

test('a buffered write is flushed on the next turn even without commit()', async () => {
  store.createExecution(makeExecution())
  await new Promise((resolve) => setImmediate(resolve))
  await new Promise((resolve) => setImmediate(resolve))
  expect(committedCount()).toBe(1)
})

test('commit() with nothing buffered resolves at once', async () => {
  await store.commit()
  expect(failures).toEqual([])
})

test('flushes at once when the buffer reaches its op limit', () => {
  store.close()
  store = openSqliteStore({ path: temp.dbPath, maxBufferedOps: 10 })
  for (let i = 0; i < 9; i++) store.createExecution(makeExecution({ id: `e${i}` }))
  expect(committedCount()).toBe(0)
  store.createExecution(makeExecution({ id: 'e9' }))
  expect(committedCount()).toBe(10)
})

test('concurrent commit() calls share one flush and all resolve', async () => {
  const commits: Promise<void>[] = []
  for (let i = 0; i < 50; i++) {
    store.createExecution(makeExecution({ id: `e${i}` }))
    commits.push(store.commit())
  }
  await Promise.all(commits)
  expect(committedCount()).toBe(50)
})

test('a bad write rejects commit() with INTERNAL naming the cause, and its batch neighbours still land', async () => {
  store.createExecution(makeExecution({ id: 'good-1' }))
  store.updateExecution('never-created', { status: 'running' })
  store.createExecution(makeExecution({ id: 'good-2' }))
  const error = await rejection(store.commit())
  expect(isAppError(error) && error.code).toBe('INTERNAL')
  expect((error as AppError).message).toContain('updateExecution never-created')
  expect((error as AppError).data).toMatchObject({ failedCount: 1 })
  expect(failures).toEqual([error as AppError])
  expect(committedCount()).toBe(2)
  // Reported once: the next commit covers only later writes.
  store.createExecution(makeExecution({ id: 'good-3' }))
  await store.commit()
})

test('a failure in a flush nobody awaited rejects the next commit()', async () => {
  store.createExecution(makeExecution({ id: 'dup' }))
  store.flush()
  store.createExecution(makeExecution({ id: 'dup' }))
  store.flush()
  expect(failures).toHaveLength(1)
  expect(failures[0]!.message).toContain('createExecution dup')
  const error = await rejection(store.commit())
  expect(error).toBe(failures[0])
  await store.commit()
})

test('creating the same execution twice in one batch throws at the call', () => {
  store.createExecution(makeExecution())
  expect(() => store.createExecution(makeExecution())).toThrow(/created twice/)
})

test('a batch the database refuses as a whole rejects commit() and loses nothing silently', async () => {
  // A second connection holds the write lock, so BEGIN IMMEDIATE waits out busy_timeout and fails.
  store.close()
  store = openSqliteStore({ path: temp.dbPath, busyTimeoutMs: 10, onFlushError: (error) => failures.push(error) })
  const blocker = new Database(temp.dbPath)
  blocker.run('PRAGMA busy_timeout = 0')
  blocker.run('BEGIN IMMEDIATE')
  try {
    store.createExecution(makeExecution())
    const error = await rejection(store.commit())
    expect(isAppError(error) && error.code).toBe('INTERNAL')
    expect((error as AppError).message).toMatch(/Could not save 1 buffered writes: .*locked/)
    expect((error as AppError).data).toMatchObject({ lostCount: 1, firstLost: 'createExecution exec-1' })
  } finally {
    blocker.run('ROLLBACK')
    blocker.close()
  }
  expect(await store.getExecution('exec-1')).toBeNull()
})
