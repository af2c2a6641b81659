/**
 * The MCP door's one seam to generated/ (written by `bun run gen` from schemas/tools/): the tool
 * definitions, their precompiled input checks and their types are reached through this file only.
 */
import type { ToolDefinition, ToolGroup } from '../../generated/tools.ts'
import type { ToolName } from '../../generated/tool-types.ts'

export { TOOL_DEFINITIONS } from '../../generated/tools.ts'
export { INPUT_CHECKS } from '../../generated/validators.ts'
export type { ToolDefinition, ToolGroup } from '../../generated/tools.ts'
export type { ToolIO, ToolName } from '../../generated/tool-types.ts'
import type { McpToolSwitches } from '../config/types.ts'
import type { Registry } from '../registry/registry.ts'
import { similarNames } from './internal/similar-names.ts'
import { buildTaskTools, TASK_TOOL_PREFIX } from './task-tools.ts'
import { BUILTIN_PREFIX, builtinEntry, type ToolEntry } from './tool-entry.ts'
import type { ToolHandler, ToolHandlers } from './tools/types.ts'
import type { McpSettings } from './settings.ts'

export type Resolved =
  | { kind: 'tool'; entry: ToolEntry }
  | { kind: 'disabled'; name: string; switches: string[] }
  | { kind: 'unknown'; name: string; message: string }

export interface ToolCatalog {
  /** The tools offered now, built-ins first, then tasks (when exposed). */
  list(): ToolEntry[]
  /** Finds a tool by its wire name; `ratchet.<name>` (the integration guide's spelling) works too. */
  resolve(name: string): Resolved
  /** Forgets the task tools so the next call rebuilds them (after a registry change). */
  invalidate(): void
}

/** The `mcp.tools.enable_*` switches that are off for a group (empty when the group is offered). */
export function switchesOff(group: ToolGroup, tools: McpToolSwitches): string[] {
  if (group === 'docs') return []
  const off: string[] = []
  if (!tools[group]) off.push(`mcp.tools.enable_${group}`)
  // batch_execute runs tasks too: enable_execution covers it as well (see the config schema).
  if (group === 'batch' && !tools.execution) off.push('mcp.tools.enable_execution')
  return off
}

export interface CatalogOptions {
  definitions: readonly ToolDefinition[]
  handlers: Partial<ToolHandlers>
  inputChecks: Partial<Record<string, (value: unknown) => boolean>>
  settings: McpSettings
  registry: Registry
}

/**
 * The tool table of one session: every definition that has a handler and whose group is switched on,
 * plus each loaded task as `task_<name>` when mcp.expose_tasks_as_tools is set.
 */
export function createToolCatalog(options: CatalogOptions): ToolCatalog {
  const { settings, registry } = options
  const builtins = new Map<string, { entry: ToolEntry; off: string[] }>()
  for (const definition of options.definitions) {
    const handler = options.handlers[definition.name as ToolName] as ToolHandler<never> | undefined
    if (!handler) continue
    builtins.set(definition.name, { entry: builtinEntry(definition, handler, options.inputChecks[definition.name]), off: switchesOff(definition.group, settings.tools) })
  }
  const tasksOffered = settings.exposeTasksAsTools && settings.tools.execution
  let taskTools: Map<string, ToolEntry> | null = null
  const tasks = () => {
    if (!tasksOffered) return new Map<string, ToolEntry>()
    taskTools ??= new Map(buildTaskTools(registry.list(), { maxExecutionTime: settings.maxExecutionTime }).map((entry) => [entry.name, entry]))
    return taskTools
  }
  const list = () => [...[...builtins.values()].filter((b) => b.off.length === 0).map((b) => b.entry), ...tasks().values()]

  const unknown = (name: string, extra = ''): Resolved => {
    const suggestions = similarNames(name, list().map((entry) => entry.name))
    const didYouMean = suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : ''
    return { kind: 'unknown', name, message: `Unknown tool "${name}".${didYouMean}${extra} Call tools/list for the tools this server offers.` }
  }

  return {
    list,
    resolve(name) {
      if (name.startsWith(BUILTIN_PREFIX) || name.startsWith('ratchet.')) {
        const builtin = builtins.get(name.slice(BUILTIN_PREFIX.length))
        if (!builtin) return unknown(name)
        if (builtin.off.length > 0) return { kind: 'disabled', name: builtin.entry.name, switches: builtin.off }
        return { kind: 'tool', entry: builtin.entry }
      }
      const task = tasks().get(name)
      if (task) return { kind: 'tool', entry: task }
      const taskName = name.slice(TASK_TOOL_PREFIX.length)
      if (name.startsWith(TASK_TOOL_PREFIX) && !settings.exposeTasksAsTools && registry.get(taskName)) {
        return unknown(name, ` Tasks are not offered as tools (mcp.expose_tasks_as_tools is off); run it with ratchet_execute_task {"task_id": "${taskName}"}.`)
      }
      return unknown(name)
    },
    invalidate() {
      taskTools = null
    },
  }
}
