/**
 * JSON parsing that says where a file is broken. `JSON.parse` in Bun (JavaScriptCore) reports only
 * "JSON Parse error: Expected '}'" with no position, so on failure we rescan the text with a small
 * strict JSON grammar to find the line and column of the first error.
 */

/** The parsed value, or why the text is not JSON (with a 1-based position when one can be found). */
export type ParseJsonResult =
  | { ok: true; value: unknown }
  | { ok: false; message: string; line?: number; column?: number }

/** Parses JSON text; on failure returns a message with the 1-based line and column of the first error. */
export function parseJson(text: string): ParseJsonResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') return { ok: false, message: 'the file is empty (expected a JSON value)' }
  try {
    return { ok: true, value: JSON.parse(body) }
  } catch (error) {
    const found = locateJsonError(body)
    if (!found) return { ok: false, message: error instanceof Error ? error.message : String(error) }
    const { line, column } = lineAndColumn(body, found.offset)
    return { ok: false, message: `invalid JSON at line ${line}, column ${column}: ${found.message}`, line, column }
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const LITERALS = ['true', 'false', 'null']

function locateJsonError(text: string): { offset: number; message: string } | null {
  let i = 0
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, i)
  }
  const describe = (): string => (i >= text.length ? 'end of file' : JSON.stringify(text[i]))
  const skipSpace = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++
  }

  const parseString = (): void => {
    i++
    for (;;) {
      if (i >= text.length) fail('unterminated string')
      const ch = text[i]
      if (ch === '"') {
        i++
        return
      }
      if (ch.charCodeAt(0) < 0x20) fail('unescaped control character (a raw newline or tab?) in string')
      if (ch === '\\') {
        const next = text[i + 1]
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape (needs 4 hex digits)')
          i += 6
          continue
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) fail(`invalid escape sequence \\${next ?? ''}`)
        i += 2
        continue
      }
      i++
    }
  }

  const parseValue = (): void => {
    skipSpace()
    const ch = text[i]
    if (ch === '{') return parseContainer('}', true)
    if (ch === '[') return parseContainer(']', false)
    if (ch === '"') return parseString()
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = i
      const match = NUMBER.exec(text)
      if (!match) fail('invalid number')
      i += match![0].length
      return
    }
    const literal = LITERALS.find((word) => text.startsWith(word, i))
    if (literal) {
      i += literal.length
      return
    }
    if (ch === "'") fail('strings must use double quotes')
    fail(`unexpected ${describe()}`)
  }

  const parseContainer = (close: '}' | ']', isObject: boolean): void => {
    i++
    skipSpace()
    if (text[i] === close) {
      i++
      return
    }
    for (;;) {
      skipSpace()
      if (isObject) {
        if (text[i] !== '"') fail(`expected a property name in double quotes but found ${describe()}`)
        parseString()
        skipSpace()
        if (text[i] !== ':') fail(`expected ':' after the property name but found ${describe()}`)
        i++
      }
      parseValue()
      skipSpace()
      if (text[i] === ',') {
        i++
        skipSpace()
        if (text[i] === close) fail(`trailing comma before '${close}'`)
        continue
      }
      if (text[i] === close) {
        i++
        return
      }
      fail(`expected ',' or '${close}' but found ${describe()}`)
    }
  }

  try {
    parseValue()
    skipSpace()
    if (i < text.length) fail(`unexpected ${describe()} after the end of the JSON value`)
    return null
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, message: error.message }
    throw error
  }
}
