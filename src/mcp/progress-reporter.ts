import type { ProgressUpdate } from './tools/types.ts'

/** Sends one `notifications/progress` (the caller adds the progress token). */
export type SendProgress = (update: ProgressUpdate) => Promise<void>

export interface ProgressReporter {
  /** Forwards a handler's progress; values that would not increase are nudged up, as the spec requires. */
  report(update: ProgressUpdate): void
  /** Stops the heartbeat. Resolves after a short pause when a notification went out just now. */
  stop(): Promise<void>
}

/** What a value must exceed to count as an increase (progress values are often small integers). */
const STEP = 0.001
/**
 * The SDK client drops a progress notification that arrives together with the response (it handles
 * responses synchronously and notifications a microtask later), so the last update gets a head start.
 */
const SETTLE_MS = 15

/**
 * Progress for one request: forwards the handler's updates with strictly increasing values and, while
 * the tool runs, sends a heartbeat whenever `heartbeatMs` passed without an update, so clients that
 * reset their request timeout on progress (the SDK's `resetTimeoutOnProgress`) never time out a long
 * but healthy call.
 */
export function createProgressReporter(send: SendProgress, options: { heartbeatMs: number; onError?: (error: unknown) => void }): ProgressReporter {
  const started = Date.now()
  let last = -Infinity
  let lastTotal: number | undefined
  let lastSentAt = 0
  let stopped = false

  const emit = (update: ProgressUpdate) => {
    lastSentAt = Date.now()
    send(update).catch((error) => options.onError?.(error))
  }

  const timer = setInterval(() => {
    if (stopped || Date.now() - lastSentAt < options.heartbeatMs * 0.9) return
    const progress = last === -Infinity ? 0 : last + STEP
    last = progress
    const seconds = Math.round((Date.now() - started) / 1000)
    const total = lastTotal !== undefined && progress <= lastTotal ? lastTotal : undefined
    emit({ progress, ...(total !== undefined ? { total } : {}), message: `still running (${seconds}s)` })
  }, options.heartbeatMs)

  return {
    report(update) {
      if (stopped || !Number.isFinite(update.progress)) return
      const progress = update.progress > last ? update.progress : last + STEP
      last = progress
      if (update.total !== undefined && Number.isFinite(update.total)) lastTotal = update.total
      const total = update.total !== undefined && progress <= update.total ? update.total : undefined
      emit({ progress, ...(total !== undefined ? { total } : {}), ...(update.message !== undefined ? { message: update.message } : {}) })
    },
    async stop() {
      if (stopped) return
      stopped = true
      clearInterval(timer)
      const since = Date.now() - lastSentAt
      if (since < SETTLE_MS) await Bun.sleep(SETTLE_MS - since)
    },
  }
}
