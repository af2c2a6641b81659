/**
 * Parses Refine-style list parameters into a door-neutral ListQuery: the window (`_start`/`_end`, end
 * exclusive, or 1-based `page` with `limit`, default 25, at most 100), one sort key (`_sort`/`_order`),
 * and filters `field`, `field_ne`, `field_like`, `field_gte`, `field_lte`, `field_in`, `field_not_in`,
 * `field_starts_with`, `field_ends_with` on the fields a list whitelists, each value checked against the
 * field's type. Route parameters that are not filters (`q`, `include_output`) are returned apart.
 * camelCase names are aliases (`taskId_like`). Every refusal names the parameter and how to fix it.
 */
import { AppError } from '../../errors.ts'
import type { FieldFilter, FilterOp, ListQuery } from '../../lib/list-query.ts'
import { similarNames } from '../../engine/resolve-task.ts'
import { snakeCase } from './aliases.ts'
import type { RestListField } from './catalog.ts'

export const DEFAULT_LIMIT = 25
export const MAX_LIMIT = 100
const WINDOW_PARAMS = ['_start', '_end', 'page', 'limit', '_sort', '_order']
/** Longest first, so `_not_in` is not read as `_in`. */
const SUFFIXES: Array<[string, FilterOp]> = [['_starts_with', 'starts_with'], ['_ends_with', 'ends_with'], ['_not_in', 'not_in'], ['_like', 'like'], ['_gte', 'gte'], ['_lte', 'lte'], ['_ne', 'ne'], ['_in', 'in']]
const OP_SUFFIX = Object.fromEntries([...SUFFIXES.map(([suffix, op]) => [op, suffix]), ['eq', '']]) as Record<FilterOp, string>

export interface ListOptions {
  fields: Readonly<Record<string, RestListField>>
  defaultSort: { field: string; order: 'asc' | 'desc' }
  /** Non-filter parameters the route takes (snake_case). */
  params?: readonly string[]
}

const bad = (message: string, hint: string, data: Record<string, unknown> = {}) => new AppError('BAD_INPUT', message, { data: { ...data, hint }, hint })

/** The query parameters by snake_case name (camelCase folded in); a name given twice in two spellings is refused. */
export function queryEntries(url: URL): Array<[string, string]> {
  const entries: Array<[string, string]> = []
  const spelled = new Map<string, string>()
  for (const [raw, value] of url.searchParams) {
    const name = raw.startsWith('_') ? raw : snakeCase(raw)
    const earlier = spelled.get(name)
    if (earlier !== undefined && earlier !== raw) throw bad(`Query parameter "${raw}" is another spelling of "${earlier}", which is already given`, `Send only "${name}".`, { parameter: raw })
    spelled.set(name, raw)
    entries.push([name, value])
  }
  return entries
}

function whole(name: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw bad(`Query parameter ${name} must be a whole number of ${min} or more, got ${JSON.stringify(value)}`, `Pass ${name}=${min} or a larger whole number.`, { parameter: name })
  return Number(value)
}

function checkValue(param: string, field: RestListField, value: string): string {
  if (field.type === 'integer' && !/^-?\d+$/.test(value)) throw bad(`Query parameter ${param} must be a whole number, got ${JSON.stringify(value)}`, `Pass a number such as ${param}=1.`, { parameter: param })
  if (field.type === 'number' && !Number.isFinite(Number(value))) throw bad(`Query parameter ${param} must be a number, got ${JSON.stringify(value)}`, `Pass a number such as ${param}=100.`, { parameter: param })
  if (field.type === 'boolean' && value !== 'true' && value !== 'false') throw bad(`Query parameter ${param} must be true or false, got ${JSON.stringify(value)}`, `Pass ${param}=true or ${param}=false.`, { parameter: param })
  if (field.type === 'date-time' && Number.isNaN(Date.parse(value))) throw bad(`Query parameter ${param} must be an ISO-8601 date-time, got ${JSON.stringify(value)}`, `Pass a time such as ${param}=2026-01-02T03:04:05Z.`, { parameter: param })
  if (field.enum && !field.enum.includes(value)) throw bad(`Query parameter ${param}: ${JSON.stringify(value)} is not one of ${field.enum.join(', ')}`, `Use one of ${field.enum.join(', ')}.`, { parameter: param, allowed: field.enum })
  return value
}

function describeFilters(fields: Readonly<Record<string, RestListField>>): string {
  const names = Object.entries(fields).flatMap(([field, def]) => def.ops.map((op) => `${field}${OP_SUFFIX[op]}`))
  return names.length > 0 ? `This list filters on ${names.join(', ')}.` : 'This list takes no filters.'
}

/** The filter a parameter name means, or null when it names none of the fields. */
function readFilterName(name: string, fields: Readonly<Record<string, RestListField>>): { field: string; op: FilterOp } | null {
  if (Object.hasOwn(fields, name)) return { field: name, op: 'eq' }
  for (const [suffix, op] of SUFFIXES) {
    if (name.endsWith(suffix) && Object.hasOwn(fields, name.slice(0, -suffix.length))) return { field: name.slice(0, -suffix.length), op }
  }
  return null
}

