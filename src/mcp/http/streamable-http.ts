/**
 * The Streamable HTTP endpoint (`/mcp`, spec 2025-03-26 … 2025-11-25): one SDK
 * `WebStandardStreamableHTTPServerTransport` and one MCP server instance per session. `initialize`
 * without a session id opens a session (a random `Mcp-Session-Id`); any other request needs the id
 * (400 without it, 404 for one this server does not know, so the client re-initializes); DELETE ends
 * it. Each session keeps a bounded event store, so a client resumes a broken stream with GET +
 * `Last-Event-ID`. The SDK checks Accept, Content-Type and `MCP-Protocol-Version`.
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js'
import { principalKey } from '../../auth/permissions.ts'
import type { Principal } from '../../auth/types.ts'
import type { Logger } from '../../lib/logger.ts'
import { createMemoryEventStore } from './event-store.ts'
import { jsonRpcErrorResponse } from '../../http/json-rpc-error.ts'
import { readJsonBody } from './read-json-body.ts'
import type { SessionEntry, SessionRegistry } from './session-registry.ts'
import type { CreateSession, McpSessionInstance } from './types.ts'

export interface StreamableHttpOptions {
  sessions: SessionRegistry
  createSession: CreateSession
  logger: Logger
  /** SSE comment keep-alive on every open stream, below Bun's and proxies' idle timeouts. */
  keepAliveMs: number
  /** Events kept per session for Last-Event-ID resumption. */
  maxEventsPerSession: number
  maxRequestBodySize: number
  /** Sent as SSE `retry:` with the priming event (2025-11-25 clients): how soon to reconnect. */
  retryIntervalMs?: number
}

/** Handles one request to the endpoint for an authenticated principal. */
export type StreamableHttpHandler = (request: Request, principal: Principal) => Promise<Response>

export function createStreamableHttpHandler(options: StreamableHttpOptions): StreamableHttpHandler {
  const { sessions, logger } = options
  const transports = new Map<string, WebStandardStreamableHTTPServerTransport>()

  const open = async (request: Request, principal: Principal): Promise<Response> => {
    const body = await readJsonBody(request, options.maxRequestBodySize)
    if (!body.ok) return body.response
    const messages = Array.isArray(body.value) ? body.value : [body.value]
    if (!messages.some((message) => isInitializeRequest(message))) {
      return jsonRpcErrorResponse(400, -32000, 'Bad Request: Mcp-Session-Id header is required (send initialize first to open a session)')
    }
    await sessions.reserve(principalKey(principal))
    let instance: McpSessionInstance
    try {
      instance = await options.createSession(principal)
    } catch (error) {
      sessions.release()
      throw error
    }
    let entry: SessionEntry | null = null
    let closed = false
    const close = async () => {
      if (closed) return
      closed = true
      if (entry) {
        sessions.remove(entry.id)
        transports.delete(entry.id)
      }
      await instance.close()
    }
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => crypto.randomUUID(),
      eventStore: createMemoryEventStore({ maxEvents: options.maxEventsPerSession }),
      keepAliveMs: options.keepAliveMs,
      retryInterval: options.retryIntervalMs,
      maxRequestBodySize: options.maxRequestBodySize,
      onsessioninitialized: (id) => {
        const at = Date.now()
        entry = {
          id,
          kind: 'streamable-http',
          principal: principalKey(principal),
          createdAt: at,
          lastSeen: at,
          openStreams: 0,
          // Closing the instance closes its transport; the second close is a no-op kept for safety.
          close: async () => {
            await close()
            await transport.close()
          },
          drain: (timeoutMs) => instance.drain?.(timeoutMs) ?? Promise.resolve(),
        }
        transports.set(id, transport)
        sessions.add(entry)
      },
    })
    // Set before connect: the SDK chains its own handlers after these.
    transport.onclose = () => {
      if (entry && !closed) logger.info('MCP session ended', { sessionId: entry.id, transport: 'streamable-http' })
      void close()
    }
    transport.onerror = (error) => logger.debug('streamable HTTP transport error', { sessionId: transport.sessionId, error: error.message })
    let response: Response
    try {
      await instance.server.connect(transport)
      response = await transport.handleRequest(request, { parsedBody: body.value })
    } catch (error) {
      if (entry === null) sessions.release()
      await close()
      throw error
    }
    if (entry === null) {
      // The SDK refused the request before initializing (406, 415, invalid JSON-RPC): no session.
      sessions.release()
      await transport.close()
      await close()
      return response
    }
    return sessions.trackStream(entry, response)
  }

  return async (request, principal) => {
    const sessionId = request.headers.get('mcp-session-id')
    if (sessionId === null) {
      if (request.method === 'POST') return open(request, principal)
      return jsonRpcErrorResponse(400, -32000, 'Bad Request: Mcp-Session-Id header is required')
    }
    const entry = sessions.get(sessionId, 'streamable-http')
    const transport = transports.get(sessionId)
    if (!entry || !transport) return jsonRpcErrorResponse(404, -32001, 'Session not found: it expired or the server restarted; send initialize to open a new session')
    if (entry.principal !== principalKey(principal)) return jsonRpcErrorResponse(403, -32000, 'Forbidden: this session belongs to another client, or the credentials changed what it may do; send initialize to open a new session')
    return sessions.trackStream(entry, await transport.handleRequest(request))
  }
}
