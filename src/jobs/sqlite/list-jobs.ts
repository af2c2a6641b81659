/**
 * ListQuery → SQL for jobs. Only whitelisted fields reach the SQL (as fixed column names); every value
 * is a bound parameter. An unknown field or operator is a BAD_INPUT naming what is allowed.
 */
import type { Database, SQLQueryBindings } from 'bun:sqlite'
import { AppError } from '../../errors.ts'
import type { FieldFilter, FilterOp, ListPage, ListQuery } from '../../lib/list-query.ts'
import { JOB_PRIORITIES, JOB_STATUSES, type JobPriority, type JobRecord, type OwnerScope } from '../types.ts'
import { toJobRecord } from '../job-store.ts'
import { decodeJob, PRIORITY_RANK, type JobRow } from './job-rows.ts'

type Kind = 'text' | 'time' | 'int' | 'status' | 'priority'

/** API field → column and how its values are read. */
const FIELDS: Record<string, { column: string; kind: Kind }> = {
  id: { column: 'id', kind: 'text' },
  task_id: { column: 'task_name', kind: 'text' },
  status: { column: 'status', kind: 'status' },
  priority: { column: 'priority_rank', kind: 'priority' },
  schedule_id: { column: 'schedule_id', kind: 'text' },
  idempotency_key: { column: 'idempotency_key', kind: 'text' },
  created_at: { column: 'created_at', kind: 'time' },
  updated_at: { column: 'updated_at', kind: 'time' },
  scheduled_for: { column: 'scheduled_for', kind: 'time' },
  attempts: { column: 'attempts', kind: 'int' },
}

export const JOB_LIST_FIELDS: readonly string[] = Object.keys(FIELDS)

const OPS: readonly FilterOp[] = ['eq', 'ne', 'like', 'gte', 'lte', 'in', 'not_in', 'starts_with', 'ends_with']
const TEXT_ONLY: readonly FilterOp[] = ['like', 'starts_with', 'ends_with']
const MAX_LIMIT = 100

function bad(message: string, hint: string, data?: Record<string, unknown>): never {
  throw new AppError('BAD_INPUT', message, { hint, data })
}

