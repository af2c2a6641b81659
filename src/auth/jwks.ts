/**
 * The signing keys of an OAuth2 authorization server, fetched from its `jwks_uri` and cached. A token
 * whose `kid` is unknown triggers one refetch (keys rotate), at most every 30 s so garbage `kid`s cannot
 * make us hammer the issuer. When a refetch fails the keys already known keep working.
 */

import type { webcrypto } from 'node:crypto'

export type SigningAlgorithm = 'RS256' | 'ES256'

interface Jwk {
  kty?: string
  kid?: string
  alg?: string
  use?: string
  crv?: string
  n?: string
  e?: string
  x?: string
  y?: string
}

export interface JwksOptions {
  uri: string
  /** How long fetched keys are trusted before they are fetched again; default 10 minutes. */
  cacheMs?: number
  /** Least time between fetches caused by unknown key ids; default 30 s. */
  minRefetchMs?: number
  fetchTimeoutMs?: number
  fetch?: typeof fetch
  now?: () => number
}

export type KeyLookup = { ok: true; keys: CryptoKey[] } | { ok: false; unavailable: string }

export interface JwksCache {
  /** The keys that may have signed a token with this `kid` (any compatible key when it has none). */
  keysFor(kid: string | undefined, alg: SigningAlgorithm): Promise<KeyLookup>
}

const MAX_JWKS_BYTES = 1024 * 1024

const IMPORT: Record<SigningAlgorithm, webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams> = {
  RS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
}

function fits(jwk: Jwk, alg: SigningAlgorithm): boolean {
  if (jwk.use !== undefined && jwk.use !== 'sig') return false
  if (jwk.alg !== undefined && jwk.alg !== alg) return false
  return alg === 'RS256' ? jwk.kty === 'RSA' && !!jwk.n && !!jwk.e : jwk.kty === 'EC' && jwk.crv === 'P-256' && !!jwk.x && !!jwk.y
}

/** Only the public members: a JWKS that (wrongly) publishes private parts must not make us import them. */
function publicJwk(jwk: Jwk): webcrypto.JsonWebKey {
  return jwk.kty === 'RSA' ? { kty: 'RSA', n: jwk.n, e: jwk.e } : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y }
}

export function createJwksCache(options: JwksOptions): JwksCache {
  const cacheMs = options.cacheMs ?? 10 * 60_000
  const minRefetchMs = options.minRefetchMs ?? 30_000
  const doFetch = options.fetch ?? fetch
  const now = options.now ?? Date.now
  let jwks: Jwk[] | null = null
  let fetchedAt = -Infinity
  let lastAttempt = -Infinity
  let lastError = ''
  let inflight: Promise<void> | null = null
  const imported = new Map<string, Promise<CryptoKey | null>>()

  const load = async () => {
    lastAttempt = now()
    try {
      const response = await doFetch(options.uri, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(options.fetchTimeoutMs ?? 5000) })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const text = await response.text()
      if (text.length > MAX_JWKS_BYTES) throw new Error('the key set is larger than 1 MiB')
      const body = JSON.parse(text) as { keys?: unknown }
      if (!Array.isArray(body.keys)) throw new Error('the document has no "keys" array')
      jwks = body.keys.filter((k): k is Jwk => typeof k === 'object' && k !== null)
      fetchedAt = now()
      imported.clear()
      lastError = ''
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    }
  }
  const refresh = () => (inflight ??= load().finally(() => (inflight = null)))

  const importKey = (jwk: Jwk, index: number, alg: SigningAlgorithm) => {
    const id = `${alg}:${jwk.kid ?? `#${index}`}`
    let key = imported.get(id)
    if (!key) {
      key = crypto.subtle.importKey('jwk', publicJwk(jwk), IMPORT[alg], false, ['verify']).catch(() => null)
      imported.set(id, key)
    }
    return key
  }

  const candidates = (kid: string | undefined, alg: SigningAlgorithm) => (jwks ?? []).map((jwk, index) => ({ jwk, index })).filter(({ jwk }) => fits(jwk, alg) && (kid === undefined || jwk.kid === kid))

  return {
    async keysFor(kid, alg) {
      if (jwks === null || now() - fetchedAt > cacheMs) await refresh()
      let found = candidates(kid, alg)
      if (found.length === 0 && jwks !== null && now() - lastAttempt >= minRefetchMs) {
        await refresh()
        found = candidates(kid, alg)
      }
      if (jwks === null) return { ok: false, unavailable: `the signing keys at ${options.uri} could not be fetched (${lastError || 'no answer'})` }
      const keys = (await Promise.all(found.map(({ jwk, index }) => importKey(jwk, index, alg)))).filter((k): k is CryptoKey => k !== null)
      return { ok: true, keys }
    },
  }
}
