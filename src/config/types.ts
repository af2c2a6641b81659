import type { LogLevel } from '../store/types.ts'

/** A task source from `registry.sources[]`, with its URI resolved to an absolute path. */
export interface RegistrySourceConfig {
  name: string
  /** The URI as written (`file://./sample/js-tasks`). */
  uri: string
  /** Absolute folder path for file:// sources. */
  path: string
  watchForChanges: boolean
  autoReload: boolean
  /**
   * A package here wins over a same-named package of any source without this flag, whatever the scan
   * order; the other one is shadowed, not a duplicate. Set on the writable tasks folder, so an edit of
   * a read-only task can be saved as a copy under the same name.
   */
  overrides?: boolean
}

export interface LogSinkConfig {
  type: 'console' | 'file'
  level: LogLevel
  /** json lines instead of text. */
  json: boolean
  /** file sinks only: absolute path, rotation size in bytes and kept backups. */
  path?: string
  maxSize?: number
  maxBackups?: number
  /** Batch writes: lines held before a write starts, and the longest a line waits (ms). Always set on file sinks. */
  buffer?: { size: number; flushIntervalMs: number }
}

/** `mcp.tools.enable_*`: a tool group is offered only when its switch is on. */
export interface McpToolSwitches {
  execution: boolean
  logging: boolean
  monitoring: boolean
  debugging: boolean
  filesystem: boolean
  batch: boolean
  progress: boolean
}

/**
 * The fully defaulted, frozen configuration every component receives. Only src/config reads files,
 * flags and the environment to produce it. `raw` keeps the validated YAML tree (snake_case) for the
 * sections later components own (mcp.*, server.*), so nothing the guide documents is dropped.
 */
export interface Config {
  /** Absolute path of the config file, or null when running on defaults. */
  file: string | null
  /** Folder that relative paths in the config resolve against (the config file's folder, or cwd). */
  baseDir: string
  database: {
    /** `sqlite:ratchet.db`, `sqlite::memory:` or `sqlite:/abs/path.db` as written. */
    url: string
    /** Absolute file path, or ':memory:'. */
    path: string
    /** Commit durability: normal survives process crashes, full also power loss (fsync per commit). */
    synchronous: 'normal' | 'full'
  }
  registry: { sources: RegistrySourceConfig[] }
  logging: { level: LogLevel; sinks: LogSinkConfig[] }
  workers: { count: number; restartOnFailure: boolean; maxQueue: number }
  execution: {
    /** Seconds: the cap for any per-call timeout, and the default timeout. */
    maxExecutionTime: number
    maxMemoryMb: number
    validateSchemas: boolean
    /** OS sandbox for workers: auto (when available), strict (required) or off. loadConfig always sets it. */
    sandbox?: 'auto' | 'strict' | 'off'
    /** Hosts tasks may fetch (exact or `*.example.com`); empty allowedHosts allows all not denied. loadConfig always sets it. */
    fetch?: { allowedHosts: string[]; deniedHosts: string[] }
  }
  mcp: {
    /** Seconds; caps MCP calls' timeouts (mcp.security.max_execution_time). */
    maxExecutionTime: number
    /** Which tool groups are offered (mcp.tools.enable_*), and progress notifications. loadConfig always sets it. */
    tools?: McpToolSwitches
    /** Offer each task as its own tool `task_<name>` (mcp.expose_tasks_as_tools). loadConfig always sets it. */
    exposeTasksAsTools?: boolean
    /** Bytes of structured output one tool result may carry before it is shortened (mcp.security.response_size_limit). loadConfig always sets it. */
    responseSizeLimit?: number
    /** Bytes of text one tool result may carry before it is cut (mcp.security.max_tool_result_text). loadConfig always sets it. */
    maxToolResultText?: number
    /** Most log entries one call or resource read returns (mcp.security.max_log_entries). loadConfig always sets it. */
    maxLogEntries?: number
  }
  /** The HTTP server (`server.host`, `server.port`). loadConfig always sets it. */
  server?: { host: string; port: number }
  raw: Record<string, unknown>
}
