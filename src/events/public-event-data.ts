/**
 * What an event may carry. An event goes to every subscriber allowed to see it, whatever else they may
 * read, so its payload holds nothing that needs more than seeing the record: no input or output, no
 * error details, stacks or source lines (they may quote the output), and webhook URLs only in their
 * masked form (see mask-url.ts). The bus applies this to every event, whoever publishes it.
 */
import { maskUrlIn, maskWebhookUrl } from './mask-url.ts'
import type { DomainEventInput } from './types.ts'

const MAX_MESSAGE = 500
const SENSITIVE_KEYS = ['input', 'output', 'input_data', 'result']

function clip(message: unknown): string {
  const text = String(message ?? '')
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text
}

/** An error as events show it: type, code, clipped message and reason; null stays null. */
function publicError(error: unknown): unknown {
  if (error === null || typeof error !== 'object') return error ?? null
  const { type, code, message, reason } = error as Record<string, unknown>
  return { ...(type !== undefined ? { type } : {}), ...(code !== undefined ? { code } : {}), message: clip(message), ...(reason !== undefined ? { reason } : {}) }
}

/** `input.data` without what an event may not carry; the same object when there is nothing to take out. */
export function publicEventData(input: Pick<DomainEventInput, 'type' | 'data'>): Record<string, unknown> {
  const data: Record<string, unknown> = { ...input.data }
  for (const key of SENSITIVE_KEYS) delete data[key]
  if ('last_error' in data) data.last_error = publicError(data.last_error)
  if (input.type.startsWith('execution.') && 'error' in data) data.error = publicError(data.error)
  if (input.type === 'job.delivery' && data.type === 'webhook' && typeof data.target === 'string') {
    const masked = maskWebhookUrl(data.target, { path: false })
    if (typeof data.error === 'string') data.error = maskUrlIn(data.error, data.target, masked)
    data.target = masked
  }
  return data
}
