/**
 * Checks the credentials of one HTTP request for the configured `auth_type` (of the top-level
 * `security:` section, or `mcp.auth_type`) and answers with the
 * principal or a refusal that says what was wrong. There is no fallback: with api_key, jwt or oauth2 a
 * request without a valid credential is refused, never treated as anonymous.
 */
import { createApiKeyVerifier } from './api-keys.ts'
import { refuse, type AuthFailure, type AuthOutcome } from './auth-result.ts'
import { readCredential } from './credentials.ts'
import { createJwtVerifier, type TokenVerifier } from './jwt.ts'
import { createOAuth2Verifier } from './oauth2.ts'
import { FULL_ACCESS } from './permissions.ts'
import { bearerChallenge, protectedResourceMetadata } from './protected-resource.ts'
import type { AuthType, SecuritySettings } from './settings.ts'
import type { Principal } from './types.ts'

export interface RequestAuthenticator {
  authType: AuthType
  /** `ip` is the socket's remote address (null when unknown), never a forwarded-for header. */
  authenticate(request: Request, ip: string | null): Promise<AuthOutcome>
  /** True when the request carries some credential (it must then be valid, even where none is required). */
  presentsCredential(request: Request): boolean
  /** The `WWW-Authenticate` header of a refusal; `resourceMetadata` is the absolute URL of the metadata (oauth2). */
  challenge(failure: AuthFailure, resourceMetadata?: string): string
  /** The Protected Resource Metadata document (oauth2 only), else null. */
  protectedResource(): Record<string, unknown> | null
}

/** Everyone is `anonymous` with every permission: mcp.auth_type none (loopback, or explicitly allowed). */
export const ANONYMOUS: Principal = Object.freeze({ name: 'anonymous', kind: 'anonymous', permissions: FULL_ACCESS })

export function createRequestAuthenticator(settings: SecuritySettings, options: { fetch?: typeof fetch } = {}): RequestAuthenticator {
  const { authType } = settings
  // The key as the operator wrote it: under a top-level security: section, or the guide's mcp.* keys.
  const authTypeKey = `${settings.section ?? 'mcp'}.auth_type`
  const apiKeys = authType === 'api_key' ? createApiKeyVerifier(settings.apiKeys) : null
  const tokens: TokenVerifier | null = settings.jwt ? createJwtVerifier(settings.jwt) : settings.oauth2 ? createOAuth2Verifier(settings.oauth2, options) : null
  const metadata = settings.oauth2 ? protectedResourceMetadata(settings.oauth2) : null

  return {
    authType,
    async authenticate(request, ip) {
      if (authType === 'none') return { ok: true, principal: ANONYMOUS }
      const presented = readCredential(request, { apiKeys: apiKeys !== null })
      if (presented === null) {
        const how = apiKeys ? 'an API key in Authorization: Bearer <key> or X-API-Key' : 'a token in Authorization: Bearer <token>'
        return refuse(401, 'missing_credentials', `Unauthorized: this server requires ${how} (${authTypeKey} ${authType})`)
      }
      if ('ok' in presented) return presented
      if (apiKeys) return apiKeys.verify(presented.value, ip)
      return tokens!.verify(presented.value)
    },
    presentsCredential(request) {
      return request.headers.has('authorization') || request.headers.has('x-api-key')
    },
    challenge(failure, resourceMetadata) {
      return bearerChallenge(failure, { resourceMetadata: metadata ? resourceMetadata : undefined, apiKeys: apiKeys !== null })
    },
    protectedResource: () => metadata,
  }
}
