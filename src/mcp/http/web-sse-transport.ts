/**
 * The legacy HTTP+SSE transport (spec 2024-11-05) on web-standard Request/Response, for Bun without
 * node:http. The client GETs an SSE stream whose first event, `endpoint`, names the URL it POSTs its
 * messages to (`/messages?sessionId=…`); every server message, replies included, goes down the stream.
 * Implements the SDK `Transport` interface, like the SDK's node:http-based SSEServerTransport.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js'
import { JSONRPCMessageSchema, type JSONRPCMessage, type MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js'

export interface WebSseTransportOptions {
  sessionId: string
  /** Path the client POSTs to; `?sessionId=` is appended. */
  messagesPath: string
  /** SSE comment keep-alive interval, below every idle timeout on the way. 0 disables. */
  keepAliveMs: number
}

export class WebSseServerTransport implements Transport {
  readonly sessionId: string
  /** The SSE response to return for the client's GET. */
  readonly response: Response
  onclose?: () => void
  onerror?: (error: Error) => void
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void

  private readonly options: WebSseTransportOptions
  private readonly encoder = new TextEncoder()
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null
  private keepAlive: ReturnType<typeof setInterval> | null = null
  private started = false
  private closed = false

  constructor(options: WebSseTransportOptions) {
    this.options = options
    this.sessionId = options.sessionId
    const stream = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller
      },
      // The client went away: the session ends with its stream.
      cancel: () => this.finish(false),
    })
    this.response = new Response(stream, {
      headers: {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      },
    })
  }

  async start(): Promise<void> {
    if (this.started) throw new Error('WebSseServerTransport already started')
    this.started = true
    this.write(`event: endpoint\ndata: ${this.options.messagesPath}?sessionId=${encodeURIComponent(this.sessionId)}\n\n`)
    if (this.options.keepAliveMs > 0) {
      this.keepAlive = setInterval(() => this.write(': keepalive\n\n'), this.options.keepAliveMs)
      this.keepAlive.unref?.()
    }
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) throw new Error('Not connected: the SSE stream is closed')
    this.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`)
  }

  /** Validates one POSTed message and hands it to the server; throws when it is not JSON-RPC. */
  handleMessage(message: unknown, extra?: MessageExtraInfo): void {
    let parsed: JSONRPCMessage
    try {
      parsed = JSONRPCMessageSchema.parse(message)
    } catch (error) {
      this.onerror?.(error as Error)
      throw error
    }
    this.onmessage?.(parsed, extra)
  }

  async close(): Promise<void> {
    this.finish(true)
  }

  get isClosed(): boolean {
    return this.closed
  }

  private write(text: string): void {
    if (this.closed || !this.controller) return
    try {
      this.controller.enqueue(this.encoder.encode(text))
    } catch {
      this.finish(false)
    }
  }

  private finish(closeStream: boolean): void {
    if (this.closed) return
    this.closed = true
    if (this.keepAlive) clearInterval(this.keepAlive)
    if (closeStream) {
      try {
        this.controller?.close()
      } catch {
        // Already closed or errored by the runtime.
      }
    }
    this.onclose?.()
  }
}
