import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { DomainEvent } from '../../../src/events/types.ts'
import { OPENAPI_DOCUMENT, REST_ROUTES, toOpenApiPath } from '../../../src/http/rest/catalog.ts'
import { restRouteGroups, ROUTE_OPERATIONS } from '../../../src/http/rest/index.ts'
import { createTaskWriteRoutes } from '../../../src/http/rest/task-write-routes.ts'
import { openRestHarness, type RestHarness } from './harness.ts'
import { ADDITION_UUID, ALL_TASKS } from './tasks.ts'

let h: RestHarness

beforeAll(async () => {
  h = await openRestHarness({ tasks: ALL_TASKS })
})
afterAll(async () => {
  await h.close()
})

describe('tasks', () => {
  test('GET /tasks lists, filters, sorts and pages the catalogue', async () => {
    const all = await h.call('reader', 'GET', '/api/v1/tasks')
    expect(all.headers.get('x-total-count')).toBe('5')
    const body = await all.json()
    expect(body.data.map((t: { name: string }) => t.name)).toEqual(['addition', 'failing', 'greeter', 'secret-report', 'slow'])
    expect(body.meta).toMatchObject({ total: 5, page: 1, limit: 25, has_next: false })
    expect(body.data[0]).toMatchObject({ id: ADDITION_UUID, name: 'addition', version: '1.2.0', test_count: 2, category: 'arithmetic', enabled: true })

    const desc = await (await h.call('reader', 'GET', '/api/v1/tasks?_sort=name&_order=desc&_start=0&_end=2')).json()
    expect(desc.data.map((t: { name: string }) => t.name)).toEqual(['slow', 'secret-report'])
    expect(desc.meta).toMatchObject({ total: 5, has_next: true })
    const like = await (await h.call('reader', 'GET', '/api/v1/tasks?name_like=EE')).json()
    expect(like.data.map((t: { name: string }) => t.name)).toEqual(['greeter'])
    const tested = await (await h.call('reader', 'GET', '/api/v1/tasks?test_count_gte=1')).json()
    expect(tested.data.map((t: { name: string }) => t.name)).toEqual(['addition'])
    const notIn = await (await h.call('reader', 'GET', '/api/v1/tasks?name_not_in=addition,slow&name_ne=failing')).json()
    expect(notIn.data.map((t: { name: string }) => t.name)).toEqual(['greeter', 'secret-report'])
    const text = await (await h.call('reader', 'GET', '/api/v1/tasks?q=hello&tags=demo')).json()
    expect(text.data.map((t: { name: string }) => t.name)).toEqual(['greeter'])
    const page = await (await h.call('reader', 'GET', '/api/v1/tasks?page=3&limit=2')).json()
    expect(page.data.map((t: { name: string }) => t.name)).toEqual(['slow'])
    expect(page.meta).toMatchObject({ page: 3, total_pages: 3, has_next: false, has_previous: true })
  })

  test('GET /tasks/{id} shows schemas, source, versions and tests, by name or uuid', async () => {
    const task = await (await h.call('reader', 'GET', `/api/v1/tasks/${ADDITION_UUID}`)).json()
    expect(task).toMatchObject({ name: 'addition', input_schema: { required: ['a', 'b'] }, output_schema: { required: ['sum'] }, test_count: 2 })
    expect(task.source.code).toContain('return { sum: input.a + input.b }')
    expect(task.versions).toEqual([expect.objectContaining({ version: '1.2.0', current: true })])
    expect(task.tests).toHaveLength(2)
  })

  test('GET /tasks/stats counts tasks and their visible executions', async () => {
    await h.call('admin', 'POST', '/api/v1/executions?wait=true', { body: { task_id: 'greeter', input: { name: 'z' } } })
    const stats = await (await h.call('admin', 'GET', '/api/v1/tasks/stats')).json()
    expect(stats).toMatchObject({ total: 5, with_tests: 1, test_cases: 2, by_category: { arithmetic: 1, uncategorised: 4 }, load_problems: 0 })
    expect(stats.executions.by_task.greeter).toBe(1)
    const readerStats = await (await h.call('reader', 'GET', '/api/v1/tasks/stats')).json()
    expect(readerStats.executions.total).toBe(0)
    expect(readerStats.load_problems).toBeUndefined()
  })
})

