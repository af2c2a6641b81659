/**
 * More MCP clients on an in-memory test session (test/mcp/helpers/session.ts), each as its own
 * principal, all sharing one access control (so rate limits and concurrency count across them).
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import type { AccessControl } from '../../../src/auth/access-control.ts'
import { permissionsFromConfig, type RawPermissions } from '../../../src/auth/permissions.ts'
import type { Principal } from '../../../src/auth/types.ts'
import { createMcpServer, type McpServerHandle } from '../../../src/mcp/index.ts'
import type { Session } from '../../mcp/helpers/session.ts'

export function keyPrincipal(name: string, permissions: RawPermissions): Principal {
  return { name, kind: 'api_key', permissions: permissionsFromConfig(permissions) }
}

export interface Clients {
  connect(principal: Principal): Promise<Client>
  close(): Promise<void>
}

export function clientsOn(s: Session, access: AccessControl): Clients {
  const open: Array<{ client: Client; handle: McpServerHandle }> = []
  return {
    async connect(principal) {
      const runtime = { engine: s.harness.engine, registry: s.registry, store: s.harness.store, config: s.config, logger: s.harness.logger }
      const handle = createMcpServer({ runtime, tasksDir: `${s.dir}/tasks`, principal, access })
      const client = new Client({ name: `as-${principal.name}`, version: '1.0.0' })
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair()
      await handle.server.connect(serverSide)
      await client.connect(clientSide)
      open.push({ client, handle })
      return client
    },
    async close() {
      for (const { client, handle } of open) {
        await client.close().catch(() => {})
        await handle.close()
      }
    },
  }
}

/** The text of a result's text blocks. */
export function resultText(result: unknown): string {
  const blocks = ((result as { content?: unknown }).content ?? []) as Array<{ type: string; text?: string }>
  return blocks.filter((b) => b.type === 'text').map((b) => b.text).join('\n')
}

/** The JSON-RPC error a request was refused with. */
export async function protocolError(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await promise
  } catch (error) {
    return error as { code: number; message: string }
  }
  throw new Error('expected the request to be refused')
}
