/**
 * Reads a request's JSON body with a size cap, stopping as soon as the cap is passed (a huge body is
 * never buffered whole). Failures come back as the HTTP response to send, in JSON-RPC error form.
 */
import { jsonRpcErrorResponse } from '../../http/json-rpc-error.ts'

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response }

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const tooLarge = (): JsonBody => ({ ok: false, response: jsonRpcErrorResponse(413, -32000, `Payload Too Large: the request body is over ${maxBytes} bytes`) })
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge()
  const chunks: Uint8Array[] = []
  let size = 0
  if (request.body) {
    const reader = request.body.getReader()
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel()
        return tooLarge()
      }
      chunks.push(value)
    }
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) }
  } catch {
    return { ok: false, response: jsonRpcErrorResponse(400, -32700, 'Parse error: the body is not valid JSON') }
  }
}
