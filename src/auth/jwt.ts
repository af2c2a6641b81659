/**
 * JSON Web Tokens: compact-JWS decoding, claim checks shared with OAuth2, and HS256/384/512
 * verification with WebCrypto for `mcp.auth_type: jwt`. `alg: none`, any algorithm outside the allowed
 * set (so an RS256 token, or an HS256 token signed with a public key, is refused before any key is
 * touched), a bad signature, `exp`/`nbf` outside a 30 s leeway, and a wrong `iss` or `aud` are all
 * refused with a reason that names the claim.
 */
import { refuse, type AuthFailure, type AuthOutcome } from './auth-result.ts'
import { permissionsFromToken, type RawPermissions } from './permissions.ts'
import type { Principal, PrincipalKind } from './types.ts'

/** Clock skew tolerated for exp, nbf and iat, in seconds. */
export const CLOCK_LEEWAY_S = 30
const MAX_TOKEN_LENGTH = 16 * 1024

export interface JwtHeader {
  alg: string
  kid?: string
  typ?: string
  crit?: unknown
}

export interface DecodedJwt {
  header: JwtHeader
  payload: Record<string, unknown>
  /** `base64url(header).base64url(payload)`: the bytes the signature covers. */
  signingInput: Uint8Array<ArrayBuffer>
  signature: Uint8Array<ArrayBuffer>
}

const B64URL = /^[A-Za-z0-9_-]*$/

