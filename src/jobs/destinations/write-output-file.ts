/**
 * The filesystem destination: renders the path template under output.filesystem_root, refuses any
 * path that leaves the root (also through a symlinked folder), creates the folders, and writes the
 * output in the chosen format, never replacing an existing file unless the destination says overwrite.
 */
import { lstat, mkdir, realpath, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { FilesystemDestination } from '../types.ts'
import { DeliveryRefused } from './delivery-refused.ts'
import { formatFromPath, formatOutput } from './format-output.ts'
import { checkPathTemplate, renderPath, type PathVariable } from './render-path.ts'

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

/** Writes the file and returns its absolute path; throws DeliveryRefused (or the fs error) when it cannot. */
export async function writeOutputFile(destination: FilesystemDestination, output: unknown, values: Record<PathVariable, string>, root: string): Promise<string> {
  const problem = checkPathTemplate(destination.path)
  if (problem) throw new DeliveryRefused(`path ${JSON.stringify(destination.path)}: ${problem}`)
  const absoluteRoot = resolve(root)
  const target = resolve(absoluteRoot, renderPath(destination.path, values))
  if (!inside(absoluteRoot, target)) throw new DeliveryRefused(`${target} is outside output.filesystem_root (${absoluteRoot})`)
  const content = formatOutput(output, destination.format ?? formatFromPath(destination.path))
  await mkdir(dirname(target), { recursive: true })
  // A symlinked folder under the root must not lead the write elsewhere.
  const [realRoot, realDir] = await Promise.all([realpath(absoluteRoot), realpath(dirname(target))])
  if (realDir !== realRoot && !inside(realRoot, realDir)) throw new DeliveryRefused(`${dirname(target)} leads outside output.filesystem_root (${realRoot})`)
  if (destination.overwrite && (await lstat(target).catch(() => null))?.isSymbolicLink()) {
    throw new DeliveryRefused(`${target} is a symbolic link; it is not replaced, since it could point outside output.filesystem_root`)
  }
  try {
    await writeFile(target, content, { flag: destination.overwrite ? 'w' : 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new DeliveryRefused(`${target} already exists; set overwrite: true on the destination to replace it, or put {{job_id}} or {{timestamp}} in the path`)
    }
    throw error
  }
  return target
}
