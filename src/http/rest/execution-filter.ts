/**
 * A REST list query over executions (GET /executions, GET /results) as the store's ExecutionFilter:
 * the API's field names become the store's, task ids (names or uuids) become task names, the
 * predecessor's `pending` means `queued`, and dates become ISO-8601 instants.
 */
import type { ListQuery } from '../../lib/list-query.ts'
import type { Registry } from '../../registry/registry.ts'
import type { ExecutionCondition, ExecutionFilter } from '../../store/types.ts'

const FIELDS: Record<string, ExecutionCondition['field']> = {
  id: 'id',
  task_id: 'taskName',
  status: 'status',
  source: 'source',
  queued_at: 'queuedAt',
  started_at: 'startedAt',
  completed_at: 'completedAt',
  duration_ms: 'durationMs',
}

const SORTS: Record<string, NonNullable<ExecutionFilter['sortBy']>> = { queued_at: 'queuedAt', started_at: 'startedAt', completed_at: 'completedAt', duration_ms: 'durationMs', status: 'status' }

export function toExecutionFilter(query: ListQuery, registry: Pick<Registry, 'get'>): ExecutionFilter {
  const where: ExecutionCondition[] = query.filters.map((filter) => {
    const field = FIELDS[filter.field]!
    const convert = (text: string): string | number => {
      if (field === 'taskName' && (filter.op === 'eq' || filter.op === 'ne' || filter.op === 'in' || filter.op === 'not_in')) return registry.get(text)?.name ?? text
      if (field === 'status') return text === 'pending' ? 'queued' : text
      if (field === 'durationMs') return Number(text)
      if (field === 'queuedAt' || field === 'startedAt' || field === 'completedAt') return new Date(Date.parse(text)).toISOString()
      return text
    }
    const value = Array.isArray(filter.value) ? (filter.value as string[]).map(convert) : convert(filter.value as string)
    return { field, op: filter.op, value }
  })
  return {
    where,
    limit: query.limit,
    offset: query.offset,
    sortBy: SORTS[query.sort?.field ?? 'queued_at'] ?? 'queuedAt',
    sortOrder: query.sort?.order ?? 'desc',
  }
}
