/**
 * A task whose metadata says `"mcp": {"output": "content"}` returns MCP content: `{ content: [...] }`
 * with text, image, audio, resource or resource_link blocks. This checks such an output against the
 * SDK's content schema, so a malformed block becomes a clear tool error instead of a result the
 * client rejects.
 */
import { ContentBlockSchema, type ContentBlock } from '@modelcontextprotocol/sdk/types.js'

export type ContentOutput = { ok: true; content: ContentBlock[] } | { ok: false; problem: string }

export function readContentOutput(output: unknown): ContentOutput {
  const content = typeof output === 'object' && output !== null && !Array.isArray(output) ? (output as Record<string, unknown>).content : undefined
  if (!Array.isArray(content) || content.length === 0) {
    return { ok: false, problem: 'the task\'s metadata declares "mcp": {"output": "content"}, so its output must be {"content": [...]} with at least one content block' }
  }
  const blocks: ContentBlock[] = []
  for (const [index, block] of content.entries()) {
    const parsed = ContentBlockSchema.safeParse(block)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? `.${issue.path.join('.')}` : ''
      return { ok: false, problem: `content[${index}]${where} is not a valid MCP content block: ${issue?.message ?? 'invalid'} (type ${JSON.stringify((block as { type?: unknown })?.type)})` }
    }
    blocks.push(parsed.data)
  }
  return { ok: true, content: blocks }
}
