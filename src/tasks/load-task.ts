import { join, resolve } from 'node:path'
import { AppError } from '../errors.ts'
import { inspectTaskDir } from './inspect-task.ts'
import { pathKind } from './read-metadata.ts'
import type { TaskPackage } from './types.ts'

/**
 * Loads a task folder in either layout: classic (`metadata.json`, `main.js`, `input.schema.json`,
 * `output.schema.json`, `tests/*.json`) or newer (`meta.yaml` with entrypoint, fields or schemas and
 * inline `test_cases`, plus `tests/*.json`).
 *
 * Throws AppError('TASK_INVALID') listing EVERY problem found, with `data: { dir, problems }` where
 * `dir` is absolute and each problem names its file relative to `dir` and the cause.
 */
export async function loadTaskPackage(dir: string): Promise<TaskPackage> {
  const inspection = await inspectTaskDir(dir)
  if (inspection.pkg) return inspection.pkg
  const { problems } = inspection
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
  const lines = problems.map((problem) => `  ${problem.file}: ${problem.message}`)
  throw new AppError('TASK_INVALID', `Task package ${inspection.dir} is invalid (${count}):\n${lines.join('\n')}`, {
    data: { dir: inspection.dir, problems },
    hint: `Fix the files listed; \`ratchet validate --from-fs ${inspection.dir} --fix\` writes missing metadata, schema and test files.`,
  })
}

/**
 * True when `dir` is a task folder: it has a metadata.json or a meta.yaml file. The code file is not
 * required, so a package whose main.js (or entrypoint) is missing or unreadable is still found, and
 * loading it reports that file and why instead of the folder being silently skipped.
 */
export async function isTaskDir(dir: string): Promise<boolean> {
  const abs = resolve(dir)
  const [metadata, yaml] = await Promise.all([pathKind(join(abs, 'metadata.json')), pathKind(join(abs, 'meta.yaml'))])
  return metadata === 'file' || yaml === 'file'
}
