import { AppError } from '../../errors.ts'
import { loadTaskPackage } from '../../tasks/load-task.ts'
import type { ExecutionRecord, TraceSpan } from '../../store/types.ts'
import { loadRuntimeConfig, openRuntime } from '../runtime.ts'
import { resolveFromFs } from './task-dirs.ts'
import type { Command } from './index.ts'

export const runOnceCommand: Command = {
  name: 'run-once',
  summary: 'Run one task once and print its output as JSON',
  usage: '--from-fs DIR [--input-json JSON] [--timeout SECONDS] [--trace]',
  help: [
    '--from-fs DIR        the task folder',
    '--input-json JSON    the input (default {})',
    '--timeout SECONDS    stop the task after this long (capped by execution.max_execution_time)',
    '--trace              print the trace (spans, HTTP calls, timing) to stderr',
    '',
    'The output goes to stdout as JSON (exit 0); on failure the error goes to stderr and the exit code is non-zero.',
    'The task\'s console output goes to stderr. Without --config the execution is recorded in memory only.',
  ],
  options: { 'from-fs': { type: 'string' }, 'input-json': { type: 'string' }, timeout: { type: 'string' }, trace: { type: 'boolean' } },
  async run(values, flags) {
    const { dirs, root } = await resolveFromFs(values['from-fs'], 'run-once')
    if (dirs.length !== 1 || dirs[0] !== root) {
      throw new AppError('BAD_INPUT', `--from-fs must be one task folder; ${root} holds ${dirs.length} tasks`, { hint: `Pick one, e.g. --from-fs ${dirs[0]}` })
    }
    let input: unknown = {}
    if (typeof values['input-json'] === 'string') {
      try {
        input = JSON.parse(values['input-json'])
      } catch (error) {
        throw new AppError('BAD_INPUT', `--input-json is not valid JSON: ${(error as Error).message}`, { hint: `Quote it for your shell, e.g. --input-json '{"a": 1}'` })
      }
    }
    const timeout = values.timeout === undefined ? undefined : Number(values.timeout)
    if (timeout !== undefined && !(timeout > 0)) throw new AppError('BAD_INPUT', `--timeout must be a positive number of seconds, got "${values.timeout}"`)
    const task = await loadTaskPackage(root)
    const config = await loadRuntimeConfig(flags)
    const runtime = await openRuntime(config, { skipRegistry: true, workers: 1, databaseUrl: flags.config ? undefined : 'sqlite::memory:' })
    try {
      const unsubscribe = runtime.engine.subscribe((event) => {
        if (event.type === 'log') for (const e of event.entries) process.stderr.write(`[${task.name}] ${e.level.toUpperCase().padEnd(5)} ${e.message}\n`)
      })
      const record = await runtime.engine.execute({ task, input, timeout, source: 'cli' })
      unsubscribe()
      if (values.trace) process.stderr.write(formatTrace(record, await runtime.store.getSpans(record.id)))
      if (record.status === 'completed') {
        process.stdout.write(JSON.stringify(record.output, null, 2) + '\n')
        return 0
      }
      process.stderr.write(formatFailure(record))
      return failureExitCode(record)
    } finally {
      await runtime.close()
    }
  },
}

export function formatFailure(record: ExecutionRecord): string {
  const error = record.error
  const lines = [`error: ${record.taskName} ${record.status.replace('_', ' ')} (execution ${record.id})`, `  ${error?.type ?? 'Error'}: ${error?.message ?? 'no error recorded'}`]
  if (error?.location) lines.push(`  at ${error.location.file}:${error.location.line}${error.location.column ? ':' + error.location.column : ''}${error.location.source ? `  →  ${error.location.source}` : ''}`)
  return lines.join('\n') + '\n'
}

function failureExitCode(record: ExecutionRecord): number {
  if (record.status === 'timed_out') return 124
  if (record.status === 'cancelled') return 130
  if (record.error?.code === 'INPUT_INVALID' || record.error?.code === 'OUTPUT_INVALID') return 5
  return 1
}

function formatTrace(record: ExecutionRecord, spans: readonly TraceSpan[]): string {
  const lines = [`trace ${record.id} — ${record.taskName}@${record.taskVersion} ${record.status} in ${(record.durationMs ?? 0).toFixed(2)} ms`]
  const start = spans[0]?.startMs ?? 0
  for (const span of spans) {
    const indent = span.parentId ? '    ' : '  '
    const attrs = span.kind === 'http' ? ` status=${span.attributes.status ?? '-'} bytes_in=${span.attributes.bytes_in ?? 0}${span.attributes.error ? ` error=${span.attributes.error}` : ''}` : ''
    lines.push(`${indent}${span.name}  +${(span.startMs - start).toFixed(1)} ms  ${span.durationMs.toFixed(2)} ms  ${span.status}${attrs}`)
  }
  return lines.join('\n') + '\n'
}
