type Schema = Record<string, unknown>

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Fills missing properties from the schema's `default` keywords, depth first: object properties and
 * array items (including defaults inside a default that was just filled). Returns a new value; the
 * argument is not changed. Only plain `properties` / `items` are followed, which is what the tool
 * schemas use; `$ref`, `anyOf` and friends are left alone because their default would be ambiguous.
 */
export function applyDefaults(schema: unknown, value: unknown): unknown {
  if (!isPlainObject(schema)) return value
  if (isPlainObject(value) && isPlainObject(schema.properties)) {
    const out: Record<string, unknown> = { ...value }
    for (const [key, child] of Object.entries(schema.properties as Record<string, Schema>)) {
      if (out[key] === undefined && isPlainObject(child) && 'default' in child) out[key] = structuredClone(child.default)
      if (out[key] !== undefined) out[key] = applyDefaults(child, out[key])
    }
    return out
  }
  if (Array.isArray(value) && isPlainObject(schema.items)) return value.map((item) => applyDefaults(schema.items, item))
  return value
}
