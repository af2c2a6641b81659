import { expect, test } from 'bun:test'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { bodyOf } from './helpers/in-process.ts'
import { startRatchetMcp } from './helpers/ratchet-mcp.ts'

test('ratchet mcp-serve --transport streamable-http serves /mcp over HTTP like ratchet mcp, without the legacy SSE endpoints', async () => {
  const server = await startRatchetMcp({ command: 'mcp-serve', args: ['--transport', 'streamable-http'] })
  try {
    expect(await bodyOf(await fetch(`${server.url}/health`))).toMatchObject({ status: 'ok', transport: 'streamable-http' })
    expect((await fetch(`${server.url}/sse`)).status).toBe(404)
    const client = new Client({ name: 'mcp-serve-http-test', version: '1.0.0' })
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)))
    const result = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 1, b: 1 }, trace: false } })
    expect(result.structuredContent).toMatchObject({ output: { result: 2 } })
    await client.close()
  } finally {
    expect(await server.stop()).toBe(0)
  }
})
