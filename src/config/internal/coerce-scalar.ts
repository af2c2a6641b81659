import { typesAt, type SchemaNode } from './schema-at.ts'

const TRUE = new Set(['true', 'yes', 'on', '1'])
const FALSE = new Set(['false', 'no', 'off', '0'])

/**
 * Turns a string that came from the environment into the number or boolean the schema expects at
 * `path` (a number wins where a string is allowed too). Keys that only take strings, and strings
 * that do not parse, come back unchanged so that validation reports them with their path.
 */
export function coerceScalar(schema: SchemaNode, path: readonly (string | number)[], value: string): unknown {
  const types = typesAt(schema, path)
  const text = value.trim()
  if ((types.has('integer') || types.has('number')) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text)
  if (types.has('string')) return value
  if (types.has('boolean')) {
    const lower = text.toLowerCase()
    if (TRUE.has(lower)) return true
    if (FALSE.has(lower)) return false
  }
  return value
}
