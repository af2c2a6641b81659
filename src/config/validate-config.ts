import { Compile } from 'typebox/compile'
import type { TSchema } from 'typebox'
import configSchema from '../../schemas/config.schema.json' with { type: 'json' }
import { AppError } from '../errors.ts'
import { closestMatch } from './internal/closest-match.ts'
import { formatKeyPath, getAt, parseInstancePath, type KeyPath } from './internal/key-path.ts'
import { allowedKeysAt, descriptionAt, schemasAt, type SchemaNode } from './internal/schema-at.ts'
import type { ValueOrigins } from './substitute-env.ts'

/** schemas/config.schema.json as a plain object, for lookups by key path. */
export const CONFIG_SCHEMA = configSchema as SchemaNode

let compiled: ReturnType<typeof Compile> | undefined

/** One problem in a config tree, named by key path (`workers.count`). */
export interface ConfigProblem {
  path: string
  message: string
  hint?: string
}

interface RawError {
  keyword: string
  schemaPath: string
  instancePath: string
  params: Record<string, unknown>
  message: string
}

/** YAML words for JSON Schema types. */
const TYPE_NAMES: Record<string, string> = { object: 'a mapping', array: 'a list' }

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  return `${typeof value} ${String(value)}`
}

function unknownKeyProblems(parent: KeyPath, keys: string[]): ConfigProblem[] {
  const allowed = allowedKeysAt(CONFIG_SCHEMA, parent)
  const patterns = schemasAt(CONFIG_SCHEMA, parent).flatMap((node) => Object.keys((node.patternProperties as object) ?? {}))
  const where = parent.length ? formatKeyPath(parent) : 'the top level'
  return keys.map((key) => {
    const suggestion = closestMatch(key, allowed)
    const extra = patterns.length ? ` (or keys matching ${patterns.join(', ')})` : ''
    return {
      path: formatKeyPath([...parent, key]),
      message: `unknown key${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
      hint: `Allowed keys at ${where}: ${allowed.join(', ')}${extra}.`,
    }
  })
}

/** `if/then` errors only say "must match then"; re-check the `then.required` part ourselves. */
function conditionalProblems(path: KeyPath, value: unknown): ConfigProblem[] {
  if (typeof value !== 'object' || value === null) return []
  const record = value as Record<string, unknown>
  const problems: ConfigProblem[] = []
  for (const node of schemasAt(CONFIG_SCHEMA, path)) {
    for (const rule of (node.allOf as SchemaNode[] | undefined) ?? []) {
      const conditions = Object.entries(((rule.if as SchemaNode | undefined)?.properties as Record<string, SchemaNode>) ?? {})
      if (!conditions.every(([key, cond]) => record[key] === cond.const)) continue
      const when = conditions.map(([key, cond]) => `${key} is ${JSON.stringify(cond.const)}`).join(' and ')
      for (const key of ((rule.then as SchemaNode | undefined)?.required as string[]) ?? []) {
        if (key in record) continue
        problems.push({ path: formatKeyPath([...path, key]), message: `required when ${when}`, hint: descriptionAt(CONFIG_SCHEMA, [...path, key]) })
      }
    }
  }
  return problems
}

function toProblems(errors: RawError[], tree: unknown): ConfigProblem[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/${e.keyword}/`)
  const problems: ConfigProblem[] = []
  for (const error of errors) {
    if (unions.some((prefix) => error.schemaPath.startsWith(prefix))) continue
    const path = parseInstancePath(error.instancePath, tree)
    const value = getAt(tree, path)
    const at = formatKeyPath(path)
    const describe = descriptionAt(CONFIG_SCHEMA, path)
    switch (error.keyword) {
      case 'boolean':
        // `additionalProperties: false` reports each extra key twice; the additionalProperties entry wins.
        if (error.schemaPath.endsWith('/additionalProperties')) continue
        problems.push({ path: at, message: error.message })
        break
      case 'additionalProperties':
        problems.push(...unknownKeyProblems(path, (error.params.additionalProperties as string[]) ?? []))
        break
      case 'required':
        for (const key of (error.params.requiredProperties as string[]) ?? []) {
          problems.push({ path: formatKeyPath([...path, key]), message: 'missing required key', hint: descriptionAt(CONFIG_SCHEMA, [...path, key]) })
        }
        break
      case 'if':
        problems.push(...conditionalProblems(path, value))
        break
      case 'type':
        problems.push({
          path: at,
          message: `must be ${TYPE_NAMES[String(error.params.type)] ?? error.params.type} (got ${describeValue(value)})`,
          hint: describe,
        })
        break
      case 'enum': {
        const allowed = (error.params.allowedValues as unknown[]).map(String)
        const suggestion = typeof value === 'string' ? closestMatch(value, allowed) : undefined
        problems.push({
          path: at,
          message: `must be one of ${allowed.join(', ')} (got ${describeValue(value)})${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
          hint: describe,
        })
        break
      }
      case 'anyOf':
      case 'oneOf': {
        const branches = schemasAt(CONFIG_SCHEMA, path).flatMap((node) => (node[error.keyword] as SchemaNode[] | undefined) ?? [])
        const titles = branches.map((b) => (typeof b.title === 'string' ? b.title : String(b.type)))
        problems.push({ path: at, message: `must be ${titles.join(' or ')} (got ${describeValue(value)})`, hint: describe })
        break
      }
      case 'minLength':
        problems.push({ path: at, message: error.params.limit === 1 ? 'must not be empty' : error.message, hint: describe })
        break
      default:
        problems.push({ path: at, message: `${error.message} (got ${describeValue(value)})`, hint: describe })
    }
  }
  return problems
}

/** Checks the schema cannot express: unique source names, credentials for the chosen auth type. */
function crossFieldProblems(tree: Record<string, unknown>): ConfigProblem[] {
  const problems: ConfigProblem[] = []
  const sources = (getAt(tree, ['registry', 'sources']) as Array<{ name: string }> | undefined) ?? []
  const seen = new Map<string, number>()
  sources.forEach((source, index) => {
    const first = seen.get(source.name)
    if (first === undefined) seen.set(source.name, index)
    else
      problems.push({
        path: `registry.sources[${index}].name`,
        message: `duplicate source name "${source.name}" (also registry.sources[${first}])`,
        hint: 'Give every source a unique name.',
      })
  })
  const authType = getAt(tree, ['mcp', 'auth_type'])
  const keys = getAt(tree, ['mcp', 'api_keys']) as unknown[] | undefined
  if (authType === 'api_key' && !keys?.length) {
    problems.push({
      path: 'mcp.api_keys',
      message: 'at least one key is required when auth_type is api_key',
      hint: 'Add a key such as `- { key: "${MCP_API_KEY}", name: "claude-desktop" }`, or set auth_type: none.',
    })
  }
  if (authType === 'jwt' && getAt(tree, ['mcp', 'jwt', 'secret']) === undefined) {
    problems.push({ path: 'mcp.jwt.secret', message: 'required when auth_type is jwt', hint: 'Set mcp.jwt.secret: "${JWT_SECRET}" and export JWT_SECRET.' })
  }
  return problems
}

/**
 * Validates a config tree against schemas/config.schema.json plus cross-field rules. Throws one
 * CONFIG_INVALID listing every problem by key path, with the environment variable that supplied
 * the value when there was one (`workers.count (from RATCHET_WORKERS_COUNT): must be integer`).
 */
export function validateConfigTree(tree: Record<string, unknown>, context: { file: string | null; origins: ValueOrigins }): void {
  compiled ??= Compile(configSchema as unknown as TSchema)
  let problems = compiled.Check(tree) ? [] : toProblems(compiled.Errors(tree) as RawError[], tree)
  if (problems.length === 0) problems = crossFieldProblems(tree)
  if (problems.length === 0) return

  const unique = [...new Map(problems.map((p) => [`${p.path}: ${p.message}`, p])).values()].map((p) => {
    const origin = context.origins.get(p.path)
    if (!origin) return p
    const fix = origin.startsWith('$') ? `Check the value of ${origin} in the environment.` : `Fix or unset ${origin}.`
    return { ...p, path: `${p.path} (from ${origin})`, hint: p.hint ? `${fix} ${p.hint}` : fix }
  })
  const where = context.file ? ` in ${context.file}` : ''
  const lines = unique.map((p) => (unique.length > 1 && p.hint ? `${p.path}: ${p.message}\n      ${p.hint}` : `${p.path}: ${p.message}`))
  throw new AppError('CONFIG_INVALID', `Invalid configuration${where}:\n  ${lines.join('\n  ')}`, {
    data: { file: context.file, errors: unique },
    hint: unique.length === 1 && unique[0].hint ? unique[0].hint : 'schemas/config.schema.json documents every key and its type.',
  })
}
