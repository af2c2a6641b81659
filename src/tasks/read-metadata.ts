import { stat } from 'node:fs/promises'
import { isAbsolute, join, normalize } from 'node:path'
import { describeValue, isPlainObject } from './internal/json-value.ts'
import { parseJson } from './parse-json.ts'
import type { JsonSchema, TaskProblem } from './types.ts'

/** Task names become part of URIs and MCP tool names. */
export const TASK_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/

/** The descriptive part of a task's metadata, normalised across both layouts. */
export interface TaskMetadata {
  name: string
  version: string
  description: string
  tags: string[]
  uuid?: string
  category?: string
  /** The metadata file's whole content. */
  raw: Record<string, unknown>
}

/** A schema declared inside meta.yaml, and the key it came from (for messages). */
export interface DeclaredSchema {
  schema: JsonSchema
  key: string
}

/** What the metadata file says. Fields other than `metadata` stay usable even when the metadata is broken. */
export interface MetadataReading {
  layout: 'metadata.json' | 'meta.yaml' | null
  /** Code file path relative to the task folder: main.js, or meta.yaml's entrypoint (default task.js). */
  entry: string
  /** Null when the metadata file is missing or has any problem. */
  metadata: TaskMetadata | null
  input?: DeclaredSchema
  output?: DeclaredSchema
  inlineTests: unknown[]
  problems: TaskProblem[]
}

/** Returns 'file', 'dir' or null (missing) for a path. */
export async function pathKind(path: string): Promise<'file' | 'dir' | null> {
  try {
    const info = await stat(path)
    return info.isDirectory() ? 'dir' : 'file'
  } catch {
    return null
  }
}

/**
 * Reads metadata.json or meta.yaml from a task folder and checks it: a name (or `label`) matching
 * TASK_NAME_PATTERN, a string version, optional description/tags/uuid/category, and for meta.yaml the
 * entrypoint, `inputs`/`outputs` field maps or `input_schema`/`output_schema`, and `test_cases`.
 */
export async function readTaskMetadata(dir: string): Promise<MetadataReading> {
  const [json, yaml] = await Promise.all([pathKind(join(dir, 'metadata.json')), pathKind(join(dir, 'meta.yaml'))])
  const reading: MetadataReading = { layout: null, entry: 'main.js', metadata: null, inlineTests: [], problems: [] }
  if (json === 'file' && yaml === 'file') {
    reading.problems.push({ file: 'meta.yaml', message: 'both metadata.json and meta.yaml exist, so the layout is ambiguous', hint: 'Keep one of them.' })
    return reading
  }
  if (yaml !== 'file' && json !== 'file') {
    reading.problems.push({
      file: 'metadata.json',
      message: 'missing metadata file: neither metadata.json nor meta.yaml exists',
      hint: 'Create metadata.json with {"name", "version", "description"} (validate --fix writes one).',
    })
    return reading
  }
  reading.layout = yaml === 'file' ? 'meta.yaml' : 'metadata.json'
  const file = reading.layout
  const text = await Bun.file(join(dir, file)).text()
  const add = (message: string, hint?: string): void => {
    reading.problems.push({ file, message, ...(hint ? { hint } : {}) })
  }

  const raw = parseMetadataText(file, text, add)
  if (raw === undefined) return reading
  if (!isPlainObject(raw)) {
    add(`must contain an object, got ${describeValue(raw)}`)
    return reading
  }

  if (file === 'meta.yaml') readYamlExtras(raw, reading, add)
  reading.metadata = readCommonFields(raw, add)
  if (reading.problems.length > 0) reading.metadata = null
  return reading
}

/** Parses the metadata file's text; undefined (with a problem added) when it is not valid JSON/YAML. */
function parseMetadataText(file: string, text: string, add: (message: string, hint?: string) => void): unknown {
  if (file === 'metadata.json') {
    const parsed = parseJson(text)
    if (parsed.ok) return parsed.value
    add(parsed.message, 'Fix the JSON syntax.')
    return undefined
  }
  try {
    return Bun.YAML.parse(text) ?? null
  } catch (error) {
    add(`invalid YAML: ${error instanceof Error ? error.message : String(error)}`, 'Fix the YAML syntax.')
    return undefined
  }
}

