/**
 * Reads the specifics out of a task error's message and source line — which value was undefined,
 * which variable does not exist — and the lines of code around the failure, for analyze-error.
 */
import type { SourceLocation } from '../store/types.ts'

/** `a.b.c` read from an undefined/null `a.b`: the base expression, the property read and the value kind. */
export interface UndefinedAccess {
  base: string
  property: string
  value: 'undefined' | 'null'
}

const lastAccess = /^(.*?)(?:\?\.|\.)([A-Za-z_$][\w$]*)$|^(.*)\[(.+)\]$/

function splitAccess(expression: string): { base: string; property: string } | null {
  const match = lastAccess.exec(expression.trim())
  if (!match) return null
  if (match[1] !== undefined) return { base: match[1], property: match[2] }
  return { base: match[3], property: match[4].replace(/^['"]|['"]$/g, '') }
}

/**
 * Recognises property reads on undefined/null in both engines' wording:
 * JavaScriptCore `undefined is not an object (evaluating 'input.user.name')` and
 * V8 `Cannot read properties of undefined (reading 'name')` (the base then comes from the source line).
 */
export function parseUndefinedAccess(message: string, sourceLine?: string): UndefinedAccess | null {
  const jsc = /^(undefined|null) is not an object \(evaluating '(.+)'\)$/.exec(message)
  if (jsc) {
    const parts = splitAccess(jsc[2])
    return parts ? { ...parts, value: jsc[1] as UndefinedAccess['value'] } : null
  }
  const v8 = /Cannot read propert(?:y|ies) of (undefined|null) \(reading '(.+)'\)/.exec(message)
  if (v8) {
    const property = v8[2]
    const escaped = property.replace(/[$]/g, '\\$')
    const inSource = sourceLine ? new RegExp(`([A-Za-z_$][\\w$]*(?:(?:\\?\\.|\\.)[A-Za-z_$][\\w$]*|\\[[^\\]]+\\])*)(?:\\?\\.|\\.)${escaped}\\b`).exec(sourceLine) : null
    return { base: inSource?.[1] ?? '(value)', property, value: v8[1] as UndefinedAccess['value'] }
  }
  return null
}

/** `x.y is not a function`: the callee expression and, when the engine says, what it actually was. */
export function parseNotAFunction(message: string): { callee: string; actual?: string } | null {
  const match = /^(.+?) is not a function\.?(?: \(In '.*', '.*' is (.+)\))?$/.exec(message)
  return match ? { callee: match[1], actual: match[2] } : null
}

/** The missing identifier of a ReferenceError (`foo is not defined` / `Can't find variable: foo`). */
export function parseMissingVariable(message: string): string | null {
  return /^([A-Za-z_$][\w$]*) is not defined$/.exec(message)?.[1] ?? /^Can't find variable: ([A-Za-z_$][\w$]*)$/.exec(message)?.[1] ?? null
}

/** Identifiers declared or used in `code` (for "did you mean" on a ReferenceError). */
export function identifiersIn(code: string): string[] {
  const words = new Set<string>()
  for (const match of code.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)|\b([A-Za-z_$][\w$]*)\s*(?==[^=>]|\(|,|\))/g)) {
    const word = match[1] ?? match[2]
    if (word && !/^(if|for|while|switch|catch|return|function|typeof|await|new)$/.test(word)) words.add(word)
  }
  return [...words]
}

export interface ContextLine {
  line: number
  text: string
  is_error_line: boolean
}

/**
 * Up to `radius` lines either side of the failing line, from the file as it is now; `changed` is true
 * when that line no longer reads as it did when the execution ran (the task was edited since).
 */
export function sourceContext(fileText: string | null, location: SourceLocation, radius = 3): { lines: ContextLine[]; changed: boolean } | null {
  if (fileText === null) return null
  const all = fileText.split('\n')
  if (all.length > 1 && all.at(-1) === '') all.pop()
  if (location.line < 1 || location.line > all.length) return { lines: [], changed: true }
  const from = Math.max(1, location.line - radius)
  const to = Math.min(all.length, location.line + radius)
  const lines: ContextLine[] = []
  for (let n = from; n <= to; n++) lines.push({ line: n, text: all[n - 1].replace(/\r$/, ''), is_error_line: n === location.line })
  const changed = location.source !== undefined && all[location.line - 1].trim() !== location.source.trim()
  return { lines, changed }
}

/** Follows `input.a.b` (or `input?.a`, `input["a"]`) through the actual input: what exists, and the first missing key. */
export function traceInputPath(expression: string, input: unknown): { path: string[]; missing?: string; value?: unknown } | null {
  const match = /^input((?:\??\.[A-Za-z_$][\w$]*|\[(?:\d+|'[^']*'|"[^"]*")\])*)$/.exec(expression.trim())
  if (!match) return null
  const keys = [...match[1].matchAll(/\??\.([A-Za-z_$][\w$]*)|\[(?:(\d+)|'([^']*)'|"([^"]*)")\]/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4])
  let current: unknown = input
  const path: string[] = []
  for (const key of keys) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return { path, missing: key }
    current = (current as Record<string, unknown>)[key]
    path.push(key)
  }
  return { path, value: current }
}
