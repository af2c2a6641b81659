import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { AppError } from '../errors.ts'
import { describeValue, isPlainObject } from './internal/json-value.ts'
import { inspectTaskDir } from './inspect-task.ts'
import { isTaskDir } from './load-task.ts'
import { draftFiles, draftFromPackage, extraMetadata, type TaskDraft } from './task-draft.ts'
import type { JsonSchema, TaskProblem } from './types.ts'
import { writeFilesInto } from './write-task-package.ts'
import { createZip, readZip } from './zip.ts'

/**
 * Task bundles: the JSON document export_tasks emits and import_tasks reads
 * (`{format: "ratchet-bundle", version: 1, exported_at, tasks: [...]}`), and the .zip form holding one
 * metadata.json-layout folder per task. Reading also accepts the predecessor's export (`{tasks:
 * [{..., test_cases}]}`), a bare list of tasks, one task, or any of these as JSON text.
 */

export interface BundleTask {
  name: string
  version: string
  description: string
  tags: string[]
  code: string
  input_schema: JsonSchema | null
  output_schema: JsonSchema | null
  tests: Record<string, unknown>[]
  metadata: Record<string, unknown>
}

export interface TaskBundle {
  format: 'ratchet-bundle'
  version: 1
  exported_at: string
  tasks: BundleTask[]
}

/** One task in a bundle that could not be read, by name (or position when it has none). */
export interface BundleError {
  name: string
  message: string
  problems?: TaskProblem[]
}

export interface BundleReading {
  drafts: TaskDraft[]
  errors: BundleError[]
}

export function bundleTask(draft: TaskDraft): BundleTask {
  return {
    name: draft.name,
    version: draft.version,
    description: draft.description,
    tags: draft.tags,
    code: draft.code,
    input_schema: draft.inputSchema,
    output_schema: draft.outputSchema,
    tests: draft.tests,
    metadata: draft.metadata,
  }
}

export function createBundle(drafts: TaskDraft[], now = new Date()): TaskBundle {
  return { format: 'ratchet-bundle', version: 1, exported_at: now.toISOString(), tasks: drafts.map(bundleTask) }
}

/** Reads a JSON bundle in any accepted shape. Throws AppError('BAD_INPUT') when the whole is unusable. */
export function readJsonBundle(data: unknown): BundleReading {
  let value = data
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch (error) {
      throw new AppError('BAD_INPUT', `data is not valid JSON: ${(error as Error).message}`, { hint: 'Pass the bundle object itself, or its exact JSON text; use format "zip" for a base64 .zip.' })
    }
  }
  let items: unknown[]
  if (Array.isArray(value)) items = value
  else if (isPlainObject(value) && Array.isArray(value.tasks)) {
    if (value.format !== undefined && value.format !== 'ratchet-bundle') throw new AppError('BAD_INPUT', `unknown bundle format ${describeValue(value.format)}`, { hint: 'Expected "ratchet-bundle", as ratchet_export_tasks writes.' })
    if (value.format === 'ratchet-bundle' && value.version !== 1) throw new AppError('BAD_INPUT', `bundle version ${JSON.stringify(value.version) ?? '(missing)'} is not supported (this server reads version 1)`)
    items = value.tasks
  } else if (isPlainObject(value) && typeof value.name === 'string') items = [value]
  else throw new AppError('BAD_INPUT', `data must be a bundle ({format, version, tasks}), a list of tasks or one task, got ${describeValue(value)}`)

  const reading: BundleReading = { drafts: [], errors: [] }
  items.forEach((item, index) => {
    const result = readBundleTask(item, index)
    if ('draft' in result) reading.drafts.push(result.draft)
    else reading.errors.push(result.error)
  })
  return reading
}

