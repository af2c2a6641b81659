/**
 * Webhook signatures. With a `secret`, every delivery carries
 *   X-Ratchet-Timestamp: <unix seconds>
 *   X-Ratchet-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 * A receiver recomputes the HMAC over the timestamp, a dot and the raw body bytes it got, compares in
 * constant time, and rejects timestamps too far from its clock (replays).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'X-Ratchet-Signature'
export const TIMESTAMP_HEADER = 'X-Ratchet-Timestamp'

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/** True when `signature` is the one `secret` gives for this timestamp and body. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
