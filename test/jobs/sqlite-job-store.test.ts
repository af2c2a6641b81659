import { describe, expect, test } from 'bun:test'
import { createSqliteJobStore } from '../../src/jobs/index.ts'
import { openSqliteStore } from '../../src/store/index.ts'
import { makeTempRoot } from '../helpers/temp-files.ts'
import { newJob, runJobStoreContract } from './job-store-contract.ts'

runJobStoreContract('sqlite (:memory:)', async () => {
  const store = openSqliteStore({ path: ':memory:', synchronous: 'NORMAL' })
  return { store: createSqliteJobStore(store), close: () => store.close() }
})

describe('sqlite job store', () => {
  test('two connections to one file never claim the same job', async () => {
    const path = `${await makeTempRoot('ratchet-jobs-')}/jobs.db`
    const a = openSqliteStore({ path, synchronous: 'NORMAL' })
    const b = openSqliteStore({ path, synchronous: 'NORMAL' })
    try {
      const storeA = createSqliteJobStore(a)
      const storeB = createSqliteJobStore(b)
      for (let i = 0; i < 20; i++) await storeA.insert(newJob({ id: `j${i}` }))
      const now = new Date().toISOString()
      const lease = new Date(Date.now() + 60_000).toISOString()
      const claims = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? storeA : storeB).claim(i % 2 ? 'node-a' : 'node-b', now, lease)))
      const ids = claims.filter((job) => job !== null).map((job) => job!.id)
      expect(ids).toHaveLength(20)
      expect(new Set(ids).size).toBe(20)
      expect((await storeB.stats(now)).byStatus.running).toBe(20)
    } finally {
      a.close()
      b.close()
    }
  })

  test('the migration creates the jobs and job_deliveries tables beside the executions', () => {
    const store = openSqliteStore({ path: ':memory:', synchronous: 'NORMAL' })
    try {
      const tables = store.database.query<{ name: string }, []>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((row) => row.name)
      expect(tables).toContain('jobs')
      expect(tables).toContain('job_deliveries')
      expect(tables).toContain('executions')
    } finally {
      store.close()
    }
  })
})
