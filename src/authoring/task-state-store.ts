/**
 * The TaskStateStore port: where "task X is disabled" is kept. Plain records and a promise from every
 * method, so a networked database (PostgreSQL) can implement it, like the job and schedule stores.
 */
import type { Database } from 'bun:sqlite'
import type { TaskState } from './types.ts'

export interface TaskStateStore {
  /** Every task whose state was ever set. */
  list(): Promise<TaskState[]>
  /** Inserts or replaces the state of `state.name`. */
  put(state: TaskState): Promise<void>
}

interface TaskStateRow {
  name: string
  enabled: number
  changed_at: string
  changed_by: string | null
}

/** The SQLite TaskStateStore over the store's connection (table task_state, migration 006): a SqliteStore or its `database`. */
export function createSqliteTaskStateStore(source: Database | { database: Database }): TaskStateStore {
  const db = 'database' in source ? source.database : source
  const selectAll = db.query<TaskStateRow, []>('SELECT name, enabled, changed_at, changed_by FROM task_state ORDER BY name')
  const upsert = db.query<never, [string, number, string, string | null]>(
    `INSERT INTO task_state (name, enabled, changed_at, changed_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET enabled = excluded.enabled, changed_at = excluded.changed_at, changed_by = excluded.changed_by`,
  )
  return {
    async list() {
      return selectAll.all().map((row) => ({ name: row.name, enabled: row.enabled === 1, changedAt: row.changed_at, changedBy: row.changed_by }))
    },
    async put(state) {
      upsert.run(state.name, state.enabled ? 1 : 0, state.changedAt, state.changedBy)
    },
  }
}

/** A TaskStateStore in memory, for setups without a database file of their own (and tests). */
export function createMemoryTaskStateStore(): TaskStateStore {
  const states = new Map<string, TaskState>()
  return {
    async list() {
      return [...states.values()].sort((a, b) => a.name.localeCompare(b.name))
    },
    async put(state) {
      states.set(state.name, { ...state })
    },
  }
}
