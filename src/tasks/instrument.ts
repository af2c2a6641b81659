/**
 * Instruments task code for the debugger (ratchet_debug_task_execution). The code is first turned into
 * a script by toScript (so every accepted code form works), parsed with acorn, and before each
 * statement on a breakpoint line (or every statement, in step mode) a call `__ratchet_dbg(LINE, ...)` is
 * inserted on the same line; the runtime that defines it goes at the start of line 1. No line is ever
 * added, so line numbers in events, errors and stack traces are the user's own.
 */
import { parse, type AnyNode, type Program } from 'acorn'
import { fullAncestor } from 'acorn-walk'
import { AppError } from '../errors.ts'
import { createScopeReader } from './internal/declared-names.ts'
import { debugRuntime, PREVIEW_LIMITS, type DebugRuntimeConfig } from './internal/debug-runtime.ts'
import { toScript } from './to-script.ts'

/** Prefix of the log messages that carry debug events; the NULs keep it apart from anything a task logs. */
export const DEBUG_EVENT_MARKER = '\u0000ratchet-debug\u0000'

export interface InstrumentOptions {
  /** 1-based lines of the task's code file to stop at. */
  breakpoints: readonly number[]
  /** Report every statement executed, not only breakpoint hits. */
  stepMode: boolean
  /** Snapshot the visible variables at each breakpoint hit. */
  captureVariables: boolean
  /** Instrumented statements executed before the run is stopped with StepLimitExceeded. */
  maxSteps: number
  /** Hits per breakpoint line that carry variables (later hits are counted only). */
  maxCapturedHits: number
}

export interface InstrumentedTask {
  /** The instrumented script: as many lines as the script form of the code. */
  code: string
  /** Lines of the original code on which a statement starts (where a breakpoint can stop), ascending. */
  statementLines: number[]
  /** The requested breakpoints that have a statement, ascending. */
  activeBreakpoints: number[]
  /** True for a stack frame (line, 1-based column of the instrumented code) inside the debugger's runtime. */
  isRuntimeFrame(line: number, column: number): boolean
  /**
   * Maps a 1-based column of the instrumented code back to the column in the user's code; undefined on
   * a line toScript rewrote (an ESM `export`), where columns no longer match.
   */
  codeColumn(line: number, column: number): number | undefined
}

interface Insertion {
  offset: number
  /** At one offset: closing braces first, then the runtime, then calls (outer before inner). */
  rank: 0 | 1 | 2
  seq: number
  text: string
}

const LIST_PARENTS = new Set(['Program', 'BlockStatement', 'StaticBlock'])
const BODY_PARENTS = new Set(['IfStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement', 'WithStatement'])
/** Statements that never stop: blocks (their statements do), hoisted functions, empty statements. */
const SKIPPED = new Set(['BlockStatement', 'FunctionDeclaration', 'EmptyStatement'])

let runtimeSource: string | undefined

/** The runtime as one line of JavaScript (the instrumentation must not add lines). */
function runtimeLine(): string {
  if (runtimeSource === undefined) {
    // As an assignment: the transpiler drops a bare function expression as dead code.
    const prefix = 'var __ratchet_runtime='
    const minified = new Bun.Transpiler({ loader: 'js', minifyWhitespace: true }).transformSync(`${prefix}(${debugRuntime.toString()});`).trim()
    if (!minified.startsWith(prefix) || minified.includes('\n')) {
      throw new AppError('INTERNAL', 'The debugger runtime does not fit on one line; the instrumentation would move line numbers')
    }
    runtimeSource = `(${minified.slice(prefix.length).replace(/;$/, '')})`
  }
  return runtimeSource
}

function parseScript(script: string): Program {
  try {
    return parse(script, { ecmaVersion: 'latest', sourceType: 'script', locations: true, allowReturnOutsideFunction: true, allowHashBang: true })
  } catch (error) {
    const at = error as { loc?: { line: number; column: number }; message?: string }
    const where = at.loc ? ` at line ${at.loc.line}, column ${at.loc.column + 1}` : ''
    throw new AppError('TASK_INVALID', `The task's code cannot be parsed for debugging${where}: ${at.message ?? String(error)}`, {
      data: at.loc ? { line: at.loc.line, column: at.loc.column + 1 } : undefined,
      hint: 'Fix the syntax error first (ratchet_validate_task reports it with the line).',
    })
  }
}

