/**
 * Which loaded task an authoring operation may change, and copy-on-write for the rest: a task from a
 * read-only source is changed by writing a copy into the tasks folder, which then overrides it.
 */
import { rm } from 'node:fs/promises'
import { pathKind } from '../../tasks/read-metadata.ts'
import type { TaskPackage } from '../../tasks/types.ts'
import { isInsideDir, realTasksDir, taskFolderFor } from '../../tasks/write-task-package.ts'
import type { AuthoringDeps } from '../types.ts'
import { notFound, refusal } from './refuse.ts'
import { snapshotPackage } from '../../tasks/versions.ts'
import { publish, reloadAndGet, type LoadedTask } from './save-task.ts'

type Deps = Pick<AuthoringDeps, 'registry' | 'tasksDir'>

/** True when the package's folder lives in the writable tasks folder (not in .versions or another source). */
export function isEditable(deps: Deps, pkg: TaskPackage): Promise<boolean> {
  return isInsideDir(deps.tasksDir, pkg.dir)
}

/**
 * The loaded task named `taskId` and whether a change must be written as a copy. Throws TASK_NOT_FOUND,
 * or CONFLICT `read_only` for a task outside the tasks folder unless `copyOnWrite`.
 */
export async function findEditableTask(deps: Deps, taskId: string, options: { copyOnWrite?: boolean } = {}): Promise<{ task: TaskPackage; copy: boolean }> {
  const task = deps.registry.get(taskId)
  if (!task) throw notFound(taskId, deps.registry)
  if (await isEditable(deps, task)) return { task, copy: false }
  if (options.copyOnWrite === true) return { task, copy: true }
  throw refusal(
    'CONFLICT',
    'read_only',
    `Task "${task.name}" comes from ${task.dir}, outside the writable tasks folder ${deps.tasksDir}: that source is read-only here`,
    'Remove it from its own folder (or leave that source out of registry.sources) to drop it. To change it instead, edit it: the edit is saved as a copy in the tasks folder that overrides it, and deleting that copy brings this one back.',
    { name: task.name, dir: task.dir },
  )
}

/**
 * `<tasksDir>/<name>` for the override copy of a read-only task; CONFLICT `override_blocked` when that
 * folder exists already (a package that does not load, or one of another name).
 */
export async function overrideTarget(deps: Deps, pkg: TaskPackage): Promise<string> {
  const target = await taskFolderFor(deps.tasksDir, pkg.name)
  if ((await pathKind(target)) === null) return target
  throw refusal(
    'CONFLICT',
    'override_blocked',
    `"${pkg.name}" comes from the read-only ${pkg.dir}; its copy would go to ${target}, which already exists but is not the loaded "${pkg.name}"`,
    'Look at the registry health to see why that folder is not loaded, then fix it or move it away and try again.',
    { name: pkg.name, path: target },
  )
}

/**
 * Checks that a just-published override copy at `target` is what the registry now serves under its
 * name. When it is not (the tasks folder is not a source that overrides the others, e.g. it lies inside
 * a configured source), the copy is removed again and CONFLICT `override_not_served` says why.
 */
export async function confirmOverride(deps: Deps, original: TaskPackage, target: string): Promise<TaskPackage> {
  const { pkg, registered } = await reloadAndGet(deps, original.name, target)
  if (registered) return pkg
  await rm(target, { recursive: true, force: true })
  await deps.registry.load()
  throw refusal(
    'CONFLICT',
    'override_not_served',
    `"${original.name}" comes from the read-only ${original.dir}, and the tasks folder ${deps.tasksDir} does not override other sources in this setup (it is not its own registry source), so a copy under the same name would not be served; nothing was changed`,
    `Copy it under a NEW name instead: export "${original.name}", import the bundle with the name prefix "my-", then change "my-${original.name}".`,
    { name: original.name },
  )
}

/** The lock key and target of a change: the task's folder, or for a copy the folder it will go to. */
export async function changeTarget(deps: Deps, found: { task: TaskPackage; copy: boolean }): Promise<string> {
  return found.copy ? taskFolderFor(deps.tasksDir, found.task.name) : found.task.dir
}

export interface Replaced extends LoadedTask {
  backup: string | null
  /** The sentence that starts the message when a read-only task was copied, else ''. */
  copiedNote: string
}

/**
 * Puts a checked, staged change of `pkg` in place: keeps the previous version under .versions/ (when
 * `backup`), renames the staged folder over the package (or, for a copy, to `target`, then confirms the
 * copy is what the registry serves) and returns the package now loaded.
 */
export async function replacePackage(deps: Deps, pkg: TaskPackage, staged: string, place: { target: string; copy: boolean; backup: boolean }): Promise<Replaced> {
  const backup = place.backup ? await snapshotPackage(await realTasksDir(deps.tasksDir), pkg) : null
  await publish(staged, place.target, !place.copy)
  const loaded = place.copy ? { pkg: await confirmOverride(deps, pkg, place.target), registered: true } : await reloadAndGet(deps, pkg.name, pkg.dir)
  const copiedNote = place.copy
    ? `Copied "${loaded.pkg.name}" from ${pkg.dir} into the tasks folder (${loaded.pkg.dir}); the copy now overrides it (the original is unchanged, and deleting the copy brings it back). `
    : ''
  return { ...loaded, backup, copiedNote }
}
