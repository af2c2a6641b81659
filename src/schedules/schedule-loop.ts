/**
 * The timer that drives firing: one pass over the active schedules, then a single setTimeout until the
 * earliest next slot, never longer than `maxSleepMs` (so a changed clock, an edit made by another node
 * or a lost wake-up is noticed within that time). Passes never overlap; a wake during a pass runs one
 * more pass after it.
 */
import type { Logger } from '../lib/logger.ts'
import type { ScheduleStore, StoredSchedule } from './schedule-store.ts'

export interface ScheduleLoopDeps {
  store: ScheduleStore
  process: (schedule: StoredSchedule, retryMs: number) => Promise<number | null>
  now: () => number
  logger: Logger
  maxSleepMs: number
  retryMs: number
}

export interface ScheduleLoop {
  /** Arms the timer (runs a first pass at once). */
  start(): void
  /** Runs a pass now (after the one in progress, if any) and resolves when it is done. */
  runDue(): Promise<void>
  /** Stops the timer and waits for a pass in progress. */
  close(): Promise<void>
}

export function createScheduleLoop(deps: ScheduleLoopDeps): ScheduleLoop {
  const { store, logger } = deps
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | null = null
  let again = false
  let started = false
  let closed = false

  const pass = async (): Promise<number> => {
    let wakeAt = deps.now() + deps.maxSleepMs
    for (const schedule of await store.listActive()) {
      if (closed) break
      try {
        const at = await deps.process(schedule, deps.retryMs)
        if (at !== null) wakeAt = Math.min(wakeAt, at)
      } catch (error) {
        logger.error('a schedule could not be processed', { scheduleId: schedule.id, error: String(error) })
        wakeAt = Math.min(wakeAt, deps.now() + deps.retryMs)
      }
    }
    return wakeAt
  }

  const arm = (wakeAt: number) => {
    if (!started || closed) return
    clearTimeout(timer)
    const delay = Math.min(Math.max(wakeAt - deps.now(), 0), deps.maxSleepMs)
    timer = setTimeout(() => void runDue(), delay)
  }

  const runDue = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      let wakeAt = deps.now() + deps.retryMs
      do {
        again = false
        try {
          wakeAt = await pass()
        } catch (error) {
          logger.error('the schedule timer pass failed', { error: String(error) })
          wakeAt = deps.now() + deps.retryMs
        }
      } while (again && !closed)
      running = null
      arm(wakeAt)
    })()
    return running
  }

  return {
    start() {
      if (started || closed) return
      started = true
      void runDue()
    },
    runDue,
    async close() {
      closed = true
      clearTimeout(timer)
      await running
    },
  }
}
