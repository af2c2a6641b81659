/**
 * API keys (`mcp.auth_type: api_key`). The secrets are hashed once at start-up and only their SHA-256
 * digests are kept; a presented key is hashed and compared with every configured digest using
 * `timingSafeEqual`, without stopping at a match, so the time taken says nothing about which key (or
 * how much of one) matched. A recognised key is then checked for `active`, `expires_at` and
 * `allowed_ips` (against the socket address, never a forwarded-for header).
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { refuse, type AuthOutcome } from './auth-result.ts'
import { ipInRange, parseIp, type IpRange } from './ip-match.ts'
import type { Permissions, Principal } from './types.ts'

export interface ApiKeyConfig {
  name: string
  /** The secret itself; dropped after hashing. */
  secret: string
  permissions: Permissions
  active: boolean
  /** Epoch ms after which the key is refused; null never expires. */
  expiresAt: number | null
  /** Empty allows every address. */
  allowedIps: readonly IpRange[]
}

interface StoredKey {
  digest: Buffer
  principal: Principal
  active: boolean
  expiresAt: number | null
  allowedIps: readonly IpRange[]
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()

export interface ApiKeyVerifier {
  /** Checks a presented key from a client at `ip` (null when unknown) at time `now` (epoch ms). */
  verify(presented: string, ip: string | null, now?: number): AuthOutcome
}

export interface ApiKeyVerifierOptions {
  /** The equal-length comparison of two digests; tests count its calls. Default node:crypto timingSafeEqual. */
  compare?: (a: Buffer, b: Buffer) => boolean
}

export function createApiKeyVerifier(keys: readonly ApiKeyConfig[], options: ApiKeyVerifierOptions = {}): ApiKeyVerifier {
  const compare = options.compare ?? timingSafeEqual
  const stored: StoredKey[] = keys.map((key) => ({
    digest: sha256(key.secret),
    principal: Object.freeze({ name: key.name, kind: 'api_key' as const, permissions: key.permissions }),
    active: key.active,
    expiresAt: key.expiresAt,
    allowedIps: key.allowedIps,
  }))

  return {
    verify(presented, ip, now = Date.now()) {
      const digest = sha256(presented)
      let match: StoredKey | undefined
      for (const key of stored) {
        // No early exit: every key is compared whatever matched before.
        if (compare(digest, key.digest) && match === undefined) match = key
      }
      if (!match) return refuse(401, 'unknown_key', 'Unauthorized: the API key is not valid for this server')
      const name = match.principal.name
      if (!match.active) return refuse(401, 'inactive_key', `Unauthorized: API key "${name}" is inactive (active: false)`, { name })
      if (match.expiresAt !== null && now >= match.expiresAt) {
        return refuse(401, 'expired_key', `Unauthorized: API key "${name}" expired at ${new Date(match.expiresAt).toISOString()}`, { name })
      }
      if (match.allowedIps.length > 0) {
        const address = ip === null ? null : parseIp(ip)
        if (!address || !match.allowedIps.some((range) => ipInRange(address, range))) {
          return refuse(403, 'ip_not_allowed', `Forbidden: API key "${name}" may not be used from ${ip ?? 'an unknown address'} (allowed_ips: ${match.allowedIps.map((r) => r.text).join(', ')})`, { name })
        }
      }
      return { ok: true, principal: match.principal }
    },
  }
}
