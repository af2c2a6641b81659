import type { LogLevel } from '../../store/types.ts'

export interface LogRecord {
  time: Date
  level: LogLevel
  message: string
  fields: Record<string, unknown>
}

const MAX_DEPTH = 8
const RESERVED = new Set(['ts', 'level', 'msg'])

/** A JSON-safe copy: errors as {name, message, stack}, bigints as strings, cycles as "[Circular]". */
export function toJsonSafe(value: unknown, ancestors: object[] = []): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'function' || typeof value === 'symbol') return String(value)
  if (typeof value !== 'object' || value === null) return value
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString()
  if (ancestors.includes(value)) return '[Circular]'
  if (ancestors.length >= MAX_DEPTH) return '[Object]'
  const inner = [...ancestors, value]
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: value.message }
    if (value.stack) out.stack = value.stack
    for (const [key, child] of Object.entries(value)) out[key] = toJsonSafe(child, inner)
    if (value.cause !== undefined) out.cause = toJsonSafe(value.cause, inner)
    return out
  }
  if (Array.isArray(value)) return value.map((item) => toJsonSafe(item, inner))
  if (value instanceof Map) return toJsonSafe(Object.fromEntries(value), ancestors)
  if (value instanceof Set) return toJsonSafe([...value], ancestors)
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) if (child !== undefined) out[key] = toJsonSafe(child, inner)
  return out
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=\\\u0000-\u001f]+$/.test(value) ? value : JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === null) return String(value)
  if (value instanceof Error) return JSON.stringify(`${value.name}: ${value.message}`)
  if (value instanceof Date) return formatValue(toJsonSafe(value))
  return JSON.stringify(toJsonSafe(value))
}

/** `2026-11-25T14:00:00.000Z INFO  message key=value` */
export function formatTextLine(record: LogRecord): string {
  let line = `${record.time.toISOString()} ${record.level.toUpperCase().padEnd(5)} ${record.message}`
  for (const [key, value] of Object.entries(record.fields)) {
    if (value !== undefined) line += ` ${key}=${formatValue(value)}`
  }
  return line
}

/** `{"ts":"…","level":"info","msg":"…",...fields}`; a field named ts, level or msg is kept as `_ts`, `_level`, `_msg`. */
export function formatJsonLine(record: LogRecord): string {
  const out: Record<string, unknown> = { ts: record.time.toISOString(), level: record.level, msg: record.message }
  for (const [key, value] of Object.entries(record.fields)) {
    if (value === undefined) continue
    out[RESERVED.has(key) ? `_${key}` : key] = toJsonSafe(value)
  }
  return JSON.stringify(out)
}
