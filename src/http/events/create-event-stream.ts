/**
 * The live event stream (`GET /api/v1/events`), framework-neutral: `handle(request, filter, canSee)`
 * returns a `text/event-stream` Response. Each domain event is encoded once and the same bytes are
 * queued for every subscriber that may see it; a ring of recent events serves Last-Event-ID resumes;
 * one heartbeat timer pings every subscriber; a subscriber whose queue passes its byte cap gets a final
 * `lagged` event and is disconnected.
 */
import { AppError } from '../../errors.ts'
import type { DomainEvent, EventBus } from '../../events/types.ts'
import type { Logger } from '../../lib/logger.ts'
import { encodeControl, encodeEvent, PING, PREAMBLE } from './encode-event.ts'
import { createEventRing } from './event-ring.ts'
import { matchesFilter, type EventFilter } from './event-filter.ts'
import { createSubscriber, type Subscriber } from './subscriber.ts'

export interface EventStreamOptions {
  bus: EventBus
  logger: Logger
  /** Recent events kept for Last-Event-ID replay; default 1000. */
  ringSize?: number
  /** Interval of `: ping` comments; default 15 000 ms. */
  heartbeatMs?: number
  /** Per-subscriber queue cap in bytes; default 1 MiB. */
  maxBufferedBytes?: number
  /** How long a lagged subscriber may take to read its `lagged` event before it is cut; default 10 000 ms. */
  lagGraceMs?: number
}

export interface EventStream {
  /**
   * Opens a stream for one client: replays events after `Last-Event-ID` (header, or the `last_event_id`
   * query parameter) that pass `filter` and `canSee`, then streams live ones. Throws BAD_INPUT for a
   * malformed Last-Event-ID; SHUTTING_DOWN after close().
   */
  handle(request: Request, filter: EventFilter, canSee: (event: DomainEvent) => boolean): Response
  /** Connected subscribers still taking events. */
  subscribers(): number
  /** Bytes queued for all open streams (lagging ones too) and not yet taken by their responses. */
  bufferedBytes(): number
  /** Ends every stream and stops listening to the bus. */
  close(): void
}

const HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
}

function readLastEventId(request: Request): number | null {
  const raw = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('last_event_id')
  if (raw === null || raw.trim() === '') return null
  const id = Number(raw.trim())
  if (!Number.isSafeInteger(id) || id < 0) {
    throw new AppError('BAD_INPUT', `Last-Event-ID must be the id of an earlier event (a whole number), got ${JSON.stringify(raw)}`, {
      data: { lastEventId: raw },
      hint: 'Send back the id: line of the last event received, or leave Last-Event-ID out to start with new events.',
    })
  }
  return id
}

interface Client {
  /** The id of the last event queued for this client (what its Last-Event-ID will be once it has read it all). */
  lastId: number | null
  subscriber: Subscriber
  filter: EventFilter
  canSee: (event: DomainEvent) => boolean
}

