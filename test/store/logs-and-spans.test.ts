import { afterEach, beforeEach, expect, test } from 'bun:test'
import { isAppError } from '../../src/errors.ts'
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.ts'
import type { LogEntry, LogLevel, TraceSpan } from '../../src/store/types.ts'
import { catchError, makeExecution, makeTempDir } from './helpers.ts'

let temp: ReturnType<typeof makeTempDir>
let store: SqliteStore
beforeEach(() => {
  temp = makeTempDir()
  store = openSqliteStore({ path: temp.dbPath })
  store.createExecution(makeExecution({ id: 'exec-1' }))
  store.createExecution(makeExecution({ id: 'exec-2' }))
})
afterEach(() => {
  store.close()
  temp.cleanup()
})

const LEVELS: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error']
const log = (seq: number, level: LogLevel, extra: Partial<LogEntry> = {}): LogEntry => ({
  executionId: 'exec-1',
  seq,
  level,
  message: `${level} #${seq}`,
  ts: `2026-01-01T00:00:0${seq}.000Z`,
  ...extra,
})

test('returns logs in seq order with data parsed back and absent data left out', async () => {
  // Appended out of order and in two calls: seq decides the order.
  store.appendLogs([log(2, 'warn', { data: { retry: 2, tags: ['x'] } }), log(0, 'info')])
  store.appendLogs([log(1, 'debug', { data: null }), { ...log(0, 'error'), executionId: 'exec-2' }])
  await store.commit()
  const logs = store.getLogs('exec-1')
  expect(logs).toStrictEqual([log(0, 'info'), log(1, 'debug', { data: null }), log(2, 'warn', { data: { retry: 2, tags: ['x'] } })])
  expect(store.getLogs('exec-2').map((entry) => entry.level)).toEqual(['error'])
  expect(store.getLogs('missing')).toEqual([])
})

test('minLevel keeps that level and everything more severe', () => {
  store.appendLogs(LEVELS.flatMap((level, i) => [log(i * 2, level), log(i * 2 + 1, level)]))
  for (const [index, minLevel] of LEVELS.entries()) {
    const levels = store.getLogs('exec-1', { minLevel }).map((entry) => entry.level)
    expect(levels).toEqual(LEVELS.slice(index).flatMap((level) => [level, level]))
  }
})

test('limit returns the first entries by seq, after the level filter', () => {
  store.appendLogs(LEVELS.map((level, seq) => log(seq, level)))
  expect(store.getLogs('exec-1', { limit: 2 }).map((entry) => entry.seq)).toEqual([0, 1])
  expect(store.getLogs('exec-1', { minLevel: 'info', limit: 2 }).map((entry) => entry.level)).toEqual(['info', 'warn'])
  expect(store.getLogs('exec-1', { limit: 0 })).toEqual([])
})

test('rejects an unknown minLevel and a bad limit with BAD_INPUT', () => {
  for (const options of [{ minLevel: 'loud' as LogLevel }, { limit: 2.5 }, { limit: -7 }]) {
    const error = catchError(() => store.getLogs('exec-1', options))
    expect(isAppError(error) && error.code).toBe('BAD_INPUT')
  }
  expect(() => store.appendLogs([log(0, 'verbose' as LogLevel)])).toThrow(/log level/)
})

test('round-trips trace spans ordered by start time', async () => {
  const root: TraceSpan = {
    executionId: 'exec-1',
    spanId: 'root',
    parentId: null,
    name: 'execute fetch-json',
    kind: 'execution',
    startMs: 1767225600000.25,
    durationMs: 12.5,
    status: 'ok',
    attributes: { 'task.name': 'fetch-json', attempt: 1 },
  }
  const child: TraceSpan = {
    ...root,
    spanId: 'http-1',
    parentId: 'root',
    name: 'GET https://example.com',
    kind: 'http',
    startMs: root.startMs + 1,
    durationMs: 8,
    status: 'error',
    attributes: { 'http.status': 503 },
  }
  store.appendSpans([child, root])
  await store.commit()
  expect(store.getSpans('exec-1')).toStrictEqual([root, child])
  expect(store.getSpans('exec-2')).toEqual([])
})

test('a log for an execution that does not exist is refused at commit, not silently dropped', async () => {
  const failures: Error[] = []
  store.close()
  store = openSqliteStore({ path: temp.dbPath, onFlushError: (error) => failures.push(error) })
  store.appendLogs([{ ...log(0, 'info'), executionId: 'ghost' }, log(0, 'info')])
  const error = await store.commit().then(() => undefined, (e: unknown) => e)
  expect(isAppError(error) && error.code).toBe('INTERNAL')
  expect((error as Error).message).toContain('appendLogs ghost#0')
  expect(failures).toHaveLength(1)
  // The valid neighbour in the same batch was still saved.
  expect(store.getLogs('exec-1')).toHaveLength(1)
})
