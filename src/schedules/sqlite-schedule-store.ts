/**
 * The ScheduleStore on bun:sqlite, in the same database file as executions (and jobs). Writes go
 * straight to the table, outside the executions write buffer: a claimed slot must be on disk before
 * its job is created. Slot claims are single compare-and-set UPDATEs, safe across processes.
 */
import type { Database } from 'bun:sqlite'
import { AppError } from '../errors.ts'
import type { OwnerScope } from '../jobs/types.ts'
import { listSchedules, scopeConditions } from './list-schedules.ts'
import { decodeSchedule, encodeSchedule, PATCH_COLUMNS, SCHEDULE_COLUMNS, type ScheduleRow } from './schedule-rows.ts'
import type { ScheduleStore, SlotMove, StoredSchedule } from './schedule-store.ts'

const INSERT = `INSERT INTO schedules (${SCHEDULE_COLUMNS.join(', ')}) VALUES (${SCHEDULE_COLUMNS.map((c) => `$${c}`).join(', ')})`

function nameTaken(name: unknown, error: unknown): AppError {
  return new AppError('CONFLICT', `A schedule named ${JSON.stringify(name)} already exists`, {
    cause: error,
    data: { name },
    hint: 'Choose another name, or update the existing schedule.',
  })
}

const isUniqueViolation = (error: unknown) => String((error as Error)?.message).includes('UNIQUE constraint failed: schedules.name')

/** A ScheduleStore on `db` (opened and migrated by the caller, who also closes it). */
export function createSqliteScheduleStore(db: Database): ScheduleStore {
  const insert = db.query(INSERT)
  const selectOne = db.query<ScheduleRow, [string]>('SELECT * FROM schedules WHERE id = ?')
  const selectActive = db.query<ScheduleRow, []>('SELECT * FROM schedules WHERE enabled = 1 OR pending_slot IS NOT NULL ORDER BY created_at, rowid')
  const remove = db.query<never, [string]>('DELETE FROM schedules WHERE id = ?')
  const claim = db.query<never, [string, string, string | null, string, string | null]>(
    `UPDATE schedules SET last_fired_slot = ?, pending_slot = ?, next_run_at = ?
     WHERE id = ? AND enabled = 1 AND pending_slot IS NULL AND last_fired_slot IS ?`,
  )
  const skip = db.query<never, [string, string | null, string, string | null]>(
    `UPDATE schedules SET last_fired_slot = ?, next_run_at = ?
     WHERE id = ? AND enabled = 1 AND pending_slot IS NULL AND last_fired_slot IS ?`,
  )
  const settleCreated = db.query<never, [string, string, string]>(
    'UPDATE schedules SET pending_slot = NULL, run_count = run_count + 1, last_run_at = ? WHERE id = ? AND pending_slot = ?',
  )
  const settleAbandoned = db.query<never, [string, string]>('UPDATE schedules SET pending_slot = NULL WHERE id = ? AND pending_slot = ?')
  const trigger = db.query<never, [string, string]>('UPDATE schedules SET run_count = run_count + 1, last_run_at = ? WHERE id = ?')

  const row = (id: string) => {
    const found = selectOne.get(id)
    return found ? decodeSchedule(found) : null
  }

  return {
    async insert(schedule: StoredSchedule) {
      const values = Object.fromEntries(Object.entries(encodeSchedule(schedule)).map(([k, v]) => [`$${k}`, v]))
      try {
        insert.run(values as never)
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(schedule.name, error)
        throw error
      }
    },

    async get(id) {
      return row(id)
    },

    async list(query, scope) {
      return listSchedules(db, query, scope)
    },

    async update(id, patch) {
      const sets: string[] = []
      const params: (string | number | null)[] = []
      for (const [key, value] of Object.entries(patch)) {
        const target = Object.hasOwn(PATCH_COLUMNS, key) ? PATCH_COLUMNS[key] : undefined
        if (!target || value === undefined) continue
        sets.push(`${target.column} = ?`)
        params.push(target.encode(value))
      }
      if (sets.length > 0) {
        try {
          db.query(`UPDATE schedules SET ${sets.join(', ')} WHERE id = ?`).run(...params, id)
        } catch (error) {
          if (isUniqueViolation(error)) throw nameTaken(patch.name, error)
          throw error
        }
      }
      return row(id)
    },

    async delete(id) {
      return remove.run(id).changes === 1
    },

    async listActive() {
      return selectActive.all().map(decodeSchedule)
    },

    async claimSlot(move: SlotMove) {
      return claim.run(move.slot, move.slot, move.nextRunAt, move.id, move.expected).changes === 1
    },

    async skipSlot(move: SlotMove) {
      return skip.run(move.slot, move.nextRunAt, move.id, move.expected).changes === 1
    },

    async settleSlot(id, slot, result) {
      if (result.created) settleCreated.run(result.at, id, slot)
      else settleAbandoned.run(id, slot)
    },

    async recordTrigger(id, at) {
      trigger.run(at, id)
    },

    async stats(scope?: OwnerScope) {
      const params: (string | number)[] = []
      const conditions = scopeConditions(scope, params)
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''
      const counts = db
        .query<{ total: number; enabled: number | null }, (string | number)[]>(`SELECT count(*) AS total, sum(enabled) AS enabled FROM schedules ${where}`)
        .get(...params)!
      const enabled = counts.enabled ?? 0
      return { total: counts.total, enabled, disabled: counts.total - enabled }
    },
  }
}
