/**
 * The REST door's one mapping from errors to responses: `{error: {code, message, status, details?}}`
 * with the status from ERROR_TABLE. AuthErrors keep their WWW-Authenticate / Retry-After headers; a
 * RATE_LIMITED refusal always carries Retry-After, BUSY and SHUTTING_DOWN too. `details` holds the
 * error's data (JSON paths of invalid fields, suggestions, reason) and the hint on how to fix it.
 * Anything that is not an AppError is a 500 whose details go to the log, never to the client.
 */
import { AuthError } from '../../auth/auth-error.ts'
import { isAppError, type ErrorCode, ERROR_TABLE } from '../../errors.ts'
import { doorHint, type NextStep } from '../../engine/next-steps.ts'
import type { Logger } from '../../lib/logger.ts'

/** The engine's next steps as REST routes. */
const REST_NEXT_STEPS: Record<NextStep, string> = {
  listTasks: 'GET /api/v1/tasks lists the task names you may see.',
  listExecutions: 'GET /api/v1/executions lists the execution ids you may see.',
}

/** A REST error response. */
export function errorResponse(code: ErrorCode, message: string, options: { details?: Record<string, unknown>; headers?: Record<string, string> } = {}): Response {
  const status = ERROR_TABLE[code].http
  const details = options.details && Object.keys(options.details).length > 0 ? options.details : undefined
  return Response.json({ error: { code, message, status, ...(details ? { details } : {}) } }, { status, headers: options.headers })
}

/** The response for anything a route threw. */
export function restErrorResponse(error: unknown, context: { logger: Logger; request: Request }): Response {
  if (isAppError(error)) {
    const headers: Record<string, string> = error instanceof AuthError ? { ...error.headers } : {}
    const details: Record<string, unknown> = { ...(error.data ?? {}) }
    const hint = doorHint(error.hint, REST_NEXT_STEPS)
    if (hint && details.hint === undefined) details.hint = hint
    if (error.code === 'RATE_LIMITED' && headers['Retry-After'] === undefined) {
      const retryAfter = typeof details.retry_after_s === 'number' ? details.retry_after_s : 1
      headers['Retry-After'] = String(retryAfter)
      details.retry_after_s = retryAfter
    }
    if ((error.code === 'BUSY' || error.code === 'SHUTTING_DOWN') && headers['Retry-After'] === undefined) headers['Retry-After'] = '5'
    return errorResponse(error.code, error.message, { details, headers })
  }
  const { request, logger } = context
  logger.error('REST request failed', { method: request.method, path: new URL(request.url).pathname, error: (error as Error)?.stack ?? String(error) })
  return errorResponse('INTERNAL', 'Internal error: the server failed to answer this request; the details are in its log')
}
