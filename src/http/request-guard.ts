/**
 * Host and Origin checks for every HTTP route of the server (DNS-rebinding protection; MCP spec 2025-11-25:
 * "an invalid Origin must get 403"). A page on evil.example.com whose name resolves to 127.0.0.1 sends
 * `Host: evil.example.com`; a page in the browser sends its own `Origin`. Both are refused unless they
 * name this server.
 */
import { hostname as machineHostname, networkInterfaces } from 'node:os'

export interface BoundAddress {
  /** The host the server listens on, as configured (`127.0.0.1`, `localhost`, `0.0.0.0`, `::`, a name or address). */
  host: string
  /** The port actually bound (never 0). */
  port: number
}

export interface RequestGuardOptions {
  bound: BoundAddress
  /** `mcp.cors.allowed_origins`; `*` allows every origin. */
  allowedOrigins: readonly string[]
}

export interface RequestGuard {
  /**
   * Why the request's Host or Origin is not allowed (the 403's message), else null. `loopbackPages`:
   * let localhost pages of any port in on a loopback-bound server (the MCP endpoints, for the
   * Inspector and local dev tools); the REST door takes only its own origin and the listed ones.
   */
  refusal(request: Request, options?: { loopbackPages?: boolean }): string | null
  /**
   * True when `origin` may read responses cross-origin (CORS headers are sent for it): the listed
   * origins, and, with `loopbackPages` (default) on a loopback-bound server, the localhost pages the
   * guard lets in anyway (the Inspector on localhost:6274, a dev server on localhost:3000).
   */
  corsAllowed(origin: string, options?: { loopbackPages?: boolean }): boolean
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/** True for localhost, 127.0.0.0/8 and ::1, written with or without IPv6 brackets. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase()
  return LOOPBACK_NAMES.has(h) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h.endsWith('.localhost')
}

/** True for the "every interface" addresses. */
export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]'
}

/** `host:port` as it appears in a URL (IPv6 addresses in brackets). */
export function formatHostPort(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '')
  return `${bare.includes(':') ? `[${bare}]` : bare}:${port}`
}

function bracketed(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  return bare.includes(':') ? `[${bare}]` : bare
}

/** The host names a request may carry in `Host` to reach a server bound to `bound.host`. */
function acceptedHostNames(bound: BoundAddress): Set<string> {
  const names = new Set<string>([bracketed(bound.host)])
  if (isLoopbackHost(bound.host) || isWildcardHost(bound.host)) for (const name of ['localhost', '127.0.0.1', '[::1]']) names.add(name)
  if (isWildcardHost(bound.host)) {
    names.add(machineHostname().toLowerCase())
    for (const list of Object.values(networkInterfaces())) for (const entry of list ?? []) names.add(bracketed(entry.address))
  }
  return names
}

function parseAuthority(authority: string): { hostname: string; port: number } | null {
  try {
    const url = new URL(`http://${authority}`)
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null
    return { hostname: url.hostname.toLowerCase(), port: url.port === '' ? 80 : Number(url.port) }
  } catch {
    return null
  }
}

/** The page's origin is this server as the request addresses it (scheme defaults for the port). */
function isSameOrigin(origin: URL, hostHeader: string, authority: { hostname: string; port: number }): boolean {
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') return false
  if (origin.hostname.toLowerCase() !== authority.hostname) return false
  const originPort = origin.port === '' ? (origin.protocol === 'https:' ? 443 : 80) : Number(origin.port)
  const hostHasPort = /:\d+$/.test(hostHeader)
  return originPort === authority.port || (!hostHasPort && origin.port === '')
}

/** An http(s) page served from localhost, 127.0.0.0/8 or ::1 (any port). */
function isLoopbackPage(origin: string): boolean {
  try {
    const url = new URL(origin)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin.replace(/\/+$/, '').toLowerCase() && isLoopbackHost(url.hostname.replace(/^\[|\]$/g, ''))
  } catch {
    return false
  }
}

export function createRequestGuard(options: RequestGuardOptions): RequestGuard {
  const { bound } = options
  const hostNames = acceptedHostNames(bound)
  const loopbackBound = isLoopbackHost(bound.host)
  const allowAny = options.allowedOrigins.includes('*')
  const listed = new Set(options.allowedOrigins.filter((o) => o !== '*').map((o) => o.replace(/\/+$/, '').toLowerCase()))

  const corsAllowed = (origin: string, options: { loopbackPages?: boolean } = {}) => allowAny || listed.has(origin.toLowerCase()) || (options.loopbackPages !== false && loopbackBound && isLoopbackPage(origin))

  const forbidden = (message: string) => `Forbidden: ${message}`

  return {
    corsAllowed,
    refusal(request, options = {}) {
      // Requests built in process (app.handle) have no Host header: their URL carries the authority.
      const hostHeader = request.headers.get('host') ?? new URL(request.url).host
      const authority = parseAuthority(hostHeader)
      if (!authority || authority.port !== bound.port || !hostNames.has(authority.hostname)) {
        return forbidden(`Host header "${hostHeader}" does not name this server (${formatHostPort(bound.host, bound.port)})`)
      }
      const origin = request.headers.get('origin')
      if (origin === null) return null
      let originUrl: URL
      try {
        originUrl = new URL(origin)
      } catch {
        return forbidden(`Origin "${origin}" is not a valid origin`)
      }
      if (corsAllowed(originUrl.origin, options)) return null
      if (isSameOrigin(originUrl, hostHeader, authority)) return null
      return forbidden(`Origin "${origin}" is not allowed; add it to server.cors.allowed_origins (mcp.cors.allowed_origins for the MCP endpoints)`)
    },
  }
}