export function createEventStream(options: EventStreamOptions): EventStream {
  const { bus, logger } = options
  const maxBufferedBytes = options.maxBufferedBytes ?? 1024 * 1024
  const heartbeatMs = options.heartbeatMs ?? 15_000
  const ring = createEventRing(options.ringSize ?? 1000)
  const clients = new Set<Client>()
  /** Every stream not yet over, including lagging ones that take no more events. */
  const open = new Set<Subscriber>()
  let heartbeat: ReturnType<typeof setInterval> | undefined
  let closed = false

  const visible = (canSee: (event: DomainEvent) => boolean, event: DomainEvent): boolean => {
    try {
      return canSee(event)
    } catch (error) {
      logger.error('event stream visibility check failed; event withheld', { eventId: event.id, error: String(error) })
      return false
    }
  }
  const wants = (client: Client, event: DomainEvent): boolean => matchesFilter(client.filter, event) && visible(client.canSee, event)

  const unsubscribe = bus.subscribe((event) => {
    ring.push(event)
    for (const client of clients) {
      if (wants(client, event) && client.subscriber.push(encodeEvent(event))) client.lastId = event.id
    }
  })

  const updateHeartbeat = () => {
    if (clients.size > 0 && !heartbeat && !closed) {
      heartbeat = setInterval(() => {
        for (const client of clients) client.subscriber.push(PING)
      }, heartbeatMs)
      heartbeat.unref?.()
    } else if (clients.size === 0 && heartbeat) {
      clearInterval(heartbeat)
      heartbeat = undefined
    }
  }

  /**
   * Whether `lastId` was numbered by this run: ids of earlier runs lie below the run's first id, and an
   * id above the last one was never given out here (another server, or a clock set back).
   */
  const fromThisRun = (lastId: number): boolean => lastId >= bus.firstId() - 1 && lastId <= bus.lastId()

  /** What a resuming client missed: a `reset` for an id from another run, a `gap` when the ring no longer has it. */
  const resumeNotice = (lastId: number): Uint8Array | null => {
    const current = bus.lastId()
    if (!fromThisRun(lastId)) {
      return encodeControl('reset', { reason: 'unknown_event_id', last_event_id: lastId, first_event_id: bus.firstId(), current_event_id: current, message: 'Your last event id is not from this run of the server (it restarted, or the id came from another server); events since your last one may have been lost. Reload current state.' })
    }
    const firstKept = ring.oldestId() ?? current + 1
    if (lastId + 1 < firstKept) {
      return encodeControl('gap', { reason: 'events_lost', last_event_id: lastId, first_available_id: firstKept, lost: firstKept - lastId - 1, message: 'Events after your last one are no longer buffered and were lost (some may not have matched your filter). Reload current state.' })
    }
    return null
  }

  return {
    handle(request, filter, canSee) {
      if (closed) throw new AppError('SHUTTING_DOWN', 'The event stream is shut down', { hint: 'Reconnect once the server is back.' })
      const lastId = readLastEventId(request)
      const wanted = (event: DomainEvent) => matchesFilter(filter, event) && visible(canSee, event)
      // The backlog is built now, in the same turn as the subscription, so no event falls in between.
      const backlog: Uint8Array[] = [PREAMBLE]
      // An id from another run (reset) says nothing about what this client has: it gets all the ring holds.
      const sameRun = lastId !== null && fromThisRun(lastId)
      let lastQueued = sameRun ? lastId : null
      if (lastId !== null) {
        const notice = resumeNotice(lastId)
        if (notice) backlog.push(notice)
        for (const event of ring.after(sameRun ? lastId : -1)) {
          if (!wanted(event)) continue
          backlog.push(encodeEvent(event))
          lastQueued = event.id
        }
      }
      const client: Client = {
        lastId: lastQueued,
        filter,
        canSee,
        subscriber: createSubscriber({
          maxBufferedBytes,
          backlog,
          lagGraceMs: options.lagGraceMs ?? 10_000,
          lagged: (info) => {
            logger.warn('an event stream subscriber fell behind and was disconnected', { bufferedBytes: info.bufferedBytes, maxBufferedBytes })
            return encodeControl('lagged', { reason: 'slow_consumer', buffered_bytes: info.bufferedBytes, max_buffered_bytes: maxBufferedBytes, last_event_id: client.lastId, message: 'You were not reading fast enough; events after last_event_id were dropped. Reconnect with Last-Event-ID to resume from the buffer.' })
          },
          onDetach: () => {
            clients.delete(client)
            updateHeartbeat()
          },
          onGone: () => open.delete(client.subscriber),
        }),
      }
      const { subscriber } = client
      open.add(subscriber)
      if (subscriber.accepting) clients.add(client)
      updateHeartbeat()
      request.signal?.addEventListener('abort', () => subscriber.close(), { once: true })
      return new Response(subscriber.stream, { status: 200, headers: HEADERS })
    },

    subscribers: () => clients.size,

    bufferedBytes() {
      let total = 0
      for (const subscriber of open) total += subscriber.bufferedBytes()
      return total
    },

    close() {
      if (closed) return
      closed = true
      unsubscribe()
      for (const subscriber of [...open]) subscriber.close()
      clients.clear()
      open.clear()
      updateHeartbeat()
    },
  }
}
