/**
 * The outcome of checking one request's credentials. A refusal names what was wrong in `reason` (a
 * stable code) and `message` (for the client), never the credential itself.
 */
import type { Principal } from './types.ts'

export type AuthFailureReason =
  | 'missing_credentials'
  | 'credentials_in_query'
  | 'ambiguous_credentials'
  | 'unsupported_scheme'
  | 'unknown_key'
  | 'inactive_key'
  | 'expired_key'
  | 'ip_not_allowed'
  | 'malformed_token'
  | 'alg_not_allowed'
  | 'bad_signature'
  | 'unknown_signing_key'
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'token_too_old'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'missing_subject'
  | 'insufficient_scope'
  | 'keys_unavailable'

export interface AuthFailure {
  ok: false
  /** 401: no or bad credentials; 403: good credentials that may not be used here; 503: cannot check now. */
  status: 401 | 403 | 503
  reason: AuthFailureReason
  message: string
  /** The key or subject, when the credential itself was recognised. */
  name?: string
  /** Scopes the resource needs (insufficient_scope). */
  scope?: string
}

export type AuthOutcome = { ok: true; principal: Principal } | AuthFailure

export function refuse(status: AuthFailure['status'], reason: AuthFailureReason, message: string, extra: { name?: string; scope?: string } = {}): AuthFailure {
  return { ok: false, status, reason, message, ...extra }
}
