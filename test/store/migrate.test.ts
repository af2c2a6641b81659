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
  expect(recorded.map((row) => row.id)).toEqual(['001_init', '002_audit', '003_execution_owner', '004_jobs', '005_schedules', '006_task_state', '007_execution_node', '008_job_idempotency_owner'])
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

test('008 scopes job idempotency keys per owner and keeps the jobs and their deliveries', () => {
  const db = new Database(temp.dbPath)
  db.run('PRAGMA foreign_keys = ON')
  const upTo007 = MIGRATIONS.filter((m) => m.id <= '007_execution_node')
  runMigrations(db, upTo007)
  const insertJob = db.query(
    `INSERT INTO jobs (id, task_name, input, priority, priority_rank, status, scheduled_for, run_after, max_retries, idempotency_key, principal, created_at, updated_at)
     VALUES (?, 'echo', '{}', 'normal', 1, 'completed', 't', 't', 0, ?, ?, 't', 't')`,
  )
  insertJob.run('j1', 'k', 'alice')
  expect(() => insertJob.run('j2', 'k', 'bob')).toThrow(/UNIQUE/)
  db.run(`INSERT INTO job_deliveries (job_id, destination, type, attempt, ok, target, duration_ms, at) VALUES ('j1', 0, 'webhook', 1, 1, 'https://x', 1, 't')`)

  expect(runMigrations(db)).toEqual(['008_job_idempotency_owner'])
  insertJob.finalize()
  const insertAgain = db.query(
    `INSERT INTO jobs (id, task_name, input, priority, priority_rank, status, scheduled_for, run_after, max_retries, idempotency_key, principal, created_at, updated_at)
     VALUES (?, 'echo', '{}', 'normal', 1, 'completed', 't', 't', 0, ?, ?, 't', 't')`,
  )
  insertAgain.run('j2', 'k', 'bob')
  insertAgain.run('j3', 'k', null)
  expect(() => insertAgain.run('j4', 'k', 'alice')).toThrow(/UNIQUE/)
  expect(() => insertAgain.run('j5', 'k', null)).toThrow(/UNIQUE/)
  expect(db.query('SELECT count(*) AS n FROM job_deliveries WHERE job_id = ?').get('j1')).toEqual({ n: 1 })
  // The deliveries still belong to jobs: deleting a job deletes its deliveries.
  db.run("DELETE FROM jobs WHERE id = 'j1'")
  expect(db.query('SELECT count(*) AS n FROM job_deliveries').get()).toEqual({ n: 0 })
  expect(tableNames(db)).toEqual(['audit_log', 'execution_logs', 'executions', 'job_deliveries', 'jobs', 'schedules', 'schema_migrations', 'task_state', 'task_versions', 'trace_spans'])
  db.close()
})
