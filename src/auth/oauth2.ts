/**
 * `mcp.auth_type: oauth2`: Ratchet as an OAuth 2.1 resource server. Access tokens are JWTs issued by
 * an external authorization server (`oauth2.issuer`), signed RS256 or ES256 with a key from
 * `oauth2.jwks_uri`, for this server (`aud` must include `oauth2.audience`: tokens meant for other
 * services are refused, never passed through), and carrying every `oauth2.required_scopes`.
 */
import type { webcrypto } from 'node:crypto'
import { refuse } from './auth-result.ts'
import { createJwksCache, type JwksCache, type SigningAlgorithm } from './jwks.ts'
import { checkAlgorithm, checkClaims, decodeJwt, tokenPrincipal, tokenScopes, type TokenVerifier } from './jwt.ts'
import type { RawPermissions } from './permissions.ts'

export interface OAuth2Settings {
  issuer: string
  jwksUri: string
  /** This server's resource identifier: required in `aud`, and `resource` in the metadata. */
  audience: string
  requiredScopes: readonly string[]
  permissions?: RawPermissions
  /** How long fetched signing keys are trusted, in seconds. */
  jwksCacheSeconds?: number
}

export const OAUTH2_ALGORITHMS: readonly SigningAlgorithm[] = ['RS256', 'ES256']

const VERIFY: Record<SigningAlgorithm, webcrypto.Algorithm | webcrypto.EcdsaParams> = {
  RS256: { name: 'RSASSA-PKCS1-v1_5' },
  ES256: { name: 'ECDSA', hash: 'SHA-256' },
}

export function createOAuth2Verifier(settings: OAuth2Settings, options: { fetch?: typeof fetch; jwks?: JwksCache } = {}): TokenVerifier {
  const jwks = options.jwks ?? createJwksCache({ uri: settings.jwksUri, fetch: options.fetch, ...(settings.jwksCacheSeconds !== undefined ? { cacheMs: settings.jwksCacheSeconds * 1000 } : {}) })
  return {
    async verify(token, nowMs = Date.now()) {
      const decoded = decodeJwt(token)
      if ('ok' in decoded) return decoded
      const badAlg = checkAlgorithm(decoded.header, OAUTH2_ALGORITHMS)
      if (badAlg) return badAlg
      const alg = decoded.header.alg as SigningAlgorithm
      const lookup = await jwks.keysFor(decoded.header.kid, alg)
      if (!lookup.ok) return refuse(503, 'keys_unavailable', `Service Unavailable: cannot check the token now: ${lookup.unavailable}`)
      if (lookup.keys.length === 0) {
        return refuse(401, 'unknown_signing_key', `Unauthorized: no ${alg} signing key${decoded.header.kid ? ` with kid "${decoded.header.kid}"` : ''} is published at oauth2.jwks_uri`)
      }
      let valid = false
      for (const key of lookup.keys) {
        if (await crypto.subtle.verify(VERIFY[alg], key, decoded.signature, decoded.signingInput)) {
          valid = true
          break
        }
      }
      if (!valid) return refuse(401, 'bad_signature', 'Unauthorized: the token signature does not verify with the issuer\'s published keys')
      const claims = checkClaims(decoded.payload, { issuer: settings.issuer, audience: settings.audience }, nowMs)
      if (claims) return claims
      const scopes = tokenScopes(decoded.payload) ?? []
      const missing = settings.requiredScopes.filter((scope) => !scopes.includes(scope))
      const principal = tokenPrincipal(decoded.payload, 'oauth2', settings.permissions)
      if ('ok' in principal) return principal
      if (missing.length > 0) {
        return refuse(403, 'insufficient_scope', `Forbidden: the token lacks the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (oauth2.required_scopes)`, { name: principal.name, scope: settings.requiredScopes.join(' ') })
      }
      return { ok: true, principal }
    },
  }
}
