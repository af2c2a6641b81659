/** Page arithmetic shared by every listing tool: pages count from 0, a page past the end is empty. */
export interface PaginationView {
  page: number
  limit: number
  total_count: number
  total_pages: number
  has_next: boolean
  has_previous: boolean
  next_page: number | null
  previous_page: number | null
}

/** The pagination block for `page` (from 0) of `limit` items out of `totalCount`. */
export function paginate(page: number, limit: number, totalCount: number): PaginationView {
  const totalPages = Math.ceil(totalCount / limit)
  const hasNext = page + 1 < totalPages
  const hasPrevious = page > 0 && totalPages > 0
  return {
    page,
    limit,
    total_count: totalCount,
    total_pages: totalPages,
    has_next: hasNext,
    has_previous: hasPrevious,
    next_page: hasNext ? page + 1 : null,
    previous_page: hasPrevious ? Math.min(page - 1, totalPages - 1) : null,
  }
}
