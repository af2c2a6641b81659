import vm from 'node:vm'
import { AppError } from '../errors.ts'
import type { TaskProblem } from './types.ts'

/**
 * Task code is run as a classic `node:vm` Script (no module loader in the sandbox). Users write it in
 * several forms; `toScript` rewrites the ESM ones into a script while keeping every line where it was,
 * so stack traces and syntax errors point at the user's own line numbers.
 */

interface ScanResult {
  exports: string[]
  imports: { kind: string; path: string }[]
}

interface ParseFailure {
  message: string
  line: number
  /** 1-based, as Bun's parser reports it. */
  column: number
  lineText: string
}

let transpiler: Bun.Transpiler | undefined

/** `export { a, b as c }` (clause), `export default <rest>`, or `export` before a declaration keyword. */
const EXPORT_STATEMENT =
  /^([ \t]*)export(?:[ \t]*\{([^}]*)\}[ \t]*;?|[ \t]+default[ \t]+(.*)$|[ \t]+(?=(?:async[ \t]+)?function\b|class\b|const\b|let\b|var\b))/gm

/** Bun's parser (module goal) tells us whether there are imports/exports at all, ignoring strings and comments. */
function scanCode(code: string): { ok: true; scan: ScanResult } | { ok: false; failure: ParseFailure } {
  transpiler ??= new Bun.Transpiler({ loader: 'js' })
  try {
    return { ok: true, scan: transpiler.scan(code) as ScanResult }
  } catch (error) {
    // A single problem is thrown as a BuildMessage, several as an AggregateError of BuildMessages.
    const first = (error instanceof AggregateError ? error.errors[0] : error) as { message?: string; position?: { line: number; column: number; lineText: string } }
    const position = first?.position
    return {
      ok: false,
      failure: {
        message: first?.message ?? String(error),
        line: position?.line ?? 0,
        column: position?.column ?? 0,
        lineText: position?.lineText ?? '',
      },
    }
  }
}

/**
 * Converts task code into a classic script. Function declarations and CommonJS (`module.exports`,
 * `exports.main`) pass through unchanged (the runner provides `module`/`exports`); a file that is a
 * single function or arrow expression becomes `module.exports = <it>` on the same line. ESM `export`
 * forms are rewritten in place and `module.exports.<name> = <name>` lines are appended at the end.
 * Imports throw AppError('TASK_INVALID'). Line numbers never change.
 */
export function toScript(code: string): string {
  const scanned = scanCode(code)
  // Not parseable as a module: leave it to vm.Script, which reports the error (or accepts sloppy-mode code).
  if (!scanned.ok) return exposeFunctionExpression(code)
  const { exports, imports } = scanned.scan
  if (imports.length > 0) throw importError(code, imports)
  // `export {}` (a TypeScript habit) exports nothing, so Bun's scan cannot tell us about it.
  if (exports.length === 0 && !/^[ \t]*export\b/m.test(code)) return exposeFunctionExpression(code)

  const tail: string[] = []
  const handled = new Set<string>()
  const out = code.replace(EXPORT_STATEMENT, (whole: string, indent: string, clause: string | undefined, rest: string | undefined, offset: number) => {
    if (!isRealExport(code, offset + indent.length)) return whole
    if (clause !== undefined) {
      for (const part of clause.split(',').map((item) => item.trim()).filter(Boolean)) {
        const match = /^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/.exec(part)
        if (!match) throw conversionError(code, offset, `cannot convert the export ${JSON.stringify(part)}`)
        const exported = match[2] ?? match[1]
        handled.add(exported)
        tail.push(`module.exports.${exported} = ${match[1]};`)
      }
      return indent + whole.replace(/[^\n]/g, '')
    }
    if (rest !== undefined) {
      handled.add('default')
      const name = (/^(?:async[ \t]+)?function\b[ \t]*\*?[ \t]*([A-Za-z_$][\w$]*)/.exec(rest) ?? /^class[ \t]+(?!extends\b)([A-Za-z_$][\w$]*)/.exec(rest))?.[1]
      // A named declaration stays a declaration (hoisting, self-reference); anything else becomes an assignment.
      if (name === undefined) return `${indent}module.exports.default = ${rest}`
      tail.push(`module.exports.default = ${name};`)
      return indent + rest
    }
    return indent
  })

  for (const name of exports) {
    if (!handled.has(name)) tail.push(`module.exports.${name} = ${name};`)
  }

  const rescanned = scanCode(out)
  if (!rescanned.ok || rescanned.scan.exports.length > 0) {
    throw conversionError(code, -1, 'could not convert every `export` statement to a script')
  }
  if (tail.length === 0) return out
  return `${out}${out.endsWith('\n') ? '' : '\n'};${tail.join('\n')}\n`
}

/**
 * A line that starts with `export` may sit inside a template literal or a comment. Overwriting the
 * keyword with `))))))` breaks parsing only where it is code, i.e. a real export statement.
 */
function isRealExport(code: string, at: number): boolean {
  return !scanCode(`${code.slice(0, at)}))))))${code.slice(at + 'export'.length)}`).ok
}

