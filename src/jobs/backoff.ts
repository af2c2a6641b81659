/**
 * Exponential backoff with equal jitter, shared by job retries and webhook retries: the full delay is
 * `initial × multiplier^(attempt-1)` capped at `max`, and the delay used is drawn uniformly from
 * [full/2, full]. Half of it is guaranteed (a lower bound callers can rely on), the other half spreads
 * retries of jobs that failed together.
 */
export interface BackoffPolicy {
  initialDelayMs: number
  maxDelayMs: number
  multiplier: number
}

/** The capped, un-jittered delay after failed attempt number `attempt` (1-based). */
export function fullBackoff(policy: BackoffPolicy, attempt: number): number {
  const grown = policy.initialDelayMs * policy.multiplier ** Math.max(0, attempt - 1)
  return Math.min(policy.maxDelayMs, Number.isFinite(grown) ? grown : policy.maxDelayMs)
}

/** The jittered delay in whole ms, within [ceil(full/2), full]; `random` returns [0, 1). */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const full = fullBackoff(policy, attempt)
  return Math.min(Math.floor(full), Math.ceil(full / 2 + random() * (full / 2)))
}
