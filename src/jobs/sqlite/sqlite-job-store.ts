/**
 * The bun:sqlite JobStore, on the same connection (and file) as the execution store. Writes go straight
 * to the database, outside the execution write buffer: a claim must be visible to other nodes at once.
 * Every state change is one `BEGIN IMMEDIATE` transaction or one guarded UPDATE … RETURNING, so two
 * services on one database never claim the same job or both win a transition.
 */
import type { Database, SQLQueryBindings } from 'bun:sqlite'
import { AppError } from '../../errors.ts'
import type { ClaimedJob, JobPatch, JobStore, NewJob, StoredJob, TransitionGuard } from '../job-store.ts'
import { JOB_STATUSES, type JobStats, type JobStatus } from '../types.ts'
import { decodeDelivery, decodeJob, encodeDelivery, encodeNewJob, INSERT_DELIVERY, INSERT_JOB, type DeliveryRow, type JobRow } from './job-rows.ts'
import { listJobs, whereSql } from './list-jobs.ts'

/** Most urgent first, then earliest due (an expired lease is due when it expired), then oldest. */
const PICK_DUE = `SELECT * FROM jobs
  WHERE (status IN ('queued', 'retrying') AND run_after <= ?1) OR (status = 'running' AND lease_expires_at < ?1)
  ORDER BY priority_rank DESC, CASE status WHEN 'running' THEN lease_expires_at ELSE run_after END, created_at, id
  LIMIT 1`

const TAKE = `UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?,
  started_at = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ? RETURNING *`

/** Accepts the execution store (whose `database` this shares) or a bun:sqlite handle with migrations applied. */
export function createSqliteJobStore(source: Database | { database: Database }): JobStore {
  const db = 'database' in source ? source.database : source
  const insertJob = db.query(INSERT_JOB)
  const selectJob = db.query<JobRow, [string]>('SELECT * FROM jobs WHERE id = ?')
  // An idempotency key is unique per owner (008_job_idempotency_owner); NULL (system) is one owner.
  const selectByKey = db.query<JobRow, [string, string]>("SELECT * FROM jobs WHERE idempotency_key = ? AND coalesce(principal, '') = ?")
  const pickDue = db.query<JobRow, [string]>(PICK_DUE)
  const take = db.query<JobRow, [string, string, string, string, string]>(TAKE)
  const extendLease = db.query(`UPDATE jobs SET lease_expires_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ?`)
  const appendExecution = db.query(
    `UPDATE jobs SET execution_ids = json_insert(execution_ids, '$[#]', ?), updated_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ?`,
  )
  const insertDelivery = db.query(INSERT_DELIVERY)
  const selectDeliveries = db.query<DeliveryRow, [string]>('SELECT * FROM job_deliveries WHERE job_id = ? ORDER BY id')
  const releaseOwned = db.query(
    `UPDATE jobs SET status = 'queued', attempts = MAX(attempts - 1, 0), lease_owner = NULL, lease_expires_at = NULL, run_after = ?, updated_at = ?
     WHERE status = 'running' AND lease_owner = ?`,
  )

  const insert = db.transaction((job: NewJob) => {
    const { changes } = insertJob.run(...encodeNewJob(job))
    if (changes === 1) return { job: decodeJob(selectJob.get(job.id)!), created: true }
    const existing = job.idempotencyKey === null ? null : selectByKey.get(job.idempotencyKey, job.principal ?? '')
    if (!existing) throw new AppError('INTERNAL', `Job ${job.id} was not stored`, { data: { jobId: job.id } })
    return { job: decodeJob(existing), created: false }
  })

  const claim = db.transaction((owner: string, now: string, leaseExpiresAt: string): ClaimedJob | null => {
    const candidate = pickDue.get(now)
    if (!candidate) return null
    const reclaimedFrom = candidate.status === 'running' ? candidate.lease_owner : null
    const row = take.get(owner, leaseExpiresAt, now, now, candidate.id)!
    return { ...decodeJob(row), reclaimedFrom }
  })

  return {
    async insert(job) {
      return insert.immediate(job)
    },

    async get(id) {
      const row = selectJob.get(id)
      return row ? decodeJob(row) : null
    },

    async list(query, scope) {
      return listJobs(db, query, scope)
    },

    async claim(owner, now, leaseExpiresAt) {
      return claim.immediate(owner, now, leaseExpiresAt)
    },

    async heartbeat(id, owner, leaseExpiresAt) {
      return extendLease.run(leaseExpiresAt, id, owner).changes === 1
    },

    async addExecution(id, owner, executionId, now) {
      return appendExecution.run(executionId, now, id, owner).changes === 1
    },

    async transition(id, guard, patch, now) {
      return transition(db, id, guard, patch, now)
    },

    async addDelivery(attempt) {
      insertDelivery.run(...encodeDelivery(attempt))
    },

    async deliveries(jobId) {
      return selectDeliveries.all(jobId).map(decodeDelivery)
    },

    async stats(now, scope) {
      const params: SQLQueryBindings[] = []
      const where = whereSql([], scope, params)
      const rows = db
        .query<{ status: JobStatus; n: number; due: number }, SQLQueryBindings[]>(
          `SELECT status, COUNT(*) AS n, SUM(CASE WHEN status IN ('queued', 'retrying') AND run_after <= ? THEN 1 ELSE 0 END) AS due
           FROM jobs${where} GROUP BY status`,
        )
        .all(now, ...params)
      const byStatus = Object.fromEntries(JOB_STATUSES.map((status) => [status, 0])) as JobStats['byStatus']
      let total = 0
      let due = 0
      for (const row of rows) {
        byStatus[row.status] = row.n
        total += row.n
        due += row.due
      }
      return { total, byStatus, due }
    },

    async releaseAll(owner, now) {
      return releaseOwned.run(now, now, owner).changes
    },
  }
}

/** One guarded UPDATE … RETURNING built from the fields the patch sets. */
function transition(db: Database, id: string, guard: TransitionGuard, patch: JobPatch, now: string): StoredJob | null {
  if (guard.from.length === 0) return null
  const sets = ['status = ?', 'updated_at = ?', 'lease_owner = NULL', 'lease_expires_at = NULL']
  const params: SQLQueryBindings[] = [patch.status, now]
  if ('output' in patch) {
    sets.push('output = ?')
    params.push(patch.output === undefined ? null : JSON.stringify(patch.output))
  }
  if (patch.lastError !== undefined) {
    sets.push('last_error = ?')
    params.push(patch.lastError === null ? null : JSON.stringify(patch.lastError))
  }
  if (patch.nextAttemptAt !== undefined) {
    sets.push('next_attempt_at = ?')
    params.push(patch.nextAttemptAt)
  }
  if (patch.runAfter !== undefined) {
    sets.push('run_after = ?')
    params.push(patch.runAfter)
  }
  if (patch.completedAt !== undefined) {
    sets.push('completed_at = ?')
    params.push(patch.completedAt)
  }
  if (patch.undoAttempt) sets.push('attempts = MAX(attempts - 1, 0)')
  if (patch.resetBudget) sets.push(patch.undoAttempt ? 'retry_base = MAX(attempts - 1, 0)' : 'retry_base = attempts')
  let where = `id = ? AND status IN (${guard.from.map(() => '?').join(', ')})`
  params.push(id, ...guard.from)
  if (guard.owner !== undefined) {
    where += ' AND lease_owner = ?'
    params.push(guard.owner)
  }
  const row = db.query<JobRow, SQLQueryBindings[]>(`UPDATE jobs SET ${sets.join(', ')} WHERE ${where} RETURNING *`).get(...params)
  return row ? decodeJob(row) : null
}
