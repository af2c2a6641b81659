/**
 * Importing a bundle (JSON, or a .zip as base64): each task is placed in the tasks folder (a new
 * folder, the existing one when overwriting, or an override copy of a read-only task), staged, checked
 * and published; what cannot be imported is skipped or reported with its problems, never half-written.
 */
import { isAppError, type AppError } from '../errors.ts'
import { readJsonBundle, readZipBundle, type BundleReading } from '../tasks/bundle.ts'
import { pathKind } from '../tasks/read-metadata.ts'
import { draftFiles, type TaskDraft } from '../tasks/task-draft.ts'
import type { TaskPackage } from '../tasks/types.ts'
import { snapshotPackage } from '../tasks/versions.ts'
import { realTasksDir, stageTaskFiles, taskFolderFor, taskNameProblem } from '../tasks/write-task-package.ts'
import { countProblems, describeProblems, describeTestReport, taskIdOf } from './internal/describe.ts'
import { confirmOverride, isEditable, overrideTarget } from './internal/editable.ts'
import { withFolderLock } from './internal/folder-lock.ts'
import { refusal, refusalOf } from './internal/refuse.ts'
import { checkStaged, discardStaged, publish, reloadAndGet, runTests } from './internal/save-task.ts'
import type { AuthoringDeps, CallOptions, ImportReport, ImportRequest } from './types.ts'

/** Decodes base64 (plain, URL-safe, or a `data:` URL), refusing text that is not base64 at all. */
function decodeBase64(text: string): Uint8Array | null {
  const body = text.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '')
  if (body === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(body)) return null
  return new Uint8Array(Buffer.from(body, 'base64'))
}

async function readBundle(request: ImportRequest): Promise<BundleReading> {
  const bad = (why: string) => refusal('BAD_INPUT', 'bad_bundle', `Nothing was imported: ${why}`, 'Pass what an export returned: its bundle (format "json") or the .zip as base64 (format "zip").')
  try {
    if (request.format !== 'zip') return readJsonBundle(request.data)
    if (typeof request.data !== 'string') throw bad('for format "zip", data must be the .zip file as a base64 string')
    const bytes = decodeBase64(request.data)
    if (!bytes) throw bad('data is not base64 text')
    return await readZipBundle(bytes)
  } catch (error) {
    if (isAppError(error) && error.code === 'BAD_INPUT' && refusalOf(error) === null) throw bad(error.message)
    throw error
  }
}

/** Keeps the bundle's uuid unless it is taken by another task or the import renames the task. */
function importUuid(deps: AuthoringDeps, draft: TaskDraft, name: string): string {
  const uuid = draft.metadata.uuid
  if (typeof uuid !== 'string' || uuid === '' || name !== draft.name) return crypto.randomUUID()
  const owner = deps.registry.get(uuid)
  return !owner || owner.name === name ? uuid : crypto.randomUUID()
}

/** Where a task goes; `overrides` names the read-only task it will shadow (copy-on-write). */
type Placement = { target: string; existing: TaskPackage | null; overrides?: TaskPackage } | { skip: string }

async function placeTask(deps: AuthoringDeps, name: string, overwrite: boolean): Promise<Placement> {
  const existing = deps.registry.get(name)
  if (existing) {
    if (!(await isEditable(deps, existing))) {
      if (!overwrite) {
        return { skip: `"${name}" is the name of a task in a read-only source (${existing.dir}): pass overwrite_existing: true to import it as a copy in the tasks folder that overrides it (the original stays as it is, and comes back when the copy is deleted), or options.name_prefix (e.g. "my-") to import it as "my-${name}"` }
      }
      try {
        return { target: await overrideTarget(deps, existing), existing: null, overrides: existing }
      } catch (error) {
        if (refusalOf(error) === 'override_blocked') return { skip: (error as Error).message }
        throw error
      }
    }
    if (!overwrite) return { skip: `a task named "${name}" already exists (version ${existing.version}); pass overwrite_existing: true to replace it, or options.name_prefix to import a copy` }
    return { target: existing.dir, existing }
  }
  const target = await taskFolderFor(deps.tasksDir, name)
  if (!overwrite && (await pathKind(target)) !== null) return { skip: `${target} already exists on disk (not a loadable task); pass overwrite_existing: true to replace it` }
  return { target, existing: null }
}

