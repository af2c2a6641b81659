/**
 * The in-process event bus: numbers each event once and fans it out to subscribers. A subscriber that
 * throws is logged and kept; it never stops delivery to the others.
 *
 * Ids never repeat across runs of the server: a run numbers its events from its start time (ms since
 * the epoch × 1000), so every run's ids lie above the last run's (unless it published more than a
 * thousand events per millisecond it was up, or the clock was set back between runs), and a
 * Last-Event-ID below `firstId()` is from an earlier run; one above `lastId()` was never given out here. Payloads pass through publicEventData, so no publisher can put input, output or an unmasked
 * webhook URL on the bus.
 */
import type { Logger } from '../lib/logger.ts'
import { publicEventData } from './public-event-data.ts'
import type { DomainEvent, DomainEventInput, EventBus } from './types.ts'

export interface EventBusDeps {
  logger?: Logger
  /** The clock the run's first id is taken from (ms since the epoch); Date.now by default. */
  now?: () => number
}

export function createEventBus(deps: EventBusDeps = {}): EventBus {
  const listeners = new Set<(event: DomainEvent) => void>()
  const start = Math.floor((deps.now ?? Date.now)()) * 1000
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`the event bus clock gave ${start / 1000}, not a time after 1970 that ids can start from`)
  let last = start
  const sources = new Map<() => () => void, (() => void) | null>()
  const activate = () => {
    for (const [source, stop] of sources) if (stop === null) sources.set(source, source())
  }
  const deactivate = () => {
    for (const [source, stop] of sources) {
      stop?.()
      sources.set(source, null)
    }
  }
  return {
    publish(input) {
      const event: DomainEvent = { ...input, data: publicEventData(input), id: ++last, ts: new Date().toISOString() }
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
      if (listeners.size === 1) activate()
      return () => {
        if (listeners.delete(listener) && listeners.size === 0) deactivate()
      }
    },
    whileSubscribed(source) {
      sources.set(source, listeners.size > 0 ? source() : null)
      return () => {
        sources.get(source)?.()
        sources.delete(source)
      }
    },
    lastId: () => last,
    firstId: () => start + 1,
  }
}
