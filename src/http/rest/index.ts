/**
 * The REST door of `ratchet serve`, under /api/v1: tasks (read; the write routes come from
 * task-write-routes.ts through `deps.groups`), executions, results, jobs, schedules and, when given an
 * event stream, SSE events. Every route runs through `runRoute` (identify → operation check → domain
 * call → JSON, errors as `{error: {...}}`, audit line); `createApiDocs` serves the OpenAPI document and
 * the /docs page, both generated from schemas/rest/.
 *
 *   host.use(createRestApi({ ...host.services, registry, store, engine, pool, jobs, schedules, events, groups: [taskWriteRoutes] }))
 *   host.use(createApiDocs())
 */
import { Elysia } from 'elysia'
import { OPERATIONS } from '../../auth/operations.ts'
import { CAPABILITIES } from '../../auth/permissions.ts'
import { AppError } from '../../errors.ts'
import { OPENAPI_DOCUMENT, REST_EXAMPLES } from './catalog.ts'
import { renderDocsPage } from './docs-page.ts'
import { eventRoutes } from './event-routes.ts'
import { executionRoutes } from './execution-routes.ts'
import { jobRoutes } from './job-routes.ts'
import { restErrorResponse } from './rest-error.ts'
import { resultRoutes } from './result-routes.ts'
import { ROUTE_OPERATIONS } from './route-operations.ts'
import { runRoute } from './run-route.ts'
import { scheduleRoutes } from './schedule-routes.ts'
import { taskReadRoutes } from './task-routes.ts'
import type { RestDeps, RestRoute, RestRouteGroup } from './types.ts'
import { unknownRouteResponse } from './unknown-route.ts'

export type { RestContext, RestDeps, RestRoute, RestRouteGroup } from './types.ts'
export { ROUTE_OPERATIONS, type RouteOperation } from './route-operations.ts'
export { parseListQuery } from './list-query.ts'

export const REST_PREFIX = '/api/v1'

/** Every route group the door mounts for `deps`, in order (extra groups after the task reads). */
export function restRouteGroups(deps: RestDeps): RestRouteGroup[] {
  return [taskReadRoutes(), ...(deps.groups ?? []), executionRoutes(), resultRoutes(), jobRoutes(), scheduleRoutes(), ...(deps.events ? [eventRoutes(deps.events)] : [])]
}

/** The REST door as an Elysia plugin (`ratchet-rest`, prefix /api/v1). Throws at once for a route without a row in ROUTE_OPERATIONS. */
export function createRestApi(deps: RestDeps) {
  const routes: RestRoute[] = restRouteGroups(deps).flatMap((group) => group.routes)
  const seen = new Set<string>()
  for (const route of routes) {
    const key = `${route.method} ${route.path}`
    if (!ROUTE_OPERATIONS[key]) throw new AppError('INTERNAL', `REST route ${key} has no row in src/http/rest/route-operations.ts`, { hint: 'Add the operation it performs to ROUTE_OPERATIONS.' })
    if (seen.has(key)) throw new AppError('INTERNAL', `REST route ${key} is mounted twice`)
    seen.add(key)
  }
  const shapes = routes.map((route) => ({ method: route.method, path: route.path }))
  const app = new Elysia({ name: 'ratchet-rest', prefix: REST_PREFIX })
  for (const route of routes) {
    const rule = ROUTE_OPERATIONS[`${route.method} ${route.path}`]!
    app.route(route.method, route.path, (({ request, params }: { request: Request; params: Record<string, string> }) => runRoute(deps, route, rule, request, params ?? {})) as never, { parse: 'none' } as never)
  }
  return app
    .all('/*', ({ request }: { request: Request }) => unknownRouteResponse(request, shapes), { parse: 'none' })
    .onError(({ error, request }) => restErrorResponse(error, { logger: deps.logger, request }))
}

/** The operation of a documented route and the permissions it needs, from ROUTE_OPERATIONS. */
function describeAccess(method: string, path: string): string | null {
  const rule = ROUTE_OPERATIONS[`${method} ${path.replace(new RegExp(`^${REST_PREFIX}`), '').replace(/\{([A-Za-z_]+)\}/g, ':$1')}`]
  if (!rule) return null
  const needs = OPERATIONS[rule.operation].needs.map((capability) => `\`${CAPABILITIES[capability].config}\``)
  return `\`${rule.operation}\`: ${OPERATIONS[rule.operation].summary}${needs.length > 0 ? `; needs ${needs.join(' and ')}` : ''}${rule.bucket ? `; rate-limit bucket \`${rule.bucket}\`` : ''}`
}

/** GET /api-docs/openapi.json (the OpenAPI 3.1 document) and GET /docs (a self-contained HTML page of it). */
export function createApiDocs() {
  let page: string | null = null
  return new Elysia({ name: 'ratchet-api-docs' })
    .get('/api-docs/openapi.json', () => Response.json(OPENAPI_DOCUMENT, { headers: { 'Cache-Control': 'no-cache' } }))
    .get('/docs', () => {
      page ??= renderDocsPage(OPENAPI_DOCUMENT as Record<string, unknown>, REST_EXAMPLES, describeAccess)
      return new Response(page, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'", 'Cache-Control': 'no-cache' } })
    })
}
