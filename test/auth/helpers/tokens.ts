/**
 * Test tokens: HS256/384/512 JWTs signed with a secret, RS256/ES256 JWTs signed with generated keys,
 * and a JWKS server on 127.0.0.1 that publishes the public halves (and counts how often it is asked).
 */
const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url')
const encode = (value: unknown) => b64url(JSON.stringify(value))

export const nowS = () => Math.floor(Date.now() / 1000)

/** Claims valid for an hour from now, plus `extra`. */
export function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { sub: 'alice', iat: nowS(), exp: nowS() + 3600, ...extra }
}

export async function signHmac(payload: Record<string, unknown>, secret: string | Uint8Array<ArrayBuffer>, alg: 'HS256' | 'HS384' | 'HS512' = 'HS256', header: Record<string, unknown> = {}): Promise<string> {
  const hash = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' }[alg]
  const key = await crypto.subtle.importKey('raw', typeof secret === 'string' ? new TextEncoder().encode(secret) : secret, { name: 'HMAC', hash }, false, ['sign'])
  const input = `${encode({ alg, typ: 'JWT', ...header })}.${encode(payload)}`
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input)))
  return `${input}.${b64url(signature)}`
}

/** An unsigned token (`alg: none`). */
export function unsigned(payload: Record<string, unknown>): string {
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`
}

export interface SigningKey {
  alg: 'RS256' | 'ES256'
  kid: string
  privateKey: CryptoKey
  /** The public JWK as a JWKS lists it. */
  jwk: Record<string, unknown>
  /** The public key in SPKI PEM form (what an attacker would use as an HMAC secret). */
  publicPem: string
}

export async function generateSigningKey(alg: 'RS256' | 'ES256', kid: string): Promise<SigningKey> {
  const params = alg === 'RS256' ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: 'P-256' }
  const pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair
  const jwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as Record<string, unknown>
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey))
  const publicPem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(spki).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`
  return { alg, kid, privateKey: pair.privateKey, jwk: { kty: jwk.kty, n: jwk.n, e: jwk.e, crv: jwk.crv, x: jwk.x, y: jwk.y, kid, alg, use: 'sig' }, publicPem }
}

export async function signWith(key: SigningKey, payload: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const input = `${encode({ alg: key.alg, typ: 'JWT', kid: key.kid, ...header })}.${encode(payload)}`
  const algorithm = key.alg === 'RS256' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: 'SHA-256' }
  const signature = new Uint8Array(await crypto.subtle.sign(algorithm, key.privateKey, new TextEncoder().encode(input)))
  return `${input}.${b64url(signature)}`
}

export interface JwksServer {
  url: string
  /** How many times the key set was fetched. */
  hits(): number
  /** Replaces the published keys (key rotation). */
  publish(keys: SigningKey[]): void
  /** Makes the server answer 500 (or recover). */
  fail(on: boolean): void
  stop(): void
}

export function startJwksServer(keys: SigningKey[]): JwksServer {
  let published = keys
  let failing = false
  let hits = 0
  const server = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch() {
      hits++
      if (failing) return new Response('down', { status: 500 })
      return Response.json({ keys: published.map((k) => k.jwk) })
    },
  })
  return {
    url: `http://127.0.0.1:${server.port}/jwks.json`,
    hits: () => hits,
    publish: (next) => void (published = next),
    fail: (on) => void (failing = on),
    stop: () => void server.stop(true),
  }
}
