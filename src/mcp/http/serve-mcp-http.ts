/**
 * `serveMcpHttp(runtime, options)`: the MCP server over HTTP for an open runtime, one MCP server
 * instance (createMcpServer) per client session, until SIGINT or SIGTERM. The bound URL goes to
 * stderr (tests and scripts read it there; stdout stays free). Shutdown lets running calls finish for
 * a grace period, closes every session, the listener and then the runtime (engine, workers, store).
 */
import { readSecuritySettings } from '../../auth/settings.ts'
import { createSecurity, type Security } from '../../auth/security.ts'
import { AppError } from '../../errors.ts'
import type { Config } from '../../config/types.ts'
import type { Engine } from '../../engine/engine.ts'
import type { Logger } from '../../lib/logger.ts'
import type { Pool } from '../../pool/pool.ts'
import type { Registry } from '../../registry/registry.ts'
import type { Store } from '../../store/types.ts'
import { createMcpServer } from '../index.ts'
import { HEALTH_PATH, MCP_PATH, SSE_PATH } from './app.ts'
import type { McpHttpOptions } from './http-options.ts'
import { startMcpHttpServer, type RunningMcpHttpServer } from './serve.ts'

/** The parts of the CLI runtime the HTTP server uses (src/cli/runtime.ts's Runtime fits). */
export interface McpHttpRuntime {
  config: Config
  logger: Logger
  store: Store
  registry: Registry
  pool: Pool
  engine: Engine
  tasksDir?: string
  close(): Promise<void>
}

export interface ServeMcpHttpOptions extends McpHttpOptions {
  /** Where the development tools write task packages; default runtime.tasksDir. */
  tasksDir?: string
  /** How long running tool calls may take to finish on shutdown before they are cancelled. */
  shutdownGraceMs?: number
  /** Resolves when the server should stop; default the first SIGINT or SIGTERM. */
  until?: Promise<string>
  /**
   * The process's security (access control, rate limiter, audit), built once by the composition root;
   * the server closes it after the last session. Default: one built here from the settings.
   */
  securityServices?: Security
}

/** /health's view of the runtime: tasks loaded, workers ready and busy, the queue. */
export function runtimeStatus(runtime: Pick<McpHttpRuntime, 'registry' | 'pool' | 'engine'>): Record<string, unknown> {
  const pool = runtime.pool.stats()
  const engine = runtime.engine.stats()
  return {
    tasks: { loaded: runtime.registry.list().length, problems: runtime.registry.problems().length },
    workers: { count: pool.workers, ready: pool.ready, busy: pool.busy, restarts: pool.restarts },
    queue: { depth: engine.queued, running: engine.running, capacity: engine.capacity },
  }
}

/** Starts the server for `runtime`; the caller stops it (and closes the runtime). */
export async function startRuntimeMcpHttpServer(runtime: McpHttpRuntime, options: ServeMcpHttpOptions): Promise<RunningMcpHttpServer> {
  const tasksDir = options.tasksDir ?? runtime.tasksDir
  if (tasksDir === undefined) throw new AppError('BAD_INPUT', 'serveMcpHttp needs a tasks folder (options.tasksDir or runtime.tasksDir)')
  const settings = options.securityServices?.settings ?? options.security ?? readSecuritySettings(runtime.config)
  // One access control for every session: rate limits and concurrency count per key, not per session.
  const security = options.securityServices ?? createSecurity(settings, { store: runtime.store, logger: runtime.logger })
  try {
    const server = await startMcpHttpServer(
      {
        logger: runtime.logger,
        createSession: (principal) => createMcpServer({ runtime, tasksDir, principal, access: security.access }),
        status: () => runtimeStatus(runtime),
        audit: security.audit,
      },
      { ...options, security: settings },
    )
    const stop = server.stop
    // The audit log is written out after the last session closed and before the runtime (store) closes.
    return { ...server, stop: () => stop().then(() => security.close()) }
  } catch (error) {
    await security.close()
    if (error instanceof AppError) throw error
    const message = (error as Error)?.message ?? String(error)
    throw new AppError('BAD_INPUT', `Cannot listen on ${options.host}:${options.port}: ${message}`, {
      data: { host: options.host, port: options.port },
      hint: 'Is another server using that port? Pick another with --port (0 picks a free one), or stop the other server.',
      cause: error,
    })
  }
}

/** Serves until SIGINT/SIGTERM (or `options.until`), then shuts down gracefully; returns the exit code. */
export async function serveMcpHttp(runtime: McpHttpRuntime, options: ServeMcpHttpOptions): Promise<number> {
  const stop = options.until ?? waitForSignal()
  let server: RunningMcpHttpServer
  try {
    server = await startRuntimeMcpHttpServer(runtime, options)
  } catch (error) {
    await runtime.close()
    throw error
  }
  const endpoints = [`Streamable HTTP ${server.url}${MCP_PATH}`, ...(options.transport === 'sse' ? [`SSE ${server.url}${SSE_PATH}`] : []), `health ${server.url}${HEALTH_PATH}`]
  process.stderr.write(`ratchet mcp: listening on ${server.url} (${endpoints.join(', ')})\n`)
  const reason = await stop
  runtime.logger.info('MCP HTTP server shutting down', { reason })
  await server.drain(options.shutdownGraceMs ?? 5000)
  await server.stop()
  await runtime.close()
  return 0
}

/**
 * The first SIGINT or SIGTERM; a second one while shutting down exits at once. Call it before the
 * runtime opens, so a signal that arrives during startup still ends in a clean shutdown (workers
 * stopped, store closed) instead of killing the process half-started.
 */
export function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      const again = () => process.exit(130)
      process.once('SIGINT', again)
      process.once('SIGTERM', again)
      resolve(signal)
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
}
