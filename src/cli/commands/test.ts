import { relative } from 'node:path'
import { isAppError } from '../../errors.ts'
import { loadTaskPackage } from '../../tasks/load-task.ts'
import type { TaskProblem } from '../../tasks/types.ts'
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
      for (const dir of dirs) {
        const label = relative(root, dir) || relative(process.cwd(), dir) || dir
        let task
        try {
          task = await loadTaskPackage(dir)
        } catch (error) {
          failed++
          out(`✗ ${label}: cannot load the task package`)
          const problems = isAppError(error) && Array.isArray(error.data?.problems) ? (error.data!.problems as TaskProblem[]) : [{ file: dir, message: (error as Error).message }]
          for (const p of problems) out(`    ${p.file}: ${p.message}`)
          continue
        }
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
