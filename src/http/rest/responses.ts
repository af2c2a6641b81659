/** JSON answers of the REST door: one object, or a list `{data, meta}` with X-Total-Count. */
import type { ListQuery } from '../../lib/list-query.ts'

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers })
}

/** The `meta` of one window of `total` items. */
export function listMeta(query: ListQuery, total: number, extra: Record<string, unknown> = {}) {
  const totalPages = Math.ceil(total / query.limit)
  return {
    total,
    page: Math.floor(query.offset / query.limit) + 1,
    limit: query.limit,
    offset: query.offset,
    total_pages: totalPages,
    has_next: query.offset + query.limit < total,
    has_previous: query.offset > 0 && total > 0,
    ...(query.sort ? { sort: query.sort } : {}),
    ...extra,
    timestamp: new Date().toISOString(),
  }
}

/** `{data, meta}` with `X-Total-Count` (exposed to browsers by the host's CORS). */
export function listResponse(data: unknown[], query: ListQuery, total: number, extra: Record<string, unknown> = {}): Response {
  return Response.json({ data, meta: listMeta(query, total, extra) }, { headers: { 'X-Total-Count': String(total) } })
}
