/**
 * The Store contract against bun:sqlite, on a file (which also reopens) and in memory; then what only
 * the SQLite store promises beyond it.
 */
import { afterAll, expect, test } from 'bun:test'
import { isAppError, type AppError } from '../../src/errors.ts'
import { openSqliteStore } from '../../src/store/sqlite-store.ts'
import { makeExecution, makeTempDir } from './helpers.ts'
import { runStoreContract } from './store-contract.ts'

const temps: ReturnType<typeof makeTempDir>[] = []
afterAll(() => {
  for (const temp of temps) temp.cleanup()
})

// Flush failures are asserted through commit(); the default report to stderr would only add noise.
const quiet = () => {}
let lastPath = ''
runStoreContract(
  'SQLite file',
  async () => {
    const temp = makeTempDir()
    temps.push(temp)
    lastPath = temp.dbPath
    return openSqliteStore({ path: lastPath, onFlushError: quiet })
  },
  { reopen: async () => openSqliteStore({ path: lastPath, onFlushError: quiet }) },
)
runStoreContract('SQLite :memory:', async () => openSqliteStore({ path: ':memory:', onFlushError: quiet }))

test('SQLite: a failed flush is reported to onFlushError once and names the write it lost', async () => {
  const failures: AppError[] = []
  const store = openSqliteStore({ path: ':memory:', onFlushError: (error) => failures.push(error) })
  try {
    store.createExecution(makeExecution())
    store.appendLogs([
      { executionId: 'ghost', seq: 0, level: 'info', message: 'lost', ts: '2026-01-01T00:00:00.000Z' },
      { executionId: 'exec-1', seq: 0, level: 'info', message: 'kept', ts: '2026-01-01T00:00:00.000Z' },
    ])
    const error = await store.commit().then(() => undefined, (e: unknown) => e)
    expect(isAppError(error) && error.code).toBe('INTERNAL')
    expect((error as Error).message).toContain('appendLogs ghost#0')
    expect(failures).toHaveLength(1)
    expect((await store.getLogs('exec-1')).map((entry) => entry.message)).toEqual(['kept'])
  } finally {
    await store.close()
  }
})

test('SQLite: two stores (two nodes) on one file each reclaim only their own executions', async () => {
  const temp = makeTempDir()
  temps.push(temp)
  const nodeA = openSqliteStore({ path: temp.dbPath })
  const nodeB = openSqliteStore({ path: temp.dbPath })
  try {
    nodeA.createExecution(makeExecution({ id: 'a-running', status: 'running', nodeId: 'node-a' }))
    nodeB.createExecution(makeExecution({ id: 'b-running', status: 'running', nodeId: 'node-b' }))
    await Promise.all([nodeA.commit(), nodeB.commit()])
    // Node A restarts: a new connection, reclaiming under its own id.
    await nodeA.close()
    const restarted = openSqliteStore({ path: temp.dbPath })
    try {
      expect(await restarted.markInterrupted('node-a')).toBe(1)
      expect((await restarted.getExecution('a-running'))?.status).toBe('failed')
      expect((await nodeB.getExecution('b-running'))?.status).toBe('running')
    } finally {
      await restarted.close()
    }
  } finally {
    await nodeB.close()
  }
})
