/**
 * Reads back what an instrumented run wrote: the debugger runtime's events travel as execution log
 * entries (console.debug with DEBUG_EVENT_MARKER); everything else is the task's own logging.
 */
import { DEBUG_EVENT_MARKER } from '../tasks/instrument.ts'
import type { LogEntry } from '../store/types.ts'

/** One instrumented statement about to run. */
export interface DebugEvent {
  /** 1-based count of instrumented statements executed so far. */
  step: number
  line: number
  /** For a breakpoint line: how many times it has been hit, this one included. */
  hit?: number
  variables?: Record<string, unknown>
}

export interface DebugLogs {
  events: DebugEvent[]
  /** Set when the run was stopped at max_steps: the limit and the line it was about to run. */
  limit?: { maxSteps: number; line: number }
  /** The task's own log entries (console.*, context.log.*), in order. */
  logs: LogEntry[]
  /** Event entries that could not be read (cut by the per-entry size limit). */
  unreadable: number
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Separates debugger events from the task's log entries. */
export function splitDebugLogs(entries: readonly LogEntry[]): DebugLogs {
  const result: DebugLogs = { events: [], logs: [], unreadable: 0 }
  for (const entry of entries) {
    if (entry.level !== 'debug' || !entry.message.startsWith(DEBUG_EVENT_MARKER)) {
      result.logs.push(entry)
      continue
    }
    let raw: unknown
    try {
      raw = JSON.parse(entry.message.slice(DEBUG_EVENT_MARKER.length))
    } catch {
      result.unreadable++
      continue
    }
    if (!isRecord(raw)) {
      result.unreadable++
    } else if (typeof raw.limit === 'number' && typeof raw.l === 'number') {
      result.limit = { maxSteps: raw.limit, line: raw.l }
    } else if (typeof raw.s === 'number' && typeof raw.l === 'number') {
      const event: DebugEvent = { step: raw.s, line: raw.l }
      if (typeof raw.h === 'number') event.hit = raw.h
      if (isRecord(raw.v)) event.variables = raw.v
      result.events.push(event)
    } else {
      result.unreadable++
    }
  }
  return result
}
