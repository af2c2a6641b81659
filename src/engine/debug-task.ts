/**
 * Runs a task once under the debugger: its code is instrumented (src/tasks/instrument.ts), run as a
 * real execution through the engine (recorded with source `debug`), and the events the instrumented
 * code logged are turned into breakpoint hits with variables, the executed line sequence, and the
 * task's own logs. Errors are mapped back so their lines, columns and source text are the user's.
 */
import { basename } from 'node:path'
import { AppError } from '../errors.ts'
import type { ExecutionError, ExecutionReader, ExecutionRecord, LogEntry } from '../store/types.ts'
import { instrumentTask, type InstrumentedTask } from '../tasks/instrument.ts'
import type { TaskPackage } from '../tasks/types.ts'
import { createRunMarker, splitDebugLogs, useRunMarker, type DebugEvent } from './debug-events.ts'
import type { Engine } from './engine.ts'
import { runExecution } from './run-execution.ts'

/** Hits per breakpoint line reported with their variables; later hits are only counted. */
export const MAX_REPORTED_HITS = 20

export interface DebugTaskRequest {
  task: TaskPackage
  input: unknown
  /** 1-based lines of the task's code file. */
  breakpoints: readonly number[]
  stepMode: boolean
  captureVariables: boolean
  maxSteps: number
  /** Seconds; the engine caps it at execution.max_execution_time. */
  timeout?: number
  /** Aborting it cancels the run. */
  signal?: AbortSignal
}

export interface BreakpointHit {
  hit: number
  step: number
  /** Variables whose preview differs from this line's previous hit (the first hit's are the report's `variables`). */
  changed?: Record<string, unknown>
}

export interface BreakpointReport {
  line: number
  /** The line's text, trimmed. */
  source: string
  hitCount: number
  /** The variables at the first hit. */
  variables?: Record<string, unknown>
  /** The first MAX_REPORTED_HITS hits. */
  hits: BreakpointHit[]
}

export interface DebugTaskReport {
  /** The execution record, with its error mapped to the user's code. */
  record: ExecutionRecord
  breakpoints: BreakpointReport[]
  /** Step mode: every statement executed, in order. */
  steps?: Array<{ step: number; line: number; source: string }>
  stepsExecuted: number
  stepLimitReached: boolean
  /** The task's own log entries. */
  logs: LogEntry[]
  warnings: string[]
}

/** Instruments and runs `request.task`. Throws AppError TASK_INVALID when the code cannot be parsed. */
export async function debugTask(deps: { engine: Engine; store: Pick<ExecutionReader, 'getLogs'> }, request: DebugTaskRequest): Promise<DebugTaskReport> {
  const { task } = request
  const lines = task.code.split('\n')
  const instrumented = instrumentTask(task.code, {
    breakpoints: request.breakpoints,
    stepMode: request.stepMode,
    captureVariables: request.captureVariables,
    maxSteps: request.maxSteps,
    maxCapturedHits: MAX_REPORTED_HITS,
  })
  // A marker of this run only: events the task forges with any other marker stay ordinary log lines.
  const marker = createRunMarker()
  const code = useRunMarker(instrumented.code, marker)
  if (code === null) throw new AppError('INTERNAL', 'The instrumented code has no debugger runtime config to give this run its event marker')
  const debugPackage: TaskPackage = { ...task, code, checksum: new Bun.CryptoHasher('sha256').update(code).digest('hex') }
  // The engine stores the mapped error, so get_execution_status and analyze_execution_error show the user's code.
  const record = await runExecution(deps.engine, { task: debugPackage, input: request.input, timeout: request.timeout, source: 'debug', signal: request.signal, mapError: (error) => mapDebugError(error, instrumented, lines, task.entryFile) })
  const { events, limit, logs, unreadable } = splitDebugLogs(await deps.store.getLogs(record.id), marker)
  const source = (line: number) => (lines[line - 1] ?? '').trim()

  const breakpoints = collectHits(events, source)
  const warnings = breakpointWarnings(request, instrumented, lines.length, basename(task.entryFile), breakpoints)
  for (const report of breakpoints) {
    if (report.hitCount > report.hits.length) warnings.push(`Line ${report.line} was hit ${report.hitCount} times; the first ${report.hits.length} hits are listed.`)
  }
  if (limit) warnings.push(`The run was stopped before line ${limit.line} after ${limit.maxSteps} steps (max_steps); the steps and hits before it are complete.`)
  if (record.status === 'timed_out' || record.status === 'cancelled') {
    warnings.push(`The run was stopped from outside (${record.status}): events recorded while its code was busy without waiting (a loop that never awaits a timer or fetch) may be missing. To stop a runaway loop from inside and keep every step, use step_mode with max_steps.`)
  }
  if (unreadable > 0) warnings.push(`${unreadable} debugger event(s) could not be read (too large for one log entry) and are missing.`)
  return {
    record,
    breakpoints,
    ...(request.stepMode ? { steps: events.map((e) => ({ step: e.step, line: e.line, source: source(e.line) })) } : {}),
    stepsExecuted: events.length === 0 ? 0 : events[events.length - 1].step,
    stepLimitReached: limit !== undefined,
    logs,
    warnings,
  }
}