function readBundleTask(item: unknown, index: number): { draft: TaskDraft } | { error: BundleError } {
  const label = isPlainObject(item) && typeof item.name === 'string' && item.name ? item.name : `tasks[${index}]`
  if (!isPlainObject(item)) return { error: { name: label, message: `a task must be an object, got ${describeValue(item)}` } }
  const wrong: string[] = []
  const text = (key: string, fallback?: string): string => {
    const v = item[key]
    if (typeof v === 'string') return v
    if (v === undefined && fallback !== undefined) return fallback
    wrong.push(`"${key}" must be a string, got ${describeValue(v)}`)
    return ''
  }
  const schema = (key: string): JsonSchema | null => {
    const v = item[key]
    if (v === undefined || v === null) return null
    if (isPlainObject(v) || typeof v === 'boolean') return v as JsonSchema
    wrong.push(`"${key}" must be a JSON Schema object, got ${describeValue(v)}`)
    return null
  }
  const name = text('name')
  const code = text('code')
  const version = text('version', '0.1.0')
  const description = text('description', '')
  const tags = item.tags ?? []
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) wrong.push(`"tags" must be a list of strings, got ${describeValue(tags)}`)
  const rawTests = item.tests ?? item.test_cases ?? []
  if (!Array.isArray(rawTests) || !rawTests.every(isPlainObject)) wrong.push(`"tests" must be a list of test objects, got ${describeValue(rawTests)}`)
  const metadata = item.metadata ?? {}
  if (!isPlainObject(metadata)) wrong.push(`"metadata" must be an object, got ${describeValue(metadata)}`)
  const inputSchema = schema('input_schema')
  const outputSchema = schema('output_schema')
  if (wrong.length > 0) return { error: { name: label, message: wrong.join('; ') } }
  return {
    draft: {
      name,
      version,
      description,
      tags: tags as string[],
      code,
      inputSchema,
      outputSchema,
      tests: rawTests as Record<string, unknown>[],
      metadata: extraMetadata(metadata as Record<string, unknown>),
    },
  }
}

/** A .zip with one `<name>/` folder per draft, holding exactly the files create_task would write. */
export function zipDrafts(drafts: TaskDraft[], now = new Date()): Uint8Array {
  const encoder = new TextEncoder()
  const entries = drafts.flatMap((draft) => Object.entries(draftFiles(draft)).map(([file, content]) => ({ path: `${draft.name}/${file}`, data: encoder.encode(content) })))
  return createZip(entries, { date: now })
}

/**
 * Reads the task packages in a .zip (any folder depth, either package layout) by unpacking it into
 * a scratch folder that is removed afterwards. Entries whose paths would leave that folder are refused.
 */
export async function readZipBundle(bytes: Uint8Array): Promise<BundleReading> {
  const entries = readZip(bytes)
  const files: Record<string, string> = {}
  const decoder = new TextDecoder('utf-8', { fatal: false })
  for (const entry of entries) {
    const parts = entry.path.split('/')
    if (entry.path.startsWith('/') || entry.path.includes('\\') || parts.some((part) => part === '..' || part === '.')) {
      throw new AppError('BAD_INPUT', `the .zip entry ${JSON.stringify(entry.path)} points outside its folder`, { hint: 'Zip the task folders themselves (relative paths only).' })
    }
    if (parts[0] === '__MACOSX' || parts.at(-1) === '.DS_Store') continue
    files[entry.path] = decoder.decode(entry.data)
  }
  const scratch = await mkdtemp(join(tmpdir(), 'ratchet-import-'))
  try {
    await writeFilesInto(scratch, files)
    const reading: BundleReading = { drafts: [], errors: [] }
    for (const dir of await packageFolders(scratch)) {
      const inspection = await inspectTaskDir(dir)
      if (inspection.pkg) reading.drafts.push(draftFromPackage(inspection.pkg))
      else reading.errors.push({ name: relative(scratch, dir) || '(archive root)', message: 'the package is invalid', problems: inspection.problems })
    }
    if (reading.drafts.length === 0 && reading.errors.length === 0) {
      throw new AppError('BAD_INPUT', 'the .zip holds no task package (a folder with metadata.json and main.js, or meta.yaml)')
    }
    return reading
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

async function packageFolders(dir: string, out: string[] = [], depth = 0): Promise<string[]> {
  if (await isTaskDir(dir)) {
    out.push(dir)
    return out
  }
  if (depth >= 8) return out
  const entries = await readdir(dir, { withFileTypes: true })
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) await packageFolders(join(dir, entry.name), out, depth + 1)
  }
  return out
}
