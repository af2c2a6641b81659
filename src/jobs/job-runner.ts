/**
 * The claiming loop of one node: whenever woken (a job created or retried here, a slot freed, a retry's
 * time come) and every poll_interval_ms otherwise, it claims due jobs up to max_concurrent and runs
 * each with runClaimedJob. close() stops claiming, waits for running jobs (and deliveries) up to the
 * grace period, then gives the leases of unfinished jobs back so another node runs them.
 */
import { sleep } from './internal/sleep.ts'
import { runClaimedJob, type RunContext } from './run-job.ts'

export interface JobRunner {
  start(): void
  /** Look for due jobs now. */
  wake(): void
  /** Look for due jobs at `ms` (epoch ms), unless a look is already planned sooner. */
  wakeAt(ms: number): void
  close(options?: { graceMs?: number }): Promise<void>
}

export type RunnerContext = Omit<RunContext, 'closing' | 'wakeAt' | 'track'>

export function createJobRunner(ctx: RunnerContext): JobRunner {
  const { store, settings, logger, nodeId, clock } = ctx
  const runs = new Set<Promise<void>>()
  const deliveries = new Set<Promise<unknown>>()
  let started = false
  let closing = false
  let pumping = false
  let again = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let timerAt = Number.POSITIVE_INFINITY

  const wakeAt = (ms: number) => {
    if (!started || closing) return
    if (timer !== undefined && ms >= timerAt) return
    clearTimeout(timer)
    timerAt = ms
    timer = setTimeout(() => {
      timer = undefined
      timerAt = Number.POSITIVE_INFINITY
      void pump()
    }, Math.max(0, ms - clock()))
  }

  const track = (work: Promise<unknown>) => {
    const settled = work.catch((error) => logger.error('job delivery failed', { error: String(error) })).finally(() => deliveries.delete(settled))
    deliveries.add(settled)
  }

  const runContext: RunContext = { ...ctx, closing: () => closing, wakeAt, track }

  const pump = async (): Promise<void> => {
    if (!started || closing) return
    if (pumping) {
      again = true
      return
    }
    pumping = true
    try {
      do {
        again = false
        while (runs.size < settings.maxConcurrent && !closing) {
          const now = clock()
          const job = await store.claim(nodeId, new Date(now).toISOString(), new Date(now + settings.leaseSeconds * 1000).toISOString())
          if (!job) break
          const run: Promise<void> = runClaimedJob(job, runContext).finally(() => {
            runs.delete(run)
            void pump()
          })
          runs.add(run)
        }
      } while (again && !closing)
    } catch (error) {
      logger.error('could not claim jobs', { error: String(error) })
    } finally {
      pumping = false
    }
    wakeAt(clock() + settings.pollIntervalMs)
  }

  return {
    start() {
      if (started || closing) return
      started = true
      logger.info('job queue started', { nodeId, maxConcurrent: settings.maxConcurrent, pollIntervalMs: settings.pollIntervalMs })
      // Jobs this node id held before a crash run again now rather than after their leases expire.
      void store
        .releaseAll(nodeId, new Date(clock()).toISOString())
        .then((count) => {
          if (count > 0) logger.warn('jobs this node was running when it stopped are queued again', { nodeId, count })
        })
        .catch((error) => logger.error('could not release the jobs this node held before', { nodeId, error: String(error) }))
        .finally(() => void pump())
    },
    wake() {
      void pump()
    },
    wakeAt,
    async close({ graceMs = 5000 } = {}) {
      if (closing) return
      closing = true
      clearTimeout(timer)
      const deadline = clock() + graceMs
      const waitAll = async (ms: number) => {
        const timeout = new AbortController()
        await Promise.race([Promise.allSettled([...runs, ...deliveries]), sleep(ms, timeout.signal)])
        timeout.abort()
      }
      await waitAll(graceMs)
      if (runs.size > 0) {
        // Give the leases back first, so the cancelled executions' outcomes cannot be recorded as failures.
        const released = await store.releaseAll(nodeId, new Date(clock()).toISOString())
        logger.warn('job queue closing: unfinished jobs put back in the queue', { count: released })
        for (const executionId of ctx.executions.values()) void ctx.engine.cancel(executionId, 'the job service is shutting down')
      }
      ctx.deliverer.close()
      // Cancelled executions and aborted deliveries settle quickly; wait for them so nothing outlives close().
      await waitAll(Math.max(1000, deadline - clock()))
    },
  }
}
