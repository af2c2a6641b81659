/**
 * Starts the MCP HTTP server on Bun (`startMcpHttpServer`) and runs it until SIGINT/SIGTERM
 * (`serveMcpHttp`, what `ratchet mcp` and `ratchet mcp-serve --transport sse|streamable-http` call).
 * Shutdown closes every session first (their streams end cleanly), then the listener, then the
 * runtime (engine, workers, store, logger).
 */
import pkg from '../../../package.json' with { type: 'json' }
import { createAccessControl, type AccessControl } from '../../auth/access-control.ts'
import { NO_AUDIT, type AuditLog } from '../../auth/audit-log.ts'
import { createRequestAuthenticator } from '../../auth/authenticate.ts'
import type { Logger } from '../../lib/logger.ts'
import { createHealthRoutes } from '../../http/health-routes.ts'
import { createHttpHost, type HttpHost } from '../../http/host.ts'
import { ANONYMOUS_AUTH, createHttpAuth, type HttpAuth } from '../../http/http-auth.ts'
import { listen } from '../../http/listen.ts'
import type { BoundAddress } from '../../http/request-guard.ts'
import { createRequestLimits } from '../../http/request-limits.ts'
import { createMcpRoutes, HEALTH_PATH, MCP_PATH, MESSAGES_PATH, SSE_PATH } from './app.ts'
import type { McpHttpOptions } from './http-options.ts'
import { createLegacySseHandlers } from './legacy-sse.ts'
import { createSessionRegistry, type SessionRegistry } from './session-registry.ts'
import { createStreamableHttpHandler } from './streamable-http.ts'
import type { CreateSession } from './types.ts'
import type { DoorServices } from '../../http/types.ts'

export interface McpHttpServerDeps {
  logger: Logger
  createSession: CreateSession
  /** Extra fields for /health (tasks, workers, queue). */
  status?: () => Record<string, unknown>
  /** Where authentication results go; default none. */
  audit?: AuditLog
  /** The process's access control (built once in the composition root); default one for these settings. */
  access?: AccessControl
  /** For oauth2: fetches the signing keys (tests pass their own). */
  fetch?: typeof fetch
}

export interface RunningMcpHttpServer {
  /** Base URL, e.g. http://127.0.0.1:8090 (a loopback address when bound to every interface). */
  url: string
  host: string
  port: number
  app: HttpHost
  sessions: SessionRegistry
  /** Refuses new sessions and waits up to `graceMs` for running calls to finish. */
  drain(graceMs: number): Promise<void>
  /** Closes every session and the listener. Idempotent. */
  stop(): Promise<void>
}

export interface McpHttpServer {
  /** The shared HTTP host with the MCP door and the health routes mounted. */
  app: HttpHost
  sessions: SessionRegistry
  /** The address the guard accepts in Host; its port is updated once the listener is bound. */
  bound: BoundAddress
  /** Marks the server as stopping in /health. */
  markStopping(): void
}

/** The authentication of the HTTP endpoints for `options`: never a silent fallback to anonymous. */
export function httpAuthFor(deps: { audit?: AuditLog; fetch?: typeof fetch }, options: Pick<McpHttpOptions, 'security' | 'authType'>): HttpAuth {
  if (options.security) {
    if (options.security.authType === 'none') return ANONYMOUS_AUTH
    return createHttpAuth(createRequestAuthenticator(options.security, { fetch: deps.fetch }), { audit: deps.audit ?? NO_AUDIT, mcpPath: MCP_PATH, quietPaths: [HEALTH_PATH] })
  }
  if (options.authType === 'none') return ANONYMOUS_AUTH
  throw new Error(`auth_type ${options.authType} needs its security settings (options.security)`)
}

/**
 * The MCP door for any host: its session registry and its routes (/mcp, and /sse + /messages with the
 * sse transport), with the session limits, keep-alives and resumption settings of `options`.
 */
export function createMcpDoor(deps: { logger: Logger; createSession: CreateSession; services: DoorServices }, options: McpDoorOptions) {
  const { logger } = deps
  const sessions = createSessionRegistry({ logger, idleMs: options.sessionIdleMs, maxSessions: options.maxSessions })
  const common = { sessions, createSession: deps.createSession, logger, keepAliveMs: options.keepAliveMs, maxRequestBodySize: options.maxRequestBodySize }
  const routes = createMcpRoutes({
    services: deps.services,
    streamable: createStreamableHttpHandler({ ...common, maxEventsPerSession: options.maxEventsPerSession, retryIntervalMs: options.retryIntervalMs }),
    sse: options.transport === 'sse' ? createLegacySseHandlers({ ...common, messagesPath: MESSAGES_PATH }) : undefined,
  })
  return { sessions, routes }
}

export type McpDoorOptions = Pick<McpHttpOptions, 'transport' | 'sessionIdleMs' | 'maxSessions' | 'keepAliveMs' | 'maxRequestBodySize' | 'maxEventsPerSession' | 'retryIntervalMs'>

/** Builds the host with the MCP door and its session registry without listening (tests call `app.handle`). */
export function createMcpHttpServer(deps: McpHttpServerDeps, options: McpHttpOptions): McpHttpServer {
  const { logger } = deps
  const bound: BoundAddress = { host: options.host, port: options.port }
  const limits = options.security ? createRequestLimits(options.security.rateLimits, { section: options.security.section }) : undefined
  const access = deps.access ?? createAccessControl({ rateLimits: options.security?.rateLimits ?? { perOperation: {} }, audit: deps.audit ?? NO_AUDIT })
  const auth = httpAuthFor(deps, options)
  const host = createHttpHost({ logger, auth, access, ...(limits ? { limits } : {}) }, { bound, allowedOrigins: options.allowedOrigins, maxBodyBytes: options.maxRequestBodySize })
  const door = createMcpDoor({ logger, createSession: deps.createSession, services: host.services }, options)
  const sessions = door.sessions
  const started = Date.now()
  let stopping = false
  host.use(
    createHealthRoutes({
      services: host.services,
      auth,
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
    }),
  )
  host.use(door.routes)
  return { app: host, sessions, bound, markStopping: () => void (stopping = true) }
}

export async function startMcpHttpServer(deps: McpHttpServerDeps, options: McpHttpOptions): Promise<RunningMcpHttpServer> {
  const { logger } = deps
  const { app, sessions, bound, markStopping } = createMcpHttpServer(deps, options)
  const listener = listen(app, { host: options.host, port: options.port })
  const url = listener.url
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
    port: bound.port,
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
        await listener.stop()
      })()
      return stopped
    },
  }
}
