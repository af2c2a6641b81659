import { afterEach, describe, expect, test } from 'bun:test'
import net from 'node:net'
import { createEventBus, type DomainEventInput, type EventBus } from '../../../src/events/index.ts'
import { createEventStream, parseEventFilter, type EventStream, type EventStreamOptions } from '../../../src/http/events/index.ts'
import { AppError } from '../../../src/errors.ts'
import { silentLogger } from '../../helpers/silent-logger.ts'
import { parseFrames, SseReader } from './sse-client.ts'

interface Served {
  bus: EventBus
  stream: EventStream
  url: string
  port: number
}

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A real Bun.serve on 127.0.0.1:0 whose only route is the event stream (filter from the query, owner check from x-user). */
function serve(options: Partial<EventStreamOptions> = {}): Served {
  const bus = options.bus ?? createEventBus({ now: () => 0 })
  const stream = createEventStream({ bus, logger: silentLogger(), ...options })
  const server = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch(request) {
      try {
        const filter = parseEventFilter(new URL(request.url).searchParams)
        const user = request.headers.get('x-user')
        return stream.handle(request, filter, (event) => user === null || event.owner === user)
      } catch (error) {
        if (error instanceof AppError) return Response.json(error.toJSON(), { status: error.httpStatus })
        throw error
      }
    },
  })
  cleanups.push(() => {
    stream.close()
    server.stop(true)
  })
  return { bus, stream, url: `http://127.0.0.1:${server.port!}/`, port: server.port! }
}

const jobEvent = (n: number, extra: Partial<DomainEventInput> = {}): DomainEventInput => ({ type: 'job.created', taskName: 'report', jobId: `job-${n}`, data: { n }, ...extra })

async function connect(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const controller = new AbortController()
  const response = await fetch(url, { headers, signal: controller.signal })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
  const reader = new SseReader(response.body!)
  cleanups.push(async () => {
    await reader.cancel()
    controller.abort()
  })
  return reader
}

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await Bun.sleep(5)
  }
}

