import type { Database } from 'bun:sqlite'
import { AppError } from '../errors.ts'
import { decodeExecution, type ExecutionRow } from './execution-rows.ts'
import type { ExecutionCondition, ExecutionFilter, ExecutionRecord, ExecutionStatus } from './types.ts'

/** The only sort keys accepted, and the column each one means: nothing from the caller reaches SQL text. */
const SORT_COLUMNS: Record<NonNullable<ExecutionFilter['sortBy']>, string> = {
  queuedAt: 'queued_at',
  startedAt: 'started_at',
  completedAt: 'completed_at',
  durationMs: 'duration_ms',
  status: 'status',
}
const SORT_ORDERS = { asc: 'ASC', desc: 'DESC' } as const

/** The only fields a `where` condition may name, and their columns. */
const CONDITION_COLUMNS: Record<ExecutionCondition['field'], string> = {
  id: 'id',
  taskName: 'task_name',
  status: 'status',
  source: 'source',
  queuedAt: 'queued_at',
  startedAt: 'started_at',
  completedAt: 'completed_at',
  durationMs: 'duration_ms',
}

/** `text` as a LIKE pattern that matches itself literally (`%`, `_` and `\\` escaped). */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The SQL of one condition and its parameters; columns and operators come from fixed tables only. */
function conditionSql(condition: ExecutionCondition): { sql: string; params: Array<string | number> } {
  const column = Object.hasOwn(CONDITION_COLUMNS, condition.field) ? CONDITION_COLUMNS[condition.field] : undefined
  if (!column) throw badFilter(`Cannot filter executions by ${JSON.stringify(condition.field)}`, { field: condition.field }, `Use one of ${Object.keys(CONDITION_COLUMNS).join(', ')}.`)
  const list = Array.isArray(condition.value) ? (condition.value as Array<string | number>) : [condition.value as string | number]
  const one = list[0]!
  switch (condition.op) {
    case 'eq':
      return { sql: `${column} = ?`, params: [one] }
    case 'ne':
      return { sql: `(${column} IS NULL OR ${column} != ?)`, params: [one] }
    case 'gte':
      return { sql: `${column} >= ?`, params: [one] }
    case 'lte':
      return { sql: `${column} <= ?`, params: [one] }
    case 'like':
      return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`%${likeLiteral(String(one))}%`] }
    case 'starts_with':
      return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`${likeLiteral(String(one))}%`] }
    case 'ends_with':
      return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`%${likeLiteral(String(one))}`] }
    case 'in':
      return list.length === 0 ? { sql: '0', params: [] } : { sql: `${column} IN (${list.map(() => '?').join(', ')})`, params: list }
    case 'not_in':
      return list.length === 0 ? { sql: '1', params: [] } : { sql: `(${column} IS NULL OR ${column} NOT IN (${list.map(() => '?').join(', ')}))`, params: list }
    default:
      throw badFilter(`Unknown filter operator ${JSON.stringify(condition.op)}`, { op: condition.op }, 'Use eq, ne, like, gte, lte, in, not_in, starts_with or ends_with.')
  }
}

function badFilter(message: string, data: Record<string, unknown>, hint: string): AppError {
  return new AppError('BAD_INPUT', message, { data, hint })
}

function checkCount(name: 'limit' | 'offset', value: number | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!Number.isSafeInteger(value) || value < 0) {
    throw badFilter(`${name} must be a whole number of 0 or more`, { [name]: value }, `Pass a ${name} such as 50, or leave it out.`)
  }
  return value
}

/**
 * Lists executions matching `filter`, newest queued first unless told otherwise, with the total count of
 * matches ignoring limit/offset. Ties are broken by insertion order in the same direction, so pages are
 * stable. No limit means every match.
 */
export function listExecutions(db: Database, filter: ExecutionFilter = {}): { items: ExecutionRecord[]; total: number } {
  const sortBy = filter.sortBy ?? 'queuedAt'
  const column = Object.hasOwn(SORT_COLUMNS, sortBy) ? SORT_COLUMNS[sortBy] : undefined
  if (!column) {
    throw badFilter(`Cannot sort executions by ${JSON.stringify(sortBy)}`, { sortBy }, `Use one of ${Object.keys(SORT_COLUMNS).join(', ')}.`)
  }
  const sortOrder = filter.sortOrder ?? 'desc'
  const direction = Object.hasOwn(SORT_ORDERS, sortOrder) ? SORT_ORDERS[sortOrder] : undefined
  if (!direction) throw badFilter(`Unknown sort order ${JSON.stringify(sortOrder)}`, { sortOrder }, 'Use asc or desc.')
  const limit = checkCount('limit', filter.limit)
  const offset = checkCount('offset', filter.offset) ?? 0

  const conditions: string[] = []
  const params: Array<string | number> = []
  if (filter.taskName !== undefined) {
    conditions.push('task_name = ?')
    params.push(filter.taskName)
  }
  if (filter.taskGlobs) {
    // SQLite GLOB is case-sensitive like the globs; `?` and `[` are escaped so only `*` is special.
    const glob = (pattern: string) => pattern.replace(/[[?]/g, (c) => `[${c}]`)
    const include = filter.taskGlobs.include
    conditions.push(include.length > 0 ? `(${include.map(() => 'task_name GLOB ?').join(' OR ')})` : '0')
    params.push(...include.map(glob))
    for (const pattern of filter.taskGlobs.exclude) {
      conditions.push('task_name NOT GLOB ?')
      params.push(glob(pattern))
    }
  }
  if (filter.owner !== undefined) {
    conditions.push('principal = ?')
    params.push(filter.owner)
  }
  if (filter.status !== undefined) {
    conditions.push('status = ?')
    params.push(filter.status satisfies ExecutionStatus)
  }
  for (const condition of filter.where ?? []) {
    const { sql, params: values } = conditionSql(condition)
    conditions.push(sql)
    params.push(...values)
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''

  const read = db.transaction(() => {
    const total = db.query<{ total: number }, Array<string | number>>(`SELECT count(*) AS total FROM executions ${where}`).get(...params)!.total
    const rows = db
      .query<ExecutionRow, (string | number)[]>(
        `SELECT * FROM executions ${where} ORDER BY ${column} ${direction}, rowid ${direction} LIMIT ? OFFSET ?`,
      )
      .all(...params, limit ?? -1, offset)
    return { items: rows.map(decodeExecution), total }
  })
  // One read transaction, so the page and the total describe the same snapshot.
  return read.deferred()
}
