/**
 * The Elysia app of `ratchet mcp`: Streamable HTTP at `/mcp`, the legacy SSE pair `/sse` +
 * `/messages` (when enabled), and `/health`. Every request first passes the Host/Origin guard (403),
 * OPTIONS preflights are answered from the CORS allow-list, and errors become JSON-RPC error bodies
 * with the HTTP status of their code, here and nowhere else. Tests drive it with
 * `app.handle(new Request(...))`.
 */
import { Elysia } from 'elysia'
import { ERROR_TABLE, isAppError } from '../../errors.ts'
import type { Logger } from '../../lib/logger.ts'
import type { Authenticate } from './authenticate.ts'
import { corsHeaders, preflightResponse, withHeaders } from './cors.ts'
import { jsonRpcErrorResponse } from './json-rpc-error.ts'
import type { LegacySseHandlers } from './legacy-sse.ts'
import type { RequestGuard } from './request-guard.ts'
import type { StreamableHttpHandler } from './streamable-http.ts'

export interface McpHttpAppDeps {
  guard: RequestGuard
  authenticate: Authenticate
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

type Endpoint = (request: Request, principal: string) => Promise<Response>

export function createMcpHttpApp(deps: McpHttpAppDeps) {
  const { guard, logger } = deps

  const errorResponse = (error: unknown, request: Request): Response => {
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
      const principal = await deps.authenticate(request)
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
    .get(HEALTH_PATH, ({ request }) => withHeaders(Response.json(deps.health(), { headers: { 'Cache-Control': 'no-store' } }), corsHeaders(guard, request.headers.get('origin'))))
    .all(MCP_PATH, endpoint(mcp), { parse: 'none' })
    .get(SSE_PATH, endpoint(legacy((sse) => sse.connect)))
    .post(MESSAGES_PATH, endpoint(legacy((sse) => sse.message)), { parse: 'none' })
}

export type McpHttpApp = ReturnType<typeof createMcpHttpApp>