function collectHits(events: readonly DebugEvent[], source: (line: number) => string): BreakpointReport[] {
  const byLine = new Map<number, BreakpointReport>()
  const previous = new Map<number, Record<string, unknown>>()
  for (const event of events) {
    if (event.hit === undefined) continue
    let report = byLine.get(event.line)
    if (!report) {
      report = { line: event.line, source: source(event.line), hitCount: 0, hits: [] }
      byLine.set(event.line, report)
    }
    report.hitCount = Math.max(report.hitCount, event.hit)
    if (report.hits.length >= MAX_REPORTED_HITS) continue
    const hit: BreakpointHit = { hit: event.hit, step: event.step }
    if (event.variables) {
      const before = previous.get(event.line)
      if (before === undefined) report.variables = event.variables
      else hit.changed = changedValues(before, event.variables)
      previous.set(event.line, event.variables)
    }
    report.hits.push(hit)
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line)
}

/** The entries of `now` whose preview differs from `before` (the same line always sees the same names). */
function changedValues(before: Record<string, unknown>, now: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(now)) {
    if (JSON.stringify(before[name]) !== JSON.stringify(value)) changed[name] = value
  }
  return changed
}

/** Breakpoints that cannot stop (no statement, past the end) or did not stop, in words a model can act on. */
function breakpointWarnings(request: DebugTaskRequest, instrumented: InstrumentedTask, lineCount: number, file: string, hit: readonly BreakpointReport[]): string[] {
  const warnings: string[] = []
  if (request.breakpoints.length === 0 && !request.stepMode) {
    warnings.push(`No breakpoints and step_mode is off, so nothing was observed: pass breakpoints (line numbers in ${file}) or step_mode: true.`)
  }
  const statements = instrumented.statementLines
  for (const line of [...new Set(request.breakpoints)].sort((a, b) => a - b)) {
    if (line > lineCount) {
      warnings.push(`Breakpoint at line ${line} is past the end of ${file} (${lineCount} lines).`)
    } else if (!instrumented.activeBreakpoints.includes(line)) {
      const nearest = nearestLines(statements, line)
      const hint = nearest.length === 2 ? ` The nearest lines with one are ${nearest[0]} and ${nearest[1]}.` : nearest.length === 1 ? ` The nearest line with one is ${nearest[0]}.` : ` ${file} has no statements.`
      warnings.push(`Breakpoint at line ${line} has no statement to stop at (a blank line, a comment, a brace, a function declaration's header or the inside of a multi-line statement).${hint}`)
    } else if (!hit.some((report) => report.line === line)) {
      warnings.push(`Breakpoint at line ${line} was not reached.`)
    }
  }
  return warnings
}

/** The closest statement line before and after `line`. */
function nearestLines(statements: readonly number[], line: number): number[] {
  const before = statements.filter((l) => l < line).at(-1)
  const after = statements.find((l) => l > line)
  return [before, after].filter((l): l is number => l !== undefined)
}

const FRAME = /^(.*?)((?:\/|[A-Za-z]:\\)[^():]+):(\d+):(\d+)(\)?\s*)$/

/**
 * The worker located the error in the instrumented code: drop the debugger runtime's own frames, map
 * columns back, and take the source text from the user's code.
 */
export function mapDebugError(error: ExecutionError, instrumented: InstrumentedTask, lines: readonly string[], file: string): ExecutionError {
  const mapped: ExecutionError = { ...error }
  let location = error.location ? { ...error.location } : undefined
  if (error.stack) {
    const kept: string[] = []
    let first: { line: number; column: number | undefined } | undefined
    for (const frame of error.stack.split('\n')) {
      const match = FRAME.exec(frame)
      if (!match || match[2] !== file) {
        kept.push(frame)
        continue
      }
      const line = Number(match[3])
      const column = Number(match[4])
      if (instrumented.isRuntimeFrame(line, column)) continue
      const original = instrumented.codeColumn(line, column)
      first ??= { line, column: original }
      kept.push(`${match[1]}${file}:${line}${original === undefined ? '' : `:${original}`}${match[5]}`)
    }
    mapped.stack = kept.join('\n')
    if (first) location = { file, line: first.line, ...(first.column === undefined ? {} : { column: first.column }) }
  } else if (location && location.column !== undefined) {
    const column = instrumented.codeColumn(location.line, location.column)
    if (column === undefined) delete location.column
    else location.column = column
  }
  if (location) {
    const text = lines[location.line - 1]
    mapped.location = { ...location, ...(text === undefined ? {} : { source: text.trim() }) }
  }
  return mapped
}
