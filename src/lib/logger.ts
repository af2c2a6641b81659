import type { Config, LogSinkConfig } from '../config/types.ts'
import type { LogLevel } from '../store/types.ts'
import { formatJsonLine, formatTextLine, type LogRecord } from './internal/format-log-line.ts'
import { LineBuffer } from './internal/line-buffer.ts'
import { RotatingFile } from './internal/rotating-file.ts'

export type LogFields = Record<string, unknown>

/** Structured server logging. Every method is safe to call at any time and never throws. */
export interface Logger {
  trace(message: string, fields?: LogFields): void
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
  /** A logger that adds `fields` to every line (fields passed to a call win). It shares the sinks. */
  child(fields: LogFields): Logger
  /** Whether any sink records `level`: lets callers skip building costly fields. */
  isLevelEnabled(level: LogLevel): boolean
  /** Resolves once every line logged so far is written. */
  flush(): Promise<void>
  /**
   * Flushes and releases the sinks; afterwards only console sinks still write. A child logger's
   * close() only flushes: the root's owner closes the sinks.
   */
  close(): Promise<void>
}

export interface CreateLoggerOptions {
  /** Receives each console line (no trailing newline). Default: process.stderr. Never stdout. */
  stderr?: (line: string) => void
  /** Clock, for tests. */
  now?: () => Date
}

export const LOG_LEVEL_RANK: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50 }

interface Sink {
  rank: number
  json: boolean
  write(line: string): void
  flush(): Promise<void>
  close(): Promise<void>
}

function writeToStderr(line: string): void {
  process.stderr.write(`${line}\n`)
}

function createSink(config: LogSinkConfig, stderr: (line: string) => void, reportFailure: (what: string, error: unknown) => void): Sink {
  const rank = LOG_LEVEL_RANK[config.level]
  if (config.type === 'console') {
    const emit = (line: string) => {
      try {
        stderr(line)
      } catch {
        // stderr is gone (EPIPE, closed terminal); there is nowhere left to report it.
      }
    }
    if (!config.buffer) return { rank, json: config.json, write: emit, flush: async () => {}, close: async () => {} }
    const buffer = new LineBuffer({ ...config.buffer, write: (lines) => lines.forEach(emit), onError: () => {} })
    return { rank, json: config.json, write: (line) => buffer.push(line), flush: () => buffer.flush(), close: () => buffer.flush() }
  }

  const path = config.path as string
  const file = new RotatingFile({ path, maxSize: config.maxSize ?? 10 * 1024 * 1024, maxBackups: config.maxBackups ?? 5 })
  const buffer = new LineBuffer({
    size: config.buffer?.size ?? 1000,
    flushIntervalMs: config.buffer?.flushIntervalMs ?? 1000,
    write: (lines) => file.append(lines.map((line) => `${line}\n`)),
    onError: (error) => reportFailure(`cannot write log file ${path}`, error),
  })
  let closed = false
  return {
    rank,
    json: config.json,
    write: (line) => {
      if (!closed) buffer.push(line)
    },
    flush: () => buffer.flush(),
    close: () => {
      closed = true
      return buffer.flush()
    },
  }
}

/**
 * Creates the server logger from `config.logging`. Console sinks write to stderr only (stdout is
 * the MCP protocol channel); file sinks append through a buffer with size-based rotation. Each sink
 * has its own level and format: text `2026-11-25T14:00:00.000Z INFO  message key=value`, or JSON
 * lines `{ts, level, msg, ...fields}` with `use_json`. A failing sink is reported once on stderr and
 * never throws into the caller.
 */
export function createLogger(config: Config['logging'], options: CreateLoggerOptions = {}): Logger {
  const stderr = options.stderr ?? writeToStderr
  const now = options.now ?? (() => new Date())
  const reported = new Set<string>()
  const reportFailure = (what: string, error: unknown) => {
    if (reported.has(what)) return
    reported.add(what)
    const reason = error instanceof Error ? error.message : String(error)
    try {
      stderr(formatTextLine({ time: now(), level: 'error', message: `logger: ${what}: ${reason} (later failures of this sink are not reported)`, fields: {} }))
    } catch {
      // Nowhere left to report to.
    }
  }
  const sinks = config.sinks.map((sink) => createSink(sink, stderr, reportFailure))
  const minRank = Math.min(...sinks.map((sink) => sink.rank))
  let closing: Promise<void> | undefined

  const emit = (level: LogLevel, message: string, bound: LogFields, fields: LogFields | undefined) => {
    const rank = LOG_LEVEL_RANK[level]
    if (rank < minRank) return
    const record: LogRecord = { time: now(), level, message: String(message), fields: fields ? { ...bound, ...fields } : bound }
    let text: string | undefined
    let json: string | undefined
    for (const sink of sinks) {
      if (rank < sink.rank) continue
      try {
        sink.write(sink.json ? (json ??= formatJsonLine(record)) : (text ??= formatTextLine(record)))
      } catch (error) {
        reportFailure('cannot format a log line', error)
      }
    }
  }
  const flush = async () => {
    await Promise.all(sinks.map((sink) => sink.flush()))
  }

  const make = (bound: LogFields, isRoot: boolean): Logger => ({
    trace: (message, fields) => emit('trace', message, bound, fields),
    debug: (message, fields) => emit('debug', message, bound, fields),
    info: (message, fields) => emit('info', message, bound, fields),
    warn: (message, fields) => emit('warn', message, bound, fields),
    error: (message, fields) => emit('error', message, bound, fields),
    child: (fields) => make({ ...bound, ...fields }, false),
    isLevelEnabled: (level) => LOG_LEVEL_RANK[level] >= minRank,
    flush,
    close: () => {
      if (!isRoot) return flush()
      closing ??= Promise.all(sinks.map((sink) => sink.close())).then(() => undefined)
      return closing
    },
  })
  return make({}, true)
}
