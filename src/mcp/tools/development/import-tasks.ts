import type { ToolIO } from '../../../../generated/tool-types.ts'
import { isAppError } from '../../../errors.ts'
import { readJsonBundle, readZipBundle, type BundleReading } from '../../../tasks/bundle.ts'
import { pathKind } from '../../../tasks/read-metadata.ts'
import { draftFiles, type TaskDraft } from '../../../tasks/task-draft.ts'
import type { TaskPackage } from '../../../tasks/types.ts'
import { snapshotPackage } from '../../../tasks/versions.ts'
import { realTasksDir, stageTaskFiles, taskFolderFor, taskNameProblem } from '../../../tasks/write-task-package.ts'
import type { ToolContext, ToolHandler, ToolOutcome } from '../types.ts'
import { checkStaged, discardStaged, publish, reloadAndGet, runTests } from './save-task.ts'
import { confirmOverride, describeProblems, describeTestReport, isEditable, overrideTarget, taskIdOf, testResultsOutput, withFolderLock } from './shared.ts'

type Input = ToolIO['import_tasks']['input']
type Output = ToolIO['import_tasks']['output']

/** Decodes base64 (plain, URL-safe, or a `data:` URL), refusing text that is not base64 at all. */
function decodeBase64(text: string): Uint8Array | null {
  const body = text.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '')
  if (body === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(body)) return null
  return new Uint8Array(Buffer.from(body, 'base64'))
}

async function readBundle(input: Input): Promise<BundleReading | string> {
  try {
    if (input.format === 'zip') {
      if (typeof input.data !== 'string') return 'for format "zip", data must be the .zip file as a base64 string'
      const bytes = decodeBase64(input.data)
      if (!bytes) return 'data is not base64 text'
      return await readZipBundle(bytes)
    }
    return readJsonBundle(input.data)
  } catch (error) {
    if (isAppError(error) && error.code === 'BAD_INPUT') return error.message
    throw error
  }
}

/** Keeps the bundle's uuid unless it is taken by another task or the import renames the task. */
function importUuid(ctx: ToolContext, draft: TaskDraft, name: string): string {
  const uuid = draft.metadata.uuid
  if (typeof uuid !== 'string' || uuid === '' || name !== draft.name) return crypto.randomUUID()
  const owner = ctx.registry.get(uuid)
  return !owner || owner.name === name ? uuid : crypto.randomUUID()
}

/** Where a task goes; `overrides` names the read-only task it will shadow (copy-on-write). */
type Placement = { target: string; existing: TaskPackage | null; overrides?: TaskPackage } | { skip: string }

async function placeTask(ctx: ToolContext, name: string, overwrite: boolean): Promise<Placement> {
  const existing = ctx.registry.get(name)
  if (existing) {
    if (!(await isEditable(ctx, existing))) {
      if (!overwrite) {
        return { skip: `"${name}" is the name of a task in a read-only source (${existing.dir}): pass overwrite_existing: true to import it as a copy in the tasks folder that overrides it (the original stays as it is, and comes back when the copy is deleted), or options.name_prefix (e.g. "my-") to import it as "my-${name}"` }
      }
      const place = await overrideTarget(ctx, existing)
      return 'refusal' in place ? { skip: place.refusal.message } : { target: place.target, existing: null, overrides: existing }
    }
    if (!overwrite) return { skip: `a task named "${name}" already exists (version ${existing.version}); pass overwrite_existing: true to replace it, or options.name_prefix to import a copy` }
    return { target: existing.dir, existing }
  }
  const target = await taskFolderFor(ctx.tasksDir, name)
  if (!overwrite && (await pathKind(target)) !== null) return { skip: `${target} already exists on disk (not a loadable task); pass overwrite_existing: true to replace it` }
  return { target, existing: null }
}

