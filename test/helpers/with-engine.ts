import { createEngine, type Engine, type EngineOptions } from '../../src/engine/engine.ts'
import { createPool, type Pool, type PoolOptions } from '../../src/pool/pool.ts'
import { openSqliteStore, type SqliteStore } from '../../src/store/index.ts'
import { isAlive } from './process.ts'
import { silentLogger } from './silent-logger.ts'

export interface Harness {
  store: SqliteStore
  pool: Pool
  engine: Engine
  logger: ReturnType<typeof silentLogger>
  /** Closes engine (and with it the pool) and store; throws if a worker outlives it. Safe to call twice. */
  close(): Promise<void>
}

export interface HarnessOptions {
  pool?: Partial<Omit<PoolOptions, 'logger'>>
  engine?: Partial<EngineOptions>
  /** Grace given to engine.close(); small so a stuck test does not hang the suite. */
  closeGraceMs?: number
}

/**
 * Wires an in-memory sqlite store, a real worker pool (1 worker by default) and an engine, and waits
 * until the workers are ready. The caller owns `close()`.
 */
export async function openHarness(options: HarnessOptions = {}): Promise<Harness> {
  const logger = silentLogger()
  const store = openSqliteStore({ path: ':memory:', synchronous: 'NORMAL' })
  const pool = createPool({ count: 1, restartOnFailure: true, maxMemoryMb: 512, cancelGraceMs: 300, logger, ...options.pool })
  const engine = createEngine({ store, pool, logger }, { maxExecutionTime: 10, maxQueue: 16, validateSchemas: true, ...options.engine })
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    const pids = pool.stats().pids
    try {
      await engine.close({ graceMs: options.closeGraceMs ?? 1000 })
    } finally {
      await store.close()
    }
    const orphans = pids.filter(isAlive)
    if (orphans.length > 0) throw new Error(`worker processes outlived engine.close(): ${orphans.join(', ')}`)
  }
  try {
    await pool.ready()
  } catch (error) {
    await close()
    throw error
  }
  return { store, pool, engine, logger, close }
}

/** Runs `fn` with a fresh harness and always closes it. */
export async function withEngine<T>(fn: (h: Harness) => Promise<T>, options: HarnessOptions = {}): Promise<T> {
  const harness = await openHarness(options)
  try {
    return await fn(harness)
  } finally {
    await harness.close()
  }
}
