/** How a schedule maps to a `schedules` row and back (JSON columns, 0/1 booleans, NULLs). */
import type { CatchUp, JobPriority, OutputDestination } from '../jobs/types.ts'
import type { StoredSchedule } from './schedule-store.ts'

export interface ScheduleRow {
  id: string
  name: string
  description: string | null
  task_name: string
  cron_expression: string
  input_data: string
  timezone: string
  enabled: number
  catch_up: string
  output_destinations: string
  max_retries: number | null
  priority: string | null
  last_fired_slot: string | null
  pending_slot: string | null
  slots_after: string
  last_run_at: string | null
  next_run_at: string | null
  run_count: number
  principal: string | null
  created_at: string
  updated_at: string
}

export const SCHEDULE_COLUMNS = [
  'id', 'name', 'description', 'task_name', 'cron_expression', 'input_data', 'timezone', 'enabled', 'catch_up',
  'output_destinations', 'max_retries', 'priority', 'last_fired_slot', 'pending_slot', 'slots_after', 'last_run_at',
  'next_run_at', 'run_count', 'principal', 'created_at', 'updated_at',
] as const

export function decodeSchedule(row: ScheduleRow): StoredSchedule {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    taskName: row.task_name,
    cronExpression: row.cron_expression,
    inputData: JSON.parse(row.input_data),
    timezone: row.timezone,
    enabled: row.enabled === 1,
    catchUp: row.catch_up as CatchUp,
    outputDestinations: JSON.parse(row.output_destinations) as OutputDestination[],
    maxRetries: row.max_retries,
    ...(row.priority !== null ? { priority: row.priority as JobPriority } : {}),
    lastFiredSlot: row.last_fired_slot,
    lastRunAt: row.last_run_at,
    nextRunAt: row.next_run_at,
    runCount: row.run_count,
    principal: row.principal,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pendingSlot: row.pending_slot,
    slotsAfter: row.slots_after,
  }
}

export function encodeSchedule(s: StoredSchedule): ScheduleRow {
  return {
    id: s.id,
    name: s.name,
    description: s.description ?? null,
    task_name: s.taskName,
    cron_expression: s.cronExpression,
    input_data: JSON.stringify(s.inputData ?? null),
    timezone: s.timezone,
    enabled: s.enabled ? 1 : 0,
    catch_up: s.catchUp,
    output_destinations: JSON.stringify(s.outputDestinations),
    max_retries: s.maxRetries ?? null,
    priority: s.priority ?? null,
    last_fired_slot: s.lastFiredSlot ?? null,
    pending_slot: s.pendingSlot,
    slots_after: s.slotsAfter,
    last_run_at: s.lastRunAt ?? null,
    next_run_at: s.nextRunAt ?? null,
    run_count: s.runCount,
    principal: s.principal ?? null,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  }
}

/** The row columns each patchable field writes; nothing from the caller reaches SQL text. */
export const PATCH_COLUMNS: Record<string, { column: string; encode: (value: unknown) => string | number | null }> = {
  name: { column: 'name', encode: (v) => v as string },
  description: { column: 'description', encode: (v) => (v ?? null) as string | null },
  taskName: { column: 'task_name', encode: (v) => v as string },
  cronExpression: { column: 'cron_expression', encode: (v) => v as string },
  inputData: { column: 'input_data', encode: (v) => JSON.stringify(v ?? null) },
  timezone: { column: 'timezone', encode: (v) => v as string },
  enabled: { column: 'enabled', encode: (v) => (v ? 1 : 0) },
  catchUp: { column: 'catch_up', encode: (v) => v as string },
  outputDestinations: { column: 'output_destinations', encode: (v) => JSON.stringify(v ?? []) },
  maxRetries: { column: 'max_retries', encode: (v) => (v ?? null) as number | null },
  priority: { column: 'priority', encode: (v) => (v ?? null) as string | null },
  nextRunAt: { column: 'next_run_at', encode: (v) => (v ?? null) as string | null },
  slotsAfter: { column: 'slots_after', encode: (v) => v as string },
  updatedAt: { column: 'updated_at', encode: (v) => v as string },
}
