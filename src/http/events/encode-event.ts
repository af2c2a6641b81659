/**
 * Server-sent-event framing. A domain event is encoded once, on first need, and the same bytes go to
 * every subscriber (cached per event object, released with it).
 */
import type { DomainEvent } from '../../events/types.ts'

const encoder = new TextEncoder()
const cache = new WeakMap<DomainEvent, Uint8Array>()

/** `id: N\nevent: <type>\ndata: <json>\n\n`; the JSON is one line, so one data field suffices. */
export function encodeEvent(event: DomainEvent): Uint8Array {
  let bytes = cache.get(event)
  if (!bytes) {
    const { id, type, ts, taskName, executionId, jobId, scheduleId, data } = event
    const body = JSON.stringify({
      id,
      type,
      ts,
      ...(taskName !== undefined ? { task_name: taskName } : {}),
      ...(executionId !== undefined ? { execution_id: executionId } : {}),
      ...(jobId !== undefined ? { job_id: jobId } : {}),
      ...(scheduleId !== undefined ? { schedule_id: scheduleId } : {}),
      data,
    })
    bytes = encoder.encode(`id: ${id}\nevent: ${type}\ndata: ${body}\n\n`)
    cache.set(event, bytes)
  }
  return bytes
}

/** A stream-level event (`reset`, `lagged`) that is not a domain event: no id, so it does not move Last-Event-ID. */
export function encodeControl(type: string, data: Record<string, unknown>): Uint8Array {
  return encoder.encode(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`)
}

export const PING = encoder.encode(': ping\n\n')
/** Sent first: the reconnect delay, and a comment so clients and proxies see the stream open at once. */
export const PREAMBLE = encoder.encode('retry: 3000\n: connected\n\n')
