import { describeValue, isPlainObject } from './internal/json-value.ts'

/**
 * Structural checks for user JSON Schemas. TypeBox compiles nonsense such as `{ type: 'bogus' }` or a
 * dangling `$ref` without complaint (the first accepts everything, the second rejects everything), so
 * every user schema goes through `checkSchema` before it is compiled.
 */

const TYPE_NAMES = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string']
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']
const SINGLE_SCHEMAS = [
  'additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else',
  'unevaluatedProperties', 'unevaluatedItems',
]
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems']
const COUNTS = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'minContains', 'maxContains']
const NUMBERS = ['minimum', 'maximum', 'multipleOf']

/**
 * Lists what is wrong with a JSON Schema, each problem prefixed with its JSON pointer inside the schema
 * (`#/properties/a/type: unknown type "bogus" ...`). An empty list means the schema can be compiled.
 * Remote `$ref`s are rejected: schemas are never fetched.
 */
export function checkSchema(schema: unknown): string[] {
  const problems: string[] = []
  walk(schema, '#', schema, problems)
  return problems
}


function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

function walk(schema: unknown, at: string, root: unknown, problems: string[]): void {
  if (typeof schema === 'boolean') return
  if (!isPlainObject(schema)) {
    problems.push(`${at}: a schema must be an object or a boolean, got ${describeValue(schema)}`)
    return
  }
  const add = (key: string, message: string): void => {
    problems.push(`${at}/${escapePointer(key)}: ${message}`)
  }

  if ('type' in schema) checkType(schema.type, add)
  if ('required' in schema) {
    const required = schema.required
    if (typeof required === 'boolean') {
      add('required', "must be an array of property names (draft-03 style `required: true` is not supported: list the name in the parent object's `required` array)")
    } else if (!Array.isArray(required) || !required.every((name) => typeof name === 'string')) {
      add('required', `must be an array of property names (strings), got ${describeValue(required)}`)
    }
  }
  if ('enum' in schema && !Array.isArray(schema.enum)) add('enum', `must be an array of allowed values, got ${describeValue(schema.enum)}`)
  if ('pattern' in schema) {
    const problem = typeof schema.pattern === 'string' ? regexProblem(schema.pattern) : `must be a string, got ${describeValue(schema.pattern)}`
    if (problem) add('pattern', problem)
  }
  if ('format' in schema && typeof schema.format !== 'string') add('format', `must be a string, got ${describeValue(schema.format)}`)
  for (const key of COUNTS) {
    const value = schema[key]
    if (key in schema && !(Number.isInteger(value) && (value as number) >= 0)) add(key, `must be a non-negative integer, got ${describeValue(value)}`)
  }
  for (const key of NUMBERS) {
    if (key in schema && typeof schema[key] !== 'number') add(key, `must be a number, got ${describeValue(schema[key])}`)
  }
  for (const key of ['exclusiveMinimum', 'exclusiveMaximum']) {
    if (key in schema && typeof schema[key] !== 'number' && typeof schema[key] !== 'boolean') add(key, `must be a number, got ${describeValue(schema[key])}`)
  }
  if ('$ref' in schema) {
    const problem = refProblem(schema.$ref, root)
    if (problem) add('$ref', problem)
  }

  for (const key of SCHEMA_MAPS) {
    if (!(key in schema)) continue
    const map = schema[key]
    if (!isPlainObject(map)) {
      add(key, `must be an object mapping names to schemas, got ${describeValue(map)}`)
      continue
    }
    for (const [name, child] of Object.entries(map)) {
      if (key === 'patternProperties') {
        const problem = regexProblem(name)
        if (problem) add(key, `key ${JSON.stringify(name)} ${problem}`)
      }
      walk(child, `${at}/${key}/${escapePointer(name)}`, root, problems)
    }
  }
  for (const key of SINGLE_SCHEMAS) {
    if (key in schema) walk(schema[key], `${at}/${key}`, root, problems)
  }
  for (const key of SCHEMA_LISTS) {
    if (!(key in schema)) continue
    const list = schema[key]
    if (!Array.isArray(list) || list.length === 0) add(key, `must be a non-empty array of schemas, got ${describeValue(list)}`)
    else list.forEach((child, index) => walk(child, `${at}/${key}/${index}`, root, problems))
  }
  if ('items' in schema) {
    const items = schema.items
    // Draft-07 tuples use an array of schemas; later drafts use prefixItems and a single `items` schema.
    if (Array.isArray(items)) items.forEach((child, index) => walk(child, `${at}/items/${index}`, root, problems))
    else walk(items, `${at}/items`, root, problems)
  }
  if ('dependencies' in schema) {
    const deps = schema.dependencies
    if (!isPlainObject(deps)) add('dependencies', `must be an object, got ${describeValue(deps)}`)
    else {
      for (const [name, dep] of Object.entries(deps)) {
        if (Array.isArray(dep)) {
          if (!dep.every((item) => typeof item === 'string')) {
            problems.push(`${at}/dependencies/${escapePointer(name)}: must be an array of property names or a schema`)
          }
        } else walk(dep, `${at}/dependencies/${escapePointer(name)}`, root, problems)
      }
    }
  }
}

function checkType(type: unknown, add: (key: string, message: string) => void): void {
  const names = Array.isArray(type) ? type : [type]
  if (names.length === 0) return add('type', 'must not be an empty array')
  for (const name of names) {
    if (typeof name !== 'string' || !TYPE_NAMES.includes(name)) {
      add('type', `unknown type ${JSON.stringify(name)} (expected one of ${TYPE_NAMES.join(', ')})`)
    }
  }
}

function regexProblem(pattern: string): string | null {
  try {
    // JSON Schema patterns are ECMA-262 with the `u` flag, which is how TypeBox compiles them.
    new RegExp(pattern, 'u')
    return null
  } catch (error) {
    return `is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`
  }
}

function refProblem(ref: unknown, root: unknown): string | null {
  if (typeof ref !== 'string') return `must be a string, got ${describeValue(ref)}`
  if (!ref.startsWith('#')) {
    return `remote reference ${JSON.stringify(ref)} is not supported: schemas are never fetched, so put the definition under "$defs" and use "#/$defs/<name>"`
  }
  if (ref === '#' || ref.startsWith('#/')) {
    return resolvePointer(root, ref.slice(1)) ? null : `reference ${JSON.stringify(ref)} points to nothing in this schema`
  }
  const anchor = ref.slice(1)
  return hasAnchor(root, anchor) ? null : `reference ${JSON.stringify(ref)} names no "$anchor" in this schema`
}

function resolvePointer(root: unknown, pointer: string): boolean {
  let node: unknown = root
  if (pointer === '') return true
  for (const raw of pointer.slice(1).split('/')) {
    let key: string
    try {
      key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    } catch {
      return false
    }
    if (Array.isArray(node) && /^\d+$/.test(key) && Number(key) < node.length) node = node[Number(key)]
    else if (isPlainObject(node) && Object.hasOwn(node, key)) node = node[key]
    else return false
  }
  return typeof node === 'boolean' || isPlainObject(node)
}

function hasAnchor(node: unknown, anchor: string): boolean {
  if (Array.isArray(node)) return node.some((item) => hasAnchor(item, anchor))
  if (!isPlainObject(node)) return false
  if (node.$anchor === anchor || node.$id === `#${anchor}`) return true
  return Object.values(node).some((value) => hasAnchor(value, anchor))
}
