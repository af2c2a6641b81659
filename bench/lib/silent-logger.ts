import type { Logger } from '../../src/lib/logger.ts'

/** A Logger that drops everything except errors, which it counts (a bench must not hide failures). */
export function silentLogger(): Logger & { errors: string[] } {
  const errors: string[] = []
  const noop = () => {}
  const logger: Logger & { errors: string[] } = {
    errors,
    trace: noop,
    debug: noop,
    info: noop,
    warn: noop,
    error: (message, fields) => {
      if (errors.length < 20) errors.push(`${message} ${fields ? JSON.stringify(fields) : ''}`)
    },
    child: () => logger,
    isLevelEnabled: (level) => level === 'error',
    flush: async () => {},
    close: async () => {},
  }
  return logger
}
