import { isPlainObject } from './internal/json-value.ts'
import type { JsonSchema } from './types.ts'

const FORMAT_EXAMPLES: Record<string, string> = {
  email: 'user@example.com',
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00Z',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
  hostname: 'example.com',
  ipv4: '127.0.0.1',
  ipv6: '::1',
}

/**
 * A small value that a schema probably accepts, used when `validate --fix` writes an example test:
 * `default`, `const`, the first `enum`/`examples` value, otherwise the simplest value of the type with
 * every required property filled in. (TypeBox's Value.Create only understands TypeBox-built schemas.)
 * Callers must still check the result: patterns and cross-keyword constraints are not solved.
 */
export function exampleValue(schema: JsonSchema, root: JsonSchema = schema, depth = 0): unknown {
  if (typeof schema === 'boolean' || depth > 20) return {}
  if ('default' in schema) return schema.default
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0]
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0]
  if (typeof schema.$ref === 'string') {
    const target = resolveLocalRef(root, schema.$ref)
    return target === undefined ? {} : exampleValue(target, root, depth + 1)
  }
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const list = schema[key]
    if (Array.isArray(list) && list.length > 0 && !('type' in schema)) return exampleValue(list[0] as JsonSchema, root, depth + 1)
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : (schema.type ?? ('properties' in schema ? 'object' : undefined))
  switch (type) {
    case 'object': {
      const properties = isPlainObject(schema.properties) ? schema.properties : {}
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : []
      const value: Record<string, unknown> = {}
      for (const name of required) value[name] = exampleValue((properties[name] ?? {}) as JsonSchema, root, depth + 1)
      return value
    }
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0
      const items = isPlainObject(schema.items) || typeof schema.items === 'boolean' ? (schema.items as JsonSchema) : {}
      return Array.from({ length: count }, () => exampleValue(items, root, depth + 1))
    }
    case 'string': {
      const example = typeof schema.format === 'string' ? FORMAT_EXAMPLES[schema.format] : undefined
      const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0
      return example ?? 'x'.repeat(minLength)
    }
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0
    case 'boolean':
      return false
    case 'null':
      return null
    default:
      return {}
  }
}

function resolveLocalRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined
  let node: unknown = root
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    node = isPlainObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined
  }
  return isPlainObject(node) || typeof node === 'boolean' ? node : undefined
}
