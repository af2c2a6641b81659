import { resolve } from 'node:path'
import type { LogLevel } from '../store/types.ts'
import { DEFAULTS } from './defaults.ts'
import { deepFreeze } from './internal/deep-freeze.ts'
import { parseDuration } from './parse-duration.ts'
import { resolveDatabasePath, resolveSourcePath } from './resolve-paths.ts'
import type { ValueOrigins } from './substitute-env.ts'
import type { Config, LogSinkConfig, McpToolSwitches, RegistrySourceConfig } from './types.ts'

/** The validated file tree, typed as far as buildConfig reads it. */
interface ConfigTree {
  database?: { url?: string; synchronous?: 'normal' | 'full' }
  logging?: { level?: LogLevel; sinks?: SinkTree[] }
  workers?: { count?: number; restart_on_failure?: boolean; max_queue?: number }
  execution?: {
    max_execution_time?: number
    max_memory_mb?: number
    validate_schemas?: boolean
    sandbox?: 'auto' | 'strict' | 'off'
    fetch?: { allowed_hosts?: string[]; denied_hosts?: string[] }
  }
  server?: { host?: string; port?: number }
  mcp?: {
    max_execution_time?: number
    security?: { max_execution_time?: number; response_size_limit?: number; max_tool_result_text?: number; max_log_entries?: number }
    tools?: Partial<Record<keyof typeof DEFAULTS.mcp.tools, boolean>>
    expose_tasks_as_tools?: boolean
  }
  registry?: { sources?: Array<{ name: string; uri: string; config?: { watch_for_changes?: boolean; auto_reload?: boolean } }> }
}

interface SinkTree {
  type: 'console' | 'file'
  level?: LogLevel
  use_json?: boolean
  path?: string
  max_size?: number
  max_backups?: number
  buffered?: { size?: number; flush_interval?: string | number }
}

export interface BuildContext {
  file: string | null
  baseDir: string
  cwd: string
  origins: ValueOrigins
  /** Set when RUST_LOG, RATCHET_LOG_LEVEL or --log-level chose the level: it then applies to console sinks too. */
  levelOverride?: LogLevel
}

function buildSink(sink: SinkTree, level: LogLevel, ctx: BuildContext): LogSinkConfig {
  const buffered = sink.buffered ?? (sink.type === 'file' ? {} : undefined)
  const buffer = buffered && {
    size: buffered.size ?? DEFAULTS.log_buffer.size,
    flushIntervalMs: parseDuration(buffered.flush_interval ?? DEFAULTS.log_buffer.flush_interval),
  }
  const sinkLevel = sink.type === 'console' && ctx.levelOverride ? ctx.levelOverride : (sink.level ?? level)
  const out: LogSinkConfig = { type: sink.type, level: sinkLevel, json: sink.use_json ?? DEFAULTS.log_sink.use_json }
  if (sink.type === 'file') {
    // The schema requires path on file sinks.
    out.path = resolve(ctx.baseDir, sink.path as string)
    out.maxSize = sink.max_size ?? DEFAULTS.log_sink.max_size
    out.maxBackups = sink.max_backups ?? DEFAULTS.log_sink.max_backups
  }
  if (buffer) out.buffer = buffer
  return out
}

function buildToolSwitches(tools: Partial<Record<keyof typeof DEFAULTS.mcp.tools, boolean>>): McpToolSwitches {
  const on = (key: keyof typeof DEFAULTS.mcp.tools) => tools[key] ?? DEFAULTS.mcp.tools[key]
  return {
    execution: on('enable_execution'),
    logging: on('enable_logging'),
    monitoring: on('enable_monitoring'),
    debugging: on('enable_debugging'),
    filesystem: on('enable_filesystem'),
    batch: on('enable_batch'),
    progress: on('enable_progress'),
  }
}

function keyName(key: string, origins: ValueOrigins): string {
  const origin = origins.get(key)
  return origin ? `${key} (from ${origin})` : key
}

/**
 * Maps a validated config tree onto the typed, fully defaulted Config and deep-freezes it. Paths
 * resolve against `baseDir`, except a database URL from RATCHET_DATABASE_URL, which resolves against
 * the working directory the variable was typed in.
 */
export function buildConfig(tree: Record<string, unknown>, ctx: BuildContext): Config {
  const t = tree as ConfigTree
  const url = t.database?.url ?? DEFAULTS.database.url
  const dbBase = ctx.origins.get('database.url') === 'RATCHET_DATABASE_URL' ? ctx.cwd : ctx.baseDir
  const level = t.logging?.level ?? DEFAULTS.logging.level
  const sinks: readonly SinkTree[] = t.logging?.sinks ?? DEFAULTS.logging.sinks
  const sources: RegistrySourceConfig[] = (t.registry?.sources ?? []).map((source, index) => ({
    name: source.name,
    uri: source.uri,
    path: resolveSourcePath(source.uri, ctx.baseDir, keyName(`registry.sources[${index}].uri`, ctx.origins)),
    watchForChanges: source.config?.watch_for_changes ?? DEFAULTS.registry_source.watch_for_changes,
    autoReload: source.config?.auto_reload ?? DEFAULTS.registry_source.auto_reload,
  }))
  const fetch = t.execution?.fetch
  const config: Config = {
    file: ctx.file,
    baseDir: ctx.baseDir,
    database: { url, path: resolveDatabasePath(url, dbBase, keyName('database.url', ctx.origins)), synchronous: t.database?.synchronous ?? DEFAULTS.database.synchronous },
    registry: { sources },
    logging: { level, sinks: sinks.map((sink) => buildSink(sink, level, ctx)) },
    workers: {
      count: t.workers?.count ?? DEFAULTS.workers.count,
      restartOnFailure: t.workers?.restart_on_failure ?? DEFAULTS.workers.restart_on_failure,
      maxQueue: t.workers?.max_queue ?? DEFAULTS.workers.max_queue,
    },
    execution: {
      maxExecutionTime: t.execution?.max_execution_time ?? DEFAULTS.execution.max_execution_time,
      maxMemoryMb: t.execution?.max_memory_mb ?? DEFAULTS.execution.max_memory_mb,
      validateSchemas: t.execution?.validate_schemas ?? DEFAULTS.execution.validate_schemas,
      sandbox: t.execution?.sandbox ?? DEFAULTS.execution.sandbox,
      fetch: {
        allowedHosts: [...(fetch?.allowed_hosts ?? DEFAULTS.execution.fetch.allowed_hosts)],
        deniedHosts: [...(fetch?.denied_hosts ?? DEFAULTS.execution.fetch.denied_hosts)],
      },
    },
    mcp: {
      maxExecutionTime: t.mcp?.security?.max_execution_time ?? t.mcp?.max_execution_time ?? DEFAULTS.mcp.security.max_execution_time,
      tools: buildToolSwitches(t.mcp?.tools ?? {}),
      exposeTasksAsTools: t.mcp?.expose_tasks_as_tools ?? DEFAULTS.mcp.expose_tasks_as_tools,
      responseSizeLimit: t.mcp?.security?.response_size_limit ?? DEFAULTS.mcp.security.response_size_limit,
      maxToolResultText: t.mcp?.security?.max_tool_result_text ?? DEFAULTS.mcp.security.max_tool_result_text,
      maxLogEntries: t.mcp?.security?.max_log_entries ?? DEFAULTS.mcp.security.max_log_entries,
    },
    server: { host: t.server?.host ?? DEFAULTS.server.host, port: t.server?.port ?? DEFAULTS.server.port },
    raw: structuredClone(tree),
  }
  return deepFreeze(config)
}
