/**
 * Checks output destinations as a caller gives them (snake_case, as stored and shown) and returns them
 * normalised. Every problem is a BAD_INPUT naming the field (`output_destinations[1].url`) and how to
 * fix it. Webhook hosts are checked against the egress policy now (names are resolved at delivery).
 */
import { AppError } from '../../errors.ts'
import type { HostPolicy } from '../../pool/egress/host-policy.ts'
import type { FilesystemDestination, OutputDestination, RetryPolicy, WebhookDestination } from '../types.ts'
import { OUTPUT_FORMATS } from './format-output.ts'
import { checkPathTemplate } from './render-path.ts'
import { refuseUrl } from './webhook-target.ts'

const WEBHOOK_KEYS = ['type', 'url', 'method', 'headers', 'secret', 'timeout_seconds', 'retry_policy']
const FILESYSTEM_KEYS = ['type', 'path', 'format', 'overwrite']
const RETRY_KEYS = ['max_attempts', 'initial_delay_ms', 'max_delay_ms', 'backoff_multiplier']
const METHODS = ['POST', 'PUT', 'PATCH'] as const
/** Set by Ratchet (or by the HTTP client): a destination may not choose them. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'content-type', 'transfer-encoding', 'connection', 'x-ratchet-signature', 'x-ratchet-timestamp', 'x-ratchet-job-id', 'x-ratchet-delivery-attempt'])
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
export const MAX_DESTINATIONS = 20

function bad(field: string, message: string, hint: string): never {
  throw new AppError('BAD_INPUT', `${field}: ${message}`, { data: { field }, hint })
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

function checkKeys(field: string, value: Record<string, unknown>, allowed: string[]): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key))
  if (unknown.length > 0) bad(`${field}.${unknown[0]}`, 'is not a known field', `Use only: ${allowed.join(', ')}.`)
}

function integerIn(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) bad(field, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`, `Set ${field} to a number such as ${min === 0 ? 1000 : min}.`)
  return value
}

function retryPolicy(field: string, value: unknown): RetryPolicy {
  if (!isObject(value)) bad(field, 'must be an object', `Give ${RETRY_KEYS.join(', ')} (all optional).`)
  checkKeys(field, value, RETRY_KEYS)
  const policy: RetryPolicy = {}
  if (value.max_attempts !== undefined) policy.max_attempts = integerIn(`${field}.max_attempts`, value.max_attempts, 1, 20)
  if (value.initial_delay_ms !== undefined) policy.initial_delay_ms = integerIn(`${field}.initial_delay_ms`, value.initial_delay_ms, 0, 3_600_000)
  if (value.max_delay_ms !== undefined) policy.max_delay_ms = integerIn(`${field}.max_delay_ms`, value.max_delay_ms, 0, 3_600_000)
  if (value.backoff_multiplier !== undefined) {
    const m = value.backoff_multiplier
    if (typeof m !== 'number' || !Number.isFinite(m) || m < 1 || m > 10) bad(`${field}.backoff_multiplier`, `must be a number from 1 to 10, got ${JSON.stringify(m)}`, 'Use 2 to double the delay after each attempt.')
    policy.backoff_multiplier = m
  }
  return policy
}

function webhook(field: string, value: Record<string, unknown>, policy: HostPolicy): WebhookDestination {
  checkKeys(field, value, WEBHOOK_KEYS)
  if (typeof value.url !== 'string' || value.url === '') bad(`${field}.url`, 'is required', 'Give the full URL, e.g. https://example.com/hooks/ratchet.')
  let url: URL
  try {
    url = new URL(value.url)
  } catch {
    return bad(`${field}.url`, `${JSON.stringify(value.url)} is not a URL`, 'Give the full URL, e.g. https://example.com/hooks/ratchet.')
  }
  if (url.username !== '' || url.password !== '') {
    // Credentials in the URL are stored and shown with the job, and echoed in delivery records and logs.
    bad(`${field}.url`, 'must not contain credentials (user:password@)', 'Remove them from the URL: send credentials in headers (e.g. {"Authorization": "Bearer …"}), or set `secret` to have the body signed.')
  }
  const refused = refuseUrl(url, policy)
  if (refused) bad(`${field}.url`, `refused by the egress policy: ${refused}`, 'Webhooks follow the same execution.fetch rules as task fetch; change the URL or the configuration.')
  const out: WebhookDestination = { type: 'webhook', url: url.href }
  if (value.method !== undefined) {
    const method = typeof value.method === 'string' ? value.method.toUpperCase() : value.method
    if (!METHODS.includes(method as (typeof METHODS)[number])) {
      bad(`${field}.method`, `must be one of ${METHODS.join(', ')}, got ${JSON.stringify(value.method)}: the output is sent as the request body, which ${JSON.stringify(value.method)} does not carry`, 'Leave it out for POST, or use PUT or PATCH.')
    }
    out.method = method as WebhookDestination['method']
  }
  if (value.headers !== undefined) {
    if (!isObject(value.headers)) bad(`${field}.headers`, 'must be an object of header names to string values', 'For example {"Authorization": "Bearer …"}.')
    for (const [name, text] of Object.entries(value.headers)) {
      if (!HEADER_NAME.test(name)) bad(`${field}.headers`, `${JSON.stringify(name)} is not a valid header name`, 'Use letters, digits and - only.')
      if (RESERVED_HEADERS.has(name.toLowerCase())) bad(`${field}.headers.${name}`, 'is set by Ratchet and cannot be given', `Remove it; Ratchet sets ${[...RESERVED_HEADERS].join(', ')}.`)
      if (typeof text !== 'string' || /[\r\n\0]/.test(text)) bad(`${field}.headers.${name}`, 'must be a string without line breaks', 'Give the header value as text.')
    }
    out.headers = { ...(value.headers as Record<string, string>) }
  }
  if (value.secret !== undefined) {
    if (typeof value.secret !== 'string' || value.secret.length === 0) bad(`${field}.secret`, 'must be a non-empty string', 'Give the shared secret the receiver verifies X-Ratchet-Signature with, or leave it out.')
    out.secret = value.secret
  }
  if (value.timeout_seconds !== undefined) {
    const t = value.timeout_seconds
    if (typeof t !== 'number' || !Number.isFinite(t) || t <= 0 || t > 600) bad(`${field}.timeout_seconds`, `must be a number of seconds above 0 and at most 600, got ${JSON.stringify(t)}`, 'Leave it out for output.webhook_timeout_seconds.')
    out.timeout_seconds = t
  }
  if (value.retry_policy !== undefined) out.retry_policy = retryPolicy(`${field}.retry_policy`, value.retry_policy)
  return out
}

function filesystem(field: string, value: Record<string, unknown>): FilesystemDestination {
  checkKeys(field, value, FILESYSTEM_KEYS)
  if (typeof value.path !== 'string') bad(`${field}.path`, 'is required', 'Give a path under output.filesystem_root, e.g. {{task}}/{{job_id}}.json.')
  const problem = checkPathTemplate(value.path)
  if (problem) bad(`${field}.path`, problem, 'Give a relative path under output.filesystem_root, e.g. {{task}}/{{date}}/{{job_id}}.json.')
  const out: FilesystemDestination = { type: 'filesystem', path: value.path }
  if (value.format !== undefined) {
    if (!OUTPUT_FORMATS.includes(value.format as never)) bad(`${field}.format`, `must be one of ${OUTPUT_FORMATS.join(', ')}, got ${JSON.stringify(value.format)}`, 'Leave it out to use the path extension (.yaml, .csv), else json.')
    out.format = value.format as FilesystemDestination['format']
  }
  if (value.overwrite !== undefined) {
    if (typeof value.overwrite !== 'boolean') bad(`${field}.overwrite`, `must be true or false, got ${JSON.stringify(value.overwrite)}`, 'Set true to replace an existing file.')
    out.overwrite = value.overwrite
  }
  return out
}

/** The destinations, checked and normalised; BAD_INPUT naming the first wrong field. */
export function validateDestinations(value: unknown, policy: HostPolicy, field = 'output_destinations'): OutputDestination[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) bad(field, 'must be a list of destinations', 'Give [] or a list of {"type": "webhook", "url": …} / {"type": "filesystem", "path": …}.')
  if (value.length > MAX_DESTINATIONS) bad(field, `has ${value.length} destinations, more than ${MAX_DESTINATIONS}`, 'Deliver to fewer places, or fan out from one webhook.')
  return value.map((item, index) => {
    const at = `${field}[${index}]`
    if (!isObject(item)) bad(at, 'must be an object', 'Give {"type": "webhook", "url": …} or {"type": "filesystem", "path": …}.')
    if (item.type === 'webhook') return webhook(at, item, policy)
    if (item.type === 'filesystem') return filesystem(at, item)
    return bad(`${at}.type`, `must be "webhook" or "filesystem", got ${JSON.stringify(item.type)}`, 'Set type to webhook or filesystem.')
  })
}
