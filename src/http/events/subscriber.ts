/**
 * One SSE client: a byte-capped queue behind a pull-based ReadableStream. Bytes move to the response
 * only when the response asks for more (the socket drained), so a client that stops reading fills this
 * queue and nothing else; past `maxBufferedBytes` it gets a final `lagged` event and is disconnected.
 * A resume backlog is handed over first, chunk by chunk as the client reads; it is not counted against
 * the cap because its bytes are the ring's own, so a client resuming a large backlog is not cut off.
 */

export interface Subscriber {
  readonly stream: ReadableStream<Uint8Array>
  /** Queues bytes; false once the subscriber is lagging or closed (it takes nothing more). */
  push(bytes: Uint8Array): boolean
  /** Bytes queued and not yet taken by the response. */
  bufferedBytes(): number
  /** Ends the stream: at once, or after the queue drains (`drain`). */
  close(options?: { drain?: boolean }): void
  /** False once lagging, closed or gone: it takes no more events. */
  readonly accepting: boolean
  readonly closed: boolean
}

export interface SubscriberOptions {
  maxBufferedBytes: number
  /** The final event queued on overflow (built only if it happens). */
  lagged: (info: { bufferedBytes: number; maxBufferedBytes: number }) => Uint8Array
  /** How long a lagging subscriber gets to read up to its `lagged` event before the stream is cut. */
  lagGraceMs: number
  /** Called once when the subscriber takes no more events (lagged, closed, or the client went away). */
  onDetach: () => void
  /** Called once when the stream is over and its queue released. */
  onGone?: () => void
  /** Sent before anything pushed: the preamble, a resume notice and the replayed events. */
  backlog?: readonly Uint8Array[]
}

export function createSubscriber(options: SubscriberOptions): Subscriber {
  let queue: Uint8Array[] = []
  let head = 0
  let bytes = 0
  const backlog = options.backlog ?? []
  let backlogAt = 0
  let state: 'open' | 'draining' | 'closed' = 'open'
  let controller!: ReadableStreamDefaultController<Uint8Array>
  let waiting: (() => void) | null = null
  let detached = false
  let cutTimer: ReturnType<typeof setTimeout> | undefined

  const detach = () => {
    if (detached) return
    detached = true
    options.onDetach()
  }

  const gone = () => {
    if (state === 'closed') return
    state = 'closed'
    clearTimeout(cutTimer)
    queue = []
    head = 0
    bytes = 0
    backlogAt = backlog.length
    waiting?.()
    waiting = null
    detach()
    options.onGone?.()
  }

  const startDraining = () => {
    state = 'draining'
    detach()
    // A client that never reads would keep its queue forever: after the grace the queue is dropped and
    // the response ended, leaving the socket to the server's idle timeout.
    cutTimer = setTimeout(() => {
      try {
        controller.close()
      } catch {
        // Already closed.
      }
      gone()
    }, options.lagGraceMs)
  }

  const pending = () => backlog.length - backlogAt + queue.length - head

  /** Hands the next chunk (backlog first) to the stream; closes it when draining and empty. */
  const deliver = (): boolean => {
    let chunk: Uint8Array | undefined
    if (backlogAt < backlog.length) chunk = backlog[backlogAt++]
    else if (head < queue.length) {
      chunk = queue[head]!
      queue[head++] = undefined as never
      bytes -= chunk.byteLength
      // Drop the consumed front now and then instead of shifting on every chunk.
      if (head > 1024 && head * 2 > queue.length) {
        queue = queue.slice(head)
        head = 0
      }
    }
    if (chunk) controller.enqueue(chunk)
    if (pending() === 0 && state === 'draining') {
      controller.close()
      gone()
    }
    return chunk !== undefined
  }

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c
      },
      pull() {
        if (state === 'closed') return
        if (deliver()) return
        // Nothing queued: wait until push() hands a chunk over directly.
        return new Promise<void>((resolve) => {
          waiting = resolve
        })
      },
      cancel() {
        gone()
      },
    },
    { highWaterMark: 0 },
  )

  const push = (chunk: Uint8Array): boolean => {
    if (state !== 'open') return false
    if (bytes + chunk.byteLength > options.maxBufferedBytes) {
      queue.push(options.lagged({ bufferedBytes: bytes, maxBufferedBytes: options.maxBufferedBytes }))
      startDraining()
    } else {
      queue.push(chunk)
      bytes += chunk.byteLength
    }
    if (waiting) {
      const resolve = waiting
      waiting = null
      deliver()
      resolve()
    }
    return state === 'open'
  }

  return {
    stream,
    push,
    bufferedBytes: () => bytes,
    close(closeOptions = {}) {
      if (state === 'closed') return
      if (closeOptions.drain && pending() > 0) {
        if (state === 'open') startDraining()
        return
      }
      try {
        controller.close()
      } catch {
        // Already closed by the reader side.
      }
      gone()
    },
    get accepting() {
      return state === 'open'
    },
    get closed() {
      return state === 'closed'
    },
  }
}
