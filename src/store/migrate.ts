import type { Database } from 'bun:sqlite'
import { AppError } from '../errors.ts'
import { MIGRATIONS, type Migration } from './migrations/index.ts'

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id         TEXT PRIMARY KEY,
  applied_at TEXT NOT NULL
)`

/**
 * Brings the schema up to date: runs every migration not yet recorded in `schema_migrations`, in order,
 * each in its own `BEGIN IMMEDIATE` transaction together with its bookkeeping row, so a crash leaves the
 * database at a migration boundary. Reopening an up-to-date database runs nothing. Returns the ids applied.
 */
export function runMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS): string[] {
  db.run(CREATE_MIGRATIONS_TABLE)
  const known = new Set(migrations.map((m) => m.id))
  const applied: string[] = []

  for (const migration of migrations) {
    if (applyMigration(db, migration)) applied.push(migration.id)
  }

  const unknown = db
    .query<{ id: string }, []>('SELECT id FROM schema_migrations ORDER BY id')
    .all()
    .filter((row) => !known.has(row.id))
  if (unknown.length > 0) {
    throw new AppError('CONFIG_INVALID', 'The database was written by a newer Ratchet: it has schema migrations this build does not know', {
      data: { unknownMigrations: unknown.map((row) => row.id) },
      hint: 'Upgrade Ratchet, or point the store at another database file.',
    })
  }
  return applied
}

function applyMigration(db: Database, migration: Migration): boolean {
  try {
    // Check inside the write transaction so two processes opening the same file cannot both apply it.
    return db
      .transaction(() => {
        if (db.query('SELECT 1 FROM schema_migrations WHERE id = ?').get(migration.id)) return false
        db.run(migration.sql)
        db.query('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(migration.id, new Date().toISOString())
        return true
      })
      .immediate()
  } catch (error) {
    throw new AppError('INTERNAL', `Schema migration ${migration.id} failed: ${(error as Error).message}`, {
      cause: error,
      data: { migration: migration.id },
    })
  }
}
