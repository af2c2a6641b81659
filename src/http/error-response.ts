/**
 * The two error body formats of the HTTP host, and the one mapping from errors to responses per format:
 * JSON-RPC (`{jsonrpc, error: {code, message, data}, id: null}`) for the MCP endpoints, and
 * `{error: {code, message, status, details?}}` for REST and everything else. Status codes come from
 * ERROR_TABLE; AuthErrors add their WWW-Authenticate / Retry-After headers; BUSY and SHUTTING_DOWN
 * add Retry-After. Anything that is not an AppError is a 500 whose details are logged, never sent.
 */
import { AuthError } from '../auth/auth-error.ts'
import { ERROR_TABLE, isAppError, type ErrorCode } from '../errors.ts'
import type { Logger } from '../lib/logger.ts'
import { jsonRpcErrorResponse } from './json-rpc-error.ts'

export type BodyFormat = 'json-rpc' | 'rest'

/** A REST error response: `{error: {code, message, status, details?}}`. */
export function restErrorResponse(status: number, code: string, message: string, options: { details?: unknown; headers?: Record<string, string> } = {}): Response {
  const error = { code, message, status, ...(options.details !== undefined ? { details: options.details } : {}) }
  return new Response(JSON.stringify({ error }), { status, headers: { 'content-type': 'application/json', ...options.headers } })
}

/** The response for a refusal the host itself makes (403 guard, 404 unknown path, 405). */
export function hostErrorResponse(format: BodyFormat, code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
  const status = ERROR_TABLE[code].http
  return format === 'json-rpc' ? jsonRpcErrorResponse(status, code === 'FORBIDDEN' ? -32000 : ERROR_TABLE[code].jsonRpc, message, headers) : restErrorResponse(status, code, message, { headers })
}

/** Maps any thrown value to the response of `format`. */
export function errorResponse(format: BodyFormat, error: unknown, context: { logger: Logger; request: Request }): Response {
  if (error instanceof AuthError) {
    const { reason, key, retry_after_s } = (error.data ?? {}) as { reason?: string; key?: string; retry_after_s?: number }
    const data = { reason, ...(key ? { key } : {}), ...(retry_after_s !== undefined ? { retry_after_s } : {}) }
    if (format === 'json-rpc') return jsonRpcErrorResponse(error.httpStatus, ERROR_TABLE[error.code].jsonRpc, error.message, error.headers, data)
    return restErrorResponse(error.httpStatus, error.code, error.message, { details: data, headers: error.headers })
  }
  if (isAppError(error)) {
    const headers: Record<string, string> = error.code === 'BUSY' || error.code === 'SHUTTING_DOWN' ? { 'Retry-After': '5' } : {}
    const message = error.hint ? `${error.message}. ${error.hint}` : error.message
    if (format === 'json-rpc') return jsonRpcErrorResponse(error.httpStatus, ERROR_TABLE[error.code].jsonRpc, message, headers)
    return restErrorResponse(error.httpStatus, error.code, message, { details: error.data, headers })
  }
  const { request, logger } = context
  logger.error('HTTP request failed', { method: request.method, path: new URL(request.url).pathname, error: (error as Error)?.stack ?? String(error) })
  return format === 'json-rpc' ? jsonRpcErrorResponse(500, -32603, 'Internal error') : restErrorResponse(500, 'INTERNAL', 'Internal error: the server failed to answer this request; the details are in its log')
}
