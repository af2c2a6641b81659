import { describe, expect, test } from 'bun:test'
import vm from 'node:vm'
import { parse } from 'acorn'
import { AppError } from '../../src/errors.ts'
import { instrumentTask, type InstrumentOptions } from '../../src/tasks/instrument.ts'

const options = (extra: Partial<InstrumentOptions> = {}): InstrumentOptions => ({ breakpoints: [], stepMode: false, captureVariables: true, maxSteps: 1000, maxCapturedHits: 20, ...extra })

/** The instrumented lines after line 1 (line 1 also carries the runtime). */
const body = (code: string) => code.split('\n').slice(1)

const parses = (code: string) => parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true })

describe('instrumentTask', () => {
  test('keeps every line where it was and produces valid JavaScript', () => {
    const code = 'function main(input) {\n  const a = 1\n\n  // comment\n  return a + input.b\n}\n'
    const result = instrumentTask(code, options({ stepMode: true }))
    expect(result.code.split('\n')).toHaveLength(code.split('\n').length)
    expect(() => parses(result.code)).not.toThrow()
    expect(body(result.code)).toEqual(['  __ratchet_dbg.s(2);const a = 1', '', '  // comment', '  __ratchet_dbg.s(5);return a + input.b', '}', ''])
  })

  test('puts the runtime first on line 1, after a directive prologue', () => {
    const strict = instrumentTask("'use strict'\nfunction main() {\n  return 1\n}\n", options({ breakpoints: [3] }))
    const first = strict.code.split('\n')[0]
    expect(first.startsWith("'use strict';var __ratchet_dbg = ")).toBe(true)
    // Still a directive: assigning to an undeclared name throws in strict code only.
    expect(() => new vm.Script(instrumentTask("'use strict'\nundeclaredName = 1\n", options({ stepMode: true })).code).runInNewContext({ console })).toThrow(/undeclaredName is not defined/)
    const plain = instrumentTask('function main() {\n  return 1\n}\n', options({ breakpoints: [2] }))
    expect(plain.code.startsWith('var __ratchet_dbg = ')).toBe(true)
  })

  test('reads the variables visible at a breakpoint, innermost scope first, each guarded against the TDZ', () => {
    const code = [
      'const LIMIT = 3',
      'function main({ items }, context) {',
      '  let total = 0',
      '  for (const [i, item] of items.entries()) {',
      '    try {',
      '      total += item',
      '    } catch (err) {',
      '      var failed = err',
      '    }',
      '  }',
      '  return total',
      '}',
    ].join('\n')
    const result = instrumentTask(code, options({ breakpoints: [6, 8, 11] }))
    const lines = result.code.split('\n')
    const names = (line: number) => [...lines[line - 1].matchAll(/"([^"]+)": __ratchet_dbg\.v/g)].map((m) => m[1])
    expect(names(6)).toEqual(['i', 'item', 'total', 'items', 'context', 'failed', 'LIMIT', 'main'])
    expect(names(8)).toEqual(['err', 'i', 'item', 'total', 'items', 'context', 'failed', 'LIMIT', 'main'])
    expect(names(11)).toEqual(['total', 'items', 'context', 'failed', 'LIMIT', 'main'])
    expect(lines[5]).toContain('"total": __ratchet_dbg.v(() => total)')
  })

  test('does not offer a loop head or switch-case variable before the statement that declares it', () => {
    const code = 'function main(x) {\n  for (let i = 0; i < 2; i++) x += i\n  return x\n}'
    const line2 = instrumentTask(code, options({ breakpoints: [2] })).code.split('\n')[1]
    expect(line2.startsWith('  __ratchet_dbg(2, () => ({"x": __ratchet_dbg.v(() => x), "main": __ratchet_dbg.v(() => main)}));for (let i')).toBe(true)
  })

  test('wraps a lone if/else/loop body in braces so the inserted call stays inside it', () => {
    const code = 'function main(x) {\n  if (x > 1)\n    return 1\n  else\n    return 2\n  while (x--)\n    x -= 1\n}'
    const result = instrumentTask(code, options({ stepMode: true }))
    expect(body(result.code)).toEqual([
      '  __ratchet_dbg.s(2);if (x > 1)',
      '    {__ratchet_dbg.s(3);return 1}',
      '  else',
      '    {__ratchet_dbg.s(5);return 2}',
      '  __ratchet_dbg.s(6);while (x--)',
      '    {__ratchet_dbg.s(7);x -= 1}',
      '}',
    ])
    expect(() => parses(result.code)).not.toThrow()
  })

  test('a breakpoint line is hit at its first statement; nested statements on it are steps only', () => {
    const code = 'function main(x) {\n  if (x) return 1\n  return 2\n}'
    const line2 = instrumentTask(code, options({ breakpoints: [2], stepMode: true, captureVariables: false })).code.split('\n')[1]
    expect(line2).toBe('  __ratchet_dbg(2);if (x) {__ratchet_dbg.s(2);return 1}')
    expect(instrumentTask(code, options({ breakpoints: [2], captureVariables: false })).code.split('\n')[1]).toBe('  __ratchet_dbg(2);if (x) return 1')
    const siblings = 'function main(x) {\n  x++; x++; [1].forEach((y) => { x += y })\n  return x\n}'
    expect(instrumentTask(siblings, options({ breakpoints: [2], stepMode: true, captureVariables: false })).code.split('\n')[1]).toBe(
      '  __ratchet_dbg(2);x++; __ratchet_dbg.s(2);x++; __ratchet_dbg.s(2);[1].forEach((y) => { __ratchet_dbg.s(2);x += y })',
    )
  })

  test('reports the lines that have statements and the breakpoints that can stop', () => {
    const code = 'function main(input) {\n  const a = input.a\n\n  return {\n    a,\n  }\n}\n'
    const result = instrumentTask(code, options({ breakpoints: [1, 2, 3, 5, 4] }))
    expect(result.statementLines).toEqual([2, 4])
    expect(result.activeBreakpoints).toEqual([2, 4])
  })

  test('instruments the ESM form after toScript, skipping the export lines toScript appends', () => {
    const code = 'export async function main(input) {\n  const x = await Promise.resolve(input.x)\n  return { x }\n}\n'
    const result = instrumentTask(code, options({ stepMode: true }))
    const lines = result.code.split('\n')
    expect(lines[1]).toBe('  __ratchet_dbg.s(2);const x = await Promise.resolve(input.x)')
    expect(lines.at(-2)).toBe(';module.exports.main = main;')
    expect(result.statementLines).toEqual([2, 3])
  })

  test('maps columns of the instrumented code back to the user\'s columns', () => {
    const code = 'function main(x) {\n  if (x) return x.y.z\n}'
    const result = instrumentTask(code, options({ breakpoints: [2], stepMode: true }))
    const line = result.code.split('\n')[1]
    const at = line.indexOf('x.y.z') + 1
    expect(result.codeColumn(2, at)).toBe('  if (x) return '.length + 1)
    expect(result.codeColumn(2, 1)).toBe(1)
  })

  test('refuses code it cannot parse, naming the line', () => {
    const thrown = (() => {
      try {
        instrumentTask('function main() {\n  return (\n}\n', options())
      } catch (error) {
        return error
      }
    })()
    expect(thrown).toBeInstanceOf(AppError)
    expect((thrown as AppError).code).toBe('TASK_INVALID')
    expect((thrown as AppError).message).toContain('line 3')
  })

  test('refuses imports, as the runner does', () => {
    expect(() => instrumentTask("import x from 'y'\nexport default function () { return x }\n", options())).toThrow(/import is not supported/)
  })
})
