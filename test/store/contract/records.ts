/** The Store contract: logs, trace spans, task versions and audit entries. */
import { describe, expect, test } from 'bun:test'
import { isAppError } from '../../../src/errors.ts'
import type { AuditRecord, LogLevel, Store, TraceSpan } from '../../../src/store/types.ts'
import { makeExecution, makeTaskPackage } from '../helpers.ts'
import { audit, LEVELS, log, rejectionOf, thrownBy, type ContractContext } from './fixtures.ts'

export function recordsContract({ name, withStore }: ContractContext): void {
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
}
