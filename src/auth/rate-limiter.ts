/**
 * Token-bucket rate limits: a bucket per key holds up to N tokens (N per minute) and refills at N/60
 * per second, so a client may burst N calls and then keeps to the rate. Buckets live in an LRU of at
 * most `maxKeys`: a flood of distinct keys evicts the least recently used bucket (a full bucket is the
 * same as none), so memory stays bounded whatever clients send.
 */

export interface LimitRequest {
  key: string
  /** Allowed per minute; 0 or undefined means no limit. */
  perMinute: number | undefined
  /** Tokens this call takes (a batch of 5 takes 5 executions); default 1. */
  cost?: number
}

export interface LimitExceeded {
  request: LimitRequest
  /** Whole seconds until the call would be allowed. */
  retryAfterS: number
}

export interface RateLimiter {
  /** Takes from every bucket named, or from none: the first limit exceeded, else null. */
  take(requests: readonly LimitRequest[], now?: number): LimitExceeded | null
  /** Buckets held (for tests and /health). */
  size(): number
}

interface Bucket {
  tokens: number
  updatedAt: number
}

export function createRateLimiter(options: { maxKeys?: number; now?: () => number } = {}): RateLimiter {
  const maxKeys = options.maxKeys ?? 10_000
  const clock = options.now ?? Date.now
  const buckets = new Map<string, Bucket>()

  const refilled = (request: LimitRequest, at: number): Bucket => {
    const capacity = request.perMinute!
    const bucket = buckets.get(request.key)
    if (!bucket) return { tokens: capacity, updatedAt: at }
    const tokens = Math.min(capacity, bucket.tokens + ((at - bucket.updatedAt) * capacity) / 60_000)
    return { tokens, updatedAt: at }
  }

  return {
    take(requests, now = clock()) {
      const active = requests.filter((r) => r.perMinute !== undefined && r.perMinute > 0)
      const next = active.map((request) => ({ request, bucket: refilled(request, now) }))
      for (const { request, bucket } of next) {
        const cost = request.cost ?? 1
        if (bucket.tokens + 1e-9 < cost) {
          const missing = cost - bucket.tokens
          return { request, retryAfterS: Math.max(1, Math.ceil((missing * 60) / request.perMinute!)) }
        }
      }
      for (const { request, bucket } of next) {
        bucket.tokens -= request.cost ?? 1
        buckets.delete(request.key)
        buckets.set(request.key, bucket)
      }
      while (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!)
      return null
    },
    size: () => buckets.size,
  }
}
