import { describe, expect, test } from 'bun:test'
import { parseJson } from '../../src/tasks/parse-json.ts'

describe('parseJson', () => {
  test('parses valid JSON, tolerating a byte-order mark', () => {
    expect(parseJson('\uFEFF{"a": [1, true, null, "x\\n"]}')).toEqual({ ok: true, value: { a: [1, true, null, 'x\n'] } })
  })

  test.each([
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}' but found \"\\\"\""],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes but found "\'"'],
    ['{"a": [1, 2,]}', 1, 13, "trailing comma before ']'"],
    ['{"a": "line\nbreak"}', 1, 12, 'unescaped control character (a raw newline or tab?) in string'],
    ['{"a": 01}', 1, 8, "expected ',' or '}' but found \"1\""],
    ['{"a": tru}', 1, 7, 'unexpected "t"'],
    ['{"a": 1} x', 1, 10, 'unexpected "x" after the end of the JSON value'],
    ['{"a": "\\x"}', 1, 8, 'invalid escape sequence \\x'],
    ['{"a": "open', 1, 12, 'unterminated string'],
  ])('locates the error in %j at line %d, column %d', (text, line, column, message) => {
    expect(parseJson(text)).toEqual({ ok: false, line, column, message: `invalid JSON at line ${line}, column ${column}: ${message}` })
  })

  test('says when the file is empty', () => {
    expect(parseJson('  \n')).toEqual({ ok: false, message: 'the file is empty (expected a JSON value)' })
  })
})
