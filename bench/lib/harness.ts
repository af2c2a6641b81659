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
import { Database } from 'bun:sqlite'
import type { ExecutionRecord } from '../../src/store/types.ts'
import type { TaskPackage } from '../../src/tasks/types.ts'

export interface Stack {
  dir: string
  dbPath: string
  store: SqliteStore
  pool: Pool
  engine: Engine
  logger: ReturnType<typeof silentLogger>
  flushErrors: string[]
  /** Executions this bench ran to a checked result (`ok`) or saw go wrong (`bad`). */
  counts: { ok: number; bad: number; firstBad?: string }
  /** engine.execute of `{a: i, b: 1}`; checks the committed record says completed with result i + 1. */
  run(task: TaskPackage, i: number): Promise<ExecutionRecord>
  close(): Promise<void>
}

export interface Verification {
  valid: boolean
  expected: number
  byStatus: Record<string, number>
  spans: number
  problems: string[]
}

export async function openStack(workers: number, options: { command?: string[]; synchronous?: 'FULL' | 'NORMAL' } = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-bench-'))
  const dbPath = join(dir, 'ratchet.db')
  const logger = silentLogger()
  const flushErrors: string[] = []
  // `synchronous` unset = the store's default (what openStoreFromUrl, i.e. the server, uses).
  const store = openSqliteStore({ path: dbPath, synchronous: options.synchronous, onFlushError: (error) => flushErrors.push(error.message) })
  const pool = createPool({ count: workers, restartOnFailure: true, maxMemoryMb: 512, logger, command: options.command })
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
  const counts: Stack['counts'] = { ok: 0, bad: 0 }
  const run = async (task: TaskPackage, i: number) => {
    const record = await engine.execute({ task, input: { a: i, b: 1 }, source: 'bench' })
    if (record.status === 'completed' && (record.output as { result?: unknown })?.result === i + 1) counts.ok++
    else {
      counts.bad++
      counts.firstBad ??= JSON.stringify({ status: record.status, output: record.output, error: record.error }).slice(0, 500)
    }
    return record
  }
  return { dir, dbPath, store, pool, engine, logger, flushErrors, counts, run, close }
}

/**
 * After close(): reopens the database file read-only and checks that every execution the bench saw
 * complete is on disk as completed (and nothing else is), with its execution span.
 */
export function verifyStack(stack: Stack): Verification {
  const db = new Database(stack.dbPath, { readonly: true })
  try {
    const rows = db.query<{ status: string; n: number }, []>('SELECT status, COUNT(*) AS n FROM executions GROUP BY status').all()
    const byStatus = Object.fromEntries(rows.map((row) => [row.status, row.n]))
    const spans = db.query<{ n: number }, []>("SELECT COUNT(*) AS n FROM trace_spans WHERE span_id = 'execution'").get()!.n
    const expected = stack.counts.ok
    const problems: string[] = []
    if (stack.counts.bad > 0) problems.push(`${stack.counts.bad} executions did not complete correctly, first: ${stack.counts.firstBad}`)
    if ((byStatus.completed ?? 0) !== expected) problems.push(`store holds ${byStatus.completed ?? 0} completed executions, expected ${expected}`)
    const others = Object.entries(byStatus).filter(([status]) => status !== 'completed')
    if (others.length > 0) problems.push(`store holds executions that are not completed: ${JSON.stringify(Object.fromEntries(others))}`)
    if (spans !== expected) problems.push(`store holds ${spans} execution spans, expected ${expected}`)
    if (stack.flushErrors.length > 0) problems.push(`store flush errors: ${stack.flushErrors.slice(0, 3).join(' | ')}`)
    if (stack.logger.errors.length > 0) problems.push(`engine/pool logged errors: ${stack.logger.errors.slice(0, 3).join(' | ')}`)
    return { valid: problems.length === 0, expected, byStatus, spans, problems }
  } finally {
    db.close()
  }
}

export function removeStack(stack: Stack): void {
  rmSync(stack.dir, { recursive: true, force: true })
}
