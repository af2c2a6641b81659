/**
 * What the HTTP transports need from the MCP core: a fresh server instance per client session.
 * `ratchet mcp` passes the core's `createMcpServer`; tests pass a tiny SDK server.
 */
import type { Server } from '@modelcontextprotocol/sdk/server/index.js'
import type { Principal } from '../../auth/types.ts'

export interface McpSessionInstance {
  /** The SDK low-level server; the transport connects it. */
  server: Server
  /** Ends the instance: cancels its in-flight work and closes its transport. */
  close(): Promise<void>
  /** Resolves when no call of this instance is running any more, or after `timeoutMs`. */
  drain?(timeoutMs: number): Promise<void>
}

/** Builds the MCP server instance of one new session for an authenticated principal. */
export type CreateSession = (principal: Principal) => McpSessionInstance | Promise<McpSessionInstance>
