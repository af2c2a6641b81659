import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

const PACKAGE_FILES = ['metadata.json', 'meta.yaml', 'main.js', 'task.js', 'input.schema.json', 'output.schema.json']
import { stat } from 'node:fs/promises'
import { AppError } from '../../errors.ts'
import { findTaskDirs } from '../../registry/registry.ts'

/** `--from-fs DIR`: the folder must exist; it is one task package or a folder of them. */
export async function resolveFromFs(value: string | boolean | undefined, command: string, options: { partial?: boolean } = {}): Promise<{ root: string; dirs: string[] }> {
  if (typeof value !== 'string' || value === '') {
    throw new AppError('BAD_INPUT', `ratchet ${command} needs --from-fs DIR`, { hint: `Point it at a task folder (with metadata.json or meta.yaml), e.g. ratchet ${command} --from-fs sample/js-tasks/addition` })
  }
  const root = resolve(value)
  const info = await stat(root).catch(() => null)
  if (!info?.isDirectory()) throw new AppError('BAD_INPUT', `--from-fs ${value}: no such folder`, { data: { path: root }, hint: 'Give the path of a task folder or of a folder of tasks.' })
  let dirs = await findTaskDirs(root)
  // validate --fix repairs a folder that has only some of a package's files.
  if (dirs.length === 0 && options.partial && PACKAGE_FILES.some((f) => existsSync(join(root, f)))) dirs = [root]
  if (dirs.length === 0) {
    throw new AppError('TASK_NOT_FOUND', `No task package under ${root}`, { hint: 'A task folder has a metadata.json (with main.js) or a meta.yaml (with its entrypoint). Run ratchet validate --from-fs DIR --fix to create the missing files.' })
  }
  return { root, dirs }
}
