import { DEFAULTS } from '../config/defaults.ts'
import type { Config, McpToolSwitches } from '../config/types.ts'

/** The MCP server's view of the configuration, with every value set. */
export interface McpSettings {
  tools: McpToolSwitches
  exposeTasksAsTools: boolean
  /** Bytes of structured output one tool result may carry (larger output is shortened). */
  responseSizeLimit: number
  /** Bytes of text one tool result may carry (at most responseSizeLimit). */
  maxToolResultText: number
  maxLogEntries: number
  /** Seconds; cap and default for executions started over MCP. */
  maxExecutionTime: number
}

const DEFAULT_SWITCHES: McpToolSwitches = {
  execution: DEFAULTS.mcp.tools.enable_execution,
  logging: DEFAULTS.mcp.tools.enable_logging,
  monitoring: DEFAULTS.mcp.tools.enable_monitoring,
  debugging: DEFAULTS.mcp.tools.enable_debugging,
  filesystem: DEFAULTS.mcp.tools.enable_filesystem,
  batch: DEFAULTS.mcp.tools.enable_batch,
  progress: DEFAULTS.mcp.tools.enable_progress,
}

/**
 * Reads the MCP part of a Config. loadConfig always fills these fields; a Config built by hand (tests,
 * embedders) may leave them out, and then the documented defaults apply.
 */
export function readMcpSettings(config: Config): McpSettings {
  return {
    tools: config.mcp.tools ?? DEFAULT_SWITCHES,
    exposeTasksAsTools: config.mcp.exposeTasksAsTools ?? DEFAULTS.mcp.expose_tasks_as_tools,
    responseSizeLimit: config.mcp.responseSizeLimit ?? DEFAULTS.mcp.security.response_size_limit,
    maxToolResultText: config.mcp.maxToolResultText ?? DEFAULTS.mcp.security.max_tool_result_text,
    maxLogEntries: config.mcp.maxLogEntries ?? DEFAULTS.mcp.security.max_log_entries,
    maxExecutionTime: Math.min(config.mcp.maxExecutionTime, config.execution.maxExecutionTime),
  }
}
