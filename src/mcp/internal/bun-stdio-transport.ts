/**
 * MCP over stdio on Bun's native streams: reads `Bun.stdin.stream()` and frames lines in place (a line
 * that lies inside one chunk is decoded straight from it; only a line split across chunks is copied),
 * and writes through a `Bun.stdout` writer, flushing once per microtask checkpoint for all the
 * answers of that turn and waiting on the flush when the pipe is full (back-pressure). Behaviour matches
 * AnsweringStdioServerTransport: a line that is not JSON is answered with -32700, a JSON line that is
 * not a JSON-RPC message with -32600 (both `"id": null`), blank lines are ignored, and a line over the
 * buffer limit closes the transport. `ended` resolves when stdin reaches its end.
 */
import { STDIO_DEFAULT_MAX_BUFFER_SIZE } from '@modelcontextprotocol/sdk/shared/stdio.js'
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js'
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js'
import { readStdioLine } from './stdio-line.ts'

/** What the transport writes to: Bun's FileSink (`Bun.stdout.writer()`) has this shape. */
export interface LineSink {
  /** A promise when the sink's buffer is full and it is writing out. */
  write(chunk: string): number | Promise<number>
  flush(): number | Promise<number>
}

const NEWLINE = 0x0a
/** Requests read and not yet answered before reading pauses: a client that floods stdin waits, memory stays bounded. */
export const MAX_IN_FLIGHT = 1024

export class BunStdioServerTransport implements Transport {
  onclose?: () => void
  onerror?: (error: Error) => void
  onmessage?: (message: JSONRPCMessage) => void
  /** Resolves when the input ends (the client closed stdin) or the transport closes. */
  readonly ended: Promise<void>

  readonly #input: ReadableStream<Uint8Array>
  readonly #output: LineSink
  readonly #maxBufferSize: number
  readonly #decoder = new TextDecoder()
  #reader: { read(): Promise<{ value?: Uint8Array; done: boolean }>; cancel(): Promise<void> } | null = null
  #carry: Uint8Array | null = null
  #flushScheduled = false
  #flushing: Promise<unknown> | null = null
  #closed = false
  #end: () => void
  /** Ids of requests handed on and not answered yet (so EOF can wait for their answers). */
  readonly #unanswered = new Set<string | number>()
  #answered: (() => void) | null = null
  /** Wakes the reader paused at MAX_IN_FLIGHT once an answer went out. */
  #resume: (() => void) | null = null

  constructor(input: ReadableStream<Uint8Array>, output: LineSink, options: { maxBufferSize?: number } = {}) {
    this.#input = input
    this.#output = output
    this.#maxBufferSize = options.maxBufferSize ?? STDIO_DEFAULT_MAX_BUFFER_SIZE
    const { promise, resolve } = Promise.withResolvers<void>()
    this.ended = promise
    this.#end = resolve
  }

