import type { ToolIO } from '../../../../generated/tool-types.ts'
import { createBundle, zipDrafts } from '../../../tasks/bundle.ts'
import { draftFromPackage } from '../../../tasks/task-draft.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { notFoundMessage } from './shared.ts'

type Output = ToolIO['export_tasks']['output']

export const exportTasks: ToolHandler<'export_tasks'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  let pkgs = ctx.registry.list()
  if (input.task_id !== undefined) {
    const pkg = ctx.registry.get(input.task_id)
    if (!pkg) {
      const { message, hint } = notFoundMessage(input.task_id)
      return { isError: true, output: { exported_count: 0, tasks: [], message, hint } }
    }
    pkgs = [pkg]
  }
  const drafts = pkgs.map((pkg) => draftFromPackage(pkg, { includeTests: input.include_tests !== false }))
  const tasks = drafts.map((d) => ({ name: d.name, version: d.version }))
  const what = `${drafts.length} task${drafts.length === 1 ? '' : 's'}`
  if (input.format === 'zip') {
    const zip = zipDrafts(drafts)
    return {
      output: {
        zip_base64: Buffer.from(zip).toString('base64'),
        bytes: zip.length,
        exported_count: drafts.length,
        tasks,
        message: `Exported ${what} as a ${zip.length}-byte .zip (one folder per task)`,
        hint: 'Decode zip_base64 to get the .zip; ratchet_import_tasks {"format": "zip", "data": "<base64>"} reads it back.',
      },
    }
  }
  return {
    output: {
      bundle: createBundle(drafts),
      exported_count: drafts.length,
      tasks,
      message: `Exported ${what} as a JSON bundle`,
      hint: 'ratchet_import_tasks {"data": <bundle>} reads it back, on this server or another.',
    },
  }
}