/** The list query of `url` and the route's other parameters. */
export function parseListQuery(url: URL, options: ListOptions): { query: ListQuery; params: Record<string, string> } {
  const { fields } = options
  const window: Record<string, string> = {}
  const params: Record<string, string> = {}
  const filters: FieldFilter[] = []
  const repeated = new Map<string, string[]>()
  for (const [name, value] of queryEntries(url)) {
    if (WINDOW_PARAMS.includes(name)) {
      if (name in window) throw bad(`Query parameter ${name} is given twice`, `Send ${name} once.`, { parameter: name })
      window[name] = value
      continue
    }
    if (options.params?.includes(name)) {
      params[name] = value
      continue
    }
    const filter = readFilterName(name, fields)
    if (!filter) {
      const candidates = [...WINDOW_PARAMS, ...(options.params ?? []), ...Object.entries(fields).flatMap(([field, def]) => def.ops.map((op) => `${field}${OP_SUFFIX[op]}`))]
      const similar = similarNames(name, candidates)
      throw bad(`Unknown query parameter "${name}"${similar.length > 0 ? `; did you mean ${similar.join(', ')}?` : ''}`, `${describeFilters(fields)} Paging: _start/_end or page/limit; sorting: _sort/_order.`, { parameter: name, similar })
    }
    const def = fields[filter.field]!
    if (!def.ops.includes(filter.op)) throw bad(`Query parameter "${name}": ${filter.field} cannot be filtered with ${filter.op}`, describeFilters(fields), { parameter: name })
    if (filter.op === 'in' || filter.op === 'not_in') {
      const list = value.split(',').map((item) => item.trim()).filter((item) => item !== '')
      if (list.length === 0) throw bad(`Query parameter ${name} needs a comma-separated list, got ${JSON.stringify(value)}`, `Pass ${name}=a,b.`, { parameter: name })
      filters.push({ field: filter.field, op: filter.op, value: list.map((item) => checkValue(name, def, item)) })
    } else if (filter.op === 'eq') {
      // `status=a&status=b` (a repeated equality) means either value.
      const values = [...(repeated.get(filter.field) ?? []), checkValue(name, def, value)]
      repeated.set(filter.field, values)
    } else {
      filters.push({ field: filter.field, op: filter.op, value: checkValue(name, def, value) })
    }
  }
  for (const [field, values] of repeated) filters.push(values.length === 1 ? { field, op: 'eq', value: values[0]! } : { field, op: 'in', value: values })

  let offset = 0
  let limit = DEFAULT_LIMIT
  const usesRange = '_start' in window || '_end' in window
  const usesPages = 'page' in window || 'limit' in window
  if (usesRange && usesPages) throw bad('Give either _start/_end or page/limit, not both', 'Use _start=0&_end=25 or page=1&limit=25.')
  if (usesRange) {
    offset = window._start === undefined ? 0 : whole('_start', window._start, 0)
    const end = window._end === undefined ? offset + DEFAULT_LIMIT : whole('_end', window._end, 1)
    if (end <= offset) throw bad(`_end (${end}) must be greater than _start (${offset})`, `_end is exclusive: _start=${offset}&_end=${offset + DEFAULT_LIMIT} returns ${DEFAULT_LIMIT} items.`)
    if (end - offset > MAX_LIMIT) throw bad(`_start=${offset}&_end=${end} asks for ${end - offset} items; a window holds at most ${MAX_LIMIT}`, `Ask for _end=${offset + MAX_LIMIT} and page on.`)
    limit = end - offset
  } else if (usesPages) {
    limit = window.limit === undefined ? DEFAULT_LIMIT : whole('limit', window.limit, 1)
    if (limit > MAX_LIMIT) throw bad(`limit ${limit} is over the maximum of ${MAX_LIMIT}`, `Pass limit=${MAX_LIMIT} or less and page on.`)
    const page = window.page === undefined ? 1 : whole('page', window.page, 1)
    offset = (page - 1) * limit
  }

  let sort = options.defaultSort
  if (window._sort !== undefined) {
    const field = snakeCase(window._sort.trim())
    if (field.includes(',')) throw bad(`_sort takes one field, got ${JSON.stringify(window._sort)}`, 'Sort by one field.')
    const sortable = Object.entries(fields).filter(([, def]) => def.sortable).map(([name]) => name)
    if (!sortable.includes(field) && field !== options.defaultSort.field) {
      const similar = similarNames(field, sortable)
      throw bad(`Cannot sort by ${JSON.stringify(window._sort)}${similar.length ? `; did you mean ${similar.join(', ')}?` : ''}`, sortable.length > 0 ? `Sort by one of ${sortable.join(', ')}.` : 'This list has one fixed order.', { parameter: '_sort', sortable })
    }
    sort = { field, order: sort.order }
  }
  if (window._order !== undefined) {
    const order = window._order.trim().toLowerCase()
    if (order !== 'asc' && order !== 'desc') throw bad(`_order must be asc or desc, got ${JSON.stringify(window._order)}`, 'Pass _order=asc or _order=desc.', { parameter: '_order' })
    sort = { field: sort.field, order }
  }
  return { query: { filters, sort, offset, limit }, params }
}

/** A route's non-list query parameters, by snake_case name; unknown ones are refused with the ones it takes. */
export function parseParams(url: URL, allowed: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {}
  for (const [name, value] of queryEntries(url)) {
    if (!allowed.includes(name)) {
      const similar = similarNames(name, allowed)
      throw bad(`Unknown query parameter "${name}"${similar.length > 0 ? `; did you mean ${similar.join(', ')}?` : ''}`, allowed.length > 0 ? `This route takes ${allowed.join(', ')}.` : 'This route takes no query parameters.', { parameter: name, similar })
    }
    if (name in params) throw bad(`Query parameter ${name} is given twice`, `Send ${name} once.`, { parameter: name })
    params[name] = value
  }
  return params
}
