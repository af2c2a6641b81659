/**
 * Matches a request path to the route template it hit (`/api/v1/tasks/:id`), for metrics labels that
 * never contain ids, and suggests the closest routes for a 404.
 */
export interface RouteMatcher {
  /** The template of the route `method path` hits, or null. */
  route(method: string, pathname: string): string | null
  /** Up to three routes whose templates are closest to `pathname`. */
  suggest(pathname: string): Array<{ method: string; path: string }>
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function toRegExp(path: string): RegExp {
  const pattern = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : escape(segment)))
    .join('/')
  return new RegExp(`^${pattern}/?$`)
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

export function createRouteMatcher(routes: ReadonlyArray<{ method: string; path: string }>): RouteMatcher {
  const compiled = routes.map((route) => ({ ...route, regexp: toRegExp(route.path) }))
  return {
    route(method, pathname) {
      const hit = compiled.find((route) => (route.method === method || route.method === 'ALL') && route.regexp.test(pathname)) ?? compiled.find((route) => route.regexp.test(pathname))
      return hit?.path ?? null
    },
    suggest(pathname) {
      const shape = pathname.replace(/\/+$/, '')
      const scored = compiled
        .filter((route) => !route.path.includes('*'))
        .map((route) => {
          const template = route.path
          const sameShape = route.regexp.test(shape)
          return { method: route.method, path: template, score: sameShape ? 0 : distance(shape, template.replace(/:[a-z_]+/gi, 'x')) }
        })
        .sort((a, b) => a.score - b.score)
      const best = scored[0]?.score ?? Infinity
      const limit = Math.max(3, Math.ceil(shape.length / 3))
      return scored.filter((entry) => entry.score <= Math.min(limit, best + 2)).slice(0, 3).map(({ method, path }) => ({ method, path }))
    },
  }
}