describe('event stream over a real socket', () => {
  test('a client resumes with Last-Event-ID and gets exactly the events it missed', async () => {
    const { bus, stream, url } = serve()
    const first = await connect(url)
    await until(() => stream.subscribers() === 1)
    for (let n = 1; n <= 3; n++) bus.publish(jobEvent(n))
    const seen = await first.take(3)
    expect(seen.map((f) => f.id)).toEqual(['1', '2', '3'])
    expect(seen[0]).toMatchObject({ event: 'job.created' })
    expect(JSON.parse(seen[0]!.data!)).toMatchObject({ id: 1, type: 'job.created', task_name: 'report', job_id: 'job-1', data: { n: 1 } })
    await first.cancel()
    await until(() => stream.subscribers() === 0)

    for (let n = 4; n <= 6; n++) bus.publish(jobEvent(n))
    const resumed = await connect(url, { 'last-event-id': seen.at(-1)!.id! })
    const replay = await resumed.take(3)
    expect(replay.map((f) => [f.id, JSON.parse(f.data!).data.n])).toEqual([['4', 4], ['5', 5], ['6', 6]])
    bus.publish(jobEvent(7))
    expect((await resumed.take(1))[0]?.id).toBe('7')

    // The query parameter works too, for clients that cannot set headers (EventSource's first connect).
    const byQuery = await connect(`${url}?last_event_id=5`)
    expect((await byQuery.take(2)).map((f) => f.id)).toEqual(['6', '7'])
  })

  test('a resume backlog larger than the queue cap is delivered as the client reads, not cut off', async () => {
    const { bus, stream, url } = serve({ maxBufferedBytes: 16 * 1024 })
    const payload = 'z'.repeat(1024)
    for (let n = 1; n <= 200; n++) bus.publish(jobEvent(n, { data: { payload } }))
    const reader = await connect(url, { 'last-event-id': '0' })
    bus.publish(jobEvent(201))
    const frames = await reader.take(201)
    expect(frames.map((f) => Number(f.id))).toEqual(Array.from({ length: 201 }, (_, i) => i + 1))
    expect(stream.subscribers()).toBe(1)
  })

  test('resuming from an id older than the buffer starts with a gap event saying how many were lost', async () => {
    const { bus, url } = serve({ ringSize: 3 })
    for (let n = 1; n <= 10; n++) bus.publish(jobEvent(n))
    const reader = await connect(url, { 'last-event-id': '2' })
    const frames = await reader.take(4)
    expect(frames[0]?.event).toBe('gap')
    expect(JSON.parse(frames[0]!.data!)).toMatchObject({ reason: 'events_lost', last_event_id: 2, first_available_id: 8, lost: 5 })
    expect(frames.slice(1).map((f) => f.id)).toEqual(['8', '9', '10'])

    const stale = await connect(url, { 'last-event-id': '99' })
    const reset = await stale.take(1)
    expect(reset[0]?.event).toBe('reset')
    expect(JSON.parse(reset[0]!.data!)).toMatchObject({ reason: 'unknown_event_id', last_event_id: 99, current_event_id: 10 })

    const bad = await fetch(url, { headers: { 'last-event-id': 'abc' } })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toContain('Last-Event-ID must be the id of an earlier event')
  })

  test('a client resuming with an id from before a restart gets a reset and the new run, not a silent gap', async () => {
    const before = serve({ bus: createEventBus({ now: () => 1_700_000_000_000 }) })
    for (let n = 1; n <= 41; n++) before.bus.publish(jobEvent(n))
    const seen = await connect(before.url, { 'last-event-id': String(before.bus.firstId() - 1) })
    const lastSeen = (await seen.take(41)).at(-1)!.id!
    await seen.cancel()
    before.stream.close()

    // The restarted server: a new bus and stream, started later, that has published 146 events since.
    const after = serve({ bus: createEventBus({ now: () => 1_700_000_060_000 }) })
    for (let n = 1; n <= 146; n++) after.bus.publish(jobEvent(1000 + n))
    const resumed = await connect(after.url, { 'last-event-id': lastSeen })
    const frames = await resumed.take(147)
    expect(frames[0]?.event).toBe('reset')
    expect(JSON.parse(frames[0]!.data!)).toMatchObject({ reason: 'unknown_event_id', last_event_id: Number(lastSeen), first_event_id: after.bus.firstId(), current_event_id: after.bus.lastId() })
    // Everything the new run still holds follows, and no id of the new run repeats one of the old run.
    expect(frames.slice(1).map((f) => JSON.parse(f.data!).job_id)).toEqual(Array.from({ length: 146 }, (_, i) => `job-${1001 + i}`))
    expect(frames.slice(1).every((f) => Number(f.id) > Number(lastSeen))).toBe(true)

    // A client of the new run resumes normally, with no notice.
    const current = await connect(after.url, { 'last-event-id': frames.at(-2)!.id! })
    after.bus.publish(jobEvent(2000))
    const next = await current.take(2)
    expect(next.map((f) => f.event)).toEqual(['job.created', 'job.created'])
    expect(next.map((f) => f.id)).toEqual([frames.at(-1)!.id, String(after.bus.lastId())])
  })

  test('event ids of a later run of the bus start above every id of the earlier one', async () => {
    const first = createEventBus()
    for (let n = 1; n <= 500; n++) first.publish(jobEvent(n))
    await Bun.sleep(2)
    const second = createEventBus()
    expect(second.firstId()).toBeGreaterThan(first.lastId())
    expect(second.publish(jobEvent(1)).id).toBe(second.firstId())
    expect(Number.isSafeInteger(second.lastId())).toBe(true)
  })

  test('filters by type family, task, job and visibility, and pings while idle', async () => {
    const { bus, stream, url } = serve({ heartbeatMs: 50 })
    const jobsOnly = await connect(`${url}?type=job.*&task=report,billing`)
    const oneJob = await connect(`${url}?job_id=job-2`)
    const alices = await connect(url, { 'x-user': 'alice' })
    await until(() => stream.subscribers() === 3)
    bus.publish(jobEvent(1))
    bus.publish({ type: 'execution.finished', taskName: 'report', executionId: 'e1', data: {} })
    bus.publish(jobEvent(2, { taskName: 'other', owner: 'alice' }))
    bus.publish({ type: 'schedule.fired', taskName: 'billing', scheduleId: 's1', jobId: 'job-3', owner: 'alice', data: {} })
    bus.publish(jobEvent(4, { type: 'job.completed', taskName: 'billing' }))

    expect((await jobsOnly.take(2)).map((f) => f.id)).toEqual(['1', '5'])
    expect((await oneJob.take(1)).map((f) => f.id)).toEqual(['3'])
    expect((await alices.take(2)).map((f) => f.event)).toEqual(['job.created', 'schedule.fired'])
    const pings = await alices.take(2, (f) => f.comment === 'ping')
    expect(pings).toHaveLength(2)

    expect(() => parseEventFilter(new URLSearchParams('type=job.exploded'))).toThrow('Unknown event type "job.exploded"')
    expect(() => parseEventFilter(new URLSearchParams('tasks=x'))).toThrow('Unknown event stream parameter "tasks"')
  })

  test('each event is encoded once and the same bytes go to every subscriber', async () => {
    const { bus, stream, url } = serve()
    const readers = await Promise.all([connect(url), connect(url), connect(url)])
    await until(() => stream.subscribers() === 3)
    const encodeSpy = JSON.stringify
    let calls = 0
    JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
      calls++
      return encodeSpy(...args)
    }) as typeof JSON.stringify
    try {
      bus.publish(jobEvent(1))
    } finally {
      JSON.stringify = encodeSpy
    }
    expect(calls).toBe(1)
    const texts = await Promise.all(readers.map(async (reader) => (await reader.take(1))[0]))
    expect(new Set(texts.map((frame) => JSON.stringify(frame))).size).toBe(1)
  })

  test('a client that never reads is cut off with lagged while the server buffers at most its cap', async () => {
    const maxBufferedBytes = 256 * 1024
    const { bus, stream, port } = serve({ maxBufferedBytes })
    const socket = net.connect(port, '127.0.0.1')
    cleanups.push(() => void socket.destroy())
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n')
    socket.pause() // never reads: the kernel buffers fill, then the server's queue
    await until(() => stream.subscribers() === 1)

    const payload = 'x'.repeat(8 * 1024)
    let published = 0
    let peak = 0
    while (stream.subscribers() > 0 && published < 64 * 1024 * 1024) {
      bus.publish(jobEvent(published, { data: { payload } }))
      published += payload.length
      peak = Math.max(peak, stream.bufferedBytes())
      if (published % (128 * 1024) === 0) await Bun.sleep(1) // let the response write what the socket takes
    }
    expect(stream.subscribers()).toBe(0)
    // At most the cap, plus the small lagged event queued after it.
    expect(peak).toBeLessThanOrEqual(maxBufferedBytes + 1024)
    expect(stream.bufferedBytes()).toBeGreaterThan(maxBufferedBytes / 2)
    // The socket took what the kernel buffers hold (a few MB on loopback) before the queue filled;
    // everything past them and the cap was dropped, not queued.
    expect(published).toBeGreaterThan(maxBufferedBytes)
    expect(published).toBeLessThan(32 * 1024 * 1024)

    // Now read it all: the stream ends with the lagged event.
    const chunks: Buffer[] = []
    const ended = new Promise<void>((resolve) => socket.once('end', () => resolve()))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.resume()
    await ended
    const text = Buffer.concat(chunks).toString('utf8')
    const body = text.slice(text.indexOf('\r\n\r\n') + 4)
    const frames = parseFrames(body.replace(/\r\n[0-9a-f]+\r\n/g, '').replace(/^[0-9a-f]+\r\n/, ''))
    const events = frames.filter((f) => f.event !== undefined)
    const last = events.at(-1)!
    expect(last.event).toBe('lagged')
    // last_event_id names the last event the client got: where a resume picks up.
    expect(JSON.parse(last.data!)).toMatchObject({ reason: 'slow_consumer', max_buffered_bytes: maxBufferedBytes, last_event_id: Number(events.at(-2)!.id) })
  })

  test('a lagging client that does not read even its lagged event is cut after the grace and its queue released', async () => {
    const maxBufferedBytes = 256 * 1024
    const { bus, stream, port } = serve({ maxBufferedBytes, lagGraceMs: 150 })
    const socket = net.connect(port, '127.0.0.1')
    cleanups.push(() => void socket.destroy())
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
    socket.pause()
    await until(() => stream.subscribers() === 1)
    // Slowly enough that the response fills the kernel buffers first, so the lagged event stays queued here.
    const payload = 'y'.repeat(32 * 1024)
    for (let n = 0; stream.subscribers() > 0 && n < 2048; n++) {
      bus.publish(jobEvent(n, { data: { payload } }))
      await Bun.sleep(1)
    }
    expect(stream.subscribers()).toBe(0)
    expect(stream.bufferedBytes()).toBeGreaterThan(0)
    await until(() => stream.bufferedBytes() === 0, 2000)

    const chunks: Buffer[] = []
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.resume()
    await closed
    const received = Buffer.concat(chunks).toString('utf8')
    expect(received.length).toBeGreaterThan(0)
    expect(received.includes('event: lagged')).toBe(false)
  })
})
