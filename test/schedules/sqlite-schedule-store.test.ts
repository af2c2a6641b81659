import { createSqliteScheduleStore } from '../../src/schedules/index.ts'
import { openSqliteStore } from '../../src/store/index.ts'
import { runScheduleStoreContract } from './schedule-store-contract.ts'

runScheduleStoreContract('bun:sqlite', async () => {
  const sqlite = openSqliteStore({ path: ':memory:', synchronous: 'NORMAL' })
  return { store: createSqliteScheduleStore(sqlite.database), close: () => sqlite.close() }
})
