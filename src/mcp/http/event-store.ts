/**
 * A bounded in-memory EventStore for the SDK's Streamable HTTP transport: every SSE message a session
 * sends is kept (up to `maxEvents`, oldest dropped first) so a client that lost its connection can
 * come back with `Last-Event-ID` and receive what it missed on that stream. One store per session, so
 * an event id never replays another session's messages.
 */
import type { EventStore } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js'

export interface MemoryEventStoreOptions {
  /** Most events kept; the oldest are dropped first. */
  maxEvents?: number
}

export interface MemoryEventStore extends EventStore {
  getStreamIdForEventId(eventId: string): Promise<string | undefined>
  /** Events currently held (for tests and /health-style introspection). */
  readonly size: number
}

interface StoredEvent {
  streamId: string
  message: JSONRPCMessage
}

export const DEFAULT_MAX_EVENTS = 1000

export function createMemoryEventStore(options: MemoryEventStoreOptions = {}): MemoryEventStore {
  const maxEvents = Math.max(1, options.maxEvents ?? DEFAULT_MAX_EVENTS)
  // A Map iterates in insertion order, which is also event order: eviction and replay walk it.
  const events = new Map<string, StoredEvent>()
  let seq = 0

  return {
    get size() {
      return events.size
    },
    async storeEvent(streamId, message) {
      // The sequence number first keeps ids unique and ordered; the stream id after it is for humans.
      const eventId = `${(++seq).toString(36)}.${streamId}`
      events.set(eventId, { streamId, message })
      while (events.size > maxEvents) events.delete(events.keys().next().value as string)
      return eventId
    },
    async getStreamIdForEventId(eventId) {
      return events.get(eventId)?.streamId
    },
    async replayEventsAfter(lastEventId, { send }) {
      const last = events.get(lastEventId)
      if (!last) return ''
      let after = false
      for (const [eventId, event] of [...events]) {
        if (eventId === lastEventId) {
          after = true
          continue
        }
        // Priming events (an id with empty data) carry no message to replay.
        if (!after || event.streamId !== last.streamId || isPriming(event.message)) continue
        await send(eventId, event.message)
      }
      return last.streamId
    },
  }
}

function isPriming(message: JSONRPCMessage): boolean {
  return Object.keys(message).length === 0
}
