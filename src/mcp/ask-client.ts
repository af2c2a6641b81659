/**
 * Connects a task's `context.sample()` / `context.elicit()` to the MCP client of the call that started
 * it. Requests are checked here, so a malformed one fails in the task with a message saying what to fix.
 */
import { AppError } from '../errors.ts'
import type { ClientBridge } from './tools/types.ts'

export type AskHandler = (kind: 'sample' | 'elicit', params: unknown) => Promise<unknown>

export function askClient(client: ClientBridge): AskHandler {
  return async (kind, params) => {
    const request = (params ?? {}) as Record<string, unknown>
    if (kind === 'sample') {
      const messages = request.messages
      if (!Array.isArray(messages) || messages.length === 0 || !messages.every((m) => m && (m.role === 'user' || m.role === 'assistant') && typeof m.text === 'string')) {
        throw new AppError('BAD_INPUT', 'context.sample() needs { messages: [{ role: "user" | "assistant", text: string }, ...], systemPrompt?, maxTokens? }')
      }
      const maxTokens = request.maxTokens === undefined ? 1000 : Number(request.maxTokens)
      if (!Number.isInteger(maxTokens) || maxTokens <= 0) throw new AppError('BAD_INPUT', 'context.sample(): maxTokens must be a positive integer')
      return client.sample({ messages: messages as Array<{ role: 'user' | 'assistant'; text: string }>, systemPrompt: typeof request.systemPrompt === 'string' ? request.systemPrompt : undefined, maxTokens })
    }
    if (typeof request.message !== 'string' || !request.requestedSchema || typeof request.requestedSchema !== 'object') {
      throw new AppError('BAD_INPUT', 'context.elicit() needs { message: string, requestedSchema: { type: "object", properties: {...} } }')
    }
    return client.elicit({ message: request.message, requestedSchema: request.requestedSchema as Record<string, unknown> })
  }
}
