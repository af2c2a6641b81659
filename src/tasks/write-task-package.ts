import { mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { AppError } from '../errors.ts'
import { pathKind, TASK_NAME_PATTERN } from './read-metadata.ts'

/**
 * Writing task packages into the tasks folder safely: names that cannot escape it, packages staged in
 * a hidden sibling folder and renamed into place, so a half-written package never appears to the
 * registry (which skips dot-folders) or to a reader.
 */

/** Why `name` cannot be a task (and folder) name, or null when it can. */
export function taskNameProblem(name: string): string | null {
  if (typeof name !== 'string' || name === '') return 'the task name is empty'
  if (/[\\/]/.test(name) || name.includes('..') || name.includes('\0')) {
    return `invalid task name ${JSON.stringify(name)}: it must not contain "/", "\\" or ".." because it becomes a folder name`
  }
  if (!TASK_NAME_PATTERN.test(name)) {
    return `invalid task name ${JSON.stringify(name)}: use letters, digits, "_", "." and "-", starting with a letter or digit, at most 100 characters`
  }
  return null
}

/** The tasks folder's real path (created when missing), so symlinked temp dirs compare correctly. */
export async function realTasksDir(tasksDir: string): Promise<string> {
  await mkdir(tasksDir, { recursive: true })
  return realpath(resolve(tasksDir))
}

/** True when `path` (resolved through symlinks as far as it exists) is strictly inside `root`. */
export async function isInsideDir(root: string, path: string): Promise<boolean> {
  const realRoot = await realpath(resolve(root)).catch(() => resolve(root))
  let target = resolve(path)
  try {
    target = await realpath(target)
  } catch {
    // A path that does not exist yet: compare its resolved form.
  }
  const rel = relative(realRoot, target)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).some((part) => part.startsWith('.'))
}

/**
 * `<tasksDir>/<name>` for a valid name, checked to stay inside the tasks folder. Throws
 * AppError('BAD_INPUT') with the reason otherwise.
 */
export async function taskFolderFor(tasksDir: string, name: string): Promise<string> {
  const problem = taskNameProblem(name)
  if (problem) throw new AppError('BAD_INPUT', problem, { data: { name }, hint: 'Choose a name such as "fetch-weather" or "csv_to_json".' })
  const root = await realTasksDir(tasksDir)
  const target = resolve(root, name)
  if (dirname(target) !== root) throw new AppError('BAD_INPUT', `task name ${JSON.stringify(name)} resolves outside the tasks folder`, { data: { name } })
  return target
}

/** Writes `files` (relative path → text) into a new hidden staging folder in the tasks folder. */
export async function stageTaskFiles(tasksDir: string, files: Record<string, string>): Promise<string> {
  const root = await realTasksDir(tasksDir)
  const staged = join(root, `.staging-${crypto.randomUUID()}`)
  await mkdir(staged)
  try {
    await writeFilesInto(staged, files)
  } catch (error) {
    await rm(staged, { recursive: true, force: true })
    throw error
  }
  return staged
}

/** Writes relative-path files under `dir`, refusing any path that would leave it. */
export async function writeFilesInto(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    const target = resolve(dir, file)
    const rel = relative(dir, target)
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new AppError('BAD_INPUT', `file path ${JSON.stringify(file)} leaves the task folder`)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, content)
  }
}

/**
 * Moves a staged folder to `target`. Without `replace`, an existing target is an error. With it,
 * the old folder is moved aside, the new one renamed in, and the old one removed (restored if the
 * second rename fails), so the target is only missing for the instant between two renames.
 */
export async function publishStaged(staged: string, target: string, options: { replace?: boolean } = {}): Promise<void> {
  const exists = (await pathKind(target)) !== null
  if (exists && !options.replace) {
    throw new AppError('BAD_INPUT', `${target} already exists`, { data: { path: target } })
  }
  if (!exists) {
    await rename(staged, target)
    return
  }
  const aside = join(dirname(staged), `.replaced-${crypto.randomUUID()}`)
  await rename(target, aside)
  try {
    await rename(staged, target)
  } catch (error) {
    await rename(aside, target)
    throw error
  }
  await rm(aside, { recursive: true, force: true })
}
