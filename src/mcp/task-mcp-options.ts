/**
 * How a task presents itself as an MCP tool, from the optional `mcp` block of its metadata
 * (metadata.json or meta.yaml):
 *
 *   "mcp": { "tool_name": "get_weather", "output": "content" }
 *
 * - `tool_name`: the tool's wire name instead of `task_<name>` (1–128 of [A-Za-z0-9_.-], not starting
 *   with `ratchet_`/`ratchet.`, which belong to the built-in tools). Keeps a public tool name stable
 *   while the task is renamed, or matches a name a client expects.
 * - `output: "content"`: the task returns MCP content, `{ "content": [ContentBlock, ...] }` (text,
 *   image, audio, embedded resource, resource link), sent as the result's content as is; the default
 *   `"json"` sends the output as structuredContent plus JSON text.
 * A value that breaks these rules is ignored (the defaults apply) and reported in `problems`.
 */
import type { TaskPackage } from '../tasks/types.ts'

export interface TaskMcpOptions {
  toolName?: string
  output: 'json' | 'content'
  /** What was ignored, for logs. */
  problems: string[]
}

const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/

export function readTaskMcpOptions(task: Pick<TaskPackage, 'metadata'>): TaskMcpOptions {
  const options: TaskMcpOptions = { output: 'json', problems: [] }
  const block = task.metadata?.mcp
  if (block === undefined) return options
  if (typeof block !== 'object' || block === null || Array.isArray(block)) {
    options.problems.push('metadata "mcp" must be an object')
    return options
  }
  const { tool_name: toolName, output } = block as Record<string, unknown>
  if (toolName !== undefined) {
    if (typeof toolName !== 'string' || !TOOL_NAME.test(toolName)) options.problems.push(`mcp.tool_name must be 1-128 of A-Z a-z 0-9 _ . -, got ${JSON.stringify(toolName)}`)
    else if (/^ratchet[_.]/.test(toolName)) options.problems.push(`mcp.tool_name "${toolName}" is reserved for the built-in tools (ratchet_*)`)
    else options.toolName = toolName
  }
  if (output !== undefined) {
    if (output === 'json' || output === 'content') options.output = output
    else options.problems.push(`mcp.output must be "json" or "content", got ${JSON.stringify(output)}`)
  }
  return options
}
