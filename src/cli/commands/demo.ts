import { runTaskTests } from '../../engine/run-task-tests.ts'
import { loadRuntimeConfig, openRuntime } from '../runtime.ts'
import type { Command } from './index.ts'

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Load the configured task sources, run every task\'s tests through the engine and record them',
  usage: '[--config FILE]',
  help: [
    'Loads registry.sources from the config, records each task version and every test execution',
    '(input, output, logs, trace) in the configured SQLite database, and prints a summary.',
  ],
  options: {},
  async run(_values, flags) {
    const config = await loadRuntimeConfig(flags)
    const runtime = await openRuntime(config)
    const out = (line: string) => process.stdout.write(line + '\n')
    try {
      const tasks = runtime.registry.list()
      out(`ratchet: ${tasks.length} task(s) from ${config.registry.sources.map((s) => s.path).join(', ') || '(no sources configured)'}; database ${config.database.path}; ${config.workers.count} worker(s)`)
      for (const problem of runtime.registry.problems()) {
        out(`  ! skipped ${problem.dir}`)
        for (const p of problem.problems) out(`      ${p.file}: ${p.message}`)
      }
      let passed = 0
      let failed = 0
      for (const task of tasks) {
        const report = await runTaskTests(runtime.engine, task)
        passed += report.passed
        failed += report.failed
        out(`  ${report.failed === 0 ? '✓' : '✗'} ${task.name}@${task.version}  ${report.passed}/${report.total} tests passed${task.description ? `  — ${task.description}` : ''}`)
        for (const r of report.results.filter((x) => !x.passed)) out(`      ✗ ${r.name}: ${r.reason}`)
      }
      const { total } = await runtime.store.listExecutions({ limit: 1 })
      out(`${passed} passed, ${failed} failed`)
      out(`${total} execution(s) recorded in ${config.database.path}`)
      return failed === 0 ? 0 : 1
    } finally {
      await runtime.close()
    }
  },
}
