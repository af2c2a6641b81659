import { describe, expect, test } from 'bun:test'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { BASE, inProcessServer } from './helpers/in-process.ts'

describe('legacy HTTP+SSE endpoints', () => {
  test('GET /sse announces the messages endpoint; a POSTed request is answered on the stream', async () => {
    const server = inProcessServer()
    const stream = await server.fetch(`${BASE}/sse`, { headers: { accept: 'text/event-stream' } })
    expect(stream.status).toBe(200)
    expect(stream.headers.get('content-type')).toBe('text/event-stream')
    expect(stream.headers.get('x-accel-buffering')).toBe('no')
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
    const first = (await reader.read()).value!
    const endpoint = /^event: endpoint\ndata: (\S+)\n\n/.exec(first)![1]
    expect(endpoint).toMatch(/^\/messages\?sessionId=[0-9a-f-]{36}$/)
    expect(server.sessions.counts().sse).toBe(1)

    const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2024-11-05', capabilities: {}, clientInfo: { name: 't', version: '1' } } }
    const posted = await server.fetch(`${BASE}${endpoint}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(init) })
    expect(posted.status).toBe(202)
    let text = ''
    while (!text.includes('"id":1')) text += (await reader.read()).value
    expect(text).toContain('event: message')
    expect(text).toContain('"serverInfo":{"name":"tiny"')

    // The client hanging up ends the session and its server instance.
    await reader.cancel()
    expect(server.sessions.counts().sse).toBe(0)
    expect(server.tiny.open()).toBe(0)
  })

  test('the stream carries keep-alive comments while nothing else happens', async () => {
    const server = inProcessServer({ keepAliveMs: 20 })
    const stream = await server.fetch(`${BASE}/sse`)
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
    let text = ''
    while (!text.includes(': keepalive\n\n')) text += (await reader.read()).value
    expect(text.startsWith('event: endpoint\n')).toBe(true)
    await reader.cancel()
  })

  test('POST /messages for an unknown session gets 404, without a session id 400, non-JSON 415', async () => {
    const server = inProcessServer()
    const unknown = await server.fetch(`${BASE}/messages?sessionId=nope`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(unknown.status).toBe(404)
    const missing = await server.fetch(`${BASE}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(missing.status).toBe(400)
    const stream = await server.fetch(`${BASE}/sse`)
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
    const endpoint = { data: /data: (\S+)/.exec((await reader.read()).value!)![1] }
    const text = await server.fetch(`${BASE}${endpoint.data}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' })
    expect(text.status).toBe(415)
    const notRpc = await server.fetch(`${BASE}${endpoint.data}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":1}' })
    expect(notRpc.status).toBe(400)
    await server.sessions.closeAll('test over')
  })
})

describe('the official SDK clients, in process', () => {
  test('Streamable HTTP client lists tools, calls one with progress, and terminates the session', async () => {
    const server = inProcessServer()
    const transport = new StreamableHTTPClientTransport(new URL(`${BASE}/mcp`), { fetch: server.fetch })
    const client = new Client({ name: 'test', version: '1.0.0' })
    await client.connect(transport)
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['echo', 'slow'])
    const progress: number[] = []
    const result = await client.callTool({ name: 'slow', arguments: { steps: 3, ms: 5 } }, undefined, { onprogress: (p) => void progress.push(p.progress) })
    expect(result.content).toEqual([{ type: 'text', text: 'done after 3 steps' }])
    expect(progress.length).toBeGreaterThanOrEqual(2)
    await transport.terminateSession()
    expect(server.sessions.counts().total).toBe(0)
    await client.close()
  })

  test('SSE client connects through /sse and calls a tool', async () => {
    const server = inProcessServer()
    const transport = new SSEClientTransport(new URL(`${BASE}/sse`), { fetch: server.fetch })
    const client = new Client({ name: 'test', version: '1.0.0' })
    await client.connect(transport)
    const result = await client.callTool({ name: 'echo', arguments: { text: 'hi' } })
    expect(result.content).toEqual([{ type: 'text', text: 'echo: hi (anonymous)' }])
    await client.close()
    await server.sessions.closeAll('test over')
  })
})