  async start(): Promise<void> {
    if (this.#reader) throw new Error('BunStdioServerTransport already started')
    this.#reader = this.#input.getReader()
    void this.#read()
  }

  async #read(): Promise<void> {
    const reader = this.#reader!
    try {
      for (;;) {
        // Back-pressure: stop reading while the client is not reading our answers (a flush is
        // pending on a full pipe) or while too many of its requests are still unanswered.
        while (!this.#closed && (this.#flushing !== null || this.#unanswered.size >= MAX_IN_FLIGHT)) {
          if (this.#flushing !== null) await this.#flushing
          else await new Promise<void>((resolve) => (this.#resume = resolve))
        }
        if (this.#closed) break
        const { value, done } = await reader.read()
        if (done || this.#closed) break
        if (value && value.byteLength > 0 && !this.#frame(value)) break
      }
    } catch (error) {
      if (!this.#closed) this.onerror?.(error as Error)
    }
    // The last lines' requests start on later turns of the event loop: say "ended" only after they
    // have, so a drain that follows waits for them (a Node stream's 'end' event comes that late too).
    setImmediate(() => this.#end())
  }

  /** Hands every complete line of `chunk` on; false when the buffer limit closed the transport. */
  #frame(chunk: Uint8Array): boolean {
    let start = 0
    let index = chunk.indexOf(NEWLINE)
    if (this.#carry !== null) {
      if (index === -1) return this.#keep(chunk, 0)
      const joined = new Uint8Array(this.#carry.byteLength + index)
      joined.set(this.#carry)
      joined.set(chunk.subarray(0, index), this.#carry.byteLength)
      this.#carry = null
      this.#receive(joined)
      start = index + 1
      index = chunk.indexOf(NEWLINE, start)
    }
    while (index !== -1) {
      this.#receive(chunk.subarray(start, index))
      start = index + 1
      index = chunk.indexOf(NEWLINE, start)
    }
    return start < chunk.byteLength ? this.#keep(chunk, start) : true
  }

  /** Keeps the unfinished line at `chunk[from..]`; refuses one that grows past the limit. */
  #keep(chunk: Uint8Array, from: number): boolean {
    const size = (this.#carry?.byteLength ?? 0) + chunk.byteLength - from
    if (size > this.#maxBufferSize) {
      this.#carry = null
      this.onerror?.(new Error(`ReadBuffer exceeded maximum size of ${this.#maxBufferSize} bytes`))
      void this.close()
      return false
    }
    const rest = chunk.subarray(from)
    if (this.#carry === null) {
      // The reader may reuse its buffer: keep a copy of the partial line, never a view.
      this.#carry = rest.slice()
    } else {
      const joined = new Uint8Array(size)
      joined.set(this.#carry)
      joined.set(rest, this.#carry.byteLength)
      this.#carry = joined
    }
    return true
  }

  #receive(bytes: Uint8Array): void {
    const end = bytes.byteLength > 0 && bytes[bytes.byteLength - 1] === 0x0d ? bytes.byteLength - 1 : bytes.byteLength
    const line = this.#decoder.decode(bytes.subarray(0, end))
    if (line.trim() === '') return
    const read = readStdioLine(line)
    if (!read.ok) {
      this.onerror?.(read.problem)
      this.send(read.answer).catch((error) => this.onerror?.(error as Error))
      return
    }
    const request = read.message as { id?: string | number; method?: string }
    if (request.method !== undefined && request.id !== undefined) this.#unanswered.add(request.id)
    this.onmessage?.(read.message)
  }

  /** Resolves once every request read so far has been answered, or after `timeoutMs`. */
  async settled(timeoutMs: number): Promise<void> {
    if (this.#unanswered.size === 0) return
    const { promise, resolve } = Promise.withResolvers<void>()
    this.#answered = resolve
    const timer = setTimeout(resolve, timeoutMs)
    await promise
    clearTimeout(timer)
    this.#answered = null
  }



  send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) return Promise.resolve()
    const answer = message as { id?: string | number; method?: string }
    if (answer.method === undefined && answer.id !== undefined && this.#unanswered.delete(answer.id)) {
      if (this.#unanswered.size === 0) this.#answered?.()
      if (this.#unanswered.size < MAX_IN_FLIGHT) this.#wake()
    }
    let written: number | Promise<number>
    try {
      written = this.#output.write(`${JSON.stringify(message)}\n`)
    } catch (error) {
      this.#broken(error)
      return Promise.resolve()
    }
    if (written instanceof Promise) this.#track(written)
    if (!this.#flushScheduled) {
      this.#flushScheduled = true
      queueMicrotask(() => this.#flush())
    }
    // A full pipe: the answer waits until the client has read what is ahead of it.
    return this.#flushing ? this.#flushing.then(() => undefined) : Promise.resolve()
  }

  #flush(): void {
    this.#flushScheduled = false
    try {
      const flushed = this.#output.flush()
      if (flushed instanceof Promise) this.#track(flushed)
    } catch (error) {
      this.#broken(error)
    }
  }

  /** Remembers a write-out in progress, so later answers wait for it (back-pressure). */
  #track(writing: Promise<number>): void {
    const previous = this.#flushing
    const pending: Promise<unknown> = Promise.all([previous, writing]).then(
      () => {
        if (this.#flushing === pending) this.#flushing = null
      },
      (error: unknown) => {
        if (this.#flushing === pending) this.#flushing = null
        this.#broken(error)
      },
    )
    this.#flushing = pending
  }

  #wake(): void {
    const resume = this.#resume
    this.#resume = null
    resume?.()
  }

  /** stdout is gone (the client closed it: EPIPE): nobody reads our answers, so the session ends. */
  #broken(error: unknown): void {
    if (this.#closed) return
    this.onerror?.(error as Error)
    this.#flushing = null
    void this.close()
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#carry = null
    this.#wake()
    if (this.#flushScheduled) this.#flush()
    await this.#flushing?.catch(() => {})
    await this.#reader?.cancel().catch(() => {})
    this.#end()
    this.onclose?.()
  }
}
