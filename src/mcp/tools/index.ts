/**
 * Every MCP tool handler, by tool name. Each group file is typed with `Pick<ToolHandlers, ...>`, so a
 * handler that drifts from its schema fails type-checking; this table is checked to be complete.
 */
import type { ToolHandlers } from './types.ts'
import { executionHandlers } from './execution-tools.ts'
import { developmentHandlers } from './development-tools.ts'
import { inspectionHandlers } from './inspection-tools.ts'
import { queueHandlers } from './queue-tools.ts'

export const TOOL_HANDLERS: Partial<ToolHandlers> = { ...executionHandlers, ...developmentHandlers, ...inspectionHandlers, ...queueHandlers }
