/**
 * A tiny SDK low-level Server standing in for the MCP core in transport tests: `echo` answers at once,
 * `slow` sends `steps` progress notifications `ms` apart before answering (for streams and resumption).
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js'
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js'
import type { Principal } from '../../../src/auth/types.ts'
import type { CreateSession, McpSessionInstance } from '../../../src/mcp/http/types.ts'

export interface TinySessions {
  create: CreateSession
  /** Principals of every session created, in order. */
  principals: string[]
  /** How many instances are open (created and not closed). */
  open(): number
}

export function tinySessions(): TinySessions {
  const principals: string[] = []
  let open = 0
  const create = ({ name: principal }: Principal): McpSessionInstance => {
    principals.push(principal)
    open++
    const server = new Server({ name: 'tiny', version: '1.0.0' }, { capabilities: { tools: {} } })
    server.setRequestHandler(ListToolsRequestSchema, async () => ({
      tools: [
        { name: 'echo', description: 'Echoes text', inputSchema: { type: 'object', properties: { text: { type: 'string' } } } },
        { name: 'slow', description: 'Reports progress, then answers', inputSchema: { type: 'object', properties: { steps: { type: 'number' }, ms: { type: 'number' } } } },
      ],
    }))
    server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
      const args = (request.params.arguments ?? {}) as { text?: string; steps?: number; ms?: number }
      if (request.params.name === 'echo') return { content: [{ type: 'text', text: `echo: ${args.text ?? ''} (${principal})` }] }
      const steps = args.steps ?? 3
      const token = request.params._meta?.progressToken
      for (let i = 1; i <= steps; i++) {
        await Bun.sleep(args.ms ?? 20)
        if (token !== undefined) await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: i, total: steps } })
      }
      return { content: [{ type: 'text', text: `done after ${steps} steps` }] }
    })
    let closed = false
    return {
      server,
      async close() {
        if (closed) return
        closed = true
        open--
        await server.close()
      },
    }
  }
  return { create, principals, open: () => open }
}
