/**
 * A door-neutral list query: field filters, one sort key, and a window. REST parses the Refine-style
 * query string (`_start`/`_end`, `page`/`limit`, `_sort`/`_order`, `field_like`, `field_gte`, …) into
 * it; list implementations accept only the fields they whitelist and refuse others with BAD_INPUT.
 */

export type FilterOp = 'eq' | 'ne' | 'like' | 'gte' | 'lte' | 'in' | 'not_in' | 'starts_with' | 'ends_with'

export interface FieldFilter {
  /** snake_case field name as the API shows it (`task_id`, `status`, `queued_at`, …). */
  field: string
  op: FilterOp
  /** A list for `in` / `not_in`, else one value; always text as given (implementations coerce). */
  value: string | readonly string[]
}

export interface ListQuery {
  filters: readonly FieldFilter[]
  sort?: { field: string; order: 'asc' | 'desc' }
  /** Items to skip, from 0. */
  offset: number
  /** Items to return, 1..100. */
  limit: number
}

export interface ListPage<T> {
  items: T[]
  /** Matching items in all pages. */
  total: number
}
