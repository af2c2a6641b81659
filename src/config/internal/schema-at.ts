/** A JSON Schema node, as read from schemas/config.schema.json. */
export type SchemaNode = { [key: string]: unknown }

type PathSegment = string | number

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Follows a local `#/...` reference; other references are not used by our schemas. */
function resolveRef(root: SchemaNode, ref: string): SchemaNode | undefined {
  if (!ref.startsWith('#')) return undefined
  let node: unknown = root
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    node = isNode(node) ? node[key] : undefined
  }
  return isNode(node) ? node : undefined
}

/** The node plus everything it pulls in through $ref, allOf, anyOf and oneOf. */
function expand(root: SchemaNode, node: SchemaNode, seen = new Set<SchemaNode>()): SchemaNode[] {
  if (seen.has(node)) return []
  seen.add(node)
  const out = [node]
  if (typeof node.$ref === 'string') {
    const target = resolveRef(root, node.$ref)
    if (target) out.push(...expand(root, target, seen))
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const branches = node[keyword]
    if (Array.isArray(branches)) for (const branch of branches) if (isNode(branch)) out.push(...expand(root, branch, seen))
  }
  return out
}

/** Every schema node that may apply to the value at `path` (object keys and array indexes). */
export function schemasAt(root: SchemaNode, path: readonly PathSegment[]): SchemaNode[] {
  let current = expand(root, root)
  for (const segment of path) {
    const next: SchemaNode[] = []
    for (const node of current) {
      if (typeof segment === 'number') {
        if (isNode(node.items)) next.push(...expand(root, node.items))
        continue
      }
      const props = node.properties
      if (isNode(props) && isNode(props[segment])) {
        next.push(...expand(root, props[segment]))
        continue
      }
      const patterns = node.patternProperties
      if (isNode(patterns)) {
        for (const [pattern, schema] of Object.entries(patterns)) {
          if (isNode(schema) && new RegExp(pattern).test(segment)) next.push(...expand(root, schema))
        }
      }
    }
    current = next
  }
  return current
}

/** The keys an object at `path` may have, in schema order. */
export function allowedKeysAt(root: SchemaNode, path: readonly PathSegment[]): string[] {
  const keys = new Set<string>()
  for (const node of schemasAt(root, path)) if (isNode(node.properties)) for (const key of Object.keys(node.properties)) keys.add(key)
  return [...keys]
}

/** The JSON types (`string`, `integer`, ...) a value at `path` may have. */
export function typesAt(root: SchemaNode, path: readonly PathSegment[]): Set<string> {
  const types = new Set<string>()
  for (const node of schemasAt(root, path)) {
    if (typeof node.type === 'string') types.add(node.type)
    else if (Array.isArray(node.type)) for (const type of node.type) types.add(String(type))
  }
  return types
}

/** The first `description` found for the value at `path`. */
export function descriptionAt(root: SchemaNode, path: readonly PathSegment[]): string | undefined {
  for (const node of schemasAt(root, path)) if (typeof node.description === 'string') return node.description
  return undefined
}
