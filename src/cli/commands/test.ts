import { relative } from 'node:path'
import { duplicateNameProblem } from '../../registry/registry.ts'
import { inspectTaskDir } from '../../tasks/inspect-task.ts'
import type { TaskProblem, TaskTestCase } from '../../tasks/types.ts'
import { runTaskTests } from '../../engine/run-task-tests.ts'
import { loadRuntimeConfig, openRuntime } from '../runtime.ts'
import { resolveFromFs } from './task-dirs.ts'
import type { Command } from './index.ts'

export const testCommand: Command = {
  name: 'test',
  summary: "Run tasks' test cases (with their HTTP mocks) and print a pass/fail report",
  usage: '--from-fs DIR [--filter NAME] [--stop-on-failure]',
  help: [
    '--from-fs DIR       a task folder, or a folder of tasks (searched recursively)',
    '--filter NAME       only test cases whose name contains NAME',
    '--stop-on-failure   stop a task\'s tests at its first failure',
    '',
    'Exit code 0 when every test passes, 1 when any test fails or a task cannot be loaded.',
  ],
  options: { 'from-fs': { type: 'string' }, filter: { type: 'string' }, 'stop-on-failure': { type: 'boolean' } },
  async run(values, flags) {
    const { root, dirs } = await resolveFromFs(values['from-fs'], 'test')
    const config = await loadRuntimeConfig(flags)
    const runtime = await openRuntime(config, { skipRegistry: true, databaseUrl: flags.config ? undefined : 'sqlite::memory:', workers: Math.min(config.workers.count, 2) })
    const out = (line: string) => process.stdout.write(line + '\n')
    let passed = 0
    let failed = 0
    const started = performance.now()
    try {
      // Like the registry: the first package in path order keeps a name, later ones are not run.
      const firstByName = new Map<string, string>()
      for (const dir of dirs) {
        const label = relative(root, dir) || relative(process.cwd(), dir) || dir
        const inspection = await inspectTaskDir(dir).catch((error: Error) => ({ pkg: null, problems: [{ file: dir, message: error.message }], testWarnings: new Map() }))
        const task = inspection.pkg
        if (!task) {
          failed++
          out(`✗ ${label}: cannot load the task package`)
          for (const p of inspection.problems) out(`    ${p.file}: ${p.message}`)
          continue
        }
        const first = firstByName.get(task.name)
        if (first !== undefined) {
          failed++
          const duplicate = duplicateNameProblem(task, first)
          out(`✗ ${task.name}@${task.version} (${label}): not run: ${duplicate.message}`)
          out(`    ${duplicate.hint}`)
          continue
        }
        firstByName.set(task.name, task.dir)
        const filter = typeof values.filter === 'string' ? values.filter : undefined
        const names = filter ? task.tests.filter((t) => t.name.includes(filter)).map((t) => t.name) : undefined
        if (task.tests.length === 0 || names?.length === 0) {
          out(`- ${task.name}: no test cases${filter ? ` matching "${filter}"` : ''}`)
          continue
        }
        const report = await runTaskTests(runtime.engine, task, { names, stopOnFailure: Boolean(values['stop-on-failure']) })
        out(`${report.failed === 0 ? '✓' : '✗'} ${task.name}@${task.version}  ${report.passed}/${report.total} passed`)
        for (const result of report.results) {
          out(`    ${result.passed ? '✓' : '✗'} ${result.name} (${result.durationMs.toFixed(1)} ms)`)
          if (!result.passed) out(`        ${result.reason}`)
          for (const note of notesFor(task.tests, inspection.testWarnings, result)) out(`        note: ${note.file}: ${note.message}`)
        }
        passed += report.passed
        failed += report.failed
      }
    } finally {
      await runtime.close()
    }
    out('')
    out(`${passed} passed, ${failed} failed`)
    out(`(${dirs.length} task${dirs.length === 1 ? '' : 's'} in ${((performance.now() - started) / 1000).toFixed(2)} s)`)
    return failed === 0 ? 0 : 1
  },
}

/** The warnings (ignored keys) of the test case a result came from, matched by file and name. */
function notesFor(tests: TaskTestCase[], warnings: Map<TaskTestCase, TaskProblem[]>, result: { name: string; file: string }): TaskProblem[] {
  const test = tests.find((t) => t.file === result.file && t.name === result.name)
  return (test && warnings.get(test)) ?? []
}
