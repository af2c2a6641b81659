/**
 * The shared HTTP host of `ratchet serve` and `ratchet mcp`: one Elysia app onto which the doors (MCP,
 * REST, events, metrics, docs) are mounted as plugins, wrapped by the checks every request passes first,
 * in order: the Host/Origin guard (403), OPTIONS preflights from the CORS allow-list, routing, then CORS
 * headers on the answer and the request's metrics. Doors authenticate through `services.identify` (the
 * global rate limit, the credential check and the per-client limit) and check operations through the
 * one access control of the process. Errors the host answers itself are in the body format of the path:
 * JSON-RPC under the MCP endpoints, `{error: {...}}` elsewhere. Tests call `handle(new Request(...))`.
 */
import { Elysia, type AnyElysia } from 'elysia'
import type { AccessControl } from '../auth/access-control.ts'
import type { Logger } from '../lib/logger.ts'
import type { ClientIp } from './client-ip.ts'
import { corsHeaders, preflightResponse, withHeaders } from './cors.ts'
import { hostErrorResponse, restErrorResponse, type BodyFormat } from './error-response.ts'
import type { HttpAuth } from './http-auth.ts'
import { createRequestGuard, type BoundAddress, type RequestGuard } from './request-guard.ts'
import type { RequestLimits } from './request-limits.ts'
import { createRouteMatcher, type RouteMatcher } from './route-matcher.ts'
import type { DoorServices } from './types.ts'

/** Paths whose errors are JSON-RPC bodies (the MCP transports). */
const JSON_RPC_PATHS = ['/mcp', '/sse', '/messages']

/** Read-only documents any localhost page may read from a loopback server. */
const OPEN_TO_LOCAL_PAGES = new Set(['/health', '/live', '/ready'])

