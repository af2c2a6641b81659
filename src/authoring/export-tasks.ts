/** Exporting tasks as a JSON bundle or a .zip (one metadata.json-layout folder per task). */
import { createBundle, zipDrafts } from '../tasks/bundle.ts'
import { draftFromPackage } from '../tasks/task-draft.ts'
import { notFound } from './internal/refuse.ts'
import type { AuthoringDeps, ExportResult } from './types.ts'

export function exportTasks(deps: Pick<AuthoringDeps, 'registry'>, request: { taskId?: string; format?: 'json' | 'zip'; includeTests?: boolean } = {}): ExportResult {
  let pkgs = deps.registry.list()
  if (request.taskId !== undefined) {
    const pkg = deps.registry.get(request.taskId)
    if (!pkg) throw notFound(request.taskId, deps.registry)
    pkgs = [pkg]
  }
  const drafts = pkgs.map((pkg) => draftFromPackage(pkg, { includeTests: request.includeTests !== false }))
  const tasks = drafts.map((d) => ({ name: d.name, version: d.version }))
  return request.format === 'zip' ? { format: 'zip', zip: zipDrafts(drafts), tasks } : { format: 'json', bundle: createBundle(drafts), tasks }
}
