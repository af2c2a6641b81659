/**
 * CORS for browser clients of every door. Origins `server.cors.allowed_origins` / `mcp.cors.allowed_origins`
 * lists, and on a loopback-bound server the localhost pages the request guard lets through, get CORS
 * headers; the session, resumption and paging headers are exposed so a browser client can read them (a
 * common failure of MCP servers: Mcp-Session-Id not exposed).
 */
import type { RequestGuard } from './request-guard.ts'

export const EXPOSED_HEADERS = 'Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID, WWW-Authenticate, Retry-After, X-Total-Count, Location'
export const ALLOWED_REQUEST_HEADERS = 'Content-Type, Accept, Authorization, X-API-Key, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID'
export const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS'

/** The CORS response headers for `origin`, or an empty object when it gets none. */
export function corsHeaders(guard: RequestGuard, origin: string | null, options: { loopbackPages?: boolean } = {}): Record<string, string> {
  if (origin === null || !guard.corsAllowed(origin, options)) return {}
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    Vary: 'Origin',
  }
}

/** The answer to an OPTIONS preflight (the guard has already accepted the request). */
export function preflightResponse(guard: RequestGuard, request: Request, options: { loopbackPages?: boolean } = {}): Response {
  const headers: Record<string, string> = { Allow: ALLOWED_METHODS, ...corsHeaders(guard, request.headers.get('origin'), options) }
  if (headers['Access-Control-Allow-Origin']) {
    headers['Access-Control-Allow-Methods'] = ALLOWED_METHODS
    headers['Access-Control-Allow-Headers'] = ALLOWED_REQUEST_HEADERS
    headers['Access-Control-Max-Age'] = '600'
  }
  return new Response(null, { status: 204, headers })
}

/** Adds `extra` headers to a response (SDK responses are mutable; a streamed body is kept as is). */
export function withHeaders(response: Response, extra: Record<string, string>): Response {
  if (Object.keys(extra).length === 0) return response
  try {
    for (const [name, value] of Object.entries(extra)) response.headers.set(name, value)
    return response
  } catch {
    const headers = new Headers(response.headers)
    for (const [name, value] of Object.entries(extra)) headers.set(name, value)
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}