/** Where a statement sits: in a statement list, as the lone body of if/for/while (needs braces), or neither. */
function positionOf(node: AnyNode, parent: AnyNode | undefined): 'list' | 'body' | null {
  if (!parent) return null
  if (LIST_PARENTS.has(parent.type)) return (parent as { body: AnyNode[] }).body.includes(node) ? 'list' : null
  if (parent.type === 'SwitchCase') return parent.consequent.includes(node as never) ? 'list' : null
  if (BODY_PARENTS.has(parent.type)) {
    const p = parent as { body?: AnyNode; consequent?: AnyNode; alternate?: AnyNode | null }
    return p.body === node || p.consequent === node || p.alternate === node ? 'body' : null
  }
  return null
}

/**
 * Instruments `code` (a task's code file as written). Throws AppError TASK_INVALID when the code does
 * not parse or uses a form toScript rejects (imports).
 */
export function instrumentTask(code: string, options: InstrumentOptions): InstrumentedTask {
  const script = toScript(code)
  const ast = parseScript(script)
  const codeLines = code.split('\n')
  const scriptLines = script.split('\n')
  const originalLines = codeLines.length
  const breakpoints = new Set(options.breakpoints)
  const visibleNames = createScopeReader()
  const statementLines = new Set<number>()
  const insertions: Insertion[] = []
  let seq = 0

  /** A statement that runs as one step: in a list or a lone body, not a block, hoisted function or directive. */
  const isStep = (node: AnyNode, parent: AnyNode | undefined) =>
    positionOf(node, parent) !== null && !SKIPPED.has(node.type) && !(node.type === 'ExpressionStatement' && typeof node.directive === 'string')

  const steps: Array<{ node: AnyNode; position: 'list' | 'body'; ancestors: AnyNode[] }> = []
  fullAncestor(ast, (node, _state, ancestors) => {
    const parent = ancestors[ancestors.length - 2]
    if (!isStep(node, parent)) return
    const line = node.loc!.start.line
    // toScript appends `module.exports.x = x` after the user's code, on the blank last line or after it.
    if (line > originalLines || codeLines[line - 1].trim() === '') return
    steps.push({ node, position: positionOf(node, parent)!, ancestors: ancestors.slice(0, -1) })
  })
  // Like a debugger's line breakpoint, a line is hit where its first statement starts; other statements
  // starting on it (`if (x) return y`, `a(); b()`, a one-line callback) are steps but not hits.
  const firstOnLine = new Map<number, number>()
  for (const { node } of steps) {
    const line = node.loc!.start.line
    firstOnLine.set(line, Math.min(firstOnLine.get(line) ?? Infinity, node.start))
  }

  for (const { node, position, ancestors } of steps) {
    const line = node.loc!.start.line
    statementLines.add(line)
    const hit = breakpoints.has(line) && firstOnLine.get(line) === node.start
    if (!options.stepMode && !hit) continue
    let call = hit ? `__ratchet_dbg(${line}` : `__ratchet_dbg.s(${line}`
    if (hit && options.captureVariables) {
      // Only the statement's ancestors: the statement itself is not in scope yet (a `for (let i …)` head).
      const names = visibleNames(ancestors)
      call += `, () => ({${names.map((name) => `${JSON.stringify(name)}: __ratchet_dbg.v(() => ${name})`).join(', ')}})`
    }
    call += ');'
    if (position === 'body') {
      insertions.push({ offset: node.start, rank: 2, seq: seq++, text: `{${call}` })
      insertions.push({ offset: node.end, rank: 0, seq: seq++, text: '}' })
    } else {
      insertions.push({ offset: node.start, rank: 2, seq: seq++, text: call })
    }
  }

  const config: DebugRuntimeConfig = {
    marker: DEBUG_EVENT_MARKER,
    captureVariables: options.captureVariables,
    maxSteps: options.maxSteps,
    maxCapturedHits: options.maxCapturedHits,
  }
  const at = runtimeOffset(script, ast)
  // After a directive without a semicolon the runtime needs a statement boundary of its own.
  const boundary = at > 0 && !/[;\n]/.test(script[at - 1]) ? ';' : ''
  const runtime = `${boundary}var __ratchet_dbg = ${runtimeLine()}(${JSON.stringify(config)}, ${JSON.stringify(PREVIEW_LIMITS)});`
  insertions.push({ offset: at, rank: 1, seq: seq++, text: runtime })
  insertions.sort((a, b) => a.offset - b.offset || a.rank - b.rank || a.seq - b.seq)

  const { text, shifts } = applyInsertions(script, insertions)
  assertSameShape(script, text)
  const runtimeLineNo = lineOf(script, at)
  const runtimeStart = columnOf(script, at) + insertedBefore(shifts.get(runtimeLineNo), columnOf(script, at))
  return {
    code: text,
    statementLines: [...statementLines].sort((a, b) => a - b),
    activeBreakpoints: [...breakpoints].filter((line) => statementLines.has(line)).sort((a, b) => a - b),
    isRuntimeFrame: (line, column) => line === runtimeLineNo && column >= runtimeStart && column < runtimeStart + runtime.length,
    codeColumn(line, column) {
      if (scriptLines[line - 1] !== codeLines[line - 1]) return undefined
      // Walk the line's insertions left to right: each one wholly before `column` moved it right.
      let moved = 0
      for (const shift of shifts.get(line) ?? []) {
        const start = shift.at + moved
        if (column < start) break
        if (column < start + shift.length) return shift.at
        moved += shift.length
      }
      return column - moved
    },
  }
}

