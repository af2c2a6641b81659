/**
 * The composition root: builds config → logger → store → registry → pool → engine for a command,
 * and closes them in reverse order. Nothing else in the program wires components together.
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadConfig } from '../config/load-config.ts'
import type { Config } from '../config/types.ts'
import { createLogger, type Logger } from '../lib/logger.ts'
import { openStoreFromUrl } from '../store/open-store-from-url.ts'
import type { SqliteStore } from '../store/sqlite-store.ts'
import { createRegistry, type Registry } from '../registry/registry.ts'
import { effectiveSources } from '../registry/registry-status.ts'
import { createPool, type Pool } from '../pool/pool.ts'
import { createSandbox } from '../pool/sandbox/index.ts'
import { createEngine, type Engine } from '../engine/engine.ts'
import type { LogLevel } from '../store/types.ts'
import type { RegistrySourceConfig } from '../config/types.ts'
import { createSqliteTaskStateStore, openTaskStates, type TaskStates } from '../authoring/index.ts'
import { bridgeEngineEvents, createEventBus, type EventBus } from '../events/index.ts'
import { createJobService, createSqliteJobStore, readJobSettings, validateDestinations } from '../jobs/index.ts'
import { createHostPolicy } from '../pool/egress/index.ts'
import { stableNodeId } from '../lib/node-id.ts'
import type { JobService, ScheduleService } from '../jobs/types.ts'
import { createScheduleService, createSqliteScheduleStore } from '../schedules/index.ts'
import { createOwnerAuthority } from '../auth/owner-authority.ts'
import { createSecurity, type Security } from '../auth/security.ts'
import type { SecuritySettings } from '../auth/settings.ts'

export interface GlobalFlags {
  config?: string
  logLevel?: LogLevel
}

export interface Runtime {
  config: Config
  logger: Logger
  store: SqliteStore
  registry: Registry
  pool: Pool
  engine: Engine
  /** Enabled and disabled tasks (the engine's gate). */
  taskStates: TaskStates
  /** Execution, job and schedule events of this process. */
  events: EventBus
  /** The durable job queue on the runtime's database; `ratchet serve` starts it. */
  jobs: JobService
  /** Cron schedules that create jobs; `ratchet serve` starts them. */
  schedules: ScheduleService
  /** The writable tasks folder, when the command asked for one. */
  tasksDir?: string
  /** This node's id: the executions its engine runs and the jobs it leases are recorded under it. */
  nodeId: string
  /**
   * The process's security (access control with its concurrency counter, audit log), when the command
   * gave its settings: the doors use it, and the job queue and scheduler check owners against it.
   * The runtime closes it.
   */
  security?: Security
  close(): Promise<void>
}

export interface RuntimeOptions {
  /** Use this database URL instead of the configured one (run-once without --config uses memory). */
  databaseUrl?: string
  /** Replace the configured sources (the CLI's --from-fs). */
  sources?: RegistrySourceConfig[]
  /** Worker count override; the CLI's one-shot commands need few workers. */
  workers?: number
  /** Skip loading the registry (commands that load one package directly). */
  skipRegistry?: boolean
  /** This node's id on a shared database; default stableNodeId() (RATCHET_NODE_ID or the host name). */
  nodeId?: string
  /**
   * The writable tasks folder (create_task writes there): created when missing and added as a watched
   * source, unless a configured source already covers it, so tasks written there load without a restart.
   */
  tasksDir?: string
  /**
   * The security settings in force (`ratchet serve` gives them): the runtime builds the process's one
   * Security from them, and jobs and schedule slots then run only while their owner may run them, within
   * the owner's max_concurrent_executions. Absent: no owner check (one-shot commands never start jobs).
   */
  security?: SecuritySettings
}

export async function loadRuntimeConfig(flags: GlobalFlags): Promise<Config> {
  return loadConfig({ file: flags.config ?? null, overrides: flags.logLevel ? { logLevel: flags.logLevel } : undefined })
}

