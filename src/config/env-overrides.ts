import type { LogLevel } from '../store/types.ts'
import { coerceScalar } from './internal/coerce-scalar.ts'
import { formatKeyPath, setAt } from './internal/key-path.ts'
import type { SchemaNode } from './internal/schema-at.ts'
import type { Env, ValueOrigins } from './substitute-env.ts'

/**
 * Environment variables that override one config key each. They win over the file; `--log-level`
 * wins over RATCHET_LOG_LEVEL. Numbers and booleans (`true/false/1/0/yes/no/on/off`) are coerced;
 * an empty value counts as unset. Other RATCHET_* variables (such as RATCHET_ENV) are ignored.
 *
 * | Variable                               | Key                            | Type                          |
 * |----------------------------------------|--------------------------------|-------------------------------|
 * | `RATCHET_DATABASE_URL`                 | `database.url`                 | string (relative to cwd)      |
 * | `RATCHET_WORKERS_COUNT`                | `workers.count`                | integer                       |
 * | `RATCHET_WORKERS_MAX_QUEUE`            | `workers.max_queue`            | integer                       |
 * | `RATCHET_WORKERS_RESTART_ON_FAILURE`   | `workers.restart_on_failure`   | boolean                       |
 * | `RATCHET_LOG_LEVEL`                    | `logging.level`                | trace, debug, info, warn, error |
 * | `RATCHET_EXECUTION_MAX_EXECUTION_TIME` | `execution.max_execution_time` | number (seconds)              |
 * | `RATCHET_EXECUTION_MAX_MEMORY_MB`      | `execution.max_memory_mb`      | integer                       |
 * | `RATCHET_EXECUTION_VALIDATE_SCHEMAS`   | `execution.validate_schemas`   | boolean                       |
 * | `RATCHET_EXECUTION_SANDBOX`            | `execution.sandbox`            | auto, strict, off             |
 * | `RATCHET_MCP_ENABLED`                  | `mcp.enabled`                  | boolean                       |
 * | `RATCHET_MCP_TRANSPORT`                | `mcp.transport`                | stdio, sse, streamable-http   |
 * | `RATCHET_MCP_HOST`                     | `mcp.host`                     | string                        |
 * | `RATCHET_MCP_PORT`                     | `mcp.port`                     | integer                       |
 * | `RATCHET_SERVER_HOST`                  | `server.host`                  | string                        |
 * | `RATCHET_SERVER_PORT`                  | `server.port`                  | integer                       |
 *
 * `RUST_LOG` (kept for configs written for the Rust predecessor, e.g. `info` or
 * `ratchet=debug,tower=warn`) sets `logging.level` too, below RATCHET_LOG_LEVEL; see parseRustLog.
 */
export const ENV_OVERRIDES = {
  RATCHET_DATABASE_URL: ['database', 'url'],
  RATCHET_WORKERS_COUNT: ['workers', 'count'],
  RATCHET_WORKERS_MAX_QUEUE: ['workers', 'max_queue'],
  RATCHET_WORKERS_RESTART_ON_FAILURE: ['workers', 'restart_on_failure'],
  RATCHET_LOG_LEVEL: ['logging', 'level'],
  RATCHET_EXECUTION_MAX_EXECUTION_TIME: ['execution', 'max_execution_time'],
  RATCHET_EXECUTION_MAX_MEMORY_MB: ['execution', 'max_memory_mb'],
  RATCHET_EXECUTION_VALIDATE_SCHEMAS: ['execution', 'validate_schemas'],
  RATCHET_EXECUTION_SANDBOX: ['execution', 'sandbox'],
  RATCHET_MCP_ENABLED: ['mcp', 'enabled'],
  RATCHET_MCP_TRANSPORT: ['mcp', 'transport'],
  RATCHET_MCP_HOST: ['mcp', 'host'],
  RATCHET_MCP_PORT: ['mcp', 'port'],
  RATCHET_SERVER_HOST: ['server', 'host'],
  RATCHET_SERVER_PORT: ['server', 'port'],
} as const satisfies Record<string, readonly [string, string]>

const LEVELS: Record<string, LogLevel> = { trace: 'trace', debug: 'debug', info: 'info', warn: 'warn', error: 'error', off: 'error' }

/**
 * The level RUST_LOG asks for ratchet: the `ratchet=<level>` directive (or `ratchet_*=` /
 * `ratchet::*=`), else a bare `<level>`. `off` maps to `error`, the quietest level we have. Values
 * that name no level for ratchet (`tower=warn`) give undefined: RUST_LOG is shared with other
 * programs, so it never makes the config invalid.
 */
export function parseRustLog(value: string | undefined): LogLevel | undefined {
  if (!value) return undefined
  let exact: LogLevel | undefined
  let family: LogLevel | undefined
  let bare: LogLevel | undefined
  const directives = value.split(',').map((d) => d.trim())
  for (const directive of directives.filter(Boolean)) {
    const eq = directive.lastIndexOf('=')
    if (eq === -1) {
      bare ??= LEVELS[directive.toLowerCase()]
      continue
    }
    const target = directive.slice(0, eq).trim()
    const level = LEVELS[directive.slice(eq + 1).trim().toLowerCase()]
    if (!level) continue
    if (target === 'ratchet') exact ??= level
    else if (/^ratchet(_|::)/.test(target)) family ??= level
  }
  return exact ?? family ?? bare
}

/**
 * Applies ENV_OVERRIDES and RUST_LOG to the parsed file tree (in place), recording which variable
 * set each key so that validation errors can name it. Returns the keys overridden.
 */
export function applyEnvOverrides(tree: Record<string, unknown>, env: Env, schema: SchemaNode, origins: ValueOrigins): Set<string> {
  const applied = new Set<string>()
  const rustLevel = parseRustLog(env.RUST_LOG)
  if (rustLevel && setAt(tree, ['logging', 'level'], rustLevel)) {
    origins.set('logging.level', 'RUST_LOG')
    applied.add('logging.level')
  }
  for (const [name, path] of Object.entries(ENV_OVERRIDES)) {
    const value = env[name]
    if (value === undefined || value === '') continue
    if (!setAt(tree, path, coerceScalar(schema, path, value))) continue
    const key = formatKeyPath(path)
    origins.set(key, name)
    applied.add(key)
  }
  return applied
}