/** Characters inserted on a line before `column` (1-based, script coordinates). */
function insertedBefore(list: Array<{ at: number; length: number }> | undefined, column: number): number {
  let total = 0
  for (const shift of list ?? []) if (shift.at < column) total += shift.length
  return total
}

/** 1-based column of `offset`. */
function columnOf(text: string, offset: number): number {
  return offset === 0 ? 1 : offset - text.lastIndexOf('\n', offset - 1)
}

/**
 * The runtime goes at the very start, except after a directive prologue (`'use strict'` must stay
 * first) or at the start of line 2 after a hashbang line (which is a comment to its end).
 */
function runtimeOffset(script: string, ast: Program): number {
  let offset = 0
  if (script.startsWith('#!')) {
    const newline = script.indexOf('\n')
    offset = newline < 0 ? script.length : newline + 1
  }
  for (const statement of ast.body) {
    if (statement.type !== 'ExpressionStatement' || typeof statement.directive !== 'string') break
    offset = statement.end
  }
  return offset
}

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** Builds the instrumented text, and per line the columns (1-based, script coordinates) where text went in. */
function applyInsertions(script: string, insertions: readonly Insertion[]) {
  const shifts = new Map<number, Array<{ at: number; length: number }>>()
  let out = ''
  let previous = 0
  let line = 1
  let lineStart = 0
  for (const insertion of insertions) {
    for (let i = previous; i < insertion.offset; i++) {
      if (script.charCodeAt(i) === 10) {
        line++
        lineStart = i + 1
      }
    }
    out += script.slice(previous, insertion.offset) + insertion.text
    const list = shifts.get(line) ?? []
    list.push({ at: insertion.offset - lineStart + 1, length: insertion.text.length })
    shifts.set(line, list)
    previous = insertion.offset
  }
  out += script.slice(previous)
  return { text: out, shifts }
}

/** The instrumentation is ours: if it ever breaks the code or moves a line, fail loudly rather than mislead. */
function assertSameShape(script: string, instrumented: string): void {
  if (instrumented.split('\n').length !== script.split('\n').length) {
    throw new AppError('INTERNAL', 'Instrumenting the task for debugging changed its line count; please report this with the task code')
  }
  try {
    parse(instrumented, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true })
  } catch (error) {
    throw new AppError('INTERNAL', `Instrumenting the task for debugging produced invalid code (${(error as Error).message}); please report this with the task code`)
  }
}
