/**
 * The execution Store contract (ExecutionReader & ExecutionWriter): every implementation (SQLite today,
 * PostgreSQL later) reruns this suite, the way the job and schedule stores rerun theirs. `makeStore`
 * returns a fresh, empty store; `reopen`, when the implementation keeps data across connections, opens
 * the database of the store made last again after it was closed.
 */
import { describe, expect, test } from 'bun:test'
import { isAppError } from '../../src/errors.ts'
import type { AuditRecord, ExecutionFilter, ExecutionRecord, ExecutionStatus, LogEntry, LogLevel, Store, TraceSpan } from '../../src/store/types.ts'
import { makeExecution, makeTaskPackage } from './helpers.ts'

export interface StoreContractOptions {
  /** Opens the database of the store `makeStore` returned last again (it was closed); absent: nothing outlives close(). */
  reopen?: () => Promise<Store>
}

/** What `promise` rejects with, or undefined when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => undefined, (error: unknown) => error)
}

/** What `fn` throws synchronously, or undefined. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  return undefined
}

const FINISHED: ExecutionRecord = makeExecution({
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
  principal: 'alice',
  nodeId: 'node-a',
})

const INTERRUPTED = {
  type: 'Interrupted',
  code: 'INTERRUPTED',
  reason: 'interrupted',
  message: 'The server stopped while this execution was queued or running (crash or kill). It did not finish; run it again.',
}

// Twelve executions: e00..e11, queued a second apart; tasks alternate a/b; statuses cycle through four;
// sources alternate mcp/http; the even ones belong to alice.
const STATUSES: ExecutionStatus[] = ['queued', 'running', 'completed', 'failed']
function seedTwelve(store: Store): void {
  for (let i = 0; i < 12; i++) {
    store.createExecution(
      makeExecution({
        id: `e${String(i).padStart(2, '0')}`,
        taskName: i % 2 === 0 ? 'task-a' : 'task-b',
        status: STATUSES[i % 4]!,
        queuedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        durationMs: i % 4 >= 2 ? 100 - i : null,
        source: i % 3 === 0 ? 'mcp' : 'http',
        ...(i % 2 === 0 ? { principal: 'alice' } : {}),
      }),
    )
  }
}

const LEVELS: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error']
const log = (seq: number, level: LogLevel, extra: Partial<LogEntry> = {}): LogEntry => ({
  executionId: 'exec-1',
  seq,
  level,
  message: `${level} #${seq}`,
  ts: `2026-01-01T00:00:0${seq}.000Z`,
  ...extra,
})
const audit = (ts: string, overrides: Partial<AuditRecord> = {}): AuditRecord => ({ ts, event: 'tool_call', principal: 'ci', outcome: 'ok', ...overrides })

export function runStoreContract(name: string, makeStore: () => Promise<Store>, options: StoreContractOptions = {}): void {
  const withStore = (fn: (store: Store) => Promise<void>) => async () => {
    const store = await makeStore()
    try {
      await fn(store)
    } finally {
      await store.close()
    }
  }
  const ids = async (store: Store, filter?: ExecutionFilter) => (await store.listExecutions(filter)).items.map((item) => item.id)

  describe(`Store contract: ${name}: executions`, () => {
    test('round-trips every field of an execution', withStore(async (store) => {
      store.createExecution(FINISHED)
      await store.commit()
      expect(await store.getExecution('exec-full')).toStrictEqual(FINISHED)
      expect(await store.getExecution('missing')).toBeNull()
    }))

    test('updates change only the fields they name; principal and node are not patchable', withStore(async (store) => {
      store.createExecution(makeExecution({ principal: 'alice', nodeId: 'node-a' }))
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
        ...({ principal: 'mallory', nodeId: 'node-z' } as object),
      })
      await store.commit()
      expect(await store.getExecution('exec-1')).toStrictEqual({
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
        principal: 'alice',
        nodeId: 'node-a',
      })
    }))

    test('leaves output undefined when it was never set, and keeps an explicit null output', withStore(async (store) => {
      store.createExecution(makeExecution({ id: 'never' }))
      store.createExecution(makeExecution({ id: 'null-output' }))
      store.updateExecution('null-output', { status: 'completed', output: null })
      const never = (await store.getExecution('never'))!
      expect('output' in never).toBe(false)
      expect('principal' in never).toBe(false)
      expect('nodeId' in never).toBe(false)
      expect((await store.getExecution('null-output'))!.output).toBeNull()
    }))

    test('reads see earlier writes without an explicit commit', withStore(async (store) => {
      store.createExecution(makeExecution())
      store.updateExecution('exec-1', { status: 'running' })
      store.appendLogs([{ executionId: 'exec-1', seq: 0, level: 'info', message: 'started', ts: '2026-01-01T00:00:01.000Z' }])
      expect((await store.getExecution('exec-1'))?.status).toBe('running')
      expect((await store.listExecutions({ status: 'running' })).total).toBe(1)
      expect(await store.getLogs('exec-1')).toHaveLength(1)
      store.updateExecution('exec-1', { status: 'completed' })
      expect((await store.getExecution('exec-1'))?.status).toBe('completed')
    }))

    test('later updates of one execution win, in the order they were issued', withStore(async (store) => {
      store.createExecution(makeExecution())
      store.updateExecution('exec-1', { status: 'running', progress: { progress: 1 } })
      store.updateExecution('exec-1', { progress: { progress: 2 } })
      store.updateExecution('exec-1', { status: 'completed' })
      const record = (await store.getExecution('exec-1'))!
      expect(record.status).toBe('completed')
      expect(record.progress).toEqual({ progress: 2 })
    }))

    test('stores a copy: mutating the record after createExecution changes nothing', withStore(async (store) => {
      const record = makeExecution({ input: { n: 1 } })
      store.createExecution(record)
      ;(record.input as { n: number }).n = 2
      record.status = 'running'
      expect(await store.getExecution('exec-1')).toMatchObject({ input: { n: 1 }, status: 'queued' })
    }))

    test('refuses an unknown status and a value that is not JSON at the call, storing nothing', withStore(async (store) => {
      expect(() => store.createExecution(makeExecution({ status: 'done' as ExecutionStatus }))).toThrow(/status/)
      const cyclic: Record<string, unknown> = {}
      cyclic.self = cyclic
      expect(() => store.createExecution(makeExecution({ input: cyclic }))).toThrow(/input/)
      expect(() => store.updateExecution('exec-1', { output: 10n })).toThrow(/output/)
      expect((await store.listExecutions()).total).toBe(0)
    }))

    test('a write that cannot be saved rejects the next commit; its valid neighbours are saved', withStore(async (store) => {
      store.createExecution(makeExecution())
      await store.commit()
      store.appendLogs([{ ...log(0, 'info'), executionId: 'ghost' }, log(0, 'info')])
      const error = await rejectionOf(store.commit())
      expect(isAppError(error) && error.code).toBe('INTERNAL')
      expect(await store.getLogs('exec-1')).toHaveLength(1)
      // Reported once: the next commit has nothing new to report.
      expect(await rejectionOf(store.commit())).toBeUndefined()
    }))
  })

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

  describe(`Store contract: ${name}: logs and spans`, () => {
    const withTwo = (fn: (store: Store) => Promise<void>) =>
      withStore(async (store) => {
        store.createExecution(makeExecution({ id: 'exec-1' }))
        store.createExecution(makeExecution({ id: 'exec-2' }))
        await fn(store)
      })

    test('returns logs in seq order with data parsed back and absent data left out', withTwo(async (store) => {
      // Appended out of order and in two calls: seq decides the order.
      store.appendLogs([log(2, 'warn', { data: { retry: 2, tags: ['x'] } }), log(0, 'info')])
      store.appendLogs([log(1, 'debug', { data: null }), { ...log(0, 'error'), executionId: 'exec-2' }])
      await store.commit()
      expect(await store.getLogs('exec-1')).toStrictEqual([log(0, 'info'), log(1, 'debug', { data: null }), log(2, 'warn', { data: { retry: 2, tags: ['x'] } })])
      expect((await store.getLogs('exec-2')).map((entry) => entry.level)).toEqual(['error'])
      expect(await store.getLogs('missing')).toEqual([])
    }))

    test('minLevel keeps that level and everything more severe', withTwo(async (store) => {
      store.appendLogs(LEVELS.flatMap((level, i) => [log(i * 2, level), log(i * 2 + 1, level)]))
      for (const [index, minLevel] of LEVELS.entries()) {
        const levels = (await store.getLogs('exec-1', { minLevel })).map((entry) => entry.level)
        expect(levels).toEqual(LEVELS.slice(index).flatMap((level) => [level, level]))
      }
    }))

    test('limit returns the first entries by seq, after the level filter', withTwo(async (store) => {
      store.appendLogs(LEVELS.map((level, seq) => log(seq, level)))
      expect((await store.getLogs('exec-1', { limit: 2 })).map((entry) => entry.seq)).toEqual([0, 1])
      expect((await store.getLogs('exec-1', { minLevel: 'info', limit: 2 })).map((entry) => entry.level)).toEqual(['info', 'warn'])
      expect(await store.getLogs('exec-1', { limit: 0 })).toEqual([])
    }))

    test('rejects an unknown minLevel and a bad limit with BAD_INPUT, and an unknown level at the call', withTwo(async (store) => {
      for (const options of [{ minLevel: 'loud' as LogLevel }, { limit: 2.5 }, { limit: -7 }]) {
        const error = await rejectionOf(store.getLogs('exec-1', options))
        expect(isAppError(error) && error.code).toBe('BAD_INPUT')
      }
      expect(() => store.appendLogs([log(0, 'verbose' as LogLevel)])).toThrow(/log level/)
    }))

    test('round-trips trace spans ordered by start time', withTwo(async (store) => {
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
      const child: TraceSpan = { ...root, spanId: 'http-1', parentId: 'root', name: 'GET https://example.com', kind: 'http', startMs: root.startMs + 1, durationMs: 8, status: 'error', attributes: { 'http.status': 503 } }
      store.appendSpans([child, root])
      await store.commit()
      expect(await store.getSpans('exec-1')).toStrictEqual([root, child])
      expect(await store.getSpans('exec-2')).toEqual([])
    }))
  })

  describe(`Store contract: ${name}: task versions`, () => {
    test('recordTaskVersion is new for a first checksum, not for a repeat, and new again when it changes', withStore(async (store) => {
      const v1 = makeTaskPackage()
      expect(await store.recordTaskVersion(v1)).toEqual({ isNew: true })
      expect(await store.recordTaskVersion(v1)).toEqual({ isNew: false })
      expect(await store.recordTaskVersion({ ...v1, description: 'edited in place' })).toEqual({ isNew: false })
      expect(await store.recordTaskVersion({ ...v1, checksum: 'sha-2' })).toEqual({ isNew: true })
      // The same checksum under another name is another task.
      expect(await store.recordTaskVersion({ ...v1, name: 'other-task' })).toEqual({ isNew: true })
    }))

    test('listTaskVersions returns one task’s versions oldest first with every field', withStore(async (store) => {
      const before = Date.now()
      await store.recordTaskVersion(makeTaskPackage())
      await store.recordTaskVersion(makeTaskPackage({ version: '1.1.0', checksum: 'sha-2', uuid: undefined, tags: [], description: '' }))
      await store.recordTaskVersion(makeTaskPackage({ name: 'other-task' }))
      const versions = await store.listTaskVersions('fetch-json')
      expect(versions.map(({ firstSeenAt: _at, ...rest }) => rest)).toEqual([
        { name: 'fetch-json', version: '1.0.0', checksum: 'sha-1', uuid: '5f0c6d2e-0000-4000-8000-000000000001', description: 'Fetches JSON', tags: ['http', 'json'], sourcePath: '/tasks/fetch-json' },
        { name: 'fetch-json', version: '1.1.0', checksum: 'sha-2', uuid: null, description: '', tags: [], sourcePath: '/tasks/fetch-json' },
      ])
      for (const version of versions) expect(Date.parse(version.firstSeenAt)).toBeGreaterThanOrEqual(before - 1)
      expect(await store.listTaskVersions('nobody')).toEqual([])
    }))
  })

  describe(`Store contract: ${name}: audit`, () => {
    test('round-trips every field; unset fields stay unset', withStore(async (store) => {
      const full: AuditRecord = {
        ts: '2026-01-01T00:00:00.000Z',
        event: 'tool_call',
        principal: 'ci',
        principalKind: 'api_key',
        outcome: 'denied',
        ip: '127.0.0.1',
        tool: 'ratchet_execute_task',
        task: 'addition',
        executionId: 'exec-9',
        durationMs: 1.5,
        reason: 'permission denied: ...',
        detail: { tasks: ['a', 'b'] },
      }
      store.appendAudit([full, audit('2026-01-01T00:00:01.000Z', { event: 'auth', principal: null, outcome: 'failure' })])
      await store.commit()
      expect(await store.listAudit()).toEqual([{ ts: '2026-01-01T00:00:01.000Z', event: 'auth', principal: null, outcome: 'failure' }, full])
    }))

    test('lists newest first, filtered by principal, event and time, up to the limit', withStore(async (store) => {
      store.appendAudit([
        audit('2026-01-01T00:00:00.000Z', { principal: 'a' }),
        audit('2026-01-01T00:00:01.000Z', { principal: 'b' }),
        audit('2026-01-01T00:00:02.000Z', { principal: 'a', event: 'task_change', task: 'x' }),
        audit('2026-01-01T00:00:03.000Z', { principal: 'a' }),
      ])
      expect((await store.listAudit({ principal: 'a' })).map((e) => e.ts.slice(17, 19))).toEqual(['03', '02', '00'])
      expect(await store.listAudit({ event: 'task_change' })).toMatchObject([{ task: 'x' }])
      expect(await store.listAudit({ since: '2026-01-01T00:00:02.000Z' })).toHaveLength(2)
      expect(await store.listAudit({ limit: 1 })).toMatchObject([{ ts: '2026-01-01T00:00:03.000Z' }])
    }))

    test('refuses an unknown event or outcome, at the call or at the next commit', withStore(async (store) => {
      const thrown = thrownBy(() => store.appendAudit([audit('2026-01-01T00:00:00.000Z', { event: 'nope' as AuditRecord['event'] })]))
      const rejected = thrown ? undefined : await rejectionOf(store.commit())
      expect(thrown ?? rejected).toBeInstanceOf(Error)
      expect(await store.listAudit()).toEqual([])
    }))
  })

  describe(`Store contract: ${name}: interrupted executions per node`, () => {
    test('markInterrupted fails only the queued and running executions of that node and of no node', withStore(async (store) => {
      const statuses: ExecutionStatus[] = ['queued', 'running', 'completed', 'failed', 'cancelled', 'timed_out']
      for (const status of statuses) {
        store.createExecution(makeExecution({ id: `a-${status}`, status, nodeId: 'node-a' }))
        store.createExecution(makeExecution({ id: `b-${status}`, status, nodeId: 'node-b' }))
      }
      store.createExecution(makeExecution({ id: 'legacy-running', status: 'running' }))
      const before = Date.now()
      expect(await store.markInterrupted('node-a')).toBe(3)

      for (const id of ['a-queued', 'a-running', 'legacy-running']) {
        const record = (await store.getExecution(id))!
        expect(record.status).toBe('failed')
        expect(record.error).toEqual(INTERRUPTED)
        expect(Date.parse(record.completedAt!)).toBeGreaterThanOrEqual(before - 1)
      }
      for (const status of statuses) {
        expect(await store.getExecution(`b-${status}`)).toMatchObject({ status, error: null, completedAt: null, nodeId: 'node-b' })
        if (status !== 'queued' && status !== 'running') expect(await store.getExecution(`a-${status}`)).toMatchObject({ status, error: null, completedAt: null })
      }
      expect(await store.markInterrupted('node-a')).toBe(0)
      expect(await store.markInterrupted('node-b')).toBe(2)
    }))

    test('markInterrupted refuses to run without a node id', withStore(async (store) => {
      store.createExecution(makeExecution({ status: 'running', nodeId: 'node-b' }))
      const error = await rejectionOf(store.markInterrupted(''))
      expect(isAppError(error) && error.code).toBe('INTERNAL')
      expect((await store.getExecution('exec-1'))?.status).toBe('running')
    }))
  })

  describe(`Store contract: ${name}: commit, close and health`, () => {
    test('checkWritable resolves on a healthy store', withStore(async (store) => {
      await store.checkWritable()
      store.createExecution(makeExecution())
      await store.checkWritable()
      expect((await store.getExecution('exec-1'))?.status).toBe('queued')
    }))

    test('commit resolves at once when nothing is pending', withStore(async (store) => {
      await store.commit()
      store.createExecution(makeExecution())
      await store.commit()
      await store.commit()
    }))

    test('a closed store refuses further use', async () => {
      const store = await makeStore()
      store.createExecution(makeExecution())
      await store.close()
      const refused = thrownBy(() => store.createExecution(makeExecution({ id: 'late' })))
      expect(isAppError(refused) && refused.code).toBe('INTERNAL')
      expect((refused as Error).message).toMatch(/closed/)
      const read = await rejectionOf(store.getExecution('exec-1'))
      expect(isAppError(read) && read.code).toBe('INTERNAL')
      await store.close()
    })

    const reopen = options.reopen
    if (reopen) {
      test('committed writes of every kind are there after close and reopen', async () => {
        let store = await makeStore()
        try {
          store.createExecution(FINISHED)
          store.createExecution(makeExecution({ status: 'running', nodeId: 'node-a' }))
          store.updateExecution('exec-1', { progress: { progress: 1 } })
          store.appendLogs([log(0, 'info', { data: { ok: true } })])
          store.appendSpans([{ executionId: 'exec-1', spanId: 'execution', parentId: null, name: 'execute', kind: 'execution', startMs: 1, durationMs: 2, status: 'ok', attributes: {} }])
          store.appendAudit([audit('2026-01-01T00:00:00.000Z')])
          await store.recordTaskVersion(makeTaskPackage())
          await store.commit()
          await store.close()
          store = await reopen()
          expect(await store.getExecution('exec-full')).toStrictEqual(FINISHED)
          expect(await store.getExecution('exec-1')).toMatchObject({ status: 'running', nodeId: 'node-a', progress: { progress: 1 } })
          expect(await store.getLogs('exec-1')).toStrictEqual([log(0, 'info', { data: { ok: true } })])
          expect(await store.getSpans('exec-1')).toHaveLength(1)
          expect(await store.listAudit()).toHaveLength(1)
          expect(await store.listTaskVersions('fetch-json')).toHaveLength(1)
        } finally {
          await store.close()
        }
      })

      test('close saves what was still buffered', async () => {
        let store = await makeStore()
        try {
          store.createExecution(makeExecution())
          store.appendLogs([log(0, 'info')])
          await store.close()
          await store.commit()
          store = await reopen()
          expect((await store.getExecution('exec-1'))?.status).toBe('queued')
          expect(await store.getLogs('exec-1')).toHaveLength(1)
        } finally {
          await store.close()
        }
      })
    }
  })
}
