import type { LogFields, Logger } from '../../src/lib/logger.ts'
import type { LogLevel } from '../../src/store/types.ts'

export interface RecordedLine {
  level: LogLevel
  message: string
  fields?: LogFields
}

/** A Logger that writes nothing; `lines` keeps what was logged so tests can assert on warnings. */
export function silentLogger(): Logger & { lines: RecordedLine[] } {
  const lines: RecordedLine[] = []
  const make = (bound: LogFields): Logger & { lines: RecordedLine[] } => {
    const at = (level: LogLevel) => (message: string, fields?: LogFields) => {
      lines.push({ level, message, fields: fields ? { ...bound, ...fields } : bound })
    }
    return {
      lines,
      trace: at('trace'),
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      child: (fields) => make({ ...bound, ...fields }),
      isLevelEnabled: () => true,
      flush: async () => {},
      close: async () => {},
    }
  }
  return make({})
}
