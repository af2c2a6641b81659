import { afterAll } from 'bun:test'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const created: string[] = []

afterAll(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })))
})

/**
 * Writes a task folder into a fresh temp dir and returns its absolute path. Values that are strings
 * are written verbatim; anything else is written as pretty JSON. The folder is removed after the file's tests.
 */
export async function makeTaskDir(files: Record<string, unknown>, folderName = 'task'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ratchet-tasks-'))
  created.push(root)
  const dir = join(root, folderName)
  await mkdir(dir, { recursive: true })
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true })
    await writeFile(join(dir, file), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`)
  }
  return dir
}

/** A minimal valid classic package; override or delete (value `undefined`) files per test. */
export function classicFiles(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const files: Record<string, unknown> = {
    'metadata.json': { name: 'sample', version: '1.0.0', description: 'a sample task' },
    'main.js': 'function main(input) {\n  return { doubled: input.n * 2 }\n}\n',
    'input.schema.json': { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] },
    'output.schema.json': { type: 'object', properties: { doubled: { type: 'number' } } },
    'tests/basic.json': { input: { n: 2 }, expected_output: { doubled: 4 } },
    ...overrides,
  }
  return Object.fromEntries(Object.entries(files).filter(([, value]) => value !== undefined))
}
