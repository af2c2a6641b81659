import { relative } from 'node:path'
import { duplicateNameProblem } from '../../registry/registry.ts'
import { validateTaskDir } from '../../tasks/validate-task.ts'
import { resolveFromFs } from './task-dirs.ts'
import type { Command } from './index.ts'

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check task packages: files, metadata, JS syntax, schemas, test files',
  usage: '--from-fs DIR [--fix]',
  help: [
    '--from-fs DIR   a task folder, or a folder of tasks (searched recursively)',
    '--fix           write missing files (schemas, metadata.json, an example test); never overwrites',
    '',
    'Exit code 0 when every package is valid, 4 otherwise.',
  ],
  options: { 'from-fs': { type: 'string' }, fix: { type: 'boolean' } },
  async run(values) {
    const { root, dirs } = await resolveFromFs(values['from-fs'], 'validate', { partial: true })
    const out = (line: string) => process.stdout.write(line + '\n')
    let invalid = 0
    // Like the registry: the first package in path order keeps a name, later ones are invalid.
    const firstByName = new Map<string, string>()
    for (const dir of dirs) {
      const label = relative(root, dir) || relative(process.cwd(), dir) || dir
      const result = await validateTaskDir(dir, { fix: Boolean(values.fix) })
      if (result.loaded) {
        const first = firstByName.get(result.loaded.name)
        if (first === undefined) firstByName.set(result.loaded.name, result.loaded.dir)
        else {
          const duplicate = duplicateNameProblem(result.loaded, first)
          result.problems.push({ ...duplicate, file: relative(dir, duplicate.file) })
          result.ok = false
        }
      }
      for (const file of result.fixed) out(`  + wrote ${relative(process.cwd(), file) || file}`)
      const warnings = result.warnings.map((w) => `    note: ${w.file}: ${w.message}${w.hint ? ` (${w.hint})` : ''}`)
      if (result.ok) {
        out(`✓ ${label}`)
        for (const line of warnings) out(line)
        continue
      }
      invalid++
      out(`✗ ${label}`)
      for (const p of result.problems) out(`    ${p.file}: ${p.message}${p.hint ? `\n      fix: ${p.hint}` : ''}`)
      for (const line of warnings) out(line)
    }
    out('')
    out(`${dirs.length - invalid} valid, ${invalid} invalid`)
    return invalid === 0 ? 0 : 4
  },
}
