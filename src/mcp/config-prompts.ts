/**
 * Prompts declared in the config (`mcp.prompts`): reusable prompt templates a client offers its user
 * (slash commands in most clients), next to Ratchet's built-in prompts.
 *
 *   mcp:
 *     prompts:
 *       - name: summarize_run
 *         description: Summarize a run of the nightly import
 *         arguments: [{ name: day, required: true, completions: [monday, tuesday] }]
 *         messages:
 *           - { role: user, text: "Summarize the import of {{day}}." }
 *           - { role: user, image: { file: charts/{{day}}.png } }
 *           - { role: user, resource: { uri: "data://imports/{{day}}", file: "imports/{{day}}.json" } }
 *
 * `{{name}}` in text, URIs and file paths is replaced by the argument's value; files are read when the
 * prompt is fetched (relative to the config file). An argument's `completions` feed completion/complete.
 */
import { isAbsolute, resolve } from 'node:path'
import { ErrorCode, type CompleteRequest, type CompleteResult, type GetPromptResult, type Prompt, type PromptMessage } from '@modelcontextprotocol/sdk/types.js'
import type { Config } from '../config/types.ts'
import { fillPlaceholders, isTextMimeType, mimeTypeOf } from './internal/config-content.ts'
import { ProtocolError } from './internal/protocol-error.ts'

interface MediaDefinition {
  file: string
  mime_type?: string
}

interface MessageDefinition {
  role: 'user' | 'assistant'
  text?: string
  image?: MediaDefinition
  audio?: MediaDefinition
  resource?: { uri: string; mime_type?: string; text?: string; file?: string }
}

/** `mcp.prompts[]` as written in the config (already checked against the config schema). */
export interface ConfigPromptDefinition {
  name: string
  title?: string
  description?: string
  arguments?: Array<{ name: string; description?: string; required?: boolean; completions?: string[] }>
  messages: MessageDefinition[]
}

export interface ConfigPrompts {
  list(): Prompt[]
  has(name: string): boolean
  get(name: string, args?: Record<string, string>): Promise<GetPromptResult>
  /** completion/complete for an argument of one of these prompts; null for other prompts. */
  complete(params: CompleteRequest['params']): CompleteResult | null
}

const MAX_COMPLETIONS = 100

export function configPromptDefinitions(config: Config): ConfigPromptDefinition[] {
  const mcp = config.raw.mcp as { prompts?: ConfigPromptDefinition[] } | undefined
  return mcp?.prompts ?? []
}

export function createConfigPrompts(config: Config): ConfigPrompts {
  const definitions = new Map(configPromptDefinitions(config).map((definition) => [definition.name, definition]))
  const pathOf = (file: string, values: Record<string, string>) => {
    const path = fillPlaceholders(file, values)
    return isAbsolute(path) ? path : resolve(config.baseDir, path)
  }
  const readFile = async (prompt: string, file: string, values: Record<string, string>) => {
    for (const value of Object.values(values)) {
      if (file.includes('{{') && /[/\\\0]|^\.\.?$/.test(value)) throw new ProtocolError(ErrorCode.InvalidParams, `Prompt ${prompt}: an argument used in a file name cannot contain / or \\ or be . or ..`)
    }
    const path = pathOf(file, values)
    const handle = Bun.file(path)
    if (!(await handle.exists())) throw new ProtocolError(ErrorCode.InternalError, `Prompt ${prompt}: the file ${path} (mcp.prompts) does not exist`)
    return { path, handle }
  }

  const message = async (prompt: string, definition: MessageDefinition, values: Record<string, string>): Promise<PromptMessage> => {
    const { role } = definition
    if (definition.text !== undefined) return { role, content: { type: 'text', text: fillPlaceholders(definition.text, values) } }
    const media = definition.image ?? definition.audio
    if (media) {
      const { path, handle } = await readFile(prompt, media.file, values)
      const data = Buffer.from(await handle.arrayBuffer()).toString('base64')
      return { role, content: { type: definition.image ? 'image' : 'audio', data, mimeType: media.mime_type ?? mimeTypeOf(path) } }
    }
    const resource = definition.resource!
    const uri = fillPlaceholders(resource.uri, values)
    if (resource.file === undefined) {
      return { role, content: { type: 'resource', resource: { uri, mimeType: resource.mime_type ?? 'text/plain', text: fillPlaceholders(resource.text ?? '', values) } } }
    }
    const { path, handle } = await readFile(prompt, resource.file, values)
    const mimeType = resource.mime_type ?? mimeTypeOf(path)
    const body = isTextMimeType(mimeType) ? { text: await handle.text() } : { blob: Buffer.from(await handle.arrayBuffer()).toString('base64') }
    return { role, content: { type: 'resource', resource: { uri, mimeType, ...body } } }
  }

  return {
    list: () =>
      [...definitions.values()].map((definition) => ({
        name: definition.name,
        ...(definition.title !== undefined ? { title: definition.title } : {}),
        description: definition.description ?? definition.title ?? definition.name,
        ...(definition.arguments ? { arguments: definition.arguments.map(({ name, description, required }) => ({ name, ...(description !== undefined ? { description } : {}), required: required === true })) } : {}),
      })),
    has: (name) => definitions.has(name),
    async get(name, args = {}) {
      const definition = definitions.get(name)
      if (!definition) throw new ProtocolError(ErrorCode.InvalidParams, `Unknown prompt "${name}"`)
      const missing = (definition.arguments ?? []).filter((arg) => arg.required && !args[arg.name]).map((arg) => arg.name)
      if (missing.length > 0) throw new ProtocolError(ErrorCode.InvalidParams, `Prompt ${name} needs the argument${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)
      const messages = await Promise.all(definition.messages.map((each) => message(name, each, args)))
      return { ...(definition.description !== undefined ? { description: definition.description } : {}), messages }
    },
    complete(params) {
      if (params.ref.type !== 'ref/prompt') return null
      const definition = definitions.get(params.ref.name)
      if (!definition) return null
      const prefix = params.argument.value.toLowerCase()
      const values = (definition.arguments?.find((arg) => arg.name === params.argument.name)?.completions ?? []).filter((value) => value.toLowerCase().startsWith(prefix))
      return { completion: { values: values.slice(0, MAX_COMPLETIONS), total: values.length, hasMore: values.length > MAX_COMPLETIONS } }
    },
  }
}
