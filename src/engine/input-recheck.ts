/**
 * Re-checks an execution's input against a task's input schema and says, for every offending path,
 * what the schema expects there and what was given: the raw material of "set /a to a number".
 */
import { compileSchema, type SchemaError } from '../tasks/schema.ts'
import type { JsonSchema } from '../tasks/types.ts'

export interface InputProblem {
  /** JSON pointer into the input (`/user/age`), or `(root)`. */
  path: string
  message: string
  /** What the schema wants at the path: `number`, `string (format email)`, `one of "a", "b"`. */
  expected?: string
  /** The value given there; absent when the path is missing from the input. */
  actual?: unknown
  /** True when the path is absent from the input. */
  missing?: boolean
}

export interface InputRecheck {
  valid: boolean
  errors: InputProblem[]
}

const ROOT = '(root)'

const decodeSegment = (raw: string) => raw.replace(/~1/g, '/').replace(/~0/g, '~')
const encodeSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1')

/** The segments of a JSON pointer (`(root)` and `` are the root). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === ROOT || pointer === '') return []
  return pointer.slice(1).split('/').map(decodeSegment)
}

/** The value at `pointer` in `value`, and whether it exists. */
export function valueAt(value: unknown, pointer: string): { found: boolean; value?: unknown } {
  let current = value
  for (const key of pointerSegments(pointer)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return { found: false }
    current = (current as Record<string, unknown>)[key]
  }
  return { found: true, value: current }
}

type SchemaObject = Record<string, unknown>

function resolveRef(root: SchemaObject, schema: SchemaObject): SchemaObject {
  let current = schema
  for (let hops = 0; typeof current.$ref === 'string' && current.$ref.startsWith('#') && hops < 16; hops++) {
    let target: unknown = root
    for (const key of pointerSegments(current.$ref.slice(1))) target = target && typeof target === 'object' ? (target as SchemaObject)[key] : undefined
    if (!target || typeof target !== 'object') break
    current = target as SchemaObject
  }
  return current
}

/** The sub-schema that governs `pointer`, following properties, items, additionalProperties, local $ref and allOf/anyOf/oneOf. */
export function schemaAt(schema: JsonSchema, pointer: string): SchemaObject | null {
  if (typeof schema !== 'object' || schema === null) return null
  const root = schema
  let current: SchemaObject | null = resolveRef(root, schema)
  for (const key of pointerSegments(pointer)) {
    if (!current) return null
    current = childSchema(root, current, key)
  }
  return current
}

function childSchema(root: SchemaObject, schema: SchemaObject, key: string): SchemaObject | null {
  const asObject = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? resolveRef(root, value as SchemaObject) : null)
  const properties = schema.properties as Record<string, unknown> | undefined
  if (properties && Object.hasOwn(properties, key)) return asObject(properties[key])
  if (/^\d+$/.test(key)) {
    if (Array.isArray(schema.prefixItems) && schema.prefixItems[Number(key)]) return asObject(schema.prefixItems[Number(key)])
    if (Array.isArray(schema.items)) return asObject(schema.items[Number(key)])
    if (schema.items) return asObject(schema.items)
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') return asObject(schema.additionalProperties)
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    const options = schema[combinator]
    if (!Array.isArray(options)) continue
    for (const option of options) {
      const resolved = asObject(option)
      const found = resolved && childSchema(root, resolved, key)
      if (found) return found
    }
  }
  return null
}

/** A short description of what a schema accepts, or undefined when it says nothing useful. */
export function describeExpected(schema: SchemaObject | null): string | undefined {
  if (!schema) return undefined
  if (Object.hasOwn(schema, 'const')) return `exactly ${JSON.stringify(schema.const)}`
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : typeof schema.type === 'string' ? schema.type : undefined
  if (!type) return undefined
  const notes: string[] = []
  if (typeof schema.format === 'string') notes.push(`format ${schema.format}`)
  if (typeof schema.minimum === 'number') notes.push(`≥ ${schema.minimum}`)
  if (typeof schema.maximum === 'number') notes.push(`≤ ${schema.maximum}`)
  if (typeof schema.minLength === 'number') notes.push(`at least ${schema.minLength} characters`)
  if (typeof schema.pattern === 'string') notes.push(`matching /${schema.pattern}/`)
  if (typeof schema.minItems === 'number') notes.push(`at least ${schema.minItems} items`)
  return notes.length > 0 ? `${type} (${notes.join(', ')})` : type
}

/**
 * Turns schema errors into problems located at the offending value: a missing required property is
 * reported at its own path (`/b`), not its parent's, so `expected` can name its type.
 */
export function explainSchemaErrors(errors: readonly SchemaError[], schema: JsonSchema, input: unknown): InputProblem[] {
  return errors.map((error) => {
    const required = /^must have required property '(.+)'$/.exec(error.message)
    const parent = error.path === ROOT ? '' : error.path
    const path = required ? `${parent}/${encodeSegment(required[1])}` : error.path
    const at = valueAt(input, path)
    const problem: InputProblem = { path: path || ROOT, message: error.message }
    const expected = describeExpected(schemaAt(schema, path))
    if (expected) problem.expected = expected
    if (at.found) problem.actual = at.value
    else problem.missing = true
    return problem
  })
}

/** Checks `input` against `schema` now (the task's current schema, which may differ from the one the run used). */
export function recheckInput(input: unknown, schema: JsonSchema): InputRecheck {
  const validator = compileSchema(schema)
  const errors = validator.errors(input)
  return { valid: errors.length === 0, errors: explainSchemaErrors(errors, schema, input) }
}
