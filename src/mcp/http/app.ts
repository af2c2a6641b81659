/**
 * The Elysia app of `ratchet mcp`: Streamable HTTP at `/mcp`, the legacy SSE pair `/sse` +
 * `/messages` (when enabled), `/health`, and the OAuth Protected Resource Metadata under
 * `/.well-known/oauth-protected-resource`. Every request first passes the Host/Origin guard (403),
 * OPTIONS preflights are answered from the CORS allow-list, MCP requests then pass the global rate
 * limit (429), authentication (401/403) and the per-client limit (429), and errors become JSON-RPC
 * error bodies with the HTTP status of their code, here and nowhere else. Tests drive it with
 * `app.handle(new Request(...))`.
 */
import { Elysia } from 'elysia'
import { AuthError } from '../../auth/auth-error.ts'
import { PRM_PATH } from '../../auth/protected-resource.ts'
import type { Principal } from '../../auth/types.ts'
import { ERROR_TABLE, isAppError } from '../../errors.ts'
import type { Logger } from '../../lib/logger.ts'
import type { HttpAuth } from './authenticate.ts'
import { corsHeaders, preflightResponse, withHeaders } from './cors.ts'
import { jsonRpcErrorResponse } from './json-rpc-error.ts'
import type { LegacySseHandlers } from './legacy-sse.ts'
import type { RequestGuard } from './request-guard.ts'
import type { RequestLimits } from './request-limits.ts'
import type { StreamableHttpHandler } from './streamable-http.ts'

export interface McpHttpAppDeps {
  guard: RequestGuard
  auth: HttpAuth
  /** HTTP-level rate limits; none when omitted. */
  limits?: RequestLimits
  /** The socket's remote address of a request (Bun's server.requestIP); null when unknown. */
  clientIp?: (request: Request) => string | null
  streamable: StreamableHttpHandler
  /** The legacy HTTP+SSE endpoints; omitted when only Streamable HTTP is served. */
  sse?: LegacySseHandlers
  /** The body of GET /health. */
  health: () => Record<string, unknown>
  logger: Logger
}

export const MCP_PATH = '/mcp'
export const SSE_PATH = '/sse'
export const MESSAGES_PATH = '/messages'
export const HEALTH_PATH = '/health'

const MCP_METHODS = new Set(['GET', 'POST', 'DELETE'])

type Endpoint = (request: Request, principal: Principal) => Promise<Response>

export function createMcpHttpApp(deps: McpHttpAppDeps) {
  const { guard, logger, auth } = deps
  const clientIp = (request: Request) => deps.clientIp?.(request) ?? null

  const errorResponse = (error: unknown, request: Request): Response => {
    if (error instanceof AuthError) {
      const { reason, key, retry_after_s } = (error.data ?? {}) as { reason?: string; key?: string; retry_after_s?: number }
      const data = { reason, ...(key ? { key } : {}), ...(retry_after_s !== undefined ? { retry_after_s } : {}) }
      return jsonRpcErrorResponse(error.httpStatus, ERROR_TABLE[error.code].jsonRpc, error.message, error.headers, data)
    }
    if (isAppError(error)) {
      const headers: Record<string, string> = error.code === 'BUSY' || error.code === 'SHUTTING_DOWN' ? { 'Retry-After': '5' } : {}
      return jsonRpcErrorResponse(error.httpStatus, ERROR_TABLE[error.code].jsonRpc, error.hint ? `${error.message}. ${error.hint}` : error.message, headers)
    }
    logger.error('MCP HTTP request failed', { method: request.method, path: new URL(request.url).pathname, error: (error as Error)?.stack ?? String(error) })
    return jsonRpcErrorResponse(500, -32603, 'Internal error')
  }

  const endpoint = (run: Endpoint) => async ({ request }: { request: Request }) => {
    const cors = corsHeaders(guard, request.headers.get('origin'))
    try {
      const ip = clientIp(request)
      deps.limits?.admit()
      const principal = await auth.authenticate(request, ip)
      deps.limits?.admitClient(principal, ip)
      return withHeaders(await run(request, principal), cors)
    } catch (error) {
      return withHeaders(errorResponse(error, request), cors)
    }
  }

  const mcp: Endpoint = async (request, principal) => {
    if (!MCP_METHODS.has(request.method)) {
      return jsonRpcErrorResponse(405, -32000, 'Method not allowed.', { Allow: 'GET, POST, DELETE' })
    }
    return deps.streamable(request, principal)
  }

  // With --transport streamable-http the legacy routes answer 404 with a pointer to /mcp.
  const legacy = (pick: (sse: LegacySseHandlers) => Endpoint): Endpoint => {
    const sse = deps.sse
    if (sse) return pick(sse)
    return async () => jsonRpcErrorResponse(404, -32000, `Not found: the legacy SSE transport is off on this server; use Streamable HTTP at ${MCP_PATH}`)
  }

  // /health tells anyone whether the server is up; the details need can_access_system_info.
  const health = async ({ request }: { request: Request }) => {
    const cors = corsHeaders(guard, request.headers.get('origin'))
    try {
      let detailed = auth.authType === 'none'
      if (!detailed && auth.presentsCredential(request)) detailed = (await auth.authenticate(request, clientIp(request))).permissions.canAccessSystemInfo
      const body = deps.health()
      return withHeaders(Response.json(detailed ? body : { status: body.status }, { headers: { 'Cache-Control': 'no-store' } }), cors)
    } catch (error) {
      return withHeaders(errorResponse(error, request), cors)
    }
  }

  const protectedResource = ({ request }: { request: Request }) => {
    const cors = corsHeaders(guard, request.headers.get('origin'))
    const metadata = auth.protectedResource()
    if (!metadata) return withHeaders(jsonRpcErrorResponse(404, -32000, `Not found: this server does not use OAuth (mcp.auth_type is ${auth.authType})`), cors)
    return withHeaders(Response.json(metadata, { headers: { 'Cache-Control': 'max-age=300' } }), cors)
  }

  return new Elysia()
    .onRequest(({ request }) => {
      const refused = guard.check(request)
      if (refused) {
        const origin = request.headers.get('origin')
        logger.warn('refused an MCP HTTP request', { method: request.method, path: new URL(request.url).pathname, host: request.headers.get('host'), ...(origin !== null ? { origin } : {}) })
        return refused
      }
      if (request.method === 'OPTIONS') return preflightResponse(guard, request)
    })
    .get(HEALTH_PATH, health)
    .get(PRM_PATH, protectedResource)
    .get(`${PRM_PATH}${MCP_PATH}`, protectedResource)
    .all(MCP_PATH, endpoint(mcp), { parse: 'none' })
    .get(SSE_PATH, endpoint(legacy((sse) => sse.connect)))
    .post(MESSAGES_PATH, endpoint(legacy((sse) => sse.message)), { parse: 'none' })
}

export type McpHttpApp = ReturnType<typeof createMcpHttpApp>
