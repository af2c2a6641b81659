import type { Server } from '@modelcontextprotocol/sdk/server/index.js'
import { AppError } from '../errors.ts'
import type { ClientBridge } from './tools/types.ts'

/**
 * What a tool may ask of the connected client: sampling (`sampling/createMessage`) and elicitation
 * (`elicitation/create`), each only when the client declared the capability at initialize. The
 * request is tied to the tool call's signal, so cancelling the call cancels the question.
 */
export function createClientBridge(server: Server, signal: AbortSignal): ClientBridge {
  const capabilities = () => server.getClientCapabilities() ?? {}
  return {
    get supportsSampling() {
      return capabilities().sampling !== undefined
    },
    get supportsElicitation() {
      return capabilities().elicitation?.form !== undefined
    },
    async sample(request) {
      if (capabilities().sampling === undefined) {
        throw new AppError('BAD_INPUT', 'The connected MCP client does not support sampling (sampling/createMessage)', {
          hint: 'Use a client that declares the sampling capability, or call the tool without the option that asks the model.',
        })
      }
      const result = await server.createMessage(
        {
          messages: request.messages.map((m) => ({ role: m.role, content: { type: 'text' as const, text: m.text } })),
          ...(request.systemPrompt !== undefined ? { systemPrompt: request.systemPrompt } : {}),
          maxTokens: request.maxTokens,
        },
        { signal },
      )
      const blocks = Array.isArray(result.content) ? result.content : [result.content]
      const text = blocks.map((block) => (block.type === 'text' ? block.text : '')).join('')
      return { text, model: result.model }
    },
    async elicit(request) {
      if (capabilities().elicitation?.form === undefined) {
        throw new AppError('BAD_INPUT', 'The connected MCP client does not support elicitation (elicitation/create)', {
          hint: 'Use a client that declares the elicitation capability, or pass the values as tool arguments.',
        })
      }
      const result = await server.elicitInput({ mode: 'form', message: request.message, requestedSchema: request.requestedSchema as never }, { signal })
      return { action: result.action, ...(result.content !== undefined ? { content: result.content as Record<string, unknown> } : {}) }
    },
  }
}
