/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) and the `WWW-Authenticate` challenges of 401/403
 * answers (RFC 6750 §3), as the MCP authorization spec asks: a client that gets 401 reads
 * `resource_metadata`, finds the authorization server there, and comes back with a token for us.
 */
import type { AuthFailure } from './auth-result.ts'
import type { OAuth2Settings } from './oauth2.ts'
import { SCOPES } from './permissions.ts'

export const PRM_PATH = '/.well-known/oauth-protected-resource'

/** The metadata document for `resource` (oauth2.audience). */
export function protectedResourceMetadata(settings: OAuth2Settings): Record<string, unknown> {
  return {
    resource: settings.audience,
    authorization_servers: [settings.issuer],
    bearer_methods_supported: ['header'],
    scopes_supported: [...new Set([...settings.requiredScopes, ...Object.keys(SCOPES)])],
    resource_name: 'Ratchet MCP server',
  }
}

const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`

/** `Bearer realm="ratchet", error="…", …` for a refusal; `resourceMetadata` is the absolute PRM URL (oauth2). */
export function bearerChallenge(failure: AuthFailure | null, options: { resourceMetadata?: string; apiKeys?: boolean } = {}): string {
  const params: Array<[string, string]> = [['realm', 'ratchet']]
  if (failure && failure.reason !== 'missing_credentials') {
    params.push(['error', failure.reason === 'insufficient_scope' ? 'insufficient_scope' : failure.reason === 'credentials_in_query' || failure.reason === 'ambiguous_credentials' ? 'invalid_request' : 'invalid_token'])
    params.push(['error_description', failure.message.replace(/^[A-Za-z ]+: /, '')])
  }
  if (failure?.scope) params.push(['scope', failure.scope])
  if (options.resourceMetadata) params.push(['resource_metadata', options.resourceMetadata])
  const bearer = `Bearer ${params.map(([k, v]) => `${k}=${quoted(v)}`).join(', ')}`
  return options.apiKeys ? `${bearer}, ApiKey realm="ratchet"` : bearer
}
