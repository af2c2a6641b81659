/**
 * The MCP door as a plugin of the shared HTTP host: Streamable HTTP at `/mcp` and the legacy SSE pair
 * `/sse` + `/messages` (when enabled). The host has already applied the Host/Origin guard and CORS; each
 * request here passes `identify` (global rate limit 429, authentication 401/403, per-client limit 429),
 * and errors become JSON-RPC error bodies with the HTTP status of their code.
 */
import { Elysia } from 'elysia'
import type { Principal } from '../../auth/types.ts'
import { errorResponse } from '../../http/error-response.ts'
import { jsonRpcErrorResponse } from '../../http/json-rpc-error.ts'
import type { DoorServices } from '../../http/types.ts'
import type { LegacySseHandlers } from './legacy-sse.ts'
import type { StreamableHttpHandler } from './streamable-http.ts'

export interface McpRoutesDeps {
  services: DoorServices
  streamable: StreamableHttpHandler
  /** The legacy HTTP+SSE endpoints; omitted when only Streamable HTTP is served. */
  sse?: LegacySseHandlers
}

export const MCP_PATH = '/mcp'
export const SSE_PATH = '/sse'
export const MESSAGES_PATH = '/messages'
export { HEALTH_PATH } from '../../http/health-routes.ts'

const MCP_METHODS = new Set(['GET', 'POST', 'DELETE'])

type Endpoint = (request: Request, principal: Principal) => Promise<Response>

export function createMcpRoutes(deps: McpRoutesDeps) {
  const { services } = deps

  const endpoint = (run: Endpoint) => async ({ request }: { request: Request }) => {
    try {
      const { principal } = await services.identify(request)
      return await run(request, principal)
    } catch (error) {
      return errorResponse('json-rpc', error, { logger: services.logger, request })
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

  return new Elysia({ name: 'ratchet-mcp' })
    .all(MCP_PATH, endpoint(mcp), { parse: 'none' })
    .get(SSE_PATH, endpoint(legacy((sse) => sse.connect)))
    .post(MESSAGES_PATH, endpoint(legacy((sse) => sse.message)), { parse: 'none' })
}
