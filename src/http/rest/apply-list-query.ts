/**
 * A ListQuery over items held in memory (the task catalogue): filters, one sort key and the window,
 * with the same meanings the store gives them in SQL (`like` is a case-insensitive substring, `ne`
 * also keeps missing values, dates compare as instants, numbers as numbers).
 */
import type { FieldFilter, ListPage, ListQuery } from '../../lib/list-query.ts'

type Value = string | number | boolean | null | undefined | readonly string[]

const comparable = (value: Value): string | number | null => {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return value
  if (typeof value === 'boolean') return value ? 1 : 0
  if (Array.isArray(value)) return value.join(',')
  return value as string
}

function compare(a: Value, b: Value): number {
  const x = comparable(a)
  const y = comparable(b)
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1
  if (typeof x === 'number' && typeof y === 'number') return x - y
  return String(x).localeCompare(String(y))
}

/** Coerces the filter's text to the item value's kind, so `test_count_gte=2` compares numbers. */
function coerce(text: string, like: Value): string | number | boolean {
  if (typeof like === 'number') return Number(text)
  if (typeof like === 'boolean') return text === 'true'
  if (typeof like === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(like) && !Number.isNaN(Date.parse(text))) return new Date(Date.parse(text)).toISOString()
  return text
}

function matches(value: Value, filter: FieldFilter): boolean {
  const values = Array.isArray(filter.value) ? (filter.value as string[]) : [filter.value as string]
  // A list-valued field (tags) matches when any of its entries does.
  if (Array.isArray(value)) {
    if (filter.op === 'ne' || filter.op === 'not_in') return !value.some((entry) => matches(entry, { ...filter, op: filter.op === 'ne' ? 'eq' : 'in' }))
    return value.some((entry) => matches(entry, filter))
  }
  const text = value === null || value === undefined ? null : String(value)
  const lower = text?.toLowerCase() ?? null
  const first = values[0]!
  switch (filter.op) {
    case 'eq':
      return value !== null && value !== undefined && coerce(first, value) === value
    case 'ne':
      return value === null || value === undefined || coerce(first, value) !== value
    case 'in':
      return value !== null && value !== undefined && values.some((v) => coerce(v, value) === value)
    case 'not_in':
      return value === null || value === undefined || !values.some((v) => coerce(v, value) === value)
    case 'like':
      return lower !== null && lower.includes(first.toLowerCase())
    case 'starts_with':
      return text !== null && text.startsWith(first)
    case 'ends_with':
      return text !== null && text.endsWith(first)
    case 'gte':
      return value !== null && value !== undefined && compare(value, coerce(first, value) as Value) >= 0
    case 'lte':
      return value !== null && value !== undefined && compare(value, coerce(first, value) as Value) <= 0
  }
}

/** One page of `items` matching `query`, and how many match in all; ties keep the input order. */
export function applyListQuery<T>(items: readonly T[], query: ListQuery, get: (item: T, field: string) => Value): ListPage<T> {
  let matching = items.filter((item) => query.filters.every((filter) => matches(get(item, filter.field), filter)))
  if (query.sort) {
    const { field, order } = query.sort
    const direction = order === 'desc' ? -1 : 1
    matching = matching.map((item, index) => ({ item, index })).sort((a, b) => direction * compare(get(a.item, field), get(b.item, field)) || a.index - b.index).map(({ item }) => item)
  }
  return { items: matching.slice(query.offset, query.offset + query.limit), total: matching.length }
}
