import type { Readable, Writable } from 'node:stream'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { STDIO_DEFAULT_MAX_BUFFER_SIZE } from '@modelcontextprotocol/sdk/shared/stdio.js'
import { readStdioLine } from './stdio-line.ts'

/**
 * The SDK's stdio server transport, except that a line that is not JSON gets a JSON-RPC parse error
 * (-32700) and a JSON line that is not a JSON-RPC message an invalid-request error (-32600), both with
 * `"id": null` as JSON-RPC 2.0 asks. The SDK only reports such lines to `onerror` (our stderr log), so a
 * client that sent one waits forever. Blank lines are ignored. Everything else — writing, closing,
 * the buffer limit — is the SDK's behaviour.
 */
export class AnsweringStdioServerTransport extends StdioServerTransport {
  #buffer: Buffer | undefined

  constructor(stdin?: Readable, stdout?: Writable, options: { maxBufferSize?: number } = {}) {
    super(stdin, stdout, options)
    const maxBufferSize = options.maxBufferSize ?? STDIO_DEFAULT_MAX_BUFFER_SIZE
    // start() listens with `_ondata`, so replacing it here takes over the reading.
    this._ondata = (chunk: Buffer) => {
      if ((this.#buffer?.length ?? 0) + chunk.length > maxBufferSize) {
        this.#buffer = undefined
        this.onerror?.(new Error(`ReadBuffer exceeded maximum size of ${maxBufferSize} bytes`))
        this.close().catch(() => {})
        return
      }
      this.#buffer = this.#buffer ? Buffer.concat([this.#buffer, chunk]) : chunk
      for (let index = this.#buffer.indexOf('\n'); index !== -1; index = this.#buffer.indexOf('\n')) {
        const line = this.#buffer.toString('utf8', 0, index).replace(/\r$/, '')
        this.#buffer = this.#buffer.subarray(index + 1)
        this.#receive(line)
      }
    }
  }

  override async close(): Promise<void> {
    this.#buffer = undefined
    await super.close()
  }

  #receive(line: string): void {
    if (line.trim() === '') return
    const read = readStdioLine(line)
    if (!read.ok) {
      this.onerror?.(read.problem)
      this.send(read.answer).catch((error) => this.onerror?.(error as Error))
      return
    }
    this.onmessage?.(read.message)
  }
}
