/**
 * Task discovery for ratchet_discover_tasks: finds task package folders under a path the server is
 * allowed to read and validates each one, without loading anything into the registry.
 */
import { realpath, stat } from 'node:fs/promises'
import { basename, isAbsolute, relative, resolve, sep } from 'node:path'
import { AppError } from '../errors.ts'
import { inspectTaskDir } from '../tasks/inspect-task.ts'
import { readTaskMetadata } from '../tasks/read-metadata.ts'
import type { TaskPackage, TaskProblem } from '../tasks/types.ts'
import { validateTaskDir } from '../tasks/validate-task.ts'
import { findTaskDirs } from './registry.ts'

export interface DiscoveredTask {
  name: string
  /** Absolute folder. */
  path: string
  layout: TaskPackage['layout'] | null
  valid: boolean
  problems: TaskProblem[]
  warnings: TaskProblem[]
  version?: string
  description?: string
  /** Test cases written down (well-formed or not). */
  testCount: number
}

/** A folder the caller may scan, with the name it is known by (for messages). */
export interface ScanRoot {
  label: string
  path: string
}

const inside = (root: string, target: string) => {
  const rel = relative(root, target)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** The real path of `path` when it exists, else its resolved path (so a missing root still compares). */
export async function canonicalPath(path: string): Promise<string> {
  try {
    return await realpath(path)
  } catch {
    return resolve(path)
  }
}

/**
 * Resolves `path` (relative to `baseDir`) and checks that it is an existing folder inside one of
 * `roots`, following symlinks, so `..` or a link cannot reach the rest of the disk. Throws BAD_INPUT.
 */
export async function resolveScanPath(path: string, baseDir: string, roots: readonly ScanRoot[]): Promise<string> {
  const target = resolve(baseDir, path)
  const allowed = roots.map((root) => root.path)
  const refuse = () =>
    new AppError('BAD_INPUT', `${target} is outside the folders this server may scan`, {
      data: { path: target, allowed: roots.map((root) => `${root.label}: ${root.path}`) },
      hint: `Scan a folder inside one of: ${roots.map((root) => `${root.path} (${root.label})`).join(', ')}.`,
    })
  if (!allowed.some((root) => inside(resolve(root), target))) throw refuse()
  const real = await canonicalPath(target)
  const realRoots = await Promise.all(allowed.map(canonicalPath))
  if (!realRoots.some((root) => inside(root, real))) throw refuse()
  const kind = await stat(real).then((s) => (s.isDirectory() ? 'dir' : 'file'), () => null)
  if (kind !== 'dir') {
    throw new AppError('BAD_INPUT', kind === 'file' ? `${target} is a file, not a folder` : `${target} does not exist`, {
      data: { path: target },
      hint: 'Pass the folder that holds the task packages (or one task folder).',
    })
  }
  return target
}

/** Depth of `dir` below `root` in folders (0 for the root itself). */
const depthBelow = (root: string, dir: string) => (dir === root ? 0 : relative(root, dir).split(sep).length)

/** Every task package under `root` down to `maxDepth` folder levels, validated, in path order. */
export async function discoverTasks(root: string, options: { maxDepth: number }): Promise<DiscoveredTask[]> {
  let all: string[]
  try {
    all = await findTaskDirs(root)
  } catch (error) {
    throw new AppError('BAD_INPUT', `Cannot read ${root}: ${(error as Error).message}`, { data: { path: root } })
  }
  const dirs = all.filter((dir) => depthBelow(root, dir) <= options.maxDepth)
  const found: DiscoveredTask[] = []
  for (const dir of dirs) found.push(await describeTaskDir(dir))
  return found
}

async function describeTaskDir(dir: string): Promise<DiscoveredTask> {
  const [inspection, validation] = await Promise.all([inspectTaskDir(dir), validateTaskDir(dir)])
  const pkg = inspection.pkg
  let name = pkg?.name
  if (name === undefined) name = (await readTaskMetadata(dir)).metadata?.name ?? basename(dir)
  return {
    name,
    path: inspection.dir,
    layout: inspection.layout,
    valid: validation.ok,
    problems: validation.problems,
    warnings: validation.warnings,
    ...(pkg ? { version: pkg.version, description: pkg.description } : {}),
    testCount: inspection.declaredTests,
  }
}

/** The real paths of the folders of the loaded tasks (to tell which discovered folders are loaded). */
export async function loadedDirs(tasks: readonly TaskPackage[]): Promise<Set<string>> {
  return new Set(await Promise.all(tasks.map((task) => canonicalPath(task.dir))))
}
