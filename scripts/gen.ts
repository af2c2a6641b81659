/**
 * `bun run gen`: compiles schemas/tools/*.json (one MCP tool each) into generated/:
 *   tool-types.ts   TypeScript interfaces for every tool's input and output (json-schema-to-typescript)
 *   tools.ts        the tool table the MCP server registers (names, descriptions, schemas, annotations)
 *   validators.ts   precompiled TypeBox checks for every tool's input (errors come from TypeBox at runtime)
 *   client.ts       a typed client for web apps and scripts
 * and docs/tools.md, the tool reference; schemas/rest/*.json become generated/rest-*.ts, the OpenAPI
 * document and docs/rest.md (scripts/gen-rest.ts). `--check` fails when a generated file differs (drift).
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { compile } from 'json-schema-to-typescript'
import { Code } from 'typebox/compile'
import { restOutputs } from './gen-rest.ts'

const root = join(import.meta.dir, '..')
const check = process.argv.includes('--check')
const HEADER = '// GENERATED FILE — DO NOT EDIT. Edit schemas/tools/*.json and run `bun run gen`.\n'
const GROUPS = ['execution', 'monitoring', 'logging', 'debugging', 'filesystem', 'batch', 'docs'] as const

interface ToolSchemaFile {
  name: string
  title: string
  group: (typeof GROUPS)[number]
  description: string
  annotations?: Record<string, boolean>
  taskSupport?: 'forbidden' | 'optional' | 'required'
  input: Record<string, unknown>
  output: Record<string, unknown>
}

const pascal = (name: string) => name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())
const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

function loadTools(): ToolSchemaFile[] {
  const dir = join(root, 'schemas', 'tools')
  const tools: ToolSchemaFile[] = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const tool = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ToolSchemaFile
    const where = `schemas/tools/${file}`
    if (`${tool.name}.json` !== file) throw new Error(`${where}: "name" must be "${file.replace(/\.json$/, '')}"`)
    if (!/^[a-z][a-z0-9_]{0,60}$/.test(tool.name)) throw new Error(`${where}: tool names are snake_case ([a-z0-9_])`)
    if (!GROUPS.includes(tool.group)) throw new Error(`${where}: group must be one of ${GROUPS.join(', ')}`)
    for (const key of ['title', 'description'] as const) if (typeof tool[key] !== 'string' || !tool[key]) throw new Error(`${where}: "${key}" is required`)
    for (const key of ['input', 'output'] as const) if (tool[key]?.type !== 'object') throw new Error(`${where}: "${key}" must be an object schema ({"type": "object", ...})`)
    tools.push(tool)
  }
  return tools
}

async function toolTypes(tools: ToolSchemaFile[]): Promise<string> {
  const parts: string[] = [HEADER]
  for (const tool of tools) {
    for (const side of ['input', 'output'] as const) {
      const typeName = `${pascal(tool.name)}${side === 'input' ? 'Input' : 'Output'}`
      const schema = { ...tool[side], title: typeName }
      const ts = await compile(schema as never, typeName, { bannerComment: '', additionalProperties: false, declareExternallyReferenced: true, format: true, strictIndexSignatures: false, unknownAny: true })
      parts.push(ts.trim() + '\n')
    }
  }
  parts.push('/** Every tool\'s input and output types, by tool name (without the `ratchet_` prefix). */')
  parts.push('export interface ToolIO {')
  for (const tool of tools) parts.push(`  ${tool.name}: { input: ${pascal(tool.name)}Input; output: ${pascal(tool.name)}Output }`)
  parts.push('}\n')
  parts.push('export type ToolName = keyof ToolIO\n')
  return parts.join('\n')
}

/** Drops json-schema-to-typescript's `tsType` hints from the schemas clients see. */
function publish(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(publish)
  if (schema && typeof schema === 'object') return Object.fromEntries(Object.entries(schema).filter(([k]) => k !== 'tsType').map(([k, v]) => [k, publish(v)]))
  return schema
}

function toolTable(tools: ToolSchemaFile[]): string {
  const defs = tools.map((t) => ({
    name: t.name,
    title: t.title,
    group: t.group,
    description: t.description,
    annotations: { title: t.title, ...(t.annotations ?? {}) },
    taskSupport: t.taskSupport ?? 'forbidden',
    inputSchema: publish(t.input),
    outputSchema: publish(t.output),
  }))
  return `${HEADER}import type { ToolName } from './tool-types.ts'

export type ToolGroup = ${GROUPS.map((g) => `'${g}'`).join(' | ')}

export interface ToolDefinition {
  name: ToolName
  title: string
  group: ToolGroup
  description: string
  annotations: { title: string; readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean }
  taskSupport: 'forbidden' | 'optional' | 'required'
  inputSchema: { type: 'object'; [key: string]: unknown }
  outputSchema: { type: 'object'; [key: string]: unknown }
}

export const TOOL_DEFINITIONS: readonly ToolDefinition[] = ${JSON.stringify(defs, null, 2)}
`
}

