/**
 * Reads an MCP request's JSON body with the host's size-capped reader (a huge body is never buffered
 * whole). Failures come back as the HTTP response to send, in JSON-RPC error form.
 */
import { AppError } from '../../errors.ts'
import { jsonRpcErrorResponse } from '../../http/json-rpc-error.ts'
import { readBodyBytes } from '../../http/read-json.ts'

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response }

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  let bytes: Uint8Array
  try {
    bytes = await readBodyBytes(request, maxBytes)
  } catch (error) {
    if (error instanceof AppError && error.code === 'PAYLOAD_TOO_LARGE') return { ok: false, response: jsonRpcErrorResponse(413, -32000, `Payload Too Large: the request body is over ${maxBytes} bytes`) }
    throw error
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.from(bytes).toString('utf8')) }
  } catch {
    return { ok: false, response: jsonRpcErrorResponse(400, -32700, 'Parse error: the body is not valid JSON') }
  }
}
