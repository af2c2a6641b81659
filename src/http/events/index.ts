/** The live event stream door (SSE): mounted by the REST host at GET /api/v1/events. */
export { createEventStream, type EventStream, type EventStreamOptions } from './create-event-stream.ts'
export { encodeEvent } from './encode-event.ts'
export { EVENT_TYPES, matchesFilter, parseEventFilter, type EventFilter } from './event-filter.ts'