export const importTasks: ToolHandler<'import_tasks'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  const options = input.options ?? {}
  const reading = await readBundle(input)
  if (typeof reading === 'string') {
    return { isError: true, output: { imported: [], skipped: [], errors: [], imported_count: 0, message: `Nothing was imported: ${reading}`, hint: 'Pass what ratchet_export_tasks returned: its bundle (format "json") or zip_base64 (format "zip").' } }
  }
  const skipped: Output['skipped'] = []
  const errors: Output['errors'] = [...reading.errors]
  const published: Array<{ name: string; target: string; replaced: boolean; overrides?: TaskPackage }> = []
  const seen = new Set<string>()
  const now = new Date().toISOString()

  for (const original of reading.drafts) {
    const name = `${options.name_prefix ?? ''}${original.name}`
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
    const placement = await placeTask(ctx, name, input.overwrite_existing === true)
    if ('skip' in placement) {
      skipped.push({ name, reason: placement.skip })
      continue
    }
    const draft: TaskDraft = {
      ...original,
      name,
      tests: options.include_tests === false ? [] : original.tests,
      metadata: { ...original.metadata, uuid: importUuid(ctx, original, name), imported_at: now, updated_at: now },
    }
    await withFolderLock(placement.target, async () => {
      const staged = await stageTaskFiles(ctx.tasksDir, draftFiles(draft))
      const check = await checkStaged(staged, options.validate_tasks !== false)
      if (check.problems.length > 0) {
        await discardStaged(staged)
        errors.push({ name, message: `not imported, ${check.problems.length} problem${check.problems.length === 1 ? '' : 's'}:\n${describeProblems(check.problems)}`, problems: check.problems })
        return
      }
      const replacing = (await pathKind(placement.target)) !== null
      if (placement.existing) await snapshotPackage(await realTasksDir(ctx.tasksDir), placement.existing)
      await publish(staged, placement.target, replacing)
      published.push({ name, target: placement.target, replaced: replacing, ...(placement.overrides ? { overrides: placement.overrides } : {}) })
    })
  }

  if (published.length > 0) await ctx.registry.load()
  const imported: Output['imported'] = []
  const overridden: string[] = []
  for (const item of published) {
    if (item.overrides) {
      const confirmed = await confirmOverride(ctx, item.overrides, item.target)
      if ('refusal' in confirmed) {
        errors.push({ name: item.name, message: `not imported: ${confirmed.refusal.message}. ${confirmed.refusal.hint}` })
        continue
      }
      overridden.push(`${item.name} overrides the read-only one in ${item.overrides.dir}`)
    }
    const { pkg } = await reloadAndGet(ctx, item.name, item.target, false)
    const report = options.run_tests === true && pkg.tests.length > 0 ? await runTests(ctx, pkg) : undefined
    imported.push({ name: pkg.name, version: pkg.version, path: item.target, task_id: taskIdOf(pkg), replaced: item.replaced, ...(report ? { test_results: testResultsOutput(report, pkg.dir) } : {}) })
    if (report && report.failed > 0) errors.push({ name: pkg.name, message: `imported, but ${describeTestReport(report)}` })
  }

  const parts = [`imported ${imported.length}`, ...(skipped.length ? [`skipped ${skipped.length}`] : []), ...(errors.length ? [`${errors.length} with errors`] : [])]
  const failedAll = imported.length === 0 && errors.length > 0
  return {
    ...(failedAll ? { isError: true } : {}),
    output: {
      imported,
      skipped,
      errors,
      imported_count: imported.length,
      message: `Import: ${parts.join(', ')}${imported.length ? ` (${imported.map((i) => `${i.name} ${i.version}`).join(', ')})` : ''}${overridden.length ? `; copied into the tasks folder: ${overridden.join('; ')}` : ''}`,
      ...(errors.length ? { hint: 'Each error lists the problems in that package; fix the bundle and import those tasks again.' } : skipped.length ? { hint: 'Skipped tasks were left as they are: see each reason.' } : {}),
    },
  }
}
