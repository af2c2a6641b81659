/**
 * Delivers a completed job's output to each of its destinations, all at once (webhook requests bounded
 * by output.max_concurrent_deliveries), and reports every attempt as a DeliveryAttempt. A failed
 * delivery is reported, never thrown: the job stays completed either way.
 */
import type { Logger } from '../../lib/logger.ts'
import { createHostPolicy } from '../../pool/egress/host-policy.ts'
import { createSemaphore } from '../internal/semaphore.ts'
import type { OutputSettings } from '../settings.ts'
import type { DeliveryAttempt, OutputDestination } from '../types.ts'
import { DeliveryRefused } from './delivery-refused.ts'
import { pathValues } from './render-path.ts'
import { sendWebhook } from './send-webhook.ts'
import { osLookup, type Lookup } from './webhook-target.ts'
import { writeOutputFile } from './write-output-file.ts'

/** What is delivered: the job's finished execution. */
export interface DeliveryRequest {
  jobId: string
  taskName: string
  executionId: string | null
  status: string
  output: unknown
  /** ISO-8601. */
  completedAt: string
  destinations: readonly OutputDestination[]
}

export interface Deliverer {
  /** Delivers to every destination; `onAttempt` sees each attempt as it ends. Resolves with all attempts. */
  deliver(request: DeliveryRequest, onAttempt?: (attempt: DeliveryAttempt) => Promise<void> | void): Promise<DeliveryAttempt[]>
  /** Stops waiting retries and aborts requests in flight (each is reported as a failed attempt). */
  close(): void
}

export interface DelivererOptions {
  output: OutputSettings
  logger?: Logger
  /** Name resolution (tests); default: the OS resolver. */
  lookup?: Lookup
  now?: () => number
  random?: () => number
}

export function createDeliverer(options: DelivererOptions): Deliverer {
  const policy = createHostPolicy(options.output.fetch)
  const semaphore = createSemaphore(options.output.maxConcurrentDeliveries)
  const stop = new AbortController()
  const now = options.now ?? Date.now
  const webhookContext = {
    policy,
    lookup: options.lookup ?? osLookup,
    defaultTimeoutSeconds: options.output.webhookTimeoutSeconds,
    signal: stop.signal,
    semaphore,
    random: options.random ?? Math.random,
    now,
  }

  const deliverOne = async (request: DeliveryRequest, index: number, record: (attempt: DeliveryAttempt) => Promise<void>): Promise<void> => {
    const destination = request.destinations[index]
    const base = { jobId: request.jobId, executionId: request.executionId, destination: index, type: destination.type }
    if (destination.type === 'webhook') {
      const payload = { job_id: request.jobId, execution_id: request.executionId, task: request.taskName, status: request.status, output: request.output ?? null, completed_at: request.completedAt }
      await sendWebhook(destination, payload, webhookContext, (a) => record({ ...base, ...a, target: destination.url }))
      return
    }
    const at = new Date(now()).toISOString()
    const began = performance.now()
    let target = destination.path
    let error: string | null = null
    try {
      const values = pathValues({ task: request.taskName, jobId: request.jobId, executionId: request.executionId, status: request.status, completedAt: request.completedAt })
      target = await writeOutputFile(destination, request.output, values, options.output.filesystemRoot)
    } catch (thrown) {
      error = thrown instanceof DeliveryRefused ? thrown.message : `could not write the file: ${(thrown as Error).message}`
    }
    await record({ ...base, attempt: 1, ok: error === null, status: null, target, error, durationMs: performance.now() - began, at })
  }

  return {
    async deliver(request, onAttempt) {
      const attempts: DeliveryAttempt[] = []
      const record = async (attempt: DeliveryAttempt) => {
        attempts.push(attempt)
        if (!attempt.ok) options.logger?.warn('output delivery failed', { jobId: attempt.jobId, destination: attempt.destination, type: attempt.type, attempt: attempt.attempt, target: attempt.target, error: attempt.error })
        try {
          await onAttempt?.(attempt)
        } catch (error) {
          options.logger?.error('could not record a delivery attempt', { jobId: attempt.jobId, error: String(error) })
        }
      }
      await Promise.all(request.destinations.map((_, index) => deliverOne(request, index, record)))
      return attempts
    },
    close() {
      stop.abort()
    },
  }
}