export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = createLogger(config.logging)
  const store = openStoreFromUrl(options.databaseUrl ?? config.database.url, config.baseDir, { synchronous: config.database.synchronous })
  const nodeId = options.nodeId ?? stableNodeId()
  // Only this node's unfinished executions: another node sharing the database may be running its own.
  const interrupted = await store.markInterrupted(nodeId).catch(async (error) => {
    await store.close()
    throw error
  })
  if (interrupted > 0) logger.warn('marked executions interrupted by an earlier crash as failed', { count: interrupted, nodeId })
  const taskStates = await openTaskStates(createSqliteTaskStateStore(store.database)).catch(async (error) => {
    await store.close()
    throw error
  })
  // Probes the OS sandbox (`execution.sandbox: strict` fails here) and starts the egress proxy; the pool owns it.
  const sandbox = await createSandbox({ mode: config.execution.sandbox ?? 'auto', fetch: config.execution.fetch ?? { allowedHosts: [], deniedHosts: [] }, logger, maxMemoryMb: config.execution.maxMemoryMb }).catch(async (error) => {
    await store.close()
    throw error
  })
  const sources = options.sources ?? config.registry.sources
  const registry = createRegistry({ sources: options.tasksDir ? withTasksDir(sources, options.tasksDir) : sources, store, logger })
  const pool = createPool({ count: options.workers ?? config.workers.count, restartOnFailure: config.workers.restartOnFailure, maxMemoryMb: config.execution.maxMemoryMb, logger, sandbox })
  const engine = createEngine({ store, pool, logger, gate: taskStates }, { maxExecutionTime: config.execution.maxExecutionTime, maxQueue: config.workers.maxQueue, validateSchemas: config.execution.validateSchemas, nodeId })
  const events = createEventBus({ logger })
  const unbridge = bridgeEngineEvents(engine, events)
  const jobSettings = readJobSettings(config)
  const security = options.security ? createSecurity(options.security, { store, logger }) : undefined
  const owners = security ? createOwnerAuthority(security.settings, { concurrency: security.access.concurrency, executions: security.access }) : undefined
  const jobs = createJobService({ store: createSqliteJobStore(store), engine, registry, gate: taskStates, events, logger, nodeId, ...(owners ? { owners } : {}) }, jobSettings)
  // A schedule's destinations are checked when it is saved, not first when a slot fires.
  const webhookPolicy = createHostPolicy(jobSettings.output.fetch)
  const schedules = createScheduleService({ store: createSqliteScheduleStore(store.database), jobs, registry, events, logger, ...(owners ? { owners } : {}), checkDestinations: (value) => validateDestinations(value, webhookPolicy) })
  try {
    if (!options.skipRegistry) await registry.load()
    await pool.ready()
  } catch (error) {
    registry.close()
    await engine.close({ graceMs: 0 })
    await security?.close()
    await store.close()
    throw error
  }
  let closed = false
  return {
    config,
    logger,
    store,
    registry,
    pool,
    engine,
    taskStates,
    events,
    jobs,
    schedules,
    tasksDir: options.tasksDir,
    nodeId,
    ...(security ? { security } : {}),
    async close() {
      if (closed) return
      closed = true
      // Schedules stop creating jobs, then running jobs finish (or give their leases back) before the engine stops.
      await schedules.close()
      await jobs.close({ graceMs: 5000 })
      // The audit log flushes into the store, so it closes first.
      await security?.close()
      unbridge()
      registry.close()
      await engine.close()
      await store.close()
      await logger.close()
    },
  }
}

/**
 * Adds the tasks folder as a watched source that overrides read-only ones (created if missing) unless
 * a source already covers it; a source that IS the tasks folder gets the `overrides` flag.
 */
function withTasksDir(sources: RegistrySourceConfig[], tasksDir: string): RegistrySourceConfig[] {
  mkdirSync(resolve(tasksDir), { recursive: true })
  return effectiveSources(sources, tasksDir)
}
