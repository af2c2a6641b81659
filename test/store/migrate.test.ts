import { Database } from 'bun:sqlite'
import { afterEach, beforeEach, expect, test } from 'bun:test'
import { isAppError } from '../../src/errors.ts'
import { runMigrations } from '../../src/store/migrate.ts'
import { MIGRATIONS } from '../../src/store/migrations/index.ts'
import { openSqliteStore } from '../../src/store/sqlite-store.ts'
import { makeExecution, makeTempDir } from './helpers.ts'

let temp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  temp = makeTempDir()
})
afterEach(() => temp.cleanup())

function tableNames(db: Database): string[] {
  return db
    .query<{ name: string }, []>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name)
}

test('applies every migration to a new database and records it in schema_migrations', () => {
  const db = new Database(temp.dbPath)
  expect(runMigrations(db)).toEqual(MIGRATIONS.map((m) => m.id))
  expect(tableNames(db)).toEqual(['audit_log', 'execution_logs', 'executions', 'job_deliveries', 'jobs', 'schedules', 'schema_migrations', 'task_state', 'task_versions', 'trace_spans'])
  const recorded = db.query<{ id: string; applied_at: string }, []>('SELECT * FROM schema_migrations').all()
  expect(recorded.map((row) => row.id)).toEqual(['001_init', '002_audit', '003_execution_owner', '004_jobs', '005_schedules', '006_task_state', '007_execution_node'])
  expect(Number.isNaN(Date.parse(recorded[0]!.applied_at))).toBe(false)
  db.close()
})

test('reopening an up-to-date database applies nothing and keeps the data', async () => {
  const first = openSqliteStore({ path: temp.dbPath })
  first.createExecution(makeExecution())
  first.close()

  const db = new Database(temp.dbPath)
  expect(runMigrations(db)).toEqual([])
  expect(db.query('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length })
  db.close()

  const second = openSqliteStore({ path: temp.dbPath })
  expect((await second.getExecution('exec-1'))?.status).toBe('queued')
  second.close()
})

test('runs later migrations in order after earlier ones, each exactly once', () => {
  const db = new Database(':memory:')
  const v1 = [{ id: '001_a', sql: 'CREATE TABLE a (x INTEGER);' }]
  const v2 = [...v1, { id: '002_b', sql: 'CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (1);' }]
  expect(runMigrations(db, v1)).toEqual(['001_a'])
  expect(runMigrations(db, v2)).toEqual(['002_b'])
  expect(runMigrations(db, v2)).toEqual([])
  expect(db.query('SELECT count(*) AS n FROM a').get()).toEqual({ n: 1 })
  db.close()
})

test('a failing migration rolls back entirely and names itself', () => {
  const db = new Database(':memory:')
  const broken = [{ id: '001_broken', sql: 'CREATE TABLE half (x INTEGER); CREATE TABLE oops (;' }]
  let caught: unknown
  try {
    runMigrations(db, broken)
  } catch (error) {
    caught = error
  }
  expect(isAppError(caught) && caught.code).toBe('INTERNAL')
  expect((caught as Error).message).toContain('001_broken')
  expect(tableNames(db)).toEqual(['schema_migrations'])
  db.close()
})

test('refuses a database that has migrations this build does not know', () => {
  const db = new Database(temp.dbPath)
  runMigrations(db)
  db.run("INSERT INTO schema_migrations (id, applied_at) VALUES ('999_future', '2030-01-01T00:00:00.000Z')")
  db.close()
  expect(() => openSqliteStore({ path: temp.dbPath })).toThrow(/newer Ratchet/)
})

test('opens files in WAL mode with synchronous FULL, foreign keys and a busy timeout', () => {
  const store = openSqliteStore({ path: temp.dbPath })
  expect(store.settings()).toEqual({ journalMode: 'wal', synchronous: 'FULL', foreignKeys: true, busyTimeoutMs: 5000 })
  store.close()
})

test('honours synchronous NORMAL and rejects unknown modes', () => {
  const store = openSqliteStore({ path: temp.dbPath, synchronous: 'NORMAL' })
  expect(store.settings().synchronous).toBe('NORMAL')
  store.close()
  expect(() => openSqliteStore({ path: temp.dbPath, synchronous: 'OFF' as 'FULL' })).toThrow(/synchronous/)
})

test('creates missing parent directories for the database file', () => {
  const store = openSqliteStore({ path: `${temp.dir}/nested/deeper/ratchet.db` })
  expect(store.integrityCheck()).toEqual(['ok'])
  store.close()
})
