/**
 * The MCP HTTP app built in process (no port) around the tiny server, as if bound to 127.0.0.1:8090.
 * `fetch` routes through `app.handle`, so the SDK client transports can run against it too.
 */
import { MCP_HTTP_DEFAULTS, type McpHttpOptions } from '../../../src/mcp/http/http-options.ts'
import { createMcpHttpServer } from '../../../src/mcp/http/serve.ts'
import { silentLogger } from '../../helpers/silent-logger.ts'
import { tinySessions } from './tiny-server.ts'

export const BASE = 'http://127.0.0.1:8090'

export function inProcessServer(overrides: Partial<McpHttpOptions> = {}) {
  const tiny = tinySessions()
  const logger = silentLogger()
  const options: McpHttpOptions = {
    transport: 'sse',
    host: '127.0.0.1',
    port: 8090,
    authType: 'none',
    allowedOrigins: [],
    maxRequestBodySize: MCP_HTTP_DEFAULTS.maxRequestBodySize,
    sessionIdleMs: 0,
    keepAliveMs: 0,
    maxEventsPerSession: 100,
    retryIntervalMs: 1000,
    ...overrides,
  }
  const server = createMcpHttpServer({ logger, createSession: tiny.create }, options)
  const fetch = (url: string | URL, init?: RequestInit): Promise<Response> => server.app.handle(new Request(String(url), init))
  return { ...server, tiny, logger, fetch }
}

/** A response body as JSON, untyped (tests assert on its shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const bodyOf = (response: Response): Promise<any> => response.json()

export const JSON_AND_SSE = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }

export function initializeBody(id: number | string = 1) {
  return JSON.stringify({ jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'test', version: '1.0.0' } } })
}

/** Reads SSE events from a response body until `until` returns true or the stream ends. */
export async function readSseEvents(response: Response, until: (events: SseEvent[]) => boolean, timeoutMs = 5000): Promise<SseEvent[]> {
  const events: SseEvent[] = []
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  const deadline = setTimeout(() => void reader.cancel(), timeoutMs)
  try {
    while (!until(events)) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += value
      let end
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event: SseEvent = { event: 'message', data: '' }
        let comment = false
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comment = true
          else if (line.startsWith('event: ')) event.event = line.slice(7)
          else if (line.startsWith('id: ')) event.id = line.slice(4)
          else if (line.startsWith('data: ')) event.data += line.slice(6)
          else if (line.startsWith('retry: ')) event.retry = Number(line.slice(7))
        }
        events.push(comment && !event.data && !event.id ? { event: 'comment', data: block } : event)
      }
    }
  } finally {
    clearTimeout(deadline)
    await reader.cancel().catch(() => {})
  }
  return events
}

export interface SseEvent {
  event: string
  data: string
  id?: string
  retry?: number
}
