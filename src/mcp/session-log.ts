import type { Server } from '@modelcontextprotocol/sdk/server/index.js'
import { ErrorCode, LoggingLevelSchema, RequestSchema, SetLevelRequestSchema, type LoggingLevel } from '@modelcontextprotocol/sdk/types.js'
import type { LogLevel } from '../store/types.ts'
import { ProtocolError } from './internal/protocol-error.ts'

const RANK: Record<LoggingLevel, number> = { debug: 0, info: 1, notice: 2, warning: 3, error: 4, critical: 5, alert: 6, emergency: 7 }

// logging/setLevel with any params: the SDK's own schema would reject a bad level before our handler
// runs, as an internal error (-32603) carrying a raw validation dump; we answer -32602 instead.
const LooseSetLevelRequestSchema = RequestSchema.extend({ method: SetLevelRequestSchema.shape.method })

/** Our log levels on MCP's syslog scale. */
export const MCP_LEVEL: Record<LogLevel, LoggingLevel> = { trace: 'debug', debug: 'debug', info: 'info', warn: 'warning', error: 'error' }

export interface SessionLog {
  /** Sends `notifications/message` when `level` is at or above the level the client set. */
  send(level: LoggingLevel, logger: string, data: unknown): void
  level(): LoggingLevel
}

/**
 * The session's MCP logging: answers `logging/setLevel` (one server per session, so the level is just
 * this server's) and filters what the server sends. Until the client sets a level, `info` and above go
 * out. Sending never throws: a closed transport just drops the message.
 */
export function createSessionLog(server: Server, options: { initialLevel?: LoggingLevel; onError?: (error: unknown) => void } = {}): SessionLog {
  let current: LoggingLevel = options.initialLevel ?? 'info'
  server.setRequestHandler(LooseSetLevelRequestSchema, async (request) => {
    const level = (request.params as { level?: unknown } | undefined)?.level
    const parsed = LoggingLevelSchema.safeParse(level)
    if (!parsed.success) {
      const levels = Object.keys(RANK)
      throw new ProtocolError(ErrorCode.InvalidParams, `Invalid log level ${level === undefined ? '(missing params.level)' : JSON.stringify(level)}: use one of ${levels.join(', ')}`, { level: level ?? null, levels })
    }
    current = parsed.data
    return {}
  })
  return {
    level: () => current,
    send(level, logger, data) {
      if (RANK[level] < RANK[current] || !server.transport) return
      server.notification({ method: 'notifications/message', params: { level, logger, data } }).catch((error) => options.onError?.(error))
    },
  }
}