function lineOf(code: string, index: number): number {
  return code.slice(0, index).split('\n').length
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function importError(code: string, imports: ScanResult['imports']): AppError {
  const paths = [...new Set(imports.map((item) => item.path))]
  const where = paths.map((path) => {
    const line = importLine(code, path)
    return line === undefined ? `imports ${JSON.stringify(path)}` : `line ${line} imports ${JSON.stringify(path)}`
  })
  return new AppError('TASK_INVALID', `${where.join(', ')}: import is not supported, tasks run sandboxed without modules`, {
    data: { imports: paths },
    hint: 'Remove the import: tasks get fetch, console and context as globals instead.',
  })
}

/** Line of the `import`/`export … from` statement (or dynamic `import()`) that names `path`. */
function importLine(code: string, path: string): number | undefined {
  const quoted = `(['"\`])${escapeRegExp(path)}\\1`
  const source = new RegExp(`(?:\\bfrom\\s*|^[ \\t]*import\\s*)${quoted}`, 'm').exec(code)
  if (source) {
    // Multi-line imports name their source on the last line; report the line where the statement starts.
    const starts = [...code.slice(0, source.index + 1).matchAll(/^[ \t]*(?:import|export)\b/gm)]
    return lineOf(code, starts.at(-1)?.index ?? source.index)
  }
  const dynamic = new RegExp(`\\bimport\\s*\\(\\s*${quoted}`).exec(code)
  return dynamic ? lineOf(code, dynamic.index) : undefined
}

function conversionError(code: string, offset: number, reason: string): AppError {
  const at = offset >= 0 ? ` at line ${lineOf(code, offset)}` : ''
  return new AppError('TASK_INVALID', `${reason}${at}`, {
    hint: 'Put each export statement on its own line (`export function main(input, context) { ... }`), or use `module.exports = { main }`.',
  })
}

/**
 * Compiles (never runs) the script form of `code` and reports a syntax error, an import, or an
 * unconvertible export as a TaskProblem naming the file, line, column and offending line's text.
 * Bun's vm.Script SyntaxError carries a 1-based `line` property (column is always 0); the real column is
 * taken from the caret line in `error.stack` ("file:line\n<source line>\n    ^").
 */
export function checkSyntax(code: string, file: string): TaskProblem | null {
  let script: string
  try {
    script = toScript(code)
  } catch (error) {
    if (error instanceof AppError) return { file, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }
    throw error
  }
  try {
    new vm.Script(script, { filename: file })
    return null
  } catch (error) {
    const hint = 'Fix the JavaScript syntax at the line shown.'
    const scanned = scanCode(code)
    // When the code is not even a valid module, Bun's parser knows the exact spot; vm.Script would
    // instead stop at the first `export` keyword it was never able to rewrite.
    if (!scanned.ok && scanned.failure.line > 0) {
      const { line, column, message, lineText } = scanned.failure
      return { file, message: syntaxMessage(line, column, message, lineText), hint }
    }
    const err = error as { name?: string; message?: string; line?: number; stack?: string }
    if (err?.name !== 'SyntaxError') return { file, message: `does not compile: ${err?.message ?? String(error)}`, hint }
    const line = typeof err.line === 'number' && err.line > 0 ? err.line : undefined
    const lines = code.split('\n')
    const text = line === undefined ? '' : (lines[line - 1] ?? script.split('\n')[line - 1] ?? '')
    return { file, message: syntaxMessage(line, caretColumn(err.stack, line), err.message ?? 'syntax error', text), hint }
  }
}

function caretColumn(stack: string | undefined, line: number | undefined): number | undefined {
  if (!stack || line === undefined) return undefined
  const [head, , caret] = stack.split('\n')
  if (!head?.endsWith(`:${line}`) || caret === undefined || !/^ *\^$/.test(caret)) return undefined
  return caret.length
}

function syntaxMessage(line: number | undefined, column: number | undefined, reason: string, text: string): string {
  const where = line === undefined ? 'syntax error' : `syntax error at line ${line}${column === undefined ? '' : `, column ${column}`}`
  const near = text.trim() ? ` (in: ${text.trim()})` : ''
  return `${where}: ${reason}${near}`
}

/** `(function (input) {...})` or an arrow as the whole file: assign it, since a module has no completion value. */
function exposeFunctionExpression(code: string): string {
  const start = leadingTriviaLength(code)
  const rest = code.slice(start)
  const isExpression = rest.startsWith('(') || /^async\s*(\(|[A-Za-z_$][\w$]*\s*=>)/.test(rest)
  return isExpression ? code.slice(0, start) + 'module.exports = ' + rest : code
}

/** Length of the leading whitespace, comments and shebang line. */
function leadingTriviaLength(text: string): number {
  let i = 0
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++
    if (text.startsWith('//', i) || (i === 0 && text.startsWith('#!'))) {
      const end = text.indexOf('\n', i)
      i = end < 0 ? text.length : end + 1
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2)
      i = end < 0 ? text.length : end + 2
    } else {
      return i
    }
  }
}
