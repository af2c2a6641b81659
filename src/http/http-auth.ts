/**
 * The authentication seam of every HTTP door: each request passes through `authenticate` before it
 * reaches a route or an MCP transport; over MCP the principal it returns owns the session it opens (a
 * session answers only the same principal with the same rights). `auth_type: none` authenticates everyone as
 * `anonymous`; api_key, jwt and oauth2 check the request's credential and throw an AuthError (401, 403
 * or 503 with `WWW-Authenticate`) that names what was wrong. Every refusal, and every success that
 * opens a session, becomes an audit line.
 */
import { ANONYMOUS, type RequestAuthenticator } from '../auth/authenticate.ts'
import { authFailureError } from '../auth/auth-error.ts'
import type { AuditLog } from '../auth/audit-log.ts'
import { PRM_PATH } from '../auth/protected-resource.ts'
import type { AuthType } from '../auth/settings.ts'
import type { Principal } from '../auth/types.ts'

/** Resolves the request's principal or throws an AuthError; `clientIp` is the socket's address. */
export type Authenticate = (request: Request, clientIp: string | null) => Promise<Principal>

export { ANONYMOUS }

export interface HttpAuth {
  authType: AuthType
  authenticate: Authenticate
  /** True when the request carries a credential (which must then be valid). */
  presentsCredential(request: Request): boolean
  /** The Protected Resource Metadata document (oauth2 only), else null. */
  protectedResource(): Record<string, unknown> | null
}

/** auth_type none: everyone is `anonymous`. */
export const ANONYMOUS_AUTH: HttpAuth = Object.freeze({
  authType: 'none' as const,
  authenticate: async () => ANONYMOUS,
  presentsCredential: () => false,
  protectedResource: () => null,
})

/** A request that opens a session: its successful authentication is audited (later ones of the session are not). */
function opensSession(request: Request, url: URL, quietPaths: readonly string[]): boolean {
  return !request.headers.has('mcp-session-id') && !url.searchParams.has('sessionId') && !quietPaths.includes(url.pathname)
}

export interface HttpAuthOptions {
  audit: AuditLog
  /** The MCP endpoint, for the resource_metadata URL of challenges. */
  mcpPath: string
  /** Paths whose successful authentications are not audited (/health, polled by monitors). */
  quietPaths?: readonly string[]
}

export function createHttpAuth(authenticator: RequestAuthenticator, options: HttpAuthOptions): HttpAuth {
  const { audit } = options
  return {
    authType: authenticator.authType,
    presentsCredential: (request) => authenticator.presentsCredential(request),
    protectedResource: () => authenticator.protectedResource(),
    async authenticate(request, clientIp) {
      const outcome = await authenticator.authenticate(request, clientIp)
      const url = new URL(request.url)
      const detail = { method: request.method, path: url.pathname }
      if (outcome.ok) {
        const { principal } = outcome
        if (opensSession(request, url, options.quietPaths ?? [])) audit.record({ event: 'auth', principal: principal.name, principalKind: principal.kind, outcome: 'success', ip: clientIp, detail })
        return principal
      }
      audit.record({ event: 'auth', principal: outcome.name ?? null, outcome: 'failure', ip: clientIp, reason: outcome.reason, detail })
      const resourceMetadata = `${url.origin}${PRM_PATH}${options.mcpPath}`
      throw authFailureError(outcome, authenticator.challenge(outcome, resourceMetadata))
    },
  }
}
