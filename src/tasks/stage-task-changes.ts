import { cp, mkdir, readdir, rm } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { isPlainObject } from './internal/json-value.ts'
import { parseJson } from './parse-json.ts'
import { draftFiles, draftFromPackage, normaliseTestCase } from './task-draft.ts'
import type { JsonSchema, TaskPackage } from './types.ts'
import { writeFilesInto } from './write-task-package.ts'

/** What an edit changes; anything left undefined stays as it is. */
export interface TaskChanges {
  code?: string
  inputSchema?: JsonSchema
  outputSchema?: JsonSchema
  description?: string
  tags?: string[]
  version?: string
  /** Replaces every test file. */
  tests?: Record<string, unknown>[]
  /** Fields merged into metadata.json (updated_at, changelog, ...). */
  metadata?: Record<string, unknown>
}

/**
 * Writes the package with `changes` applied into a new hidden folder under `root` and returns it;
 * the original folder is not touched. A metadata.json package is copied whole (README, fixtures and
 * unknown metadata fields survive) and only the changed files are rewritten. A meta.yaml package is
 * rewritten in the metadata.json layout, because its inline schemas and tests cannot be patched file
 * by file; `converted` reports that.
 */
export async function stageTaskChanges(pkg: TaskPackage, changes: TaskChanges, root: string): Promise<{ dir: string; converted: boolean }> {
  await mkdir(root, { recursive: true })
  const dir = join(root, `.staging-${crypto.randomUUID()}`)
  try {
    if (pkg.layout === 'meta.yaml') {
      const draft = draftFromPackage(pkg)
      await mkdir(dir)
      await writeFilesInto(dir, draftFiles({
        ...draft,
        code: changes.code ?? draft.code,
        inputSchema: changes.inputSchema ?? draft.inputSchema,
        outputSchema: changes.outputSchema ?? draft.outputSchema,
        description: changes.description ?? draft.description,
        tags: changes.tags ?? draft.tags,
        version: changes.version ?? draft.version,
        tests: changes.tests ?? draft.tests,
        metadata: { ...draft.metadata, ...(changes.metadata ?? {}) },
      }))
      return { dir, converted: true }
    }
    await cp(pkg.dir, dir, { recursive: true, errorOnExist: true })
    const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
    const files: Record<string, string> = {}
    if (changes.code !== undefined) files['main.js'] = changes.code.endsWith('\n') ? changes.code : `${changes.code}\n`
    if (changes.inputSchema !== undefined) files['input.schema.json'] = json(changes.inputSchema)
    if (changes.outputSchema !== undefined) files['output.schema.json'] = json(changes.outputSchema)
    if (changes.tests !== undefined) {
      await removeTestFiles(join(dir, 'tests'))
      changes.tests.forEach((test, index) => {
        files[`tests/test-${String(index + 1).padStart(3, '0')}.json`] = json(normaliseTestCase(test))
      })
    }
    const metadata = await readMetadataObject(join(dir, 'metadata.json'), pkg.metadata)
    if (changes.description !== undefined) metadata.description = changes.description
    if (changes.tags !== undefined) metadata.tags = changes.tags
    if (changes.version !== undefined) metadata.version = changes.version
    Object.assign(metadata, changes.metadata ?? {})
    files['metadata.json'] = json(metadata)
    await writeFilesInto(dir, files)
    return { dir, converted: false }
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}

/** The metadata.json object as written (key order kept), or the loaded copy when unreadable. */
async function readMetadataObject(file: string, fallback: Record<string, unknown>): Promise<Record<string, unknown>> {
  const parsed = parseJson(await Bun.file(file).text())
  return parsed.ok && isPlainObject(parsed.value) ? { ...parsed.value } : { ...fallback }
}

async function removeTestFiles(dir: string): Promise<void> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    if (entry.isFile() && extname(entry.name) === '.json') await rm(join(dir, entry.name))
  }
}