describe('OpenAPI and docs', () => {
  test('every mounted route has a row in the operation table and an OpenAPI operation, and no row is unmounted', () => {
    const stream = { handle: () => new Response('') }
    const writes = createTaskWriteRoutes({ authoring: () => { throw new Error('not called') } })
    const routes = restRouteGroups({ events: stream, groups: [writes] } as never).flatMap((group) => group.routes)
    const paths = OPENAPI_DOCUMENT.paths as Record<string, Record<string, unknown>>
    for (const route of routes) {
      expect(ROUTE_OPERATIONS[`${route.method} ${route.path}`]).toBeDefined()
      expect(paths[`/api/v1${toOpenApiPath(route.path)}`]?.[route.method.toLowerCase()]).toBeDefined()
    }
    const mounted = new Set(routes.map((route) => `${route.method} ${toOpenApiPath(route.path)}`))
    expect(REST_ROUTES.filter((route) => !mounted.has(`${route.method} ${route.path}`))).toEqual([])
    expect(Object.keys(ROUTE_OPERATIONS).filter((key) => !routes.some((route) => `${route.method} ${route.path}` === key))).toEqual([])
    // Syncing rescans the sources (system.read) and testing a task executes it (execution.create), as their MCP tools.
    const exceptions: Record<string, string> = { 'POST /tasks/sync': 'system.read', 'POST /tasks/:id/test': 'execution.create' }
    for (const route of writes.routes) {
      const key = `${route.method} ${route.path}`
      expect([key, ROUTE_OPERATIONS[key]!.operation]).toEqual([key, exceptions[key] ?? 'task.write'])
    }
  })

  test('GET /api-docs/openapi.json serves the OpenAPI 3.1 document without a credential', async () => {
    const response = await h.call(null, 'GET', '/api-docs/openapi.json')
    expect(response.status).toBe(200)
    const doc = await response.json()
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.paths['/api/v1/executions'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CreateExecutionRequest' })
    expect(doc.components.schemas.ErrorBody).toBeDefined()
  })

  test('GET /docs is one self-contained page with the routes and examples', async () => {
    const response = await h.call(null, 'GET', '/docs')
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await response.text()
    expect(html).not.toMatch(/<script|https?:\/\/(cdn|unpkg|fonts)/)
    expect(html).toContain('/api/v1/executions/{id}/logs')
    expect(html).toContain('Example request')
    expect(html).toContain('POST /api/v1/schedules')
    expect(html).toContain('Permission: <code>execution.create</code>: start, cancel and retry executions, and run a task&#39;s tests; needs <code>can_execute_tasks</code>; rate-limit bucket <code>execute_task</code>')
  })
})

describe('GET /api/v1/events', () => {
  test('passes the filter (task uuids as names, camelCase aliases) and a canSee that keeps others\' events out', async () => {
    const seen: Array<{ filter: unknown; canSee: (event: DomainEvent) => boolean }> = []
    const stream = { handle: (_request: Request, filter: unknown, canSee: (event: DomainEvent) => boolean) => (seen.push({ filter, canSee }), new Response('ok', { headers: { 'content-type': 'text/event-stream' } })) }
    const local = await openRestHarness({ tasks: ALL_TASKS, events: stream })
    try {
      const response = await local.call('runner', 'GET', `/api/v1/events?task=${ADDITION_UUID}&executionId=e1&type=job.*`)
      expect(response.headers.get('content-type')).toBe('text/event-stream')
      expect(seen[0]!.filter).toEqual({ tasks: ['addition'], executionIds: ['e1'], types: ['job.*'] })
      const event = (owner: string, taskName = 'addition'): DomainEvent => ({ id: 1, ts: '', type: 'execution.finished', taskName, owner, data: {} })
      expect(seen[0]!.canSee(event('runner'))).toBe(true)
      expect(seen[0]!.canSee(event('admin'))).toBe(false)
      expect(seen[0]!.canSee(event('runner', 'secret-report'))).toBe(false)
      const hidden = await local.call('runner', 'GET', '/api/v1/events?task=secret-report')
      expect(hidden.status).toBe(403)
      const bad = await local.call('runner', 'GET', '/api/v1/events?type=nope')
      expect(bad.status).toBe(400)
    } finally {
      await local.close()
    }
  })
})
