/**
 * The settings of `ratchet serve`'s HTTP server: `server.host` / `server.port` (overridden by --host and
 * --port), the browser origins allowed by `server.cors` (and `mcp.cors` for the MCP endpoints mounted on
 * the same port), `server.trusted_proxies`, the request size limit and the security settings in force.
 * Refuses, before anything opens, to listen unauthenticated on a non-loopback address.
 */
import { readSecuritySettings, type SecuritySettings } from '../auth/settings.ts'
import type { Config } from '../config/types.ts'
import { parsePort, refuseUnauthenticatedRemote, requestSizeLimit } from '../http/listen-settings.ts'
import { MCP_HTTP_DEFAULTS, type McpHttpOptions } from '../mcp/http/http-options.ts'
import { checkToolRateLimits } from '../mcp/tool-operations.ts'
import { parseTrustedProxies } from '../http/client-ip.ts'
import type { IpRange } from '../auth/ip-match.ts'

export interface ServeOptions {
  host: string
  port: number
  allowedOrigins: string[]
  trustedProxies: IpRange[]
  maxBodyBytes: number
  security: SecuritySettings
  /** The MCP endpoints' session settings (both transports are mounted). */
  mcp: McpHttpOptions
}

interface RawServer {
  cors?: { allowed_origins?: string[] }
  trusted_proxies?: string[]
}

export function resolveServeOptions(config: Config, flags: { host?: string; port?: string | number } = {}): ServeOptions {
  const server = (config.raw.server ?? {}) as RawServer
  const mcp = (config.raw.mcp ?? {}) as { cors?: { allowed_origins?: string[] }; max_connections?: number }
  const host = flags.host ?? config.server?.host ?? '127.0.0.1'
  const port = parsePort(flags.port ?? config.server?.port ?? 8080, flags.port !== undefined ? '--port' : 'server.port')
  const security = readSecuritySettings(config)
  checkToolRateLimits(security)
  refuseUnauthenticatedRemote(config, host, 'the HTTP API')
  const allowedOrigins = [...new Set([...(server.cors?.allowed_origins ?? []), ...(mcp.cors?.allowed_origins ?? [])])]
  const maxBodyBytes = requestSizeLimit(config)
  return {
    host,
    port,
    allowedOrigins,
    trustedProxies: parseTrustedProxies(server.trusted_proxies ?? []),
    maxBodyBytes,
    security,
    mcp: {
      transport: 'sse',
      host,
      port,
      authType: security.authType,
      allowedOrigins,
      maxSessions: mcp.max_connections,
      maxRequestBodySize: maxBodyBytes,
      sessionIdleMs: MCP_HTTP_DEFAULTS.sessionIdleMs,
      keepAliveMs: MCP_HTTP_DEFAULTS.keepAliveMs,
      maxEventsPerSession: MCP_HTTP_DEFAULTS.maxEventsPerSession,
      retryIntervalMs: MCP_HTTP_DEFAULTS.retryIntervalMs,
      security,
    },
  }
}
