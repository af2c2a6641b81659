/**
 * Reads back what an instrumented run wrote: the debugger runtime's events travel as execution log
 * entries (console.debug with the run's marker); everything else is the task's own logging. Every
 * debug run gets a marker of its own (createRunMarker), so a task that logs the well-known
 * DEBUG_EVENT_MARKER, or a marker of an earlier run, writes an ordinary log line, not an event.
 */
import { DEBUG_EVENT_MARKER } from '../tasks/instrument.ts'
import type { LogEntry } from '../store/types.ts'

const TOKEN_LENGTH = DEBUG_EVENT_MARKER.length - 2
const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A random marker for one debug run, as long as DEBUG_EVENT_MARKER (NUL, token, NUL) so swapping it
 * into the instrumented code moves no column.
 */
export function createRunMarker(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(TOKEN_LENGTH))
  return `\u0000${Array.from(bytes, (b) => TOKEN_ALPHABET[b % TOKEN_ALPHABET.length]).join('')}\u0000`
}

/**
 * The instrumented code with the debugger runtime told to mark its events with `marker` instead of
 * DEBUG_EVENT_MARKER. The runtime's config is the first `{"marker":…` object of the code (it is
 * inserted before any user statement); null when it cannot be found.
 */
export function useRunMarker(code: string, marker: string): string | null {
  const configured = `{"marker":${JSON.stringify(DEBUG_EVENT_MARKER)}`
  const at = code.indexOf(configured)
  if (at < 0 || marker.length !== DEBUG_EVENT_MARKER.length) return null
  return code.slice(0, at) + `{"marker":${JSON.stringify(marker)}` + code.slice(at + configured.length)
}

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

/** Separates debugger events (entries starting with this run's `marker`) from the task's log entries. */
export function splitDebugLogs(entries: readonly LogEntry[], marker: string): DebugLogs {
  const result: DebugLogs = { events: [], logs: [], unreadable: 0 }
  for (const entry of entries) {
    if (entry.level !== 'debug' || !entry.message.startsWith(marker)) {
      result.logs.push(entry)
      continue
    }
    let raw: unknown
    try {
      raw = JSON.parse(entry.message.slice(marker.length))
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
