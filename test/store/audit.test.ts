import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.ts'
import type { AuditRecord } from '../../src/store/types.ts'
import { makeExecution, makeTempDir } from './helpers.ts'

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

const entry = (ts: string, overrides: Partial<AuditRecord> = {}): AuditRecord => ({ ts, event: 'tool_call', principal: 'ci', outcome: 'ok', ...overrides })

describe('the audit log table', () => {
  test('round-trips every field; unset fields stay unset', () => {
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
    store.appendAudit([full, entry('2026-01-01T00:00:01.000Z', { event: 'auth', principal: null, outcome: 'failure' })])
    expect(store.listAudit()).toEqual([{ ts: '2026-01-01T00:00:01.000Z', event: 'auth', principal: null, outcome: 'failure' }, full])
  })

  test('lists newest first, filtered by principal, event and time, up to the limit', () => {
    store.appendAudit([
      entry('2026-01-01T00:00:00.000Z', { principal: 'a' }),
      entry('2026-01-01T00:00:01.000Z', { principal: 'b' }),
      entry('2026-01-01T00:00:02.000Z', { principal: 'a', event: 'task_change', task: 'x' }),
      entry('2026-01-01T00:00:03.000Z', { principal: 'a' }),
    ])
    expect(store.listAudit({ principal: 'a' }).map((e) => e.ts.slice(17, 19))).toEqual(['03', '02', '00'])
    expect(store.listAudit({ event: 'task_change' })).toMatchObject([{ task: 'x' }])
    expect(store.listAudit({ since: '2026-01-01T00:00:02.000Z' })).toHaveLength(2)
    expect(store.listAudit({ limit: 1 })).toMatchObject([{ ts: '2026-01-01T00:00:03.000Z' }])
  })

  test('survives a reopen and does not interfere with buffered execution writes', () => {
    store.createExecution(makeExecution())
    store.appendAudit([entry('2026-01-01T00:00:00.000Z')])
    store.close()
    store = openSqliteStore({ path: temp.dbPath })
    expect(store.getExecution('exec-1')?.status).toBe('queued')
    expect(store.listAudit()).toHaveLength(1)
  })

  test('rejects an unknown event or outcome (the table checks them)', () => {
    expect(() => store.appendAudit([entry('2026-01-01T00:00:00.000Z', { event: 'nope' as AuditRecord['event'] })])).toThrow()
    expect(store.listAudit()).toEqual([])
  })
})

describe('execution listing with task globs', () => {
  test('keeps executions whose task matches an included glob and no excluded one', () => {
    const names = ['safe-a', 'safe-admin', 'api-x', 'other', 'what?', 'br[a]ck']
    names.forEach((taskName, i) => store.createExecution(makeExecution({ id: `e${i}`, taskName })))
    const list = (include: string[], exclude: string[] = []) => store.listExecutions({ taskGlobs: { include, exclude } }).items.map((r) => r.taskName).sort()
    expect(list(['safe-*', 'api-*'], ['*admin'])).toEqual(['api-x', 'safe-a'])
    expect(list(['*'])).toEqual([...names].sort())
    expect(list([])).toEqual([])
    expect(list(['what?'])).toEqual(['what?'])
    expect(list(['br[a]ck'])).toEqual(['br[a]ck'])
    expect(store.listExecutions({ taskGlobs: { include: ['safe-*'], exclude: [] } }).total).toBe(2)
  })
})
