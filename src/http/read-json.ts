/**
 * Reads a JSON request body for a state-changing route of any door: only `application/json` (a web page
 * on another origin can send `text/plain` without a CORS preflight, so nothing else is accepted), with a
 * size cap checked while reading (a huge or chunked body is never buffered whole). Throws AppErrors:
 * UNSUPPORTED_MEDIA_TYPE (415), PAYLOAD_TOO_LARGE (413), BAD_INPUT (400) for text that is not JSON.
 */
import { AppError } from '../errors.ts'

/** Whether the Content-Type is JSON (`application/json`, `application/*+json`, any parameters). */
export function isJsonContentType(contentType: string | null): boolean {
  if (contentType === null) return false
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase()
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))
}

/** Reads at most `maxBytes` of the body, or throws PAYLOAD_TOO_LARGE as soon as it passes them. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `Payload Too Large: the request body is over ${maxBytes} bytes`, { data: { max_bytes: maxBytes }, hint: 'Send a smaller body, or raise security.security.request_size_limit (mcp.security.request_size_limit).' })
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge()
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
        throw tooLarge()
      }
      chunks.push(value)
    }
  }
  return Buffer.concat(chunks)
}

/** The parsed JSON body; an empty body is `undefined` when `optional`, else BAD_INPUT. */
export async function readJson(request: Request, maxBytes: number, options: { optional?: boolean } = {}): Promise<unknown> {
  const contentType = request.headers.get('content-type')
  const bytes = await readBodyBytes(request, maxBytes)
  if (bytes.byteLength === 0) {
    if (options.optional) return undefined
    throw new AppError('BAD_INPUT', 'The request needs a JSON body', { hint: 'Send a JSON object with Content-Type: application/json.' })
  }
  if (!isJsonContentType(contentType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Unsupported Media Type: the body must be application/json, got ${contentType === null ? 'no Content-Type' : JSON.stringify(contentType)}`, { hint: 'Send the body as JSON with Content-Type: application/json.' })
  }
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch (error) {
    throw new AppError('BAD_INPUT', `The body is not valid JSON: ${(error as Error).message}`, { hint: 'Check the JSON syntax (quotes, commas, brackets).' })
  }
}
