/**
 * What both stdio transports do with one line: parse it as a JSON-RPC message, or say which JSON-RPC
 * error answers it — -32700 for text that is not JSON, -32600 for JSON that is not a JSON-RPC 2.0
 * message — in the `"id": null` form JSON-RPC 2.0 asks for when the id could not be read.
 */
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js'

export type StdioLine = { ok: true; message: JSONRPCMessage } | { ok: false; problem: Error; answer: JSONRPCMessage }

/** The error response for a line whose id could not be read (the SDK's message type has no `id: null`). */
function nullIdError(code: number, message: string): JSONRPCMessage {
  return { jsonrpc: '2.0', id: null, error: { code, message } } as unknown as JSONRPCMessage
}

/** A non-blank line, parsed; blank lines are the caller's to skip. */
export function readStdioLine(line: string): StdioLine {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    return { ok: false, problem: error as Error, answer: nullIdError(ErrorCode.ParseError, `Parse error: ${(error as Error).message}`) }
  }
  const parsed = JSONRPCMessageSchema.safeParse(value)
  if (!parsed.success) {
    return { ok: false, problem: new Error(`not a JSON-RPC 2.0 message: ${line.slice(0, 200)}`), answer: nullIdError(ErrorCode.InvalidRequest, 'Invalid Request: the line is JSON but not a JSON-RPC 2.0 message') }
  }
  return { ok: true, message: parsed.data }
}