function readCommonFields(raw: Record<string, unknown>, add: (message: string, hint?: string) => void): TaskMetadata | null {
  const name = raw.name ?? raw.label
  if (name === undefined) add('"name" is missing', 'Add "name": "my-task" (letters, digits, _ . -).')
  else if (typeof name !== 'string' || !TASK_NAME_PATTERN.test(name)) {
    add(
      `invalid name ${typeof name === 'string' ? JSON.stringify(name) : describeValue(name)}: names must match ${TASK_NAME_PATTERN.source} because they are used in URIs and tool names`,
      'Use letters, digits, "_", "." and "-", starting with a letter or digit, at most 100 characters.',
    )
  }
  if (raw.version === undefined) add('"version" is missing', 'Add "version": "1.0.0".')
  else if (typeof raw.version !== 'string' || raw.version.trim() === '') {
    add(`"version" must be a non-empty string, got ${describeValue(raw.version)}`, 'Quote the version, e.g. version: "1.0".')
  }
  if (raw.description !== undefined && typeof raw.description !== 'string') add(`"description" must be a string, got ${describeValue(raw.description)}`)
  if (raw.tags !== undefined && (!Array.isArray(raw.tags) || !raw.tags.every((tag) => typeof tag === 'string'))) {
    add(`"tags" must be an array of strings, got ${describeValue(raw.tags)}`)
  }
  for (const key of ['uuid', 'category']) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string') add(`"${key}" must be a string, got ${describeValue(raw[key])}`)
  }
  if (typeof name !== 'string' || typeof raw.version !== 'string') return null
  return {
    name,
    version: raw.version,
    description: typeof raw.description === 'string' ? raw.description : '',
    tags: Array.isArray(raw.tags) ? (raw.tags as string[]) : [],
    ...(typeof raw.uuid === 'string' ? { uuid: raw.uuid } : {}),
    ...(typeof raw.category === 'string' ? { category: raw.category } : {}),
    raw,
  }
}

function readYamlExtras(raw: Record<string, unknown>, reading: MetadataReading, add: (message: string, hint?: string) => void): void {
  const entry = raw.entrypoint ?? 'task.js'
  if (typeof entry !== 'string' || entry.trim() === '') add(`"entrypoint" must be a file name such as "task.js", got ${describeValue(entry)}`)
  else if (isAbsolute(entry) || normalize(entry).split(/[\\/]/)[0] === '..') add(`"entrypoint" ${JSON.stringify(entry)} must be a path inside the task folder`)
  else reading.entry = normalize(entry)

  for (const kind of ['input', 'output'] as const) {
    const fieldsKey = `${kind}s`
    const schemaKey = `${kind}_schema`
    if (raw[fieldsKey] !== undefined && raw[schemaKey] !== undefined) {
      add(`both "${fieldsKey}" and "${schemaKey}" are set`, `Keep one: "${fieldsKey}" field map or a full "${schemaKey}".`)
    } else if (raw[schemaKey] !== undefined) {
      reading[kind] = { schema: raw[schemaKey] as JsonSchema, key: schemaKey }
    } else if (raw[fieldsKey] !== undefined) {
      const schema = fieldsToSchema(raw[fieldsKey], fieldsKey, add)
      if (schema) reading[kind] = { schema, key: fieldsKey }
    }
  }

  if (raw.test_cases !== undefined) {
    if (Array.isArray(raw.test_cases)) reading.inlineTests = raw.test_cases
    else add(`"test_cases" must be a list of test cases, got ${describeValue(raw.test_cases)}`)
  }
}

/**
 * Builds an object JSON Schema from a meta.yaml field map `{field: {type, description, required}}`
 * (a bare type string is accepted too). `required: true` moves the field into the `required` list;
 * every other key is kept as a JSON Schema keyword.
 */
export function fieldsToSchema(fields: unknown, key: string, add: (message: string) => void): JsonSchema | null {
  if (!isPlainObject(fields)) {
    add(`"${key}" must map field names to { type, description, required }, got ${describeValue(fields)}`)
    return null
  }
  const properties: Record<string, unknown> = {}
  const required: string[] = []
  let ok = true
  for (const [field, spec] of Object.entries(fields)) {
    if (typeof spec === 'string') {
      properties[field] = { type: spec }
      continue
    }
    if (!isPlainObject(spec)) {
      add(`"${key}.${field}" must be { type, description, required }, got ${describeValue(spec)}`)
      ok = false
      continue
    }
    const { required: isRequired, ...rest } = spec
    if (isRequired === true) required.push(field)
    else if (Array.isArray(isRequired)) rest.required = isRequired
    else if (isRequired !== undefined && isRequired !== false) {
      add(`"${key}.${field}.required" must be true or false, got ${describeValue(isRequired)}`)
      ok = false
    }
    properties[field] = rest
  }
  if (!ok) return null
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) }
}
