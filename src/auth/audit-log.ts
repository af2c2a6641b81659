/**
 * The audit log (`mcp.security.audit_log_enabled`): one entry per authentication result, tool call and
 * task change, written as a JSON line to `mcp.audit_log_file` (when set) and to the store's audit_log
 * table (`ratchet audit`). Entries carry names, outcomes and reasons only: callers never pass secrets,
 * arguments or input values, and nothing here looks inside them. Writes are batched (every 250 ms or
 * 100 entries) so auditing costs a tool call next to nothing; close() writes what is left.
 */
import { appendFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Logger } from '../lib/logger.ts'
import type { AuditRecord, ExecutionWriter } from '../store/types.ts'

export type AuditInput = Omit<AuditRecord, 'ts'> & { ts?: string }

export interface AuditLog {
  readonly enabled: boolean
  record(entry: AuditInput): void
  /** Writes every entry recorded so far. */
  flush(): Promise<void>
  close(): Promise<void>
}

export interface AuditLogOptions {
  enabled: boolean
  /** Absolute path of the JSON-lines file; null writes to the store only. */
  file: string | null
  store?: Pick<ExecutionWriter, 'appendAudit'>
  logger: Logger
  flushMs?: number
  maxBuffered?: number
}

/** The line written to the file: snake_case, fields that are not set left out. */
export function auditLine(entry: AuditRecord): string {
  const line: Record<string, unknown> = {
    ts: entry.ts,
    event: entry.event,
    principal: entry.principal,
    ...(entry.principalKind ? { principal_kind: entry.principalKind } : {}),
    outcome: entry.outcome,
    ...(entry.ip ? { ip: entry.ip } : {}),
    ...(entry.tool ? { tool: entry.tool } : {}),
    ...(entry.task ? { task: entry.task } : {}),
    ...(entry.executionId ? { execution_id: entry.executionId } : {}),
    ...(entry.durationMs !== undefined && entry.durationMs !== null ? { duration_ms: entry.durationMs } : {}),
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.detail ? { detail: entry.detail } : {}),
  }
  return JSON.stringify(line) + '\n'
}

export const NO_AUDIT: AuditLog = Object.freeze({ enabled: false, record() {}, flush: async () => {}, close: async () => {} })

export function createAuditLog(options: AuditLogOptions): AuditLog {
  if (!options.enabled) return NO_AUDIT
  const { logger } = options
  const flushMs = options.flushMs ?? 250
  const maxBuffered = options.maxBuffered ?? 100
  let buffer: AuditRecord[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
  let writing: Promise<void> = Promise.resolve()
  let madeDir = false
  let closed = false

  const writeFile = async (lines: string) => {
    const file = options.file!
    if (!madeDir) {
      await mkdir(dirname(file), { recursive: true })
      madeDir = true
    }
    await appendFile(file, lines, { mode: 0o600 })
  }

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = null
    const batch = buffer
    buffer = []
    if (batch.length > 0) {
      try {
        options.store?.appendAudit(batch)
      } catch (error) {
        logger.warn('could not store audit entries', { count: batch.length, error: error instanceof Error ? error.message : String(error) })
      }
      if (options.file) {
        const lines = batch.map(auditLine).join('')
        writing = writing.then(() => writeFile(lines)).catch((error) => logger.warn('could not write the audit log file', { file: options.file, error: error instanceof Error ? error.message : String(error) }))
      }
    }
    return writing
  }

  return {
    enabled: true,
    record(entry) {
      if (closed) return
      buffer.push({ ...entry, ts: entry.ts ?? new Date().toISOString() })
      if (buffer.length >= maxBuffered) void flush()
      else if (!timer) {
        timer = setTimeout(() => void flush(), flushMs)
        timer.unref?.()
      }
    },
    flush,
    async close() {
      if (closed) return writing
      await flush()
      closed = true
    },
  }
}
