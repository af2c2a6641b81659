import { withConfig, type TaskTemplate } from './types.ts'

/** SHA-256 and HMAC in plain JavaScript: tasks have no crypto.subtle and no node modules. */
const HMAC_SHA256 = `
const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]

function ror(x, n) { return (x >>> n) | (x << (32 - n)) }

function sha256(bytes) {
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
  const length = ((bytes.length + 9 + 63) >> 6) << 6
  const data = new Uint8Array(length)
  data.set(bytes)
  data[bytes.length] = 0x80
  const view = new DataView(data.buffer)
  view.setUint32(length - 8, Math.floor(bytes.length / 0x20000000), false)
  view.setUint32(length - 4, (bytes.length << 3) >>> 0, false)
  const w = new Uint32Array(64)
  for (let off = 0; off < length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4, false)
    for (let i = 16; i < 64; i++) {
      const s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >>> 3)
      const s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >>> 10)
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0
    }
    let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7]
    for (let i = 0; i < 64; i++) {
      const t1 = (k + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0
      const t2 = ((ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0
      k = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0
    }
    h[0] = (h[0] + a) >>> 0; h[1] = (h[1] + b) >>> 0; h[2] = (h[2] + c) >>> 0; h[3] = (h[3] + d) >>> 0
    h[4] = (h[4] + e) >>> 0; h[5] = (h[5] + f) >>> 0; h[6] = (h[6] + g) >>> 0; h[7] = (h[7] + k) >>> 0
  }
  const out = new Uint8Array(32)
  const outView = new DataView(out.buffer)
  h.forEach(function (word, i) { outView.setUint32(i * 4, word, false) })
  return out
}

function hmacSha256Hex(secret, message) {
  const encoder = new TextEncoder()
  let key = encoder.encode(secret)
  if (key.length > 64) key = sha256(key)
  const block = new Uint8Array(64)
  block.set(key)
  const msg = encoder.encode(message)
  const inner = new Uint8Array(64 + msg.length)
  const outer = new Uint8Array(64 + 32)
  for (let i = 0; i < 64; i++) { inner[i] = block[i] ^ 0x36; outer[i] = block[i] ^ 0x5c }
  inner.set(msg, 64)
  outer.set(sha256(inner), 64)
  return Array.from(sha256(outer), function (byte) { return byte.toString(16).padStart(2, '0') }).join('')
}

/** Compares in time independent of where the strings differ. */
function safeEqual(a, b) {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return diff === 0
}
`

const BODY = `
/**
 * Accepts a webhook only when input.signature is CONFIG.signature_prefix + hex HMAC-SHA256 of the raw
 * body under input.secret, the body is JSON with every required field, and its event is handled.
 */
function main(input) {
  const raw = typeof input.payload === 'string' ? input.payload : JSON.stringify(input.payload)
  const expected = CONFIG.signature_prefix + hmacSha256Hex(input.secret, raw)
  const reject = function (reason, event) { return { accepted: false, event: event === undefined ? null : event, reason: reason } }
  if (!safeEqual(String(input.signature).toLowerCase(), expected.toLowerCase())) return reject('invalid signature')
  let body
  try {
    body = typeof input.payload === 'string' ? JSON.parse(input.payload) : input.payload
  } catch (error) {
    return reject('the payload is not JSON')
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return reject('the payload is not a JSON object')
  for (const field of CONFIG.required_fields) {
    if (body[field] === undefined || body[field] === null) return reject('missing field "' + field + '"')
  }
  const event = body[CONFIG.event_field] === undefined ? null : String(body[CONFIG.event_field])
  if (CONFIG.allowed_events.length > 0 && CONFIG.allowed_events.indexOf(event) < 0) return reject('event "' + event + '" is not handled', event)
  return { accepted: true, event: event, reason: null }
}
`

const stringList = (v: unknown) => (Array.isArray(v) && v.every((item) => typeof item === 'string' && item !== '') ? null : 'must be a list of non-empty strings')

export const webhookHandler: TaskTemplate = {
  name: 'webhook_handler',
  description: 'Verifies an incoming webhook: HMAC-SHA256 signature of the raw body with the shared secret (constant-time compare, GitHub-style "sha256=" prefix), required payload fields, and an allow-list of event types. Returns {accepted, event, reason}.',
  category: 'webhooks',
  tags: ['webhook', 'security', 'hmac'],
  parameters: [
    { name: 'required_fields', type: 'array', required: true, description: 'Payload fields that must be present', example: ['type', 'id'], check: stringList },
    { name: 'event_field', type: 'string', required: false, default: 'type', description: 'Payload field naming the event' },
    { name: 'allowed_events', type: 'array', required: false, default: [], description: 'Event types to accept (empty: all)', check: (v) => (Array.isArray(v) && v.length === 0 ? null : stringList(v)) },
    { name: 'signature_prefix', type: 'string', required: false, default: 'sha256=', description: 'Text before the hex digest in the signature' },
  ],
  generate(params) {
    const required = params.required_fields as string[]
    const allowed = params.allowed_events as string[]
    const eventField = String(params.event_field)
    const config = { required_fields: required, event_field: eventField, allowed_events: allowed, signature_prefix: params.signature_prefix }
    const event = allowed[0] ?? 'example.event'
    const payload: Record<string, unknown> = { [eventField]: event }
    for (const field of required) if (!(field in payload)) payload[field] = `example-${field}`
    const secret = 'test-secret'
    const sign = (body: unknown) => `${params.signature_prefix}${new Bun.CryptoHasher('sha256', secret).update(JSON.stringify(body)).digest('hex')}`
    const tests: Record<string, unknown>[] = [
      { name: 'accepts a correctly signed payload', input: { payload, signature: sign(payload), secret }, expected_output: { accepted: true, event, reason: null } },
      { name: 'rejects a wrong signature', input: { payload, signature: sign({ ...payload, tampered: true }), secret }, expected_output: { accepted: false, event: null, reason: 'invalid signature' } },
    ]
    const missing = required.find((field) => field !== eventField) ?? required[0]
    if (missing !== undefined) {
      const partial = { ...payload }
      delete partial[missing]
      tests.push({ name: `rejects a payload without ${missing}`, input: { payload: partial, signature: sign(partial), secret }, expected_output: { accepted: false, event: null, reason: `missing field "${missing}"` } })
    }
    return {
      description: `Verifies signed webhooks carrying ${required.join(', ')}`,
      code: withConfig(config, HMAC_SHA256 + BODY),
      inputSchema: {
        type: 'object',
        properties: {
          payload: { type: ['object', 'string'], description: 'The webhook body: parsed JSON, or the raw text exactly as received (preferred: the signature covers those bytes)' },
          signature: { type: 'string', description: `The signature header, e.g. "${String(params.signature_prefix)}<hex>"` },
          secret: { type: 'string', minLength: 1, description: 'The shared webhook secret' },
        },
        required: ['payload', 'signature', 'secret'],
      },
      outputSchema: {
        type: 'object',
        properties: { accepted: { type: 'boolean' }, event: { type: ['string', 'null'] }, reason: { type: ['string', 'null'] } },
        required: ['accepted', 'event', 'reason'],
      },
      tests,
    }
  },
}
