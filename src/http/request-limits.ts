/**
 * HTTP-level rate limits of every door, answered with 429 and `Retry-After`:
 * `mcp.security.rate_limiting.global_per_minute` counts every request of every client (checked before
 * authentication, so a flood of bad credentials is limited too), and `mcp.rate_limit_per_minute` the
 * requests of one client (its key or token subject; anonymous clients by address).
 */
import { rateLimitedError } from '../auth/auth-error.ts'
import { createRateLimiter, type RateLimiter } from '../auth/rate-limiter.ts'
import type { RateLimitSettings } from '../auth/settings.ts'
import type { Principal } from '../auth/types.ts'

export interface RequestLimits {
  /** Throws a 429 AuthError when the server-wide limit is reached. */
  admit(): void
  /** Throws a 429 AuthError when this client's limit is reached. */
  admitClient(principal: Principal, clientIp: string | null): void
}

export function createRequestLimits(settings: Pick<RateLimitSettings, 'globalPerMinute' | 'perClientPerMinute'>, limiter: RateLimiter = createRateLimiter()): RequestLimits {
  return {
    admit() {
      const exceeded = limiter.take([{ key: 'http:global', perMinute: settings.globalPerMinute }])
      if (exceeded) throw rateLimitedError(`Too Many Requests: rate limit exceeded: ${settings.globalPerMinute} requests per minute for this server (mcp.security.rate_limiting.global_per_minute); retry after ${exceeded.retryAfterS} s`, exceeded.retryAfterS)
    },
    admitClient(principal, clientIp) {
      const client = principal.kind === 'anonymous' ? `address ${clientIp ?? 'unknown'}` : `${principal.kind === 'api_key' ? 'key' : 'subject'} ${principal.name}`
      const exceeded = limiter.take([{ key: `http:client:${principal.kind === 'anonymous' ? `ip:${clientIp}` : `${principal.kind}:${principal.name}`}`, perMinute: settings.perClientPerMinute }])
      if (exceeded) throw rateLimitedError(`Too Many Requests: rate limit exceeded: ${settings.perClientPerMinute} requests per minute for ${client} (mcp.rate_limit_per_minute); retry after ${exceeded.retryAfterS} s`, exceeded.retryAfterS)
    },
  }
}
