import { describe, expect, test } from 'bun:test'
import { AppError } from '../../../src/errors.ts'
import { applyListQuery } from '../../../src/http/rest/apply-list-query.ts'
import { normaliseBody } from '../../../src/http/rest/aliases.ts'
import { bodySchema } from '../../../src/http/rest/catalog.ts'
import { parseListQuery } from '../../../src/http/rest/list-query.ts'

const fields = {
  name: { type: 'string' as const, ops: ['eq' as const, 'like' as const, 'in' as const], sortable: true },
  count: { type: 'integer' as const, ops: ['gte' as const, 'lte' as const], sortable: true },
  created_at: { type: 'date-time' as const, ops: ['gte' as const] },
}
const parse = (query: string) => parseListQuery(new URL(`http://x/list?${query}`), { fields, defaultSort: { field: 'name', order: 'asc' }, params: ['q'] })
const refusal = (query: string) => {
  try {
    parse(query)
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected a refusal')
}

describe('parseListQuery', () => {
  test('reads _start/_end (end exclusive) and 1-based page/limit, default 25', () => {
    expect(parse('_start=10&_end=15').query).toMatchObject({ offset: 10, limit: 5 })
    expect(parse('page=3&limit=10').query).toMatchObject({ offset: 20, limit: 10 })
    expect(parse('').query).toEqual({ filters: [], sort: { field: 'name', order: 'asc' }, offset: 0, limit: 25 })
  })

  test('reads filters with suffixes, repeated equalities as in, camelCase names and route parameters', () => {
    const { query, params } = parse('name_like=ab&count_gte=2&name=a&name=b&q=text&_sort=count&_order=DESC')
    expect(query.filters).toEqual([
      { field: 'name', op: 'like', value: 'ab' },
      { field: 'count', op: 'gte', value: '2' },
      { field: 'name', op: 'in', value: ['a', 'b'] },
    ])
    expect(query.sort).toEqual({ field: 'count', order: 'desc' })
    expect(params).toEqual({ q: 'text' })
    expect(parseListQuery(new URL('http://x/?createdAt_gte=2026-01-01T00:00:00Z'), { fields, defaultSort: { field: 'name', order: 'asc' } }).query.filters).toEqual([{ field: 'created_at', op: 'gte', value: '2026-01-01T00:00:00Z' }])
  })

  test('refuses what it cannot honour, saying how to fix it', () => {
    expect(refusal('count=3').message).toBe('Query parameter "count": count cannot be filtered with eq')
    expect(refusal('count=3').hint).toBe('This list filters on name, name_like, name_in, count_gte, count_lte, created_at_gte.')
    expect(refusal('nmae_like=a').message).toBe('Unknown query parameter "nmae_like"; did you mean name_like?')
    expect(refusal('name_gte=a').message).toBe('Query parameter "name_gte": name cannot be filtered with gte')
    expect(refusal('count_gte=many').message).toBe('Query parameter count_gte must be a whole number, got "many"')
    expect(refusal('created_at_gte=yesterday').hint).toContain('2026-01-02T03:04:05Z')
    expect(refusal('_start=5&_end=5').message).toBe('_end (5) must be greater than _start (5)')
    expect(refusal('_start=0&_end=101').hint).toBe('Ask for _end=100 and page on.')
    expect(refusal('page=0').message).toBe('Query parameter page must be a whole number of 1 or more, got "0"')
    expect(refusal('_sort=created_at').message).toBe('Cannot sort by "created_at"')
    expect(refusal('_order=up').message).toBe('_order must be asc or desc, got "up"')
    expect(refusal('name_in=,').message).toContain('needs a comma-separated list')
  })
})

describe('applyListQuery', () => {
  const items = [
    { name: 'beta', count: 2, tags: ['x'] },
    { name: 'alpha', count: 5, tags: ['y', 'x'] },
    { name: 'gamma', count: null, tags: [] },
  ]
  const get = (item: (typeof items)[number], field: string) => (item as unknown as Record<string, never>)[field]
  test('filters, sorts (missing values first ascending) and windows, counting every match', () => {
    expect(applyListQuery(items, { filters: [{ field: 'count', op: 'gte', value: '2' }], sort: { field: 'count', order: 'desc' }, offset: 0, limit: 10 }, get)).toEqual({ items: [items[1], items[0]], total: 2 })
    expect(applyListQuery(items, { filters: [{ field: 'name', op: 'like', value: 'MM' }], offset: 0, limit: 10 }, get).items).toEqual([items[2]])
    expect(applyListQuery(items, { filters: [{ field: 'tags', op: 'eq', value: 'x' }], offset: 0, limit: 10 }, get).total).toBe(2)
    expect(applyListQuery(items, { filters: [{ field: 'count', op: 'ne', value: '2' }], sort: { field: 'count', order: 'asc' }, offset: 1, limit: 1 }, get)).toEqual({ items: [items[1]], total: 2 })
  })
})

describe('camelCase body aliases', () => {
  test('rename where the schema names the field, inside destinations too, but never inside free-form input', () => {
    const body = normaliseBody('CreateJobRequest', bodySchema('CreateJobRequest'), { taskId: 't', inputData: { keepMe: 1 }, maxRetries: 2, outputDestinations: [{ type: 'webhook', url: 'u', timeoutSeconds: 3, retryPolicy: { maxAttempts: 2 }, headers: { 'X-Custom': 'v' } }] })
    expect(body).toEqual({ task_id: 't', input: { keepMe: 1 }, max_retries: 2, output_destinations: [{ type: 'webhook', url: 'u', timeout_seconds: 3, retry_policy: { max_attempts: 2 }, headers: { 'X-Custom': 'v' } }] })
  })
})
