/**
 * `ratchet serve`'s composition: one security (access control, rate limiter, concurrency counter, audit
 * writer) for the whole process, one event bus, the job queue and the scheduler on the runtime's
 * database, and the doors mounted on one HTTP host — health, MCP (/mcp, /sse, /messages), REST under
 * /api/v1 with live events, /metrics and the API docs. Shutdown stops the scheduler and the queue
 * (running jobs finish or release their leases), lets MCP calls finish for a grace period, closes the
 * listener, flushes the audit log and closes the runtime.
 */
import pkg from '../../package.json' with { type: 'json' }
import { createSecurity } from '../auth/security.ts'
import { createClientIp } from '../http/client-ip.ts'
import { createHealthRoutes } from '../http/health-routes.ts'
import { createHttpHost, type HttpHost } from '../http/host.ts'
import { listen } from '../http/listen.ts'
import { createRequestLimits } from '../http/request-limits.ts'
import { createMcpServer } from '../mcp/index.ts'
import { createMcpDoor, httpAuthFor } from '../mcp/http/serve.ts'
import { runtimeStatus } from '../mcp/http/serve-mcp-http.ts'
import type { Runtime } from './runtime.ts'
import type { ServeOptions } from './serve-options.ts'

export interface RunningServer {
  url: string
  port: number
  host: HttpHost
  /** Stops everything but the runtime (the caller closes it). Idempotent. */
  stop(graceMs?: number): Promise<void>
}

export async function startServer(runtime: Runtime, options: ServeOptions & { tasksDir: string }): Promise<RunningServer> {
  const { logger, config } = runtime
  const security = createSecurity(options.security, { store: runtime.store, logger })
  const auth = httpAuthFor({ audit: security.audit }, { security: options.security, authType: options.security.authType })
  const host = createHttpHost(
    { logger, auth, access: security.access, limits: createRequestLimits(options.security.rateLimits), clientIp: createClientIp(options.trustedProxies) },
    { bound: { host: options.host, port: options.port }, allowedOrigins: options.allowedOrigins, maxBodyBytes: options.maxBodyBytes },
  )
  const mcp = createMcpDoor(
    { logger, services: host.services, createSession: (principal) => createMcpServer({ runtime, tasksDir: options.tasksDir, principal, access: security.access }) },
    options.mcp,
  )
  const started = Date.now()
  let stopping = false
  host.use(
    createHealthRoutes({
      services: host.services,
      auth,
      health: () => ({
        status: stopping ? 'stopping' : 'ok',
        version: pkg.version,
        uptime_s: Math.round((Date.now() - started) / 1000),
        ...runtimeStatus(runtime),
        mcp_sessions: mcp.sessions.counts().total,
      }),
      ready: async () => {
        const pool = runtime.pool.stats()
        const store = await runtime.store.checkWritable().then(
          () => ({ ok: true }),
          (error: unknown) => ({ ok: false, detail: `the database does not take writes: ${(error as Error)?.message ?? String(error)}` }),
        )
        return {
          store,
          workers: pool.ready > 0 ? { ok: true, detail: `${pool.ready} of ${pool.workers} ready` } : { ok: false, detail: `no worker is ready (${pool.workers} configured)` },
          accepting: stopping ? { ok: false, detail: 'shutting down' } : { ok: true },
        }
      },
    }),
  )
  host.use(mcp.routes)

  let listener
  try {
    listener = listen(host, { host: options.host, port: options.port })
  } catch (error) {
    await security.close()
    throw error
  }
  logger.info('HTTP server listening', { url: listener.url, api: `${listener.url}/api/v1`, mcp: `${listener.url}/mcp`, config: config.file ?? '(defaults)' })

  let stopped: Promise<void> | null = null
  return {
    url: listener.url,
    port: listener.port,
    host,
    stop(graceMs = 5000) {
      stopped ??= (async () => {
        stopping = true
        await mcp.sessions.drain(graceMs)
        await mcp.sessions.closeAll('server shutting down')
        await listener.stop()
        await security.close()
      })()
      return stopped
    },
  }
}

/** Serves until `until` resolves (SIGINT/SIGTERM), then shuts down and closes the runtime; the exit code. */
export async function serveHttp(runtime: Runtime, options: ServeOptions & { tasksDir: string }, until: Promise<string>): Promise<number> {
  let server: RunningServer
  try {
    server = await startServer(runtime, options)
  } catch (error) {
    await runtime.close()
    throw error
  }
  process.stderr.write(`ratchet serve: listening on ${server.url} (REST ${server.url}/api/v1, MCP ${server.url}/mcp, health ${server.url}/health)\n`)
  const reason = await until
  runtime.logger.info('HTTP server shutting down', { reason })
  await server.stop()
  await runtime.close()
  return 0
}
