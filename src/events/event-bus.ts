/**
 * The in-process event bus: numbers each event once and fans it out to subscribers. A subscriber that
 * throws is logged and kept; it never stops delivery to the others.
 */
import type { Logger } from '../lib/logger.ts'
import type { DomainEvent, DomainEventInput, EventBus } from './types.ts'

export function createEventBus(deps: { logger?: Logger } = {}): EventBus {
  const listeners = new Set<(event: DomainEvent) => void>()
  let last = 0
  return {
    publish(input) {
      const event: DomainEvent = { ...input, id: ++last, ts: new Date().toISOString() }
      for (const listener of listeners) {
        try {
          listener(event)
        } catch (error) {
          deps.logger?.error('event subscriber failed', { type: event.type, error: String(error) })
        }
      }
      return event
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    lastId: () => last,
  }
}
