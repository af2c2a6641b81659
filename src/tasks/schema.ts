import { Compile } from 'typebox/compile'
import { AppError } from '../errors.ts'
import { checkSchema } from './check-schema.ts'
import type { JsonSchema } from './types.ts'

export { checkSchema } from './check-schema.ts'

/** One reason a value does not match a schema. `path` is the instance JSON pointer, or "(root)". */
export interface SchemaError {
  path: string
  message: string
}

/** A compiled user schema. Cheap to call repeatedly; compiled once per distinct schema. */
export interface SchemaValidator {
  check(value: unknown): boolean
  errors(value: unknown): SchemaError[]
}

const ROOT = '(root)'
const CACHE_LIMIT = 1000
const cache = new Map<string, SchemaValidator>()
const bySchemaObject = new WeakMap<object, SchemaValidator>()

/**
 * Compiles a user JSON Schema (draft-07 or 2020-12: `$defs`/`definitions`, local `$ref`, formats such
 * as email, date-time and uri) with TypeBox. Throws AppError('TASK_INVALID') listing every problem
 * `checkSchema` finds, because TypeBox itself accepts schemas that can never mean what was intended.
 */
export function compileSchema(schema: JsonSchema): SchemaValidator {
  // Task schemas are immutable objects checked on every execution: look them up by identity first,
  // so the hot path does not serialise the schema for its cache key.
  const byObject = typeof schema === 'object' ? bySchemaObject.get(schema) : undefined
  if (byObject) return byObject
  const key = JSON.stringify(schema)
  const cached = cache.get(key)
  if (cached) {
    if (typeof schema === 'object') bySchemaObject.set(schema, cached)
    return cached
  }

  const problems = checkSchema(schema)
  if (problems.length > 0) {
    throw new AppError('TASK_INVALID', `Invalid JSON Schema: ${problems.join('; ')}`, {
      data: { problems },
      hint: 'Fix the schema at the JSON pointers listed.',
    })
  }
  let compiled: ReturnType<typeof Compile>
  try {
    compiled = Compile(schema as never)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError('TASK_INVALID', `JSON Schema does not compile: ${reason}`, { cause: error })
  }
  const validator: SchemaValidator = {
    check: (value) => compiled.Check(value),
    errors: (value) => (compiled.Check(value) ? [] : normaliseErrors(compiled.Errors(value))),
  }
  // Schemas are keyed by content, so a long-lived server that sees many task versions must not grow forever.
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  cache.set(key, validator)
  if (typeof schema === 'object') bySchemaObject.set(schema, validator)
  return validator
}

interface RawError {
  instancePath: string
  message: string
  keyword: string
  params: Record<string, unknown>
}

/**
 * Turns TypeBox's Ajv-style errors into one entry per offending spot: one error per missing or extra
 * property, no "schema is false" echo under an `additionalProperties: false` report, no duplicates.
 */
function normaliseErrors(raw: readonly unknown[]): SchemaError[] {
  const out: { path: string; message: string; keyword: string }[] = []
  const extraPaths = new Set<string>()
  for (const item of raw as RawError[]) {
    const path = item.instancePath
    const params = item.params ?? {}
    if (item.keyword === 'required' && Array.isArray(params.requiredProperties)) {
      for (const name of params.requiredProperties) out.push({ path, keyword: 'required', message: `must have required property '${name}'` })
    } else if (item.keyword === 'additionalProperties' && Array.isArray(params.additionalProperties)) {
      for (const name of params.additionalProperties) {
        extraPaths.add(`${path}/${String(name).replace(/~/g, '~0').replace(/\//g, '~1')}`)
        out.push({ path, keyword: 'additionalProperties', message: `must not have additional property '${name}'` })
      }
    } else if (item.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      out.push({ path, keyword: 'enum', message: `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}` })
    } else {
      out.push({ path, keyword: item.keyword, message: item.message })
    }
  }
  const seen = new Set<string>()
  const errors: SchemaError[] = []
  for (const { path, message, keyword } of out) {
    if (keyword === 'boolean' && extraPaths.has(path)) continue
    const id = `${path}\n${message}`
    if (seen.has(id)) continue
    seen.add(id)
    errors.push({ path: path === '' ? ROOT : path, message })
  }
  return errors
}

/**
 * Formats schema errors as one line naming every offending path, e.g.
 * `input.a: must be number; input: must have required property 'b'`.
 */
export function formatSchemaErrors(errors: readonly SchemaError[], label = 'input'): string {
  return errors.map((error) => `${label}${pointerToAccessor(error.path)}: ${error.message}`).join('; ')
}

function pointerToAccessor(path: string): string {
  if (path === ROOT || path === '') return ''
  return path
    .slice(1)
    .split('/')
    .map((raw) => {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
      if (/^\d+$/.test(key)) return `[${key}]`
      return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`
    })
    .join('')
}
