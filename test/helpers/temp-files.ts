import { afterAll } from 'bun:test'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { loadTaskPackage } from '../../src/tasks/load-task.ts'
import type { TaskPackage } from '../../src/tasks/types.ts'

const tempRoots: string[] = []

afterAll(async () => {
  await Promise.all(tempRoots.splice(0).map((root) => rm(root, { recursive: true, force: true })))
})

/** A fresh temp folder, removed after the test file. */
export async function makeTempRoot(prefix = 'ratchet-test-'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix))
  tempRoots.push(root)
  return root
}

/**
 * Writes `files` (strings verbatim, anything else as JSON) under `root/relDir`. Returns the folder.
 */
export async function writeFiles(root: string, relDir: string, files: Record<string, unknown>): Promise<string> {
  const dir = join(root, relDir)
  await mkdir(dir, { recursive: true })
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true })
    await writeFile(join(dir, file), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`)
  }
  return dir
}

/** The files of a minimal classic-layout package named `name`. */
export function classicPackage(name: string, code = 'function main(input) {\n  return { ok: true }\n}\n', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { 'metadata.json': { name, version: '1.0.0', description: `task ${name}` }, 'main.js': code, ...extra }
}

/** Writes a real package to a temp folder and loads it with loadTaskPackage. */
export async function writeTask(files: Record<string, unknown>): Promise<TaskPackage> {
  const root = await makeTempRoot('ratchet-task-')
  return loadTaskPackage(await writeFiles(root, 'task', files))
}
