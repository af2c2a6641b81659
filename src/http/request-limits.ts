/**
 * HTTP-level rate limits of every door, answered with 429 and `Retry-After`:
 * `security.rate_limiting.global_per_minute` counts every request of every client (checked before
 * authentication, so a flood of bad credentials is limited too), and `rate_limit_per_minute` the
 * requests of one client (its key or token subject; anonymous clients by address). Both keys live in
 * the top-level `security:` section when it is set, else under `mcp.`; messages name the one in force.
 */
import { rateLimitedError } from '../auth/auth-error.ts'
import { createRateLimiter, type RateLimiter } from '../auth/rate-limiter.ts'
import type { RateLimitSettings, SecuritySettings } from '../auth/settings.ts'
import type { Principal } from '../auth/types.ts'

export interface RequestLimits {
  /** Throws a 429 AuthError when the server-wide limit is reached. */
  admit(): void
  /** Throws a 429 AuthError when this client's limit is reached. */
  admitClient(principal: Principal, clientIp: string | null): void
}

export interface RequestLimitsOptions {
  /** The section the limits were configured in (SecuritySettings.section); `mcp` when not given. */
  section?: SecuritySettings['section']
  limiter?: RateLimiter
}

export function createRequestLimits(settings: Pick<RateLimitSettings, 'globalPerMinute' | 'perClientPerMinute'>, options: RequestLimitsOptions = {}): RequestLimits {
  const { section = 'mcp', limiter = createRateLimiter() } = options
  const key = (name: string) => `${section}.${name}`
  return {
    admit() {
      const exceeded = limiter.take([{ key: 'http:global', perMinute: settings.globalPerMinute }])
      if (exceeded) throw rateLimitedError(`Too Many Requests: rate limit exceeded: ${settings.globalPerMinute} requests per minute for this server (${key('security.rate_limiting.global_per_minute')}); retry after ${exceeded.retryAfterS} s`, exceeded.retryAfterS)
    },
    admitClient(principal, clientIp) {
      const client = principal.kind === 'anonymous' ? `address ${clientIp ?? 'unknown'}` : `${principal.kind === 'api_key' ? 'key' : 'subject'} ${principal.name}`
      const exceeded = limiter.take([{ key: `http:client:${principal.kind === 'anonymous' ? `ip:${clientIp}` : `${principal.kind}:${principal.name}`}`, perMinute: settings.perClientPerMinute }])
      if (exceeded) throw rateLimitedError(`Too Many Requests: rate limit exceeded: ${settings.perClientPerMinute} requests per minute for ${client} (${key('rate_limit_per_minute')}); retry after ${exceeded.retryAfterS} s`, exceeded.retryAfterS)
    },
  }
}
