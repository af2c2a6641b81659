/**
 * The filesystem destination: renders the path template under output.filesystem_root, refuses any
 * path that leaves the root (also through a symlinked folder, before creating any folder), creates the
 * folders, and writes the output in the chosen format, never replacing an existing file unless the
 * destination says overwrite, and never writing through a symlinked file.
 */
import { constants } from 'node:fs'
import { lstat, mkdir, open, realpath } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { FilesystemDestination } from '../types.ts'
import { DeliveryRefused } from './delivery-refused.ts'
import { formatFromPath, formatOutput } from './format-output.ts'
import { checkPathTemplate, renderPath, type PathVariable } from './render-path.ts'

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}
const atOrInside = (root: string, path: string) => path === root || inside(root, path)
const errno = (error: unknown) => (error as NodeJS.ErrnoException).code

/**
 * Creates `dir` (under `root`) one folder at a time, checking before each step that the deepest folder
 * that exists really lies under `realRoot`: a symlinked folder leading elsewhere is refused before
 * anything is created outside the root.
 */
async function makeFoldersInside(root: string, realRoot: string, dir: string): Promise<void> {
  const parts = relative(root, dir).split(sep).filter((part) => part !== '')
  let current = root
  for (const part of parts) {
    const real = await realpath(current)
    if (!atOrInside(realRoot, real)) throw new DeliveryRefused(`${current} leads outside output.filesystem_root (${realRoot})`)
    current = join(current, part)
    try {
      await mkdir(current)
    } catch (error) {
      if (errno(error) !== 'EEXIST') throw error
    }
  }
  const real = await realpath(dir)
  if (!atOrInside(realRoot, real)) throw new DeliveryRefused(`${dir} leads outside output.filesystem_root (${realRoot})`)
}

/** Writes the file and returns its absolute path; throws DeliveryRefused (or the fs error) when it cannot. */
export async function writeOutputFile(destination: FilesystemDestination, output: unknown, values: Record<PathVariable, string>, root: string): Promise<string> {
  const problem = checkPathTemplate(destination.path)
  if (problem) throw new DeliveryRefused(`path ${JSON.stringify(destination.path)}: ${problem}`)
  const absoluteRoot = resolve(root)
  const target = resolve(absoluteRoot, renderPath(destination.path, values))
  if (!inside(absoluteRoot, target)) throw new DeliveryRefused(`${target} is outside output.filesystem_root (${absoluteRoot})`)
  const content = formatOutput(output, destination.format ?? formatFromPath(destination.path))
  await mkdir(absoluteRoot, { recursive: true })
  const realRoot = await realpath(absoluteRoot)
  // A symlinked folder under the root must not lead the write (or the folders it creates) elsewhere.
  await makeFoldersInside(absoluteRoot, realRoot, dirname(target))
  if (destination.overwrite && (await lstat(target).catch(() => null))?.isSymbolicLink()) {
    throw new DeliveryRefused(`${target} is a symbolic link; it is not replaced, since it could point outside output.filesystem_root`)
  }
  // wx never follows or replaces anything that exists; overwrite opens with O_NOFOLLOW, so a symlink
  // swapped in after the check above is refused by the kernel rather than followed.
  const flags = destination.overwrite ? constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW : 'wx'
  let file
  try {
    file = await open(target, flags, 0o644)
  } catch (error) {
    if (errno(error) === 'EEXIST') {
      throw new DeliveryRefused(`${target} already exists; set overwrite: true on the destination to replace it, or put {{job_id}} or {{timestamp}} in the path`)
    }
    if (errno(error) === 'ELOOP') throw new DeliveryRefused(`${target} is a symbolic link; it is not replaced, since it could point outside output.filesystem_root`)
    throw error
  }
  try {
    await file.writeFile(content)
  } finally {
    await file.close()
  }
  return target
}
