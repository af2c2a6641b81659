/**
 * The webhook destination: sends `{job_id, execution_id, task, status, output, completed_at}` as JSON
 * (POST unless the destination says PUT/PATCH) with its headers and, given a secret, a signature (see
 * sign-webhook.ts). Network errors, timeouts, 408, 429 and 5xx are retried per the destination's
 * retry_policy with jittered exponential backoff; other answers and egress refusals are final. Every
 * attempt is reported to `onAttempt`.
 */
import { backoffDelay } from '../backoff.ts'
import type { HostPolicy } from '../../pool/egress/host-policy.ts'
import type { Semaphore } from '../internal/semaphore.ts'
import { sleep } from '../internal/sleep.ts'
import type { RetryPolicy, WebhookDestination } from '../types.ts'
import { DeliveryRefused } from './delivery-refused.ts'
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './sign-webhook.ts'
import { fetchAddress, resolveTarget, type Lookup } from './webhook-target.ts'

export const WEBHOOK_RETRY_DEFAULTS = { max_attempts: 3, initial_delay_ms: 1000, max_delay_ms: 30_000, backoff_multiplier: 2 } satisfies Required<RetryPolicy>

export interface WebhookPayload {
  job_id: string
  execution_id: string | null
  task: string
  status: string
  output: unknown
  completed_at: string
}

export interface WebhookContext {
  policy: HostPolicy
  lookup: Lookup
  /** output.webhook_timeout_seconds, when the destination sets none. */
  defaultTimeoutSeconds: number
  /** Aborted when the service closes: the current attempt stops and no more are made. */
  signal: AbortSignal
  semaphore: Semaphore
  random: () => number
  now: () => number
}

export interface WebhookAttempt {
  attempt: number
  ok: boolean
  status: number | null
  error: string | null
  durationMs: number
  at: string
}

const RETRY_STATUSES = new Set([408, 429])

interface Outcome {
  ok: boolean
  status: number | null
  error: string | null
  retryable: boolean
}

async function attemptOnce(destination: WebhookDestination, body: string, attempt: number, jobId: string, ctx: WebhookContext): Promise<Outcome> {
  const url = new URL(destination.url)
  const headers = new Headers(destination.headers ?? {})
  headers.set('content-type', 'application/json')
  if (!headers.has('user-agent')) headers.set('user-agent', 'Ratchet-Webhook/1')
  headers.set('x-ratchet-job-id', jobId)
  headers.set('x-ratchet-delivery-attempt', String(attempt))
  if (destination.secret) {
    const timestamp = String(Math.floor(ctx.now() / 1000))
    headers.set(TIMESTAMP_HEADER, timestamp)
    headers.set(SIGNATURE_HEADER, signWebhook(destination.secret, timestamp, body))
  }
  const timeoutMs = (destination.timeout_seconds ?? ctx.defaultTimeoutSeconds) * 1000
  const deadline = AbortSignal.timeout(timeoutMs)
  try {
    const addresses = await resolveTarget(url, ctx.policy, ctx.lookup)
    const response = await fetchAddress(url, addresses, { method: destination.method ?? 'POST', headers, body, signal: AbortSignal.any([ctx.signal, deadline]) })
    await response.body?.cancel().catch(() => {})
    const ok = response.status >= 200 && response.status < 300
    return {
      ok,
      status: response.status,
      error: ok ? null : `the receiver answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${response.status >= 300 && response.status < 400 ? ' (redirects are not followed; use the final URL)' : ''}`,
      retryable: RETRY_STATUSES.has(response.status) || response.status >= 500,
    }
  } catch (error) {
    if (error instanceof DeliveryRefused) return { ok: false, status: null, error: error.message, retryable: false }
    if (ctx.signal.aborted) return { ok: false, status: null, error: 'delivery stopped: the job service is shutting down', retryable: false }
    if (deadline.aborted) return { ok: false, status: null, error: `no answer within ${timeoutMs / 1000} s (timeout_seconds)`, retryable: true }
    return { ok: false, status: null, error: `network error: ${(error as Error).message}`, retryable: true }
  }
}

/** Delivers until an attempt succeeds, fails for good, or the policy's attempts are used up. */
export async function sendWebhook(destination: WebhookDestination, payload: WebhookPayload, ctx: WebhookContext, onAttempt: (attempt: WebhookAttempt) => Promise<void>): Promise<boolean> {
  const policy = { ...WEBHOOK_RETRY_DEFAULTS, ...destination.retry_policy }
  const backoff = { initialDelayMs: policy.initial_delay_ms, maxDelayMs: policy.max_delay_ms, multiplier: policy.backoff_multiplier }
  const body = JSON.stringify(payload)
  for (let attempt = 1; ; attempt++) {
    const at = new Date(ctx.now()).toISOString()
    const began = performance.now()
    const outcome = await ctx.semaphore.run(() => attemptOnce(destination, body, attempt, payload.job_id, ctx))
    await onAttempt({ attempt, ok: outcome.ok, status: outcome.status, error: outcome.error, durationMs: performance.now() - began, at })
    if (outcome.ok) return true
    if (!outcome.retryable || attempt >= policy.max_attempts) return false
    if (!(await sleep(backoffDelay(backoff, attempt, ctx.random), ctx.signal))) return false
  }
}
