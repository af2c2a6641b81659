/**
 * Registry sync: rescans every source now and says what was added, updated, removed and what did not
 * load. Everything is read back through `deps.registry`, so a caller's view (task patterns, no load
 * problems without system access) decides which names the report shows.
 */
import type { AuthoringDeps, SyncReport } from './types.ts'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export async function syncRegistry(deps: Pick<AuthoringDeps, 'registry'>): Promise<SyncReport> {
  const { registry } = deps
  const before = new Set(registry.list().map((task) => task.name))
  const report = await registry.load()
  const visible = report.changed.filter((name) => registry.get(name) !== undefined)
  const added = visible.filter((name) => !before.has(name))
  const updated = visible.filter((name) => before.has(name))
  const removed = report.removed.filter((name) => before.has(name))
  const errors = registry.problems().flatMap((p) => p.problems.map((q) => ({ source: p.source, dir: p.dir, file: q.file, message: q.message, ...(q.hint ? { hint: q.hint } : {}) })))
  const totalTasks = registry.list().length
  return {
    added,
    updated,
    removed,
    errors,
    totalTasks,
    message: `Synced: ${plural(totalTasks, 'task')} loaded, ${added.length} added, ${updated.length} updated, ${removed.length} removed, ${plural(errors.length, 'load problem')}.`,
  }
}
