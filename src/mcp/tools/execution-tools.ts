import type { ToolHandlers } from './types.ts'

export const executionHandlers: Partial<ToolHandlers> = {}
