/**
 * Lists schedules for a ListQuery in SQL. Only whitelisted fields filter and sort; an unknown field or
 * operator is BAD_INPUT naming the allowed ones. Column names come from the whitelist, never the caller.
 */
import type { Database } from 'bun:sqlite'
import { AppError } from '../errors.ts'
import type { FieldFilter, FilterOp, ListPage, ListQuery } from '../lib/list-query.ts'
import type { OwnerScope } from '../jobs/types.ts'
import { decodeSchedule, type ScheduleRow } from './schedule-rows.ts'
import type { StoredSchedule } from './schedule-store.ts'

/** API field → column. `task_id` is the task's name, as the REST door shows it. */
const FIELDS: Record<string, string> = {
  id: 'id',
  name: 'name',
  task_id: 'task_name',
  enabled: 'enabled',
  cron_expression: 'cron_expression',
  created_at: 'created_at',
  updated_at: 'updated_at',
  next_run_at: 'next_run_at',
  last_run_at: 'last_run_at',
}
/** The fields schedule lists filter and sort on, as the API names them. */
export const SCHEDULE_LIST_FIELDS: readonly string[] = Object.keys(FIELDS)
const OPS: readonly FilterOp[] = ['eq', 'ne', 'like', 'gte', 'lte', 'in', 'not_in', 'starts_with', 'ends_with']
const ALLOWED = Object.keys(FIELDS).join(', ')

type Param = string | number

function columnOf(field: string, role: 'filter' | 'sort'): string {
  const column = Object.hasOwn(FIELDS, field) ? FIELDS[field] : undefined
  if (!column) {
    throw new AppError('BAD_INPUT', `Cannot ${role} schedules by ${JSON.stringify(field)}`, {
      data: { field, allowedFields: Object.keys(FIELDS) },
      hint: `Use one of: ${ALLOWED}.`,
    })
  }
  return column
}

function coerce(field: string, value: string): Param {
  if (field !== 'enabled') return value
  const v = value.toLowerCase()
  if (v === 'true' || v === '1') return 1
  if (v === 'false' || v === '0') return 0
  throw new AppError('BAD_INPUT', `enabled must be true or false, got ${JSON.stringify(value)}`, { data: { field, value }, hint: 'Filter with enabled=true or enabled=false.' })
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

function condition(filter: FieldFilter, params: Param[]): string {
  const column = columnOf(filter.field, 'filter')
  if (!OPS.includes(filter.op)) {
    throw new AppError('BAD_INPUT', `Unknown filter operator ${JSON.stringify(filter.op)} on ${filter.field}`, {
      data: { field: filter.field, op: filter.op, allowedOps: OPS },
      hint: `Use one of: ${OPS.join(', ')}.`,
    })
  }
  const values = typeof filter.value === 'string' ? filter.value.split(',') : [...filter.value]
  const one = typeof filter.value === 'string' ? filter.value : (filter.value[0] ?? '')
  switch (filter.op) {
    case 'in':
    case 'not_in': {
      if (values.length === 0) return filter.op === 'in' ? '0' : '1'
      params.push(...values.map((v) => coerce(filter.field, v)))
      return `${column} ${filter.op === 'in' ? 'IN' : 'NOT IN'} (${values.map(() => '?').join(', ')})`
    }
    case 'like':
    case 'starts_with':
    case 'ends_with': {
      const text = escapeLike(one)
      params.push(filter.op === 'like' ? `%${text}%` : filter.op === 'starts_with' ? `${text}%` : `%${text}`)
      return `${column} LIKE ? ESCAPE '\\'`
    }
    default: {
      params.push(coerce(filter.field, one))
      const sql = { eq: '=', ne: 'IS NOT', gte: '>=', lte: '<=' }[filter.op]
      return `${column} ${sql} ?`
    }
  }
}

function checkWindow(query: ListQuery): void {
  if (!Number.isSafeInteger(query.offset) || query.offset < 0) {
    throw new AppError('BAD_INPUT', `offset must be a whole number of 0 or more, got ${JSON.stringify(query.offset)}`, { data: { offset: query.offset } })
  }
  if (!Number.isSafeInteger(query.limit) || query.limit < 1 || query.limit > 100) {
    throw new AppError('BAD_INPUT', `limit must be a whole number from 1 to 100, got ${JSON.stringify(query.limit)}`, { data: { limit: query.limit } })
  }
}

/** The WHERE clause of a scope (owner, task globs); shared by list and stats. */
export function scopeConditions(scope: OwnerScope | undefined, params: Param[]): string[] {
  const conditions: string[] = []
  if (scope?.owner !== undefined) {
    conditions.push('principal = ?')
    params.push(scope.owner)
  }
  if (scope?.taskGlobs) {
    // SQLite GLOB is case-sensitive like the task patterns; `?` and `[` are escaped so only `*` is special.
    const glob = (pattern: string) => pattern.replace(/[[?]/g, (c) => `[${c}]`)
    const include = scope.taskGlobs.include
    conditions.push(include.length > 0 ? `(${include.map(() => 'task_name GLOB ?').join(' OR ')})` : '0')
    params.push(...include.map(glob))
    for (const pattern of scope.taskGlobs.exclude) {
      conditions.push('task_name NOT GLOB ?')
      params.push(glob(pattern))
    }
  }
  return conditions
}

/** One page of schedules, newest first unless `query.sort` says otherwise, with the total of matches. */
export function listSchedules(db: Database, query: ListQuery, scope?: OwnerScope): ListPage<StoredSchedule> {
  checkWindow(query)
  const params: Param[] = []
  const conditions = [...query.filters.map((filter) => condition(filter, params)), ...scopeConditions(scope, params)]
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''
  const column = query.sort ? columnOf(query.sort.field, 'sort') : 'created_at'
  const order = query.sort?.order ?? 'desc'
  if (order !== 'asc' && order !== 'desc') {
    throw new AppError('BAD_INPUT', `Unknown sort order ${JSON.stringify(order)}`, { data: { order }, hint: 'Use asc or desc.' })
  }
  const direction = order === 'asc' ? 'ASC' : 'DESC'
  return db.transaction(() => {
    const total = db.query<{ total: number }, Param[]>(`SELECT count(*) AS total FROM schedules ${where}`).get(...params)!.total
    const rows = db
      .query<ScheduleRow, Param[]>(`SELECT * FROM schedules ${where} ORDER BY ${column} ${direction}, rowid ${direction} LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset)
    return { items: rows.map(decodeSchedule), total }
  })()
}
