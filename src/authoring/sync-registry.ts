/** Registry sync: rescans every source now and says what was added, updated, removed and what did not load. */
import type { AuthoringDeps, SyncReport } from './types.ts'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export async function syncRegistry(deps: Pick<AuthoringDeps, 'registry'>): Promise<SyncReport> {
  const before = new Set(deps.registry.list().map((task) => task.name))
  const report = await deps.registry.load()
  const added = report.changed.filter((name) => !before.has(name))
  const updated = report.changed.filter((name) => before.has(name))
  const errors = report.problems.flatMap((p) => p.problems.map((q) => ({ source: p.source, dir: p.dir, file: q.file, message: q.message, ...(q.hint ? { hint: q.hint } : {}) })))
  return {
    added,
    updated,
    removed: report.removed,
    errors,
    totalTasks: report.loaded,
    message: `Synced: ${plural(report.loaded, 'task')} loaded, ${added.length} added, ${updated.length} updated, ${report.removed.length} removed, ${plural(errors.length, 'load problem')}.`,
  }
}
