import { describe, expect, test } from 'bun:test'
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js'
import { BunStdioServerTransport, MAX_IN_FLIGHT, type LineSink } from '../../src/mcp/internal/bun-stdio-transport.ts'

const encoder = new TextEncoder()

/** A stdin that yields `chunks` (strings, as bytes) and then ends. */
function input(chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
}

/** A stdout that records every write and every flush; `hold` makes flushes pending until released. */
function sink(options: { hold?: boolean } = {}) {
  const writes: string[] = []
  let flushes = 0
  const held: Array<() => void> = []
  const out: LineSink = {
    write: (chunk) => (writes.push(chunk), chunk.length),
    flush: () => {
      flushes++
      if (!options.hold) return 0
      return new Promise<number>((resolve) => held.push(() => resolve(0)))
    },
  }
  return { out, writes, flushes: () => flushes, release: () => held.splice(0).forEach((resolve) => resolve()) }
}

async function run(chunks: string[], options: { maxBufferSize?: number } = {}) {
  const { out, writes } = sink()
  const transport = new BunStdioServerTransport(input(chunks), out, options)
  const messages: JSONRPCMessage[] = []
  const errors: string[] = []
  let closed = false
  transport.onmessage = (message) => void messages.push(message)
  transport.onerror = (error) => void errors.push(error.message)
  transport.onclose = () => void (closed = true)
  await transport.start()
  await transport.ended
  await Bun.sleep(1)
  return { messages, errors, closed, writes: writes.join('').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line)) }
}

describe('MCP over stdio on Bun streams', () => {
  test('frames lines split across chunks, several in one chunk, CRLF endings, and skips blank lines', async () => {
    const ping = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' })
    const { messages, errors } = await run([ping(1).slice(0, 10), `${ping(1).slice(10)}\n${ping(2)}\r\n\n  \n${ping(3).slice(0, 5)}`, `${ping(3).slice(5)}\n`])
    expect(messages).toEqual([1, 2, 3].map((id) => ({ jsonrpc: '2.0', id, method: 'ping' })))
    expect(errors).toEqual([])
  })

  test('answers a line that is not JSON with -32700 and a JSON line that is not JSON-RPC with -32600, both with id null, and keeps reading', async () => {
    const { messages, writes, errors } = await run(['garbage{\n', '{"hello":"world"}\n', '{"jsonrpc":"2.0","id":7,"method":"ping"}\n'])
    expect(writes).toEqual([
      { jsonrpc: '2.0', id: null, error: { code: -32700, message: expect.stringMatching(/^Parse error: /) } },
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request: the line is JSON but not a JSON-RPC 2.0 message' } },
    ])
    expect(messages).toEqual([{ jsonrpc: '2.0', id: 7, method: 'ping' }])
    expect(errors).toHaveLength(2)
  })

  test('a line over the buffer limit closes the transport and says why', async () => {
    const { closed, errors, messages } = await run(['{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":"', 'x'.repeat(200), '"}}\n'], { maxBufferSize: 100 })
    expect(closed).toBe(true)
    expect(errors).toEqual(['ReadBuffer exceeded maximum size of 100 bytes'])
    expect(messages).toEqual([])
  })

  test('answers of one turn are written one by one and flushed once; a full pipe holds later answers back', async () => {
    const { out, writes, flushes, release } = sink({ hold: true })
    const transport = new BunStdioServerTransport(input([]), out)
    await transport.start()
    const first = [transport.send({ jsonrpc: '2.0', id: 1, result: {} }), transport.send({ jsonrpc: '2.0', id: 2, result: {} })]
    await Promise.all(first)
    expect(writes).toEqual(['{"jsonrpc":"2.0","id":1,"result":{}}\n', '{"jsonrpc":"2.0","id":2,"result":{}}\n'])
    await Bun.sleep(1)
    expect(flushes()).toBe(1)
    let third = false
    const later = transport.send({ jsonrpc: '2.0', id: 3, result: {} }).then(() => void (third = true))
    await Bun.sleep(5)
    expect(third).toBe(false)
    release()
    await later
    expect(third).toBe(true)
    release()
    await transport.close()
  })

  test('settled waits until every request read so far has its answer', async () => {
    const { out } = sink()
    const transport = new BunStdioServerTransport(input(['{"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"name":"x"}}\n']), out)
    transport.onmessage = () => {}
    await transport.start()
    await transport.ended
    let done = false
    const settled = transport.settled(5000).then(() => void (done = true))
    await Bun.sleep(5)
    expect(done).toBe(false)
    await transport.send({ jsonrpc: '2.0', id: 'a', result: { content: [] } })
    await settled
    expect(done).toBe(true)
    await transport.close()
  })

  test('reading pauses while MAX_IN_FLIGHT requests are unanswered, and resumes as answers go out', async () => {
    const { out } = sink()
    const lines = Array.from({ length: MAX_IN_FLIGHT + 5 }, (_, id) => `${JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' })}\n`)
    const transport = new BunStdioServerTransport(input(lines), out)
    const seen: number[] = []
    transport.onmessage = (message) => void seen.push((message as { id: number }).id)
    await transport.start()
    await Bun.sleep(20)
    expect(seen).toHaveLength(MAX_IN_FLIGHT)
    await transport.send({ jsonrpc: '2.0', id: 0, result: {} })
    await Bun.sleep(20)
    expect(seen).toHaveLength(MAX_IN_FLIGHT + 1)
    // Answering 5 more brings the unanswered below the cap again: the rest, and the end, are read.
    for (let id = 1; id <= 5; id++) await transport.send({ jsonrpc: '2.0', id, result: {} })
    await transport.ended
    expect(seen).toHaveLength(MAX_IN_FLIGHT + 5)
    await transport.close()
  })

  test('a stdout the client closed (EPIPE) ends the session instead of answering into the void', async () => {
    const out: LineSink = {
      write: () => {
        throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })
      },
      flush: () => 0,
    }
    const transport = new BunStdioServerTransport(new ReadableStream({ start() {} }), out)
    const errors: string[] = []
    let closed = false
    transport.onerror = (error) => void errors.push(error.message)
    transport.onclose = () => void (closed = true)
    await transport.start()
    await transport.send({ jsonrpc: '2.0', id: 1, result: {} })
    await transport.send({ jsonrpc: '2.0', id: 2, result: {} })
    await Bun.sleep(1)
    expect(closed).toBe(true)
    expect(errors).toEqual(['write EPIPE'])
    await transport.ended
  })
})