function validators(tools: ToolSchemaFile[]): string {
  const parts = [HEADER, "import { Hashing } from 'typebox/system'", "import { Guard } from 'typebox/guard'", "import type { ToolName } from './tool-types.ts'", '', '// Each check below is TypeBox\'s generated code for one tool\'s input schema.', 'void Hashing', 'void Guard', '']
  for (const tool of tools) {
    const { Code: code, External } = Code(tool.input as never)
    const externals = (External.variables as unknown[]).map((v) => {
      if (v instanceof RegExp) return v.toString()
      throw new Error(`schemas/tools/${tool.name}.json: TypeBox needs a runtime value gen cannot serialise (${String(v)})`)
    })
    const body = code
      .split('\n')
      .filter((line) => !line.startsWith('import ') && !line.startsWith('// @ts-ignore') && !line.includes('SetExternal') && !line.startsWith('let External'))
      .join('\n')
      .replace(/export function Check/g, 'return function Check')
      .trim()
    parts.push(`const check_${tool.name} = ((): ((value: unknown) => boolean) => {\n  // @ts-nocheck\n  const External: any[] = [${externals.join(', ')}]\n  void External\n${body.split('\n').map((l) => '  ' + l).join('\n')}\n})()`)
  }
  parts.push('')
  parts.push('/** Precompiled input checks, by tool name. */')
  parts.push('export const INPUT_CHECKS: Record<ToolName, (value: unknown) => boolean> = {')
  for (const tool of tools) parts.push(`  ${tool.name}: check_${tool.name},`)
  parts.push('}\n')
  return '// @ts-nocheck\n' + parts.join('\n')
}

function client(tools: ToolSchemaFile[]): string {
  const methods = tools.map((t) => `  /** ${t.title}. ${t.description.split('\n')[0].replace(/\*\//g, '*\\/')} */\n  ${camel(t.name)}: (input: ToolIO['${t.name}']['input']) => call<'${t.name}'>('${t.name}', input),`)
  return `${HEADER}import type { ToolIO, ToolName } from './tool-types.ts'

export type { ToolIO, ToolName } from './tool-types.ts'

/** Anything that can call an MCP tool: the official SDK \`Client\` fits (\`client.callTool\`). */
export interface ToolCaller {
  callTool(request: { name: string; arguments?: Record<string, unknown> }): Promise<unknown>
}

/** A tool's answer: \`ok\` is false when the tool ran and reported an error (isError). */
export type ToolResult<N extends ToolName> = { ok: true; output: ToolIO[N]['output'] } | { ok: false; output?: ToolIO[N]['output']; message: string }

/** A typed Ratchet client over any MCP connection. */
export function createRatchetClient(caller: ToolCaller) {
  async function call<N extends ToolName>(name: N, input: ToolIO[N]['input']): Promise<ToolResult<N>> {
    const result = (await caller.callTool({ name: 'ratchet_' + name, arguments: input as unknown as Record<string, unknown> })) as { isError?: boolean; structuredContent?: ToolIO[N]['output']; content?: Array<{ type: string; text?: string }> }
    const text = (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\\n')
    if (result.isError) return { ok: false, output: result.structuredContent, message: text }
    return { ok: true, output: result.structuredContent as ToolIO[N]['output'] }
  }
  return {
${methods.join('\n')}
  }
}

export type RatchetClient = ReturnType<typeof createRatchetClient>
`
}

function describeSchema(schema: Record<string, unknown>, indent = ''): string[] {
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>
  const required = new Set((schema.required ?? []) as string[])
  return Object.entries(props).map(([key, prop]) => {
    const type = Array.isArray(prop.enum) ? prop.enum.map((v) => JSON.stringify(v)).join(' \\| ') : Array.isArray(prop.type) ? prop.type.join(' \\| ') : String(prop.type ?? 'any')
    const def = prop.default === undefined ? '' : ` (default ${JSON.stringify(prop.default)})`
    return `${indent}- \`${key}\`${required.has(key) ? ' **required**' : ''} — ${type}${def}: ${String(prop.description ?? '').replace(/\n/g, ' ')}`
  })
}

function docs(tools: ToolSchemaFile[]): string {
  const lines = ['<!-- GENERATED FILE — DO NOT EDIT. Edit schemas/tools/*.json and run `bun run gen`. -->', '# Ratchet MCP tool reference', '', `${tools.length} tools. Each is registered as \`ratchet_<name>\`; \`tools/call\` also accepts the dotted spelling \`ratchet.<name>\`.`, 'Results carry `structuredContent` matching the output schema and the same JSON as text. A task that ran and failed is a result with `isError: true`.', '']
  for (const group of GROUPS) {
    const inGroup = tools.filter((t) => t.group === group)
    if (inGroup.length === 0) continue
    lines.push(`## ${group[0].toUpperCase() + group.slice(1)} (\`mcp.tools.enable_${group}\`)`, '')
    for (const tool of inGroup) {
      lines.push(`### \`ratchet_${tool.name}\` — ${tool.title}`, '', tool.description, '', '**Parameters**', '', ...(describeSchema(tool.input).length ? describeSchema(tool.input) : ['(none)']), '', '**Returns**', '', ...describeSchema(tool.output), '')
    }
  }
  return lines.join('\n')
}

const tools = loadTools()
const outputs: Record<string, string> = {
  'generated/tool-types.ts': await toolTypes(tools),
  'generated/tools.ts': toolTable(tools),
  'generated/validators.ts': validators(tools),
  'generated/client.ts': client(tools),
  'docs/tools.md': docs(tools),
  // schemas/rest/*.json: the REST door's types, validators, route table, OpenAPI document and docs.
  ...(await restOutputs(root)),
}
let drift = 0
for (const [path, content] of Object.entries(outputs)) {
  const file = join(root, path)
  const current = existsSync(file) ? readFileSync(file, 'utf8') : null
  if (current === content) continue
  if (check) {
    drift++
    console.error(`${path} is out of date with schemas/: run \`bun run gen\` and commit the result`)
    continue
  }
  mkdirSync(join(file, '..'), { recursive: true })
  writeFileSync(file, content)
  console.error(`wrote ${path}`)
}
if (check && drift > 0) process.exit(1)
console.error(`${tools.length} tools${check ? ', generated/ is up to date' : ''}`)