export function bodyFormatFor(pathname: string): BodyFormat {
  return JSON_RPC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`)) ? 'json-rpc' : 'rest'
}

export interface HttpHostDeps {
  logger: Logger
  auth: HttpAuth
  access: AccessControl
  /** HTTP-level rate limits (429); none when omitted. */
  limits?: RequestLimits
  /** The client address from the socket's (trusted proxies); default the socket's. */
  clientIp?: ClientIp
}

export interface HttpHostOptions {
  /** The address the guard accepts in Host; its port is updated once the listener is bound. */
  bound: BoundAddress
  /** Origins that may call from a browser (server.cors / mcp.cors allowed_origins). */
  allowedOrigins: readonly string[]
  /** Largest request body in bytes (413). */
  maxBodyBytes: number
}

/** One answered request, for metrics: `route` is the matched route template (`/api/v1/tasks/:id`) or `unmatched`. */
export type ResponseListener = (route: string, method: string, status: number, durationMs: number) => void

export interface HttpHost {
  readonly bound: BoundAddress
  readonly guard: RequestGuard
  readonly services: DoorServices
  readonly auth: HttpAuth
  /** Mounts a door. Call before the first request. */
  use(plugin: AnyElysia): HttpHost
  /** Answers one request: guard, preflight, routing, CORS, metrics. */
  handle(request: Request): Promise<Response>
  /** Bun.serve's fetch: remembers the socket address of the request, then `handle`. */
  fetch(request: Request, server: { requestIP(request: Request): { address: string } | null }): Promise<Response>
  onResponse(listener: ResponseListener): void
  /** The mounted routes (method and path template), for 404 suggestions and docs. */
  routes(): Array<{ method: string; path: string }>
}

export function createHttpHost(deps: HttpHostDeps, options: HttpHostOptions): HttpHost {
  const { logger, auth, limits } = deps
  const guard = createRequestGuard({ bound: options.bound, allowedOrigins: options.allowedOrigins })
  const socketIps = new WeakMap<Request, string>()
  const listeners: ResponseListener[] = []
  const clientIp = (request: Request) => {
    const socket = socketIps.get(request) ?? null
    return deps.clientIp ? deps.clientIp(request, socket) : socket
  }
  const services: DoorServices = {
    async identify(request) {
      const ip = clientIp(request)
      limits?.admit()
      const principal = await auth.authenticate(request, ip)
      limits?.admitClient(principal, ip)
      return { principal, ip }
    },
    access: deps.access,
    logger,
    maxBodyBytes: options.maxBodyBytes,
  }

  let matcher: RouteMatcher | null = null
  const routes = () => app.routes.filter((route) => route.method !== 'OPTIONS').map((route) => ({ method: route.method, path: route.path }))
  const match = () => (matcher ??= createRouteMatcher(routes()))

  const app = new Elysia({ name: 'ratchet-host' }).onError(({ code, request, error }) => {
    const url = new URL(request.url)
    const format = bodyFormatFor(url.pathname)
    if (code === 'NOT_FOUND') {
      const near = match().suggest(url.pathname)
      const didYouMean = near.length > 0 ? ` Did you mean ${near.map((route) => `${route.method} ${route.path}`).join(', ')}?` : ''
      const message = `Not found: no route ${request.method} ${url.pathname}.${didYouMean}`
      if (format === 'json-rpc') return hostErrorResponse(format, 'NOT_FOUND', message)
      // The same details as a 404 under /api/v1 (rest/unknown-route.ts), so clients read one shape.
      const documented = routes().some((route) => route.path === '/api-docs/openapi.json')
      const hint = documented ? 'GET /api-docs/openapi.json (or the /docs page) lists every route.' : `This server answers ${routes().map((route) => `${route.method} ${route.path}`).join(', ')}.`
      return restErrorResponse(404, 'NOT_FOUND', message, { details: { suggestions: near.map(({ method, path }) => ({ method, path })), hint } })
    }
    if (code === 'PARSE' || code === 'VALIDATION') return hostErrorResponse(format, 'BAD_INPUT', `Bad request: ${(error as Error).message}`)
    logger.error('HTTP request failed', { method: request.method, path: url.pathname, error: (error as Error)?.stack ?? String(error) })
    return hostErrorResponse(format, 'INTERNAL', 'Internal error: the server failed to answer this request; the details are in its log')
  })

  const handle = async (request: Request): Promise<Response> => {
    const started = performance.now()
    const origin = request.headers.get('origin')
    const path = new URL(request.url).pathname
    const format = bodyFormatFor(path)
    // Localhost pages of any port reach the MCP endpoints and the health and discovery documents (the
    // Inspector, local dev tools); every other route takes only its own origin and the configured ones,
    // so a page on another local port cannot drive the REST API of a loopback server without authentication.
    const options = { loopbackPages: format === 'json-rpc' || OPEN_TO_LOCAL_PAGES.has(path) || path.startsWith('/.well-known/') }
    const refused = guard.refusal(request, options)
    let response: Response
    if (refused !== null) {
      logger.warn('refused an HTTP request', { method: request.method, path, host: request.headers.get('host'), ...(origin !== null ? { origin } : {}) })
      response = hostErrorResponse(format, 'FORBIDDEN', refused)
    } else if (request.method === 'OPTIONS') {
      response = preflightResponse(guard, request, options)
    } else {
      response = withHeaders(await app.handle(request), corsHeaders(guard, origin, options))
    }
    if (listeners.length > 0) {
      const route = match().route(request.method, path) ?? 'unmatched'
      const ms = performance.now() - started
      for (const listener of listeners) listener(route, request.method, response.status, ms)
    }
    return response
  }

  const host: HttpHost = {
    bound: options.bound,
    guard,
    services,
    auth,
    use(plugin) {
      app.use(plugin)
      matcher = null
      return host
    },
    handle,
    fetch(request, server) {
      const address = server.requestIP(request)?.address
      if (address) socketIps.set(request, address)
      return handle(request)
    },
    onResponse: (listener) => void listeners.push(listener),
    routes,
  }
  return host
}
