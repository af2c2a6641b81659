/**
 * `ratchet serve`'s composition: one security (access control, rate limiter, concurrency counter, audit
 * writer) for the whole process, one event bus, the job queue and the scheduler on the runtime's
 * database, and the doors mounted on one HTTP host — health, MCP (/mcp, /sse, /messages), REST under
 * /api/v1 with live events, /metrics and the API docs. Shutdown stops the scheduler and the queue
 * (running jobs finish or release their leases), lets MCP calls finish for a grace period, closes the
 * listener, flushes the audit log and closes the runtime.
 */
import pkg from '../../package.json' with { type: 'json' }
import { AuthError } from '../auth/auth-error.ts'
import { createSecurity } from '../auth/security.ts'
import { createClientIp } from '../http/client-ip.ts'
import { createHealthRoutes } from '../http/health-routes.ts'
import { createHttpHost, type HttpHost } from '../http/host.ts'
import { listen } from '../http/listen.ts'
import { createRequestLimits } from '../http/request-limits.ts'
import { Elysia } from 'elysia'
import { errorResponse } from '../http/error-response.ts'
import { createEventStream } from '../http/events/index.ts'
import { createMetrics, PROMETHEUS_CONTENT_TYPE, type Metrics } from '../http/metrics/index.ts'
import { createApiDocs, createRestApi } from '../http/rest/index.ts'
import { createTaskWriteRoutes } from '../http/rest/task-write-routes.ts'
import { authoringOver } from '../authoring/index.ts'
import type { DoorServices } from '../http/types.ts'
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
  // One security per process: the runtime's (its job queue shares the concurrency counter) when it built one.
  const ownSecurity = runtime.security ? null : createSecurity(options.security, { store: runtime.store, logger })
  const security = runtime.security ?? ownSecurity!
  const auth = httpAuthFor({ audit: security.audit }, { security: options.security, authType: options.security.authType })
  const host = createHttpHost(
    { logger, auth, access: security.access, limits: createRequestLimits(options.security.rateLimits, { section: options.security.section }), clientIp: createClientIp(options.trustedProxies) },
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
  const events = createEventStream({ bus: runtime.events, logger })
  const metrics = createMetrics({ engine: runtime.engine, pool: runtime.pool, bus: runtime.events, jobs: runtime.jobs, schedules: runtime.schedules, eventStream: events, logger })
  host.onResponse(metrics.recordHttp)
  host.use(metricsRoute(host.services, metrics, runtime))
  host.use(
    createRestApi({
      ...host.services,
      registry: runtime.registry,
      store: runtime.store,
      engine: runtime.engine,
      pool: runtime.pool,
      jobs: runtime.jobs,
      schedules: runtime.schedules,
      config,
      events,
      taskStates: runtime.taskStates,
      groups: [createTaskWriteRoutes({ authoring: authoringOver({ logger, tasksDir: options.tasksDir, maxTestSeconds: config.execution.maxExecutionTime, states: runtime.taskStates }) })],
    }),
  )
  host.use(createApiDocs())

  let listener
  try {
    listener = listen(host, { host: options.host, port: options.port })
  } catch (error) {
    events.close()
    metrics.close()
    await ownSecurity?.close()
    throw error
  }
  runtime.jobs.start()
  runtime.schedules.start()
  logger.info('HTTP server listening', { url: listener.url, api: `${listener.url}/api/v1`, mcp: `${listener.url}/mcp`, config: config.file ?? '(defaults)' })

  let stopped: Promise<void> | null = null
  return {
    url: listener.url,
    port: listener.port,
    host,
    stop(graceMs = 5000) {
      stopped ??= (async () => {
        stopping = true
        await runtime.schedules.close()
        await runtime.jobs.close({ graceMs })
        events.close()
        await mcp.sessions.drain(graceMs)
        await mcp.sessions.closeAll('server shutting down')
        await listener.stop()
        metrics.close()
        await ownSecurity?.close()
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

/** GET /metrics in Prometheus text format; needs can_access_system_info (system.read) when authentication is on. */
function metricsRoute(services: DoorServices, metrics: Metrics, runtime: Runtime) {
  return new Elysia({ name: 'ratchet-metrics' }).get('/metrics', async ({ request }) => {
    try {
      const { principal } = await services.identify(request)
      const verdict = await services.access.checkOperation(principal, { operation: 'system.read', what: 'GET /metrics' }, { registry: runtime.registry, store: runtime.store })
      if (!verdict.ok) return errorResponse('rest', new AuthError(verdict.reason === 'rate_limit' ? 'RATE_LIMITED' : 'FORBIDDEN', verdict.message, { reason: verdict.reason, ...(verdict.retryAfterS !== undefined ? { headers: { 'Retry-After': String(verdict.retryAfterS) } } : {}) }), { logger: services.logger, request })
      return new Response(await metrics.render(), { headers: { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store' } })
    } catch (error) {
      return errorResponse('rest', error, { logger: services.logger, request })
    }
  })
}
