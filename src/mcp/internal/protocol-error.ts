import { McpError } from '@modelcontextprotocol/sdk/types.js'

/**
 * A JSON-RPC error for the wire (resource not found, invalid params, forbidden, …). The SDK's McpError
 * puts "MCP error <code>: " in front of its message and the SDK sends `error.message` as is, so the
 * client's McpError (which adds the prefix again) would show the code twice. This keeps the plain
 * message and stays an McpError for everything that checks for one.
 */
export class ProtocolError extends McpError {
  constructor(code: number, message: string, data?: unknown) {
    super(code, message, data)
    this.message = message
  }
}
