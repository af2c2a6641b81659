/**
 * The authentication seam of the MCP HTTP endpoints: every request passes through `authenticate`
 * before it reaches a transport, and the principal it returns owns the session it opens (a session
 * answers only its own principal). `auth_type: none` authenticates everyone as `anonymous`; the other
 * auth types plug in here, throwing an AppError to refuse a request.
 */
import type { McpAuthType } from './http-options.ts'

export type Authenticate = (request: Request) => Promise<string>

export const ANONYMOUS = 'anonymous'

export function createAuthenticator(authType: McpAuthType): Authenticate {
  switch (authType) {
    case 'none':
      return async () => ANONYMOUS
    default:
      // resolveMcpHttpOptions refuses these before a server starts.
      throw new Error(`no authenticator for mcp.auth_type ${authType}`)
  }
}