function parseSegment(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** Splits and parses a compact JWS without checking anything but its shape. */
export function decodeJwt(token: string): DecodedJwt | AuthFailure {
  const malformed = (why: string) => refuse(401, 'malformed_token', `Unauthorized: the bearer token is not a valid JWT (${why})`)
  if (token.length > MAX_TOKEN_LENGTH) return malformed(`longer than ${MAX_TOKEN_LENGTH} characters`)
  const parts = token.split('.')
  if (parts.length !== 3) return malformed('a JWT has three dot-separated parts')
  if (!parts.every((part) => B64URL.test(part))) return malformed('its parts must be base64url')
  const header = parseSegment(parts[0]!)
  const payload = parseSegment(parts[1]!)
  if (!header || typeof header.alg !== 'string') return malformed('the header has no "alg"')
  if (!payload) return malformed('the payload is not a JSON object')
  return {
    header: header as unknown as JwtHeader,
    payload,
    signingInput: new TextEncoder().encode(`${parts[0]}.${parts[1]}`),
    signature: new Uint8Array(Buffer.from(parts[2]!, 'base64url')),
  }
}

/** Refuses `none`, algorithms outside `allowed`, and critical header extensions we do not implement. */
export function checkAlgorithm(header: JwtHeader, allowed: readonly string[]): AuthFailure | null {
  if (header.alg.toLowerCase() === 'none') return refuse(401, 'alg_not_allowed', 'Unauthorized: unsigned tokens (alg "none") are refused')
  if (!allowed.includes(header.alg)) return refuse(401, 'alg_not_allowed', `Unauthorized: JWT algorithm "${header.alg}" is not accepted here; use ${allowed.join(', ')}`)
  if (header.crit !== undefined) return refuse(401, 'malformed_token', 'Unauthorized: the JWT has critical header extensions ("crit") this server does not understand')
  return null
}

export interface ClaimRules {
  /** Required `iss`, when set. */
  issuer?: string
  /** Required member of `aud`, when set. */
  audience?: string
  /** The longest a token may be in use after `iat` (jwt.expiry), in seconds. */
  maxAgeSeconds?: number
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** Checks exp (required), nbf, iat, iss and aud; null when they hold at `nowMs`. */
export function checkClaims(payload: Record<string, unknown>, rules: ClaimRules, nowMs: number): AuthFailure | null {
  const now = nowMs / 1000
  const { exp, nbf, iat, iss, aud } = payload
  if (!isNumber(exp)) return refuse(401, 'malformed_token', 'Unauthorized: the JWT has no numeric "exp" claim; tokens must expire')
  if (now > exp + CLOCK_LEEWAY_S) return refuse(401, 'token_expired', `Unauthorized: the JWT expired at ${new Date(exp * 1000).toISOString()}`)
  if (nbf !== undefined && (!isNumber(nbf) || now + CLOCK_LEEWAY_S < nbf)) {
    return refuse(401, 'token_not_yet_valid', `Unauthorized: the JWT is not valid before ${isNumber(nbf) ? new Date(nbf * 1000).toISOString() : 'a malformed "nbf"'}`)
  }
  if (iat !== undefined && (!isNumber(iat) || now + CLOCK_LEEWAY_S < iat)) return refuse(401, 'token_not_yet_valid', 'Unauthorized: the JWT was issued in the future ("iat")')
  if (rules.maxAgeSeconds !== undefined) {
    if (!isNumber(iat)) return refuse(401, 'malformed_token', 'Unauthorized: the JWT has no "iat" claim, so its age (jwt.expiry) cannot be checked')
    if (now - iat > rules.maxAgeSeconds + CLOCK_LEEWAY_S) return refuse(401, 'token_too_old', `Unauthorized: the JWT was issued more than ${rules.maxAgeSeconds} s ago (jwt.expiry)`)
  }
  if (rules.issuer !== undefined && iss !== rules.issuer) {
    return refuse(401, 'wrong_issuer', `Unauthorized: the JWT issuer ${typeof iss === 'string' ? `"${iss}"` : '(none)'} is not "${rules.issuer}"`)
  }
  if (rules.audience !== undefined) {
    const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : []
    if (!audiences.includes(rules.audience)) {
      return refuse(401, 'wrong_audience', `Unauthorized: the JWT audience ${audiences.length ? JSON.stringify(audiences) : '(none)'} does not include "${rules.audience}"; tokens issued for other services are refused`)
    }
  }
  return null
}

/** The token's scopes (`scope` as a space-separated string, or `scp`), or null when it carries none. */
export function tokenScopes(payload: Record<string, unknown>): string[] | null {
  const { scope, scp } = payload
  if (typeof scope === 'string') return scope.split(/\s+/).filter(Boolean)
  if (Array.isArray(scp)) return scp.filter((s): s is string => typeof s === 'string')
  if (typeof scp === 'string') return scp.split(/\s+/).filter(Boolean)
  return null
}

/** The principal of a verified token: named by `sub` (else `client_id` or `azp`). */
export function tokenPrincipal(payload: Record<string, unknown>, kind: PrincipalKind, base: RawPermissions | undefined): Principal | AuthFailure {
  const name = [payload.sub, payload.client_id, payload.azp].find((v): v is string => typeof v === 'string' && v !== '')
  if (name === undefined) return refuse(401, 'missing_subject', 'Unauthorized: the JWT names no subject ("sub" or "client_id")')
  return Object.freeze({ name, kind, permissions: permissionsFromToken(tokenScopes(payload), base) })
}

export interface JwtSettings {
  secret: string
  issuer?: string
  audience?: string
  /** jwt.expiry: the longest a token is accepted after its `iat`, in seconds. */
  expirySeconds?: number
  permissions?: RawPermissions
}

const HMAC: Record<string, string> = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' }
export const HMAC_ALGORITHMS = Object.keys(HMAC)

export interface TokenVerifier {
  verify(token: string, nowMs?: number): Promise<AuthOutcome>
}

/** Verifies HS256/HS384/HS512 tokens signed with `jwt.secret`. */
export function createJwtVerifier(settings: JwtSettings): TokenVerifier {
  const secret = new TextEncoder().encode(settings.secret)
  const keys = new Map<string, Promise<CryptoKey>>()
  const keyFor = (alg: string) => {
    let key = keys.get(alg)
    if (!key) {
      key = crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: HMAC[alg]! }, false, ['verify'])
      keys.set(alg, key)
    }
    return key
  }
  return {
    async verify(token, nowMs = Date.now()) {
      const decoded = decodeJwt(token)
      if ('ok' in decoded) return decoded
      const badAlg = checkAlgorithm(decoded.header, HMAC_ALGORITHMS)
      if (badAlg) return badAlg
      const valid = await crypto.subtle.verify('HMAC', await keyFor(decoded.header.alg), decoded.signature, decoded.signingInput)
      if (!valid) return refuse(401, 'bad_signature', 'Unauthorized: the JWT signature is not valid for this server\'s secret')
      const claims = checkClaims(decoded.payload, { issuer: settings.issuer, audience: settings.audience, maxAgeSeconds: settings.expirySeconds }, nowMs)
      if (claims) return claims
      const principal = tokenPrincipal(decoded.payload, 'jwt', settings.permissions)
      return 'ok' in principal ? principal : { ok: true, principal }
    },
  }
}
