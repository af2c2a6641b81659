/**
 * The answer for a path under /api/v1 no route takes: 405 with Allow when the path exists for other
 * methods, else 404 naming the closest routes (a typo of a collection, a singular for a plural, an
 * extra or missing segment).
 */
import { similarNames } from '../../engine/resolve-task.ts'
import { errorResponse } from './rest-error.ts'

export interface RouteShape {
  method: string
  /** Elysia form under /api/v1: `/executions/:id`. */
  path: string
}

const segments = (path: string) => path.split('/').filter((s) => s !== '')

/** Whether `template` (with `:param` segments) matches `path`. */
function matches(template: string, path: string): boolean {
  const t = segments(template)
  const p = segments(path)
  return t.length === p.length && t.every((segment, i) => segment.startsWith(':') || segment === p[i])
}

/** The template with its parameters filled from `path` where the shapes line up, for a fair comparison. */
function fill(template: string, path: string): string {
  const t = segments(template)
  const p = segments(path)
  return '/' + t.map((segment, i) => (segment.startsWith(':') && p[i] !== undefined ? p[i] : segment)).join('/')
}

export function unknownRouteResponse(request: Request, routes: readonly RouteShape[]): Response {
  const full = new URL(request.url).pathname
  const path = full.replace(/^\/api\/v1/, '').replace(/\/+$/, '') || '/'
  const allowed = [...new Set(routes.filter((route) => matches(route.path, path)).map((route) => route.method))]
  if (allowed.length > 0) {
    return errorResponse('METHOD_NOT_ALLOWED', `Method Not Allowed: ${full} takes ${allowed.join(', ')}, not ${request.method}`, {
      details: { allowed, hint: `Use ${allowed.map((method) => `${method} ${full}`).join(' or ')}.` },
      headers: { Allow: allowed.join(', ') },
    })
  }
  const filled = new Map<string, RouteShape[]>()
  for (const route of routes) {
    const key = fill(route.path, path)
    filled.set(key, [...(filled.get(key) ?? []), route])
  }
  const near = similarNames(path, [...filled.keys()], 3).flatMap((key) => filled.get(key)!)
  const preferred = [...near.filter((route) => route.method === request.method), ...near.filter((route) => route.method !== request.method)].slice(0, 5)
  const suggestions = preferred.map((route) => ({ method: route.method, path: `/api/v1${route.path}` }))
  const didYouMean = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `${s.method} ${s.path}`).join(', ')}?` : ''
  return errorResponse('NOT_FOUND', `Not found: no route ${request.method} ${full}.${didYouMean}`, {
    details: { suggestions, hint: 'GET /api-docs/openapi.json (or the /docs page) lists every route.' },
  })
}
