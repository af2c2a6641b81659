import { Database } from 'bun:sqlite'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../errors.ts'
import { runMigrations } from './migrate.ts'

export type SynchronousMode = 'FULL' | 'NORMAL'

/** Keep the WAL file from growing without bound between checkpoints (64 MiB). */
const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024

/**
 * Opens (creating if needed) the database at `path` or `':memory:'`, sets the pragmas Ratchet relies on
 * and brings the schema up to date.
 *
 * WAL keeps the file consistent after a crash; `synchronous=FULL` also fsyncs the WAL on every commit so
 * a committed transaction survives power loss (NORMAL survives process crashes only). A busy timeout
 * covers a second process briefly holding the write lock; note that bun:sqlite waits synchronously.
 */
export function openDatabase(path: string, synchronous: SynchronousMode = 'FULL', busyTimeoutMs = 5000): Database {
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new AppError('CONFIG_INVALID', `Unknown SQLite synchronous mode ${JSON.stringify(synchronous)}`, {
      data: { synchronous },
      hint: 'Use FULL (durable across power loss) or NORMAL (durable across process crashes only).',
    })
  }
  const inMemory = path === ':memory:'
  let db: Database
  try {
    if (!inMemory) mkdirSync(dirname(path), { recursive: true })
    db = new Database(path, { create: true, readwrite: true })
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `Cannot open the SQLite database at ${path}: ${(error as Error).message}`, {
      cause: error,
      data: { path },
      hint: 'Check that the directory exists and is writable, or point the store URL at another file.',
    })
  }
  try {
    db.run(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`)
    if (!inMemory) {
      const mode = db.query<{ journal_mode: string }, []>('PRAGMA journal_mode = WAL').get()?.journal_mode
      if (mode !== 'wal') throw new Error(`journal_mode is ${mode}, expected wal`)
      db.run(`PRAGMA journal_size_limit = ${JOURNAL_SIZE_LIMIT}`)
    }
    db.run(`PRAGMA synchronous = ${synchronous}`)
    db.run('PRAGMA foreign_keys = ON')
    runMigrations(db)
    return db
  } catch (error) {
    db.close()
    if (error instanceof AppError) throw error
    throw new AppError('CONFIG_INVALID', `Cannot prepare the SQLite database at ${path}: ${(error as Error).message}`, {
      cause: error,
      data: { path },
      hint: 'The file may not be a SQLite database, or it may be read-only or locked by another process.',
    })
  }
}
