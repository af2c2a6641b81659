import type { ToolHandlers } from './types.ts'

export const inspectionHandlers: Partial<ToolHandlers> = {}
