/**
 * An execution's log entries as the tool layer pages and prints them. Workers cap each run at 10,000
 * entries, so a page is cut from the full list at the chosen level, which also gives the exact total.
 */
import type { ExecutionReader, LogEntry, LogLevel } from '../store/types.ts'
import { definedOnly } from './execution-views.ts'

export interface LogView {
  seq: number
  level: LogLevel
  message: string
  data?: unknown
  timestamp: string
}

const LEVEL_RANK: Record<LogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 }

export interface LogPage {
  entries: LogEntry[]
  /** Entries at or above the level, ignoring offset and limit. */
  total: number
  hasMore: boolean
  /** Entries below the level (left out), so a reader can tell "nothing logged" from "logged more quietly". */
  below: number
}

/** One page of entries at or above `minLevel`, oldest first. */
export async function readLogPage(store: Pick<ExecutionReader, 'getLogs'>, executionId: string, options: { minLevel: LogLevel; offset: number; limit: number }): Promise<LogPage> {
  const every = await store.getLogs(executionId, { minLevel: 'trace' })
  const rank = LEVEL_RANK[options.minLevel]
  const all = rank === 0 ? every : every.filter((entry) => LEVEL_RANK[entry.level] >= rank)
  const entries = all.slice(options.offset, options.offset + options.limit)
  return { entries, total: all.length, hasMore: options.offset + entries.length < all.length, below: every.length - all.length }
}

/** One log entry as tools show it (`ts` becomes `timestamp`). */
export function viewLog(entry: LogEntry): LogView {
  return definedOnly({ seq: entry.seq, level: entry.level, message: entry.message, data: entry.data, timestamp: entry.ts })
}

/** `2026-01-02T03:04:05.678Z INFO  message {"data":1}`, one line per entry (newlines in messages indented). */
export function formatLogText(entries: readonly LogEntry[]): string {
  return entries
    .map((entry) => {
      const data = entry.data === undefined ? '' : ` ${typeof entry.data === 'string' ? entry.data : JSON.stringify(entry.data)}`
      return `${entry.ts} ${entry.level.toUpperCase().padEnd(5)} ${entry.message}${data}`.replace(/\n/g, '\n    ')
    })
    .join('\n')
}
