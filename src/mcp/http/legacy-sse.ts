/**
 * The legacy HTTP+SSE endpoints: `GET /sse` opens a session (an SSE stream that first announces
 * `/messages?sessionId=…`), `POST /messages?sessionId=…` delivers one client message and answers 202;
 * the reply travels on the stream. The session lives as long as its stream.
 */
import { principalKey } from '../../auth/permissions.ts'
import type { Principal } from '../../auth/types.ts'
import type { Logger } from '../../lib/logger.ts'
import { jsonRpcErrorResponse } from '../../http/json-rpc-error.ts'
import { readJsonBody } from './read-json-body.ts'
import type { SessionEntry, SessionRegistry } from './session-registry.ts'
import type { CreateSession } from './types.ts'
import { WebSseServerTransport } from './web-sse-transport.ts'

export interface LegacySseOptions {
  sessions: SessionRegistry
  createSession: CreateSession
  logger: Logger
  keepAliveMs: number
  maxRequestBodySize: number
  /** Path announced in the `endpoint` event. */
  messagesPath: string
}

export interface LegacySseHandlers {
  /** GET /sse */
  connect(request: Request, principal: Principal): Promise<Response>
  /** POST /messages?sessionId= */
  message(request: Request, principal: Principal): Promise<Response>
}

export function createLegacySseHandlers(options: LegacySseOptions): LegacySseHandlers {
  const { sessions, logger } = options
  const transports = new Map<string, WebSseServerTransport>()

  return {
    async connect(request, principal) {
      const accept = request.headers.get('accept')
      if (accept !== null && !accept.includes('text/event-stream') && !accept.includes('*/*')) {
        return jsonRpcErrorResponse(406, -32000, 'Not Acceptable: Client must accept text/event-stream')
      }
      await sessions.reserve(principalKey(principal))
      let instance
      try {
        instance = await options.createSession(principal)
      } catch (error) {
        sessions.release()
        throw error
      }
      const id = crypto.randomUUID()
      const transport = new WebSseServerTransport({ sessionId: id, messagesPath: options.messagesPath, keepAliveMs: options.keepAliveMs })
      let closed = false
      const close = async () => {
        if (closed) return
        closed = true
        sessions.remove(id)
        transports.delete(id)
        await instance.close()
      }
      const at = Date.now()
      // The stream is the session: it counts as open until the client or the server ends it.
      const entry: SessionEntry = {
        id,
        kind: 'sse',
        principal: principalKey(principal),
        createdAt: at,
        lastSeen: at,
        openStreams: 1,
        close: async () => {
          await close()
          await transport.close()
        },
        drain: (timeoutMs) => instance.drain?.(timeoutMs) ?? Promise.resolve(),
      }
      transport.onclose = () => {
        if (!closed) logger.info('MCP session ended', { sessionId: id, transport: 'sse' })
        void close()
      }
      transport.onerror = (error) => logger.debug('SSE transport error', { sessionId: id, error: error.message })
      transports.set(id, transport)
      sessions.add(entry)
      try {
        await instance.server.connect(transport)
      } catch (error) {
        await entry.close('the MCP server could not start')
        throw error
      }
      return transport.response
    },

    async message(request, principal) {
      const id = new URL(request.url).searchParams.get('sessionId')
      if (!id) return jsonRpcErrorResponse(400, -32000, 'Bad Request: the sessionId query parameter is required')
      const entry = sessions.get(id, 'sse')
      const transport = transports.get(id)
      if (!entry || !transport || transport.isClosed) return jsonRpcErrorResponse(404, -32001, 'Session not found: open a new one with GET /sse')
      if (entry.principal !== principalKey(principal)) return jsonRpcErrorResponse(403, -32000, 'Forbidden: this session belongs to another client, or the credentials changed what it may do; send initialize to open a new session')
      const contentType = request.headers.get('content-type') ?? ''
      if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
        return jsonRpcErrorResponse(415, -32000, 'Unsupported Media Type: Content-Type must be application/json')
      }
      const body = await readJsonBody(request, options.maxRequestBodySize)
      if (!body.ok) return body.response
      const requestInfo = { headers: Object.fromEntries(request.headers), url: new URL(request.url) }
      try {
        transport.handleMessage(body.value, { requestInfo })
      } catch {
        return jsonRpcErrorResponse(400, -32600, 'Invalid Request: the body is not a JSON-RPC message')
      }
      return new Response('Accepted', { status: 202 })
    },
  }
}
