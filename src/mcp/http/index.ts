/**
 * MCP over HTTP (`ratchet mcp`): Streamable HTTP at /mcp, the legacy HTTP+SSE pair /sse + /messages,
 * and /health, on Elysia and Bun, with one MCP server instance per client session.
 */
export { createMcpRoutes, HEALTH_PATH, MCP_PATH, MESSAGES_PATH, SSE_PATH, type McpRoutesDeps } from './app.ts'
export { createMemoryEventStore, type MemoryEventStore } from './event-store.ts'
export { MCP_HTTP_DEFAULTS, MCP_TRANSPORTS, refuseAddressWithStdio, resolveMcpHttpOptions, resolveMcpServeTransport, resolveMcpTransport, type McpHttpFlags, type McpHttpOptions, type McpTransportName } from './http-options.ts'
export { createMcpHttpServer, httpAuthFor, startMcpHttpServer, type McpHttpServer, type McpHttpServerDeps, type RunningMcpHttpServer } from './serve.ts'
export { runtimeStatus, serveMcpHttp, startRuntimeMcpHttpServer, waitForSignal, type McpHttpRuntime, type ServeMcpHttpOptions } from './serve-mcp-http.ts'
export { createSessionRegistry, type SessionEntry, type SessionRegistry } from './session-registry.ts'
export type { CreateSession, McpSessionInstance } from './types.ts'
export { WebSseServerTransport } from './web-sse-transport.ts'
