/**
 * Starts the MCP HTTP server on Bun (`startMcpHttpServer`) and runs it until SIGINT/SIGTERM
 * (`serveMcpHttp`, what `ratchet mcp` and `ratchet mcp-serve --transport sse|streamable-http` call).
 * Shutdown closes every session first (their streams end cleanly), then the listener, then the
 * runtime (engine, workers, store, logger).
 */
import pkg from '../../../package.json' with { type: 'json' }
import { NO_AUDIT, type AuditLog } from '../../auth/audit-log.ts'
import { createRequestAuthenticator } from '../../auth/authenticate.ts'
import type { Logger } from '../../lib/logger.ts'
import { createMcpHttpApp, HEALTH_PATH, MCP_PATH, MESSAGES_PATH, SSE_PATH, type McpHttpApp } from './app.ts'
import { ANONYMOUS_AUTH, createHttpAuth, type HttpAuth } from './authenticate.ts'
import type { McpHttpOptions } from './http-options.ts'
import { createLegacySseHandlers } from './legacy-sse.ts'
import { createRequestGuard, formatHostPort, isWildcardHost, type BoundAddress } from './request-guard.ts'
import { createRequestLimits } from './request-limits.ts'
import { createSessionRegistry, type SessionRegistry } from './session-registry.ts'
import { createStreamableHttpHandler } from './streamable-http.ts'
import type { CreateSession } from './types.ts'

/** Bun's per-connection idle timeout (s). Open streams stay alive through the SSE keep-alives. */
const IDLE_TIMEOUT_S = 30

export interface McpHttpServerDeps {
  logger: Logger
  createSession: CreateSession
  /** Extra fields for /health (tasks, workers, queue). */
  status?: () => Record<string, unknown>
  /** Where authentication results go; default none. */
  audit?: AuditLog
  /** For oauth2: fetches the signing keys (tests pass their own). */
  fetch?: typeof fetch
}

export interface RunningMcpHttpServer {
  /** Base URL, e.g. http://127.0.0.1:8090 (a loopback address when bound to every interface). */
  url: string
  host: string
  port: number
  app: McpHttpApp
  sessions: SessionRegistry
  /** Refuses new sessions and waits up to `graceMs` for running calls to finish. */
  drain(graceMs: number): Promise<void>
  /** Closes every session and the listener. Idempotent. */
  stop(): Promise<void>
}

export interface McpHttpServer {
  app: McpHttpApp
  sessions: SessionRegistry
  /** The address the guard accepts in Host; its port is updated once the listener is bound. */
  bound: BoundAddress
  /** Marks the server as stopping in /health. */
  markStopping(): void
  /** Tells the app how to find a request's remote address (the listening server does). */
  setRequestIP(lookup: (request: Request) => string | null): void
}

/** The authentication of the HTTP endpoints for `options`: never a silent fallback to anonymous. */
function httpAuthFor(deps: McpHttpServerDeps, options: McpHttpOptions): HttpAuth {
  if (options.security) {
    if (options.security.authType === 'none') return ANONYMOUS_AUTH
    return createHttpAuth(createRequestAuthenticator(options.security, { fetch: deps.fetch }), { audit: deps.audit ?? NO_AUDIT, mcpPath: MCP_PATH, quietPaths: [HEALTH_PATH] })
  }
  if (options.authType === 'none') return ANONYMOUS_AUTH
  throw new Error(`mcp.auth_type ${options.authType} needs its security settings (options.security)`)
}

/** Builds the app and its session registry without listening (tests call `app.handle`). */
export function createMcpHttpServer(deps: McpHttpServerDeps, options: McpHttpOptions): McpHttpServer {
  const { logger } = deps
  const bound: BoundAddress = { host: options.host, port: options.port }
  const limits = options.security ? createRequestLimits(options.security.rateLimits) : undefined
  // Filled in once the app listens: the socket address, never a forwarded-for header.
  let requestIP: ((request: Request) => string | null) | null = null
  const guard = createRequestGuard({ bound, allowedOrigins: options.allowedOrigins })
  const sessions = createSessionRegistry({ logger, idleMs: options.sessionIdleMs, maxSessions: options.maxSessions })
  const started = Date.now()
  let stopping = false
  const common = { sessions, createSession: deps.createSession, logger, keepAliveMs: options.keepAliveMs, maxRequestBodySize: options.maxRequestBodySize }
  const app = createMcpHttpApp({
    guard,
    logger,
    auth: httpAuthFor(deps, options),
    ...(limits ? { limits } : {}),
    clientIp: (request) => requestIP?.(request) ?? null,
    streamable: createStreamableHttpHandler({ ...common, maxEventsPerSession: options.maxEventsPerSession, retryIntervalMs: options.retryIntervalMs }),
    sse: options.transport === 'sse' ? createLegacySseHandlers({ ...common, messagesPath: MESSAGES_PATH }) : undefined,
    health: () => {
      const counts = sessions.counts()
      return {
        status: stopping ? 'stopping' : 'ok',
        version: pkg.version,
        uptime_s: Math.round((Date.now() - started) / 1000),
        transport: options.transport,
        sessions: { total: counts.total, streamable_http: counts['streamable-http'], sse: counts.sse },
        ...deps.status?.(),
      }
    },
  })
  return {
    app,
    sessions,
    bound,
    markStopping: () => void (stopping = true),
    setRequestIP: (lookup) => void (requestIP = lookup),
  }
}

export async function startMcpHttpServer(deps: McpHttpServerDeps, options: McpHttpOptions): Promise<RunningMcpHttpServer> {
  const { logger } = deps
  const { app, sessions, bound, markStopping, setRequestIP } = createMcpHttpServer(deps, options)
  // Bun reads `hostname` (brackets are URL syntax only). Elysia turns SO_REUSEPORT on by default, which
  // would let a second server share the port silently: a port in use must be an error.
  app.listen({ hostname: options.host.replace(/^\[|\]$/g, ''), port: options.port, idleTimeout: IDLE_TIMEOUT_S, reusePort: false, development: false })
  const server = app.server
  if (!server?.port) throw new Error(`could not listen on ${formatHostPort(options.host, options.port)}`)
  bound.port = server.port
  setRequestIP((request) => server.requestIP(request)?.address ?? null)
  const urlHost = isWildcardHost(options.host) ? '127.0.0.1' : options.host
  const url = `http://${formatHostPort(urlHost, server.port)}`
  logger.info('MCP HTTP server listening', {
    url,
    streamableHttp: `${url}${MCP_PATH}`,
    ...(options.transport === 'sse' ? { sse: `${url}${SSE_PATH}` } : {}),
    health: `${url}${HEALTH_PATH}`,
  })

  let stopped: Promise<void> | null = null
  return {
    url,
    host: options.host,
    port: server.port,
    app,
    sessions,
    async drain(graceMs) {
      markStopping()
      await sessions.drain(graceMs)
    },
    stop() {
      stopped ??= (async () => {
        markStopping()
        await sessions.closeAll('server shutting down')
        await app.stop(true)
      })()
      return stopped
    },
  }
}
