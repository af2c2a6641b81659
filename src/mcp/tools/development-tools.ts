import type { ToolHandlers } from './types.ts'

export const developmentHandlers: Partial<ToolHandlers> = {}
