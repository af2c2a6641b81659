/**
 * Where a request may carry its credential: `Authorization: Bearer <token>`, `Authorization: ApiKey
 * <key>` or `X-API-Key: <key>` (the last two only for API keys). Never the query string: a key there
 * lands in proxy logs and browser history, so such a request is refused outright, whatever else it
 * carries.
 */
import { refuse, type AuthFailure } from './auth-result.ts'

/** Query parameters that look like credentials. */
const QUERY_CREDENTIALS = new Set(['api_key', 'apikey', 'api-key', 'key', 'token', 'access_token', 'id_token', 'auth', 'authorization', 'jwt', 'bearer'])

export interface Presented {
  scheme: 'bearer' | 'apikey'
  value: string
}

/**
 * The credential a request presents, null when it presents none, or a refusal when it is in the query
 * string, uses an unknown scheme, or carries two different credentials.
 */
export function readCredential(request: Request, options: { apiKeys: boolean }): Presented | AuthFailure | null {
  const url = new URL(request.url)
  for (const name of url.searchParams.keys()) {
    if (QUERY_CREDENTIALS.has(name.toLowerCase())) {
      return refuse(401, 'credentials_in_query', `Unauthorized: credentials in the query string ("${name}") are refused because URLs end up in logs; send the ${options.apiKeys ? 'key in an Authorization: Bearer or X-API-Key header' : 'token in an Authorization: Bearer header'} instead`)
    }
  }
  const found: Presented[] = []
  const authorization = request.headers.get('authorization')
  if (authorization !== null) {
    const match = /^([A-Za-z][A-Za-z0-9_-]*)\s+(\S+)\s*$/.exec(authorization.trim())
    const scheme = match?.[1]!.toLowerCase()
    if (!match || (scheme !== 'bearer' && scheme !== 'apikey')) {
      return refuse(401, 'unsupported_scheme', `Unauthorized: the Authorization header must be "Bearer <${options.apiKeys ? 'key' : 'token'}>"${options.apiKeys ? ' or "ApiKey <key>"' : ''}`)
    }
    if (scheme === 'apikey' && !options.apiKeys) return refuse(401, 'unsupported_scheme', 'Unauthorized: this server takes a bearer token (Authorization: Bearer <token>), not an API key')
    found.push({ scheme, value: match[2]! })
  }
  const header = request.headers.get('x-api-key')
  if (header !== null) {
    if (!options.apiKeys) return refuse(401, 'unsupported_scheme', 'Unauthorized: this server takes a bearer token (Authorization: Bearer <token>), not X-API-Key')
    found.push({ scheme: 'apikey', value: header.trim() })
  }
  if (found.length === 0) return null
  if (found.length > 1 && found[0]!.value !== found[1]!.value) {
    return refuse(401, 'ambiguous_credentials', 'Unauthorized: the request carries two different credentials (Authorization and X-API-Key); send one')
  }
  if (found[0]!.value === '') return null
  return found[0]!
}
