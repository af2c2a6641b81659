import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { loadTaskPackage } from './load-task.ts'
import { pathKind } from './read-metadata.ts'
import type { TaskPackage } from './types.ts'

/**
 * Version history on disk: `<tasksDir>/.versions/<name>/<version>-<checksum8>/` holds a full copy of
 * each replaced version and `deleted-<timestamp>/` each deleted one. The registry never loads them
 * (it skips dot-folders), and each is a complete package that loadTaskPackage can read back.
 */

export interface StoredVersion {
  /** Folder name under .versions/<name>/. */
  label: string
  version: string
  checksum: string
  path: string
  kind: 'snapshot' | 'deleted'
  /** Folder modification time (ISO-8601): when the copy was made. */
  storedAt: string
}

/** `<tasksDir>/.versions/<name>`. */
export function versionsFolder(tasksDir: string, name: string): string {
  return join(tasksDir, '.versions', name)
}

/** `<version>-<checksum8>`, with characters that are unsafe in folder names replaced. */
export function snapshotLabel(pkg: Pick<TaskPackage, 'version' | 'checksum'>): string {
  return `${pkg.version.replace(/[^A-Za-z0-9._+-]/g, '_')}-${pkg.checksum.slice(0, 8)}`
}

/**
 * Copies the package's folder to `.versions/<name>/<version>-<checksum8>/` and returns that path.
 * The same content is only copied once (the label names it), and the copy appears whole (copied
 * into a hidden folder, then renamed).
 */
export async function snapshotPackage(tasksDir: string, pkg: TaskPackage): Promise<string> {
  const root = versionsFolder(tasksDir, pkg.name)
  const target = join(root, snapshotLabel(pkg))
  if ((await pathKind(target)) === 'dir') return target
  await mkdir(root, { recursive: true })
  const temp = join(root, `.copying-${crypto.randomUUID()}`)
  try {
    await cp(pkg.dir, temp, { recursive: true, errorOnExist: true })
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    // Another call copied the same version meanwhile: that copy is as good as ours.
    if ((await pathKind(target)) === 'dir') return target
    throw error
  }
  return target
}

/** Moves the package's folder to `.versions/<name>/deleted-<timestamp>/` and returns that path. */
export async function moveToDeleted(tasksDir: string, pkg: TaskPackage): Promise<string> {
  const root = versionsFolder(tasksDir, pkg.name)
  await mkdir(root, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  let target = join(root, `deleted-${stamp}`)
  if ((await pathKind(target)) !== null) target = `${target}-${crypto.randomUUID().slice(0, 8)}`
  await rename(pkg.dir, target)
  return target
}

/** Every readable stored version of `name`, oldest first. Unreadable folders are skipped. */
export async function listStoredVersions(tasksDir: string, name: string): Promise<StoredVersion[]> {
  const root = versionsFolder(tasksDir, name)
  if ((await pathKind(root)) !== 'dir') return []
  const entries = await readdir(root, { withFileTypes: true })
  const found: StoredVersion[] = []
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue
    const path = join(root, entry.name)
    try {
      const pkg = await loadTaskPackage(path)
      const info = await stat(path)
      found.push({
        label: entry.name,
        version: pkg.version,
        checksum: pkg.checksum,
        path,
        kind: entry.name.startsWith('deleted-') ? 'deleted' : 'snapshot',
        storedAt: info.mtime.toISOString(),
      })
    } catch {
      // A copy someone broke by hand is not a version we can offer.
    }
  }
  return found.sort((a, b) => a.storedAt.localeCompare(b.storedAt) || a.label.localeCompare(b.label))
}
