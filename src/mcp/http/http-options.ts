/**
 * The settings of `ratchet mcp`'s HTTP server, from the config's `mcp` section (kept in `config.raw`,
 * already schema-checked) overridden by command-line flags. Checks the authentication settings
 * (keys, JWT secret, OAuth2 issuer) and refuses, before anything is opened, to serve unauthenticated
 * on a non-loopback address unless the config says so explicitly.
 */
import { readSecuritySettings, type SecuritySettings } from '../../auth/settings.ts'
import { checkToolRateLimits } from '../tool-operations.ts'
import { AppError } from '../../errors.ts'
import type { Config } from '../../config/types.ts'
import { parsePort, refuseUnauthenticatedRemote, requestSizeLimit } from '../../http/listen-settings.ts'


export type McpTransportName = 'stdio' | 'sse' | 'streamable-http'
export const MCP_TRANSPORTS: readonly McpTransportName[] = ['stdio', 'sse', 'streamable-http']

export type McpAuthType = 'none' | 'api_key' | 'jwt' | 'oauth2'

export interface McpHttpOptions {
  /** `sse` serves both the legacy SSE endpoints and Streamable HTTP; `streamable-http` only `/mcp`. */
  transport: 'sse' | 'streamable-http'
  host: string
  /** 0 picks a free port. */
  port: number
  authType: McpAuthType
  allowedOrigins: string[]
  /** mcp.max_connections: most sessions at once. */
  maxSessions?: number
  /** mcp.security.request_size_limit. */
  maxRequestBodySize: number
  /** Sessions unused this long (and with no open stream) are closed. */
  sessionIdleMs: number
  /** SSE comment keep-alive interval on every open stream. */
  keepAliveMs: number
  /** Events kept per session for Last-Event-ID resumption. */
  maxEventsPerSession: number
  /** SSE `retry:` sent with the priming event of 2025-11-25 streams: how soon a dropped client reconnects. */
  retryIntervalMs: number
  /** Credentials, rate limits and audit settings; without them only auth type none can be served. */
  security?: SecuritySettings
}

export interface McpHttpFlags {
  transport?: string
  host?: string
  port?: string | number
}

/** Defaults of the settings the config schema does not cover (or leaves unset). */
export const MCP_HTTP_DEFAULTS = {
  transport: 'sse',
  host: '127.0.0.1',
  port: 8090,
  authType: 'none',
  maxRequestBodySize: 4 * 1024 * 1024,
  sessionIdleMs: 30 * 60_000,
  // Bun closes a connection idle for 10 s, and proxies for 30–60 s: a comment every 8 s keeps both open.
  keepAliveMs: 8000,
  maxEventsPerSession: 1000,
  retryIntervalMs: 1000,
} as const satisfies Partial<Record<keyof McpHttpOptions, unknown>>

interface RawMcp {
  transport?: McpTransportName
  host?: string
  port?: number
  auth_type?: McpAuthType
  allow_unauthenticated_remote?: boolean
  max_connections?: number
  cors?: { allowed_origins?: string[] }
  security?: { request_size_limit?: number }
}

function rawMcp(config: Config): RawMcp {
  const section = config.raw.mcp
  return section && typeof section === 'object' ? (section as RawMcp) : {}
}

function checkTransport(value: string): McpTransportName {
  if (!MCP_TRANSPORTS.includes(value as McpTransportName)) {
    throw new AppError('BAD_INPUT', `--transport ${value} is not a transport: use one of ${MCP_TRANSPORTS.join(', ')}`)
  }
  return value as McpTransportName
}

/**
 * `ratchet mcp`'s transport: the flag, else `sse` (both HTTP transports). `mcp.transport` is not
 * consulted: the sample configs say `stdio` for `mcp-serve`, and `ratchet mcp --port N` must not
 * quietly serve stdin instead of the port it was given.
 */
export function resolveMcpTransport(flag?: string): McpTransportName {
  return checkTransport(flag ?? MCP_HTTP_DEFAULTS.transport)
}

/** `ratchet mcp-serve`'s transport: the flag, else `mcp.transport`, else `stdio`. */
export function resolveMcpServeTransport(config: Config, flag?: string): McpTransportName {
  return checkTransport(flag ?? rawMcp(config).transport ?? 'stdio')
}

/**
 * Refuses `--host`/`--port` when the transport is stdio: they would be silently ignored, and the
 * user who typed them expects a network server.
 */
export function refuseAddressWithStdio(transport: McpTransportName, flags: McpHttpFlags, source: string): void {
  if (transport !== 'stdio') return
  const given = [flags.host !== undefined ? '--host' : null, flags.port !== undefined ? '--port' : null].filter((flag): flag is string => flag !== null)
  if (given.length === 0) return
  throw new AppError('BAD_INPUT', `${given.join(' and ')} cannot be used with the stdio transport (${source}): stdio listens on no address`, {
    data: { transport, flags: given },
    hint: `Add --transport sse (or streamable-http) to listen on a port, or drop ${given.join(' and ')} for stdio.`,
  })
}

export function resolveMcpHttpOptions(config: Config, flags: McpHttpFlags = {}): McpHttpOptions {
  const raw = rawMcp(config)
  const transport = resolveMcpTransport(flags.transport)
  if (transport === 'stdio') throw new AppError('BAD_INPUT', 'The stdio transport is not served over HTTP', { hint: 'Use --transport sse or --transport streamable-http.' })
  const host = flags.host ?? raw.host ?? MCP_HTTP_DEFAULTS.host
  const port = parsePort(flags.port ?? raw.port ?? MCP_HTTP_DEFAULTS.port, flags.port !== undefined ? '--port' : 'mcp.port')
  const security = readSecuritySettings(config)
  checkToolRateLimits(security)
  const authType = security.authType
  refuseUnauthenticatedRemote(config, host, 'MCP')
  return {
    transport,
    host,
    port,
    authType,
    allowedOrigins: [...(raw.cors?.allowed_origins ?? [])],
    maxSessions: raw.max_connections,
    maxRequestBodySize: requestSizeLimit(config),
    sessionIdleMs: MCP_HTTP_DEFAULTS.sessionIdleMs,
    keepAliveMs: MCP_HTTP_DEFAULTS.keepAliveMs,
    maxEventsPerSession: MCP_HTTP_DEFAULTS.maxEventsPerSession,
    retryIntervalMs: MCP_HTTP_DEFAULTS.retryIntervalMs,
    security,
  }
}
