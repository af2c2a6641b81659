import type { Server } from '@modelcontextprotocol/sdk/server/index.js'
import { SetLevelRequestSchema, type LoggingLevel } from '@modelcontextprotocol/sdk/types.js'
import type { LogLevel } from '../store/types.ts'

const RANK: Record<LoggingLevel, number> = { debug: 0, info: 1, notice: 2, warning: 3, error: 4, critical: 5, alert: 6, emergency: 7 }

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
  server.setRequestHandler(SetLevelRequestSchema, async (request) => {
    current = request.params.level
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