function coerce(field: string, kind: Kind, value: string): string | number {
  switch (kind) {
    case 'int': {
      if (!/^-?\d+$/.test(value.trim())) bad(`${field} must be a whole number, got ${JSON.stringify(value)}`, `Filter ${field} with a number such as 2.`)
      return Number(value)
    }
    case 'time': {
      const ms = Date.parse(value)
      if (Number.isNaN(ms)) bad(`${field} must be a date, got ${JSON.stringify(value)}`, `Use ISO-8601, e.g. 2026-01-31T12:00:00Z.`)
      return new Date(ms).toISOString()
    }
    case 'status':
      if (!(JOB_STATUSES as readonly string[]).includes(value)) bad(`Unknown job status ${JSON.stringify(value)}`, `Use one of ${JOB_STATUSES.join(', ')}.`)
      return value
    case 'priority':
      if (!(JOB_PRIORITIES as readonly string[]).includes(value)) bad(`Unknown job priority ${JSON.stringify(value)}`, `Use one of ${JOB_PRIORITIES.join(', ')}.`)
      return PRIORITY_RANK[value as JobPriority]
    default:
      return value
  }
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)
/** A task glob (`*` only, case-sensitive, see auth/task-patterns) as a SQLite GLOB with `?` and `[` literal. */
const toSqliteGlob = (pattern: string): string => pattern.replace(/[?[]/g, (c) => `[${c}]`)

function filterSql(filter: FieldFilter, params: SQLQueryBindings[]): string {
  const spec = FIELDS[filter.field]
  if (!spec) bad(`Jobs cannot be filtered by ${JSON.stringify(filter.field)}`, `Filter by one of: ${JOB_LIST_FIELDS.join(', ')}.`, { field: filter.field, allowed: JOB_LIST_FIELDS })
  if (!OPS.includes(filter.op)) bad(`Unknown filter operator ${JSON.stringify(filter.op)}`, `Use one of: ${OPS.join(', ')}.`)
  const { column, kind } = spec
  if (TEXT_ONLY.includes(filter.op) && kind !== 'text' && kind !== 'time') {
    bad(`${filter.field} cannot be filtered with ${filter.op}`, `Use eq, ne, in, not_in, gte or lte on ${filter.field}.`)
  }
  if (filter.op === 'in' || filter.op === 'not_in') {
    const values = typeof filter.value === 'string' ? [filter.value] : filter.value
    if (values.length === 0) return filter.op === 'in' ? '0' : '1'
    params.push(...values.map((v) => coerce(filter.field, kind, v)))
    return `${column} ${filter.op === 'in' ? 'IN' : 'NOT IN'} (${values.map(() => '?').join(', ')})`
  }
  if (typeof filter.value !== 'string') bad(`${filter.field}_${filter.op} takes one value, got a list`, `Use ${filter.field}_in for a list.`)
  const value = filter.value as string
  switch (filter.op) {
    case 'like':
      params.push(`%${escapeLike(value)}%`)
      return `${column} LIKE ? ESCAPE '\\'`
    case 'starts_with':
      params.push(`${escapeLike(value)}%`)
      return `${column} LIKE ? ESCAPE '\\'`
    case 'ends_with':
      params.push(`%${escapeLike(value)}`)
      return `${column} LIKE ? ESCAPE '\\'`
    default: {
      params.push(coerce(filter.field, kind, value))
      const sqlOp = { eq: '=', ne: 'IS NOT', gte: '>=', lte: '<=' }[filter.op as 'eq' | 'ne' | 'gte' | 'lte']
      return `${column} ${sqlOp} ?`
    }
  }
}

/** WHERE clause (with leading ` WHERE`, or empty) for filters plus the caller's scope. */
export function whereSql(filters: readonly FieldFilter[], scope: OwnerScope | undefined, params: SQLQueryBindings[]): string {
  const clauses = filters.map((filter) => filterSql(filter, params))
  if (scope?.owner !== undefined) {
    clauses.push('principal = ?')
    params.push(scope.owner)
  }
  if (scope?.taskGlobs) {
    const { include, exclude } = scope.taskGlobs
    clauses.push(include.length === 0 ? '0' : `(${include.map(() => 'task_name GLOB ?').join(' OR ')})`)
    params.push(...include.map(toSqliteGlob))
    for (const pattern of exclude) {
      clauses.push('task_name NOT GLOB ?')
      params.push(toSqliteGlob(pattern))
    }
  }
  return clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : ''
}

export function listJobs(db: Database, query: ListQuery, scope?: OwnerScope): ListPage<JobRecord> {
  const params: SQLQueryBindings[] = []
  const where = whereSql(query.filters, scope, params)
  const sort = query.sort ?? { field: 'created_at', order: 'desc' as const }
  const sortSpec = FIELDS[sort.field]
  if (!sortSpec) bad(`Jobs cannot be sorted by ${JSON.stringify(sort.field)}`, `Sort by one of: ${JOB_LIST_FIELDS.join(', ')}.`, { field: sort.field, allowed: JOB_LIST_FIELDS })
  if (sort.order !== 'asc' && sort.order !== 'desc') bad(`Unknown sort order ${JSON.stringify(sort.order)}`, 'Use asc or desc.')
  if (!Number.isSafeInteger(query.offset) || query.offset < 0) bad(`offset must be a whole number of 0 or more, got ${query.offset}`, 'Start from 0.')
  if (!Number.isSafeInteger(query.limit) || query.limit < 1 || query.limit > MAX_LIMIT) {
    bad(`limit must be a whole number from 1 to ${MAX_LIMIT}, got ${query.limit}`, `Ask for at most ${MAX_LIMIT} jobs per page.`)
  }
  const order = sort.order === 'asc' ? 'ASC' : 'DESC'
  const total = db.query<{ n: number }, SQLQueryBindings[]>(`SELECT COUNT(*) AS n FROM jobs${where}`).get(...params)?.n ?? 0
  const rows = db
    .query<JobRow, SQLQueryBindings[]>(`SELECT * FROM jobs${where} ORDER BY ${sortSpec.column} ${order}, id ${order} LIMIT ? OFFSET ?`)
    .all(...params, query.limit, query.offset)
  return { items: rows.map((row) => toJobRecord(decodeJob(row))), total }
}
