import type { Database } from 'bun:sqlite'
import { AppError } from '../errors.ts'
import type { AuditFilter, AuditRecord } from './types.ts'

export interface AuditRow {
  ts: string
  event: AuditRecord['event']
  principal: string | null
  principal_kind: string | null
  outcome: AuditRecord['outcome']
  ip: string | null
  tool: string | null
  task: string | null
  execution_id: string | null
  duration_ms: number | null
  reason: string | null
  detail: string | null
}

export const INSERT_AUDIT = `INSERT INTO audit_log
  (ts, event, principal, principal_kind, outcome, ip, tool, task, execution_id, duration_ms, reason, detail)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

export function encodeAudit(entry: AuditRecord): (string | number | null)[] {
  return [
    entry.ts,
    entry.event,
    entry.principal,
    entry.principalKind ?? null,
    entry.outcome,
    entry.ip ?? null,
    entry.tool ?? null,
    entry.task ?? null,
    entry.executionId ?? null,
    entry.durationMs ?? null,
    entry.reason ?? null,
    entry.detail ? JSON.stringify(entry.detail) : null,
  ]
}

export function decodeAudit(row: AuditRow): AuditRecord {
  const record: AuditRecord = { ts: row.ts, event: row.event, principal: row.principal, outcome: row.outcome }
  if (row.principal_kind !== null) record.principalKind = row.principal_kind
  if (row.ip !== null) record.ip = row.ip
  if (row.tool !== null) record.tool = row.tool
  if (row.task !== null) record.task = row.task
  if (row.execution_id !== null) record.executionId = row.execution_id
  if (row.duration_ms !== null) record.durationMs = row.duration_ms
  if (row.reason !== null) record.reason = row.reason
  if (row.detail !== null) record.detail = JSON.parse(row.detail)
  return record
}

/** Audit entries newest first (by time, then insertion order), filtered by principal, event and time. */
export function listAudit(db: Database, filter: AuditFilter = {}): AuditRecord[] {
  const limit = filter.limit ?? 100
  if (!Number.isSafeInteger(limit) || limit < 0) throw new AppError('BAD_INPUT', 'limit must be a whole number of 0 or more', { data: { limit } })
  const conditions: string[] = []
  const params: string[] = []
  if (filter.principal !== undefined) {
    conditions.push('principal = ?')
    params.push(filter.principal)
  }
  if (filter.event !== undefined) {
    conditions.push('event = ?')
    params.push(filter.event)
  }
  if (filter.since !== undefined) {
    conditions.push('ts >= ?')
    params.push(filter.since)
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''
  return db
    .query<AuditRow, (string | number)[]>(`SELECT * FROM audit_log ${where} ORDER BY ts DESC, id DESC LIMIT ?`)
    .all(...params, limit)
    .map(decodeAudit)
}
