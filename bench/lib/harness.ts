/**
 * Builds the real engine stack for the bench: SQLite store on a file in a temp dir (WAL, the store's
 * default synchronous mode), the warm worker pool and the engine, exactly as src/cli/runtime.ts wires them.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEngine, type Engine } from '../../src/engine/engine.ts'
import { createPool, type Pool } from '../../src/pool/pool.ts'
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.ts'
import { silentLogger } from './silent-logger.ts'

export interface Stack {
  dir: string
  dbPath: string
  store: SqliteStore
  pool: Pool
  engine: Engine
  logger: ReturnType<typeof silentLogger>
  flushErrors: string[]
  close(): Promise<void>
}

export async function openStack(workers: number, poolOptions: { command?: string[] } = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-bench-'))
  const dbPath = join(dir, 'ratchet.db')
  const logger = silentLogger()
  const flushErrors: string[] = []
  const store = openSqliteStore({ path: dbPath, onFlushError: (error) => flushErrors.push(error.message) })
  const pool = createPool({ count: workers, restartOnFailure: true, maxMemoryMb: 512, logger, ...poolOptions })
  const engine = createEngine({ store, pool, logger }, { maxExecutionTime: 30, maxQueue: 4096, validateSchemas: true })
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await engine.close({ graceMs: 2000 })
    store.close()
  }
  try {
    await Promise.race([pool.ready(), Bun.sleep(15_000).then(() => { throw new Error('worker pool did not become ready in 15 s') })])
  } catch (error) {
    await close()
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return { dir, dbPath, store, pool, engine, logger, flushErrors, close }
}
