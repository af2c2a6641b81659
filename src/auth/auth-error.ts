/**
 * A refusal at the HTTP boundary: an AppError (401, 403, 429 or 503 through ERROR_TABLE) that also
 * carries the response headers the refusal needs (`WWW-Authenticate`, `Retry-After`) and a reason
 * code for the JSON body. The HTTP app maps it in its one error handler.
 */
import { AppError, type ErrorCode } from '../errors.ts'
import type { AuthFailure } from './auth-result.ts'

export class AuthError extends AppError {
  readonly headers: Record<string, string>
  readonly reason: string

  constructor(code: ErrorCode, message: string, options: { reason: string; headers?: Record<string, string>; data?: Record<string, unknown> }) {
    super(code, message, { data: { reason: options.reason, ...options.data } })
    this.name = 'AuthError'
    this.reason = options.reason
    this.headers = options.headers ?? {}
  }
}

const CODES: Record<AuthFailure['status'], ErrorCode> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 503: 'BUSY' }

/** The AuthError of a failed credential check, with its challenge header. */
export function authFailureError(failure: AuthFailure, challenge: string | undefined): AuthError {
  const headers: Record<string, string> = {}
  if (challenge && failure.status !== 503) headers['WWW-Authenticate'] = challenge
  if (failure.status === 503) headers['Retry-After'] = '5'
  return new AuthError(CODES[failure.status], failure.message, { reason: failure.reason, headers, data: failure.name ? { key: failure.name } : {} })
}

/** The 429 of an HTTP-level rate limit. */
export function rateLimitedError(message: string, retryAfterS: number): AuthError {
  return new AuthError('RATE_LIMITED', message, { reason: 'rate_limited', headers: { 'Retry-After': String(retryAfterS) }, data: { retry_after_s: retryAfterS } })
}
