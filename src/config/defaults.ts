import type { LogLevel } from '../store/types.ts'

/** The defaulted part of the config file, in the file's own snake_case shape. */
export interface ConfigDefaults {
  database: { url: string; synchronous: 'normal' | 'full' }
  logging: { level: LogLevel; sinks: ReadonlyArray<{ type: 'console' | 'file' }> }
  workers: { readonly count: number; restart_on_failure: boolean; max_queue: number }
  execution: {
    max_execution_time: number
    max_memory_mb: number
    validate_schemas: boolean
    sandbox: 'auto' | 'strict' | 'off'
    fetch: { allowed_hosts: readonly string[]; denied_hosts: readonly string[] }
  }
  server: { host: string; port: number }
  mcp: {
    security: { max_execution_time: number; response_size_limit: number; max_tool_result_text: number; max_log_entries: number }
    tools: {
      enable_execution: boolean
      enable_logging: boolean
      enable_monitoring: boolean
      enable_debugging: boolean
      enable_filesystem: boolean
      enable_batch: boolean
      enable_progress: boolean
    }
    expose_tasks_as_tools: boolean
  }
  /** Per-sink values; a sink's level defaults to logging.level. */
  log_sink: { use_json: boolean; max_size: number; max_backups: number }
  /** Buffering of file sinks, and of console sinks that set `buffered`. */
  log_buffer: { size: number; flush_interval: string }
  registry_source: { watch_for_changes: boolean; auto_reload: boolean }
}

/**
 * Every default in one place. `schemas/config.schema.json` repeats them as `default` annotations for
 * editors; a test keeps the two in step.
 */
export const DEFAULTS = {
  database: { url: 'sqlite:ratchet.db', synchronous: 'normal' },
  logging: { level: 'info', sinks: [{ type: 'console' }] },
  workers: {
    // A getter so the CPU count is read when a config is built, not when this module is imported.
    get count(): number {
      return Math.max(1, navigator.hardwareConcurrency || 1)
    },
    restart_on_failure: true,
    max_queue: 1000,
  },
  execution: {
    max_execution_time: 300,
    max_memory_mb: 512,
    validate_schemas: true,
    sandbox: 'auto',
    fetch: { allowed_hosts: [], denied_hosts: [] },
  },
  server: { host: '127.0.0.1', port: 8080 },
  mcp: {
    // response_size_limit bounds a whole result (the integration guide's 50 MB); the text a model
    // reads is capped far lower by max_tool_result_text.
    security: { max_execution_time: 300, response_size_limit: 50 * 1024 * 1024, max_tool_result_text: 1024 * 1024, max_log_entries: 1000 },
    // Tools that write task files are opt-in, as the integration guide recommends.
    tools: {
      enable_execution: true,
      enable_logging: true,
      enable_monitoring: true,
      enable_debugging: true,
      enable_filesystem: false,
      enable_batch: true,
      enable_progress: true,
    },
    expose_tasks_as_tools: false,
  },
  log_sink: { use_json: false, max_size: 10 * 1024 * 1024, max_backups: 5 },
  log_buffer: { size: 1000, flush_interval: '1s' },
  registry_source: { watch_for_changes: false, auto_reload: false },
} as const satisfies ConfigDefaults
