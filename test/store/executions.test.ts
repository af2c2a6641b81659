import { afterEach, beforeEach, expect, test } from 'bun:test'
import { isAppError } from '../../src/errors.ts'
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.ts'
import type { ExecutionRecord, ExecutionStatus } from '../../src/store/types.ts'
import { catchError, makeExecution, makeTempDir } from './helpers.ts'

let temp: ReturnType<typeof makeTempDir>
let store: SqliteStore
beforeEach(() => {
  temp = makeTempDir()
  store = openSqliteStore({ path: temp.dbPath })
})
afterEach(() => {
  store.close()
  temp.cleanup()
})

const finished: ExecutionRecord = makeExecution({
  id: 'exec-full',
  input: { list: [1, 'two', null], nested: { ok: true } },
  output: { items: [{ id: 1 }], count: 1 },
  status: 'failed',
  error: {
    type: 'HttpError',
    code: 'TASK_FAILED',
    message: 'GET https://example.com failed with 503',
    stack: 'HttpError: ...\n    at main.js:3:9',
    location: { file: 'main.js', line: 3, column: 9, source: 'await fetch(url)' },
    reason: 'http_error',
    details: { status: 503 },
  },
  startedAt: '2026-01-01T00:00:01.000Z',
  completedAt: '2026-01-01T00:00:02.500Z',
  durationMs: 1500.25,
  attempt: 3,
  progress: { progress: 2, total: 4, message: 'half way' },
  source: 'mcp',
})

test('round-trips every field of an execution through a reopened database', async () => {
  store.createExecution(finished)
  await store.commit()
  store.close()
  store = openSqliteStore({ path: temp.dbPath })
  expect(store.getExecution('exec-full')).toStrictEqual(finished)
})

test('updates change only the fields they name and round-trip after commit', async () => {
  store.createExecution(makeExecution())
  await store.commit()
  store.updateExecution('exec-1', { status: 'running', startedAt: '2026-01-01T00:00:01.000Z', progress: { progress: 1 } })
  await store.commit()
  store.updateExecution('exec-1', {
    status: 'completed',
    output: [1, 2, 3],
    completedAt: '2026-01-01T00:00:03.000Z',
    durationMs: 2000,
    progress: null,
    taskVersion: '1.0.1',
    taskChecksum: 'sha-2',
    attempt: 2,
  })
  await store.commit()
  expect(store.getExecution('exec-1')).toStrictEqual({
    ...makeExecution(),
    taskVersion: '1.0.1',
    taskChecksum: 'sha-2',
    output: [1, 2, 3],
    status: 'completed',
    error: null,
    startedAt: '2026-01-01T00:00:01.000Z',
    completedAt: '2026-01-01T00:00:03.000Z',
    durationMs: 2000,
    attempt: 2,
    progress: null,
  })
})

test('leaves output undefined when it was never set, and keeps an explicit null output', () => {
  store.createExecution(makeExecution({ id: 'never' }))
  store.createExecution(makeExecution({ id: 'null-output' }))
  store.updateExecution('null-output', { status: 'completed', output: null })
  const never = store.getExecution('never')!
  expect('output' in never).toBe(false)
  expect(never.output).toBeUndefined()
  expect(store.getExecution('null-output')!.output).toBeNull()
})

test('reads see buffered writes without an explicit commit', () => {
  store.createExecution(makeExecution())
  store.updateExecution('exec-1', { status: 'running' })
  store.appendLogs([{ executionId: 'exec-1', seq: 0, level: 'info', message: 'started', ts: '2026-01-01T00:00:01.000Z' }])
  expect(store.getExecution('exec-1')?.status).toBe('running')
  expect(store.listExecutions({ status: 'running' }).total).toBe(1)
  expect(store.getLogs('exec-1')).toHaveLength(1)
  store.updateExecution('exec-1', { status: 'completed' })
  expect(store.getExecution('exec-1')?.status).toBe('completed')
})

test('returns null for an execution that does not exist', () => {
  expect(store.getExecution('missing')).toBeNull()
})

test('later updates of one execution win, in the order they were issued', () => {
  store.createExecution(makeExecution())
  store.updateExecution('exec-1', { status: 'running', progress: { progress: 1 } })
  store.updateExecution('exec-1', { progress: { progress: 2 } })
  store.updateExecution('exec-1', { status: 'completed' })
  const record = store.getExecution('exec-1')!
  expect(record.status).toBe('completed')
  expect(record.progress).toEqual({ progress: 2 })
})

test('stores a copy: mutating the record after createExecution changes nothing', () => {
  const record = makeExecution({ input: { n: 1 } })
  store.createExecution(record)
  ;(record.input as { n: number }).n = 2
  record.status = 'running'
  expect(store.getExecution('exec-1')).toMatchObject({ input: { n: 1 }, status: 'queued' })
})

test('rejects an unknown status and a value that is not JSON, at the call', () => {
  expect(() => store.createExecution(makeExecution({ status: 'done' as ExecutionStatus }))).toThrow(/status/)
  const cyclic: Record<string, unknown> = {}
  cyclic.self = cyclic
  expect(() => store.createExecution(makeExecution({ input: cyclic }))).toThrow(/input/)
  expect(() => store.updateExecution('exec-1', { output: 10n })).toThrow(/output/)
  expect(store.listExecutions().total).toBe(0)
})

test('markInterrupted fails queued and running executions and leaves finished ones alone', async () => {
  const statuses: ExecutionStatus[] = ['queued', 'running', 'completed', 'failed', 'cancelled', 'timed_out']
  for (const status of statuses) store.createExecution(makeExecution({ id: status, status }))
  const before = Date.now()
  expect(store.markInterrupted()).toBe(2)

  for (const id of ['queued', 'running']) {
    const record = store.getExecution(id)!
    expect(record.status).toBe('failed')
    expect(record.error).toEqual({
      type: 'Interrupted',
      code: 'INTERRUPTED',
      reason: 'interrupted',
      message: 'The server stopped while this execution was queued or running (crash or kill). It did not finish; run it again.',
    })
    expect(Date.parse(record.completedAt!)).toBeGreaterThanOrEqual(before - 1)
  }
  for (const status of statuses.slice(2)) {
    expect(store.getExecution(status)).toMatchObject({ status, error: null, completedAt: null })
  }
  expect(store.markInterrupted()).toBe(0)
})

test('closing flushes buffered writes; a closed store refuses further use', async () => {
  store.createExecution(makeExecution())
  store.close()
  const refused = catchError(() => store.createExecution(makeExecution({ id: 'late' })))
  expect(isAppError(refused) && refused.code).toBe('INTERNAL')
  expect((refused as Error).message).toMatch(/closed/)
  await store.commit()
  store = openSqliteStore({ path: temp.dbPath })
  expect(store.getExecution('exec-1')).not.toBeNull()
})