export async function importTasks(deps: AuthoringDeps, request: ImportRequest, options: CallOptions = {}): Promise<ImportReport> {
  const reading = await readBundle(request)
  const skipped: ImportReport['skipped'] = []
  const errors: ImportReport['errors'] = [...reading.errors]
  const published: Array<{ name: string; target: string; replaced: boolean; overrides?: TaskPackage }> = []
  const seen = new Set<string>()
  const now = new Date().toISOString()

  for (const original of reading.drafts) {
    const name = `${request.namePrefix ?? ''}${original.name}`
    const nameProblem = taskNameProblem(name)
    if (nameProblem) {
      errors.push({ name, message: nameProblem })
      continue
    }
    if (seen.has(name)) {
      skipped.push({ name, reason: 'the bundle holds this name more than once; the first one was imported' })
      continue
    }
    seen.add(name)
    const placement = await placeTask(deps, name, request.overwrite === true)
    if ('skip' in placement) {
      skipped.push({ name, reason: placement.skip })
      continue
    }
    const draft: TaskDraft = {
      ...original,
      name,
      tests: request.includeTests === false ? [] : original.tests,
      metadata: { ...original.metadata, uuid: importUuid(deps, original, name), imported_at: now, updated_at: now },
    }
    await withFolderLock(placement.target, async () => {
      const staged = await stageTaskFiles(deps.tasksDir, draftFiles(draft))
      const check = await checkStaged(staged, request.validate !== false)
      if (check.problems.length > 0) {
        await discardStaged(staged)
        errors.push({ name, message: `not imported, ${countProblems(check.problems)}:\n${describeProblems(check.problems)}`, problems: check.problems })
        return
      }
      const replacing = (await pathKind(placement.target)) !== null
      if (placement.existing) await snapshotPackage(await realTasksDir(deps.tasksDir), placement.existing)
      await publish(staged, placement.target, replacing)
      published.push({ name, target: placement.target, replaced: replacing, ...(placement.overrides ? { overrides: placement.overrides } : {}) })
    })
  }

  if (published.length > 0) await deps.registry.load()
  const imported: ImportReport['imported'] = []
  const overridden: string[] = []
  for (const item of published) {
    if (item.overrides) {
      try {
        await confirmOverride(deps, item.overrides, item.target)
      } catch (error) {
        if (refusalOf(error) !== 'override_not_served') throw error
        errors.push({ name: item.name, message: `not imported: ${(error as Error).message}. ${(error as AppError).hint ?? ''}`.trim() })
        continue
      }
      overridden.push(`${item.name} overrides the read-only one in ${item.overrides.dir}`)
    }
    const { pkg } = await reloadAndGet(deps, item.name, item.target, false)
    const report = request.runTests === true && pkg.tests.length > 0 ? await runTests(deps, pkg, options) : undefined
    imported.push({ taskId: taskIdOf(pkg), name: pkg.name, version: pkg.version, path: item.target, dir: pkg.dir, replaced: item.replaced, ...(report ? { testReport: report } : {}) })
    if (report && report.failed > 0) errors.push({ name: pkg.name, message: `imported, but ${describeTestReport(report)}` })
  }

  const parts = [`imported ${imported.length}`, ...(skipped.length ? [`skipped ${skipped.length}`] : []), ...(errors.length ? [`${errors.length} with errors`] : [])]
  const list = imported.length ? ` (${imported.map((i) => `${i.name} ${i.version}`).join(', ')})` : ''
  return { imported, skipped, errors, message: `Import: ${parts.join(', ')}${list}${overridden.length ? `; copied into the tasks folder: ${overridden.join('; ')}` : ''}` }
}
