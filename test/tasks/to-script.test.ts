import { describe, expect, test } from 'bun:test'
import vm from 'node:vm'
import { AppError } from '../../src/errors.ts'
import { checkSyntax, toScript } from '../../src/tasks/index.ts'

type Main = (input: unknown, context?: unknown) => unknown

/** Runs a script the way the sandbox does: `module`/`exports` globals, completion value as a fallback. */
function runScript(script: string): Main {
  const module = { exports: {} as Record<string, unknown> | Main }
  const sandbox: Record<string, unknown> = { module, exports: module.exports }
  const completion = new vm.Script(script, { filename: 'main.js' }).runInContext(vm.createContext(sandbox))
  const exported = module.exports
  const main = typeof exported === 'function' ? exported : (exported.main ?? exported.default ?? sandbox.main ?? completion)
  if (typeof main !== 'function') throw new Error('no main function reachable')
  return main as Main
}

const lineCount = (text: string): number => text.split('\n').length

describe('toScript turns every accepted code form into a runnable script', () => {
  const forms: [string, string][] = [
    ['a top-level function declaration', 'function main(input, context) {\n  return input.n + 1\n}\n'],
    ['module.exports = { main }', 'function main(input) {\n  return input.n + 1\n}\nmodule.exports = { main }\n'],
    ['module.exports = main', 'module.exports = function main(input) {\n  return input.n + 1\n}\n'],
    ['exports.main = ...', 'exports.main = (input) => input.n + 1\n'],
    ['export default function', 'export default function main(input) {\n  return input.n + 1\n}\n'],
    ['export default anonymous function', 'export default function (input) {\n  return input.n + 1\n}\n'],
    ['export default arrow expression', 'const add = (a) => a + 1\nexport default (input) => add(input.n)\n'],
    ['export default async function', 'export default async function (input) {\n  return input.n + 1\n}\n'],
    ['export function main', 'export function main(input) {\n  return helper(input.n)\n}\nfunction helper(n) { return n + 1 }\n'],
    ['export async function main', 'export async function main(input) {\n  await null\n  return input.n + 1\n}\n'],
    ['export const main = ...', 'export const main = (input) => input.n + 1\n'],
    ['export let / export var', 'export let main = (input) => input.n + 1\nexport var unused = 1\n'],
    ['export { a as main }', 'const inc = (input) => input.n + 1\nexport {\n  inc as main,\n}\n'],
    ['a single function expression', '(function (input) {\n  return input.n + 1\n})\n'],
    ['a single arrow expression', '(input) => input.n + 1\n'],
    ['an async arrow expression', 'async (input) => input.n + 1'],
  ]

  for (const [label, code] of forms) {
    test(`${label}: main is reachable and returns the right value`, async () => {
      const script = toScript(code)
      const main = runScript(script)
      expect(await main({ n: 41 })).toBe(42)
    })
  }

  test('export default class is exported as module.exports.default', () => {
    const script = toScript('export default class Greeter {\n  hello() { return "hi" }\n}\n')
    const module = { exports: {} as Record<string, new () => { hello(): string }> }
    new vm.Script(script).runInContext(vm.createContext({ module, exports: module.exports }))
    expect(new module.exports.default().hello()).toBe('hi')
  })

  test('keeps every original line at its number and only appends at the end', () => {
    const code = [
      'const limit = 3',
      'export async function main(input) {',
      '  return limit + input.n',
      '}',
      'export const a = 1, b = 2',
      'export { a as first }',
      'export default main',
    ].join('\n')
    const script = toScript(code)
    const original = code.split('\n')
    const converted = script.split('\n')
    expect(lineCount(script)).toBeGreaterThan(original.length)
    expect(converted[0]).toBe('const limit = 3')
    expect(converted[1]).toBe('async function main(input) {')
    expect(converted[2]).toBe('  return limit + input.n')
    expect(converted[4]).toBe('const a = 1, b = 2')
    expect(converted[5]).toBe('')
    expect(converted[6]).toBe('module.exports.default = main')
    const module = { exports: {} as Record<string, unknown> }
    new vm.Script(script).runInContext(vm.createContext({ module, exports: module.exports }))
    expect(Object.keys(module.exports).sort()).toEqual(['a', 'b', 'default', 'first', 'main'])
  })

  test('errors thrown at runtime point at the user line', () => {
    const script = toScript('export function main() {\n  const a = 1\n  throw new Error("boom")\n}\n')
    const main = runScript(script)
    const stack = (() => {
      try {
        main({})
      } catch (error) {
        return (error as Error).stack ?? ''
      }
      return ''
    })()
    expect(stack).toContain('main.js:3')
  })

  test('leaves code alone when "export" only appears in strings and comments', () => {
    const code = 'const s = "export default 1"\n// export function main() {}\nfunction main() { return s }\n'
    expect(toScript(code)).toBe(code)
  })

  test('leaves lines that start with "export" inside template literals and comments untouched', async () => {
    const code = [
      'const docs = `',
      'export const looksReal = 1',
      'export default "still text"',
      '`',
      '/*',
      'export function commented() {}',
      '*/',
      'export function main() {',
      '  return docs',
      '}',
    ].join('\n')
    const script = toScript(code)
    expect(script.split('\n').slice(0, 7)).toEqual(code.split('\n').slice(0, 7))
    expect(await runScript(script)({})).toBe('\nexport const looksReal = 1\nexport default "still text"\n')
  })

  test('drops an empty `export {}` marker', () => {
    const code = 'function main() {\n  return 42\n}\nexport {}\n'
    const script = toScript(code)
    expect(lineCount(script)).toBe(lineCount(code))
    expect(runScript(script)({})).toBe(42)
  })

  test('rejects import statements, naming each line and what it imports', () => {
    const code = '// helpers\nimport fs from "node:fs"\nimport {\n  get,\n} from "./http.js"\nexport function main() {}\n'
    let caught: unknown
    try {
      toScript(code)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(AppError)
    const error = caught as AppError
    expect(error.code).toBe('TASK_INVALID')
    expect(error.message).toBe('line 2 imports "node:fs", line 3 imports "./http.js": import is not supported, tasks run sandboxed without modules')
    expect(error.hint).toBe('Remove the import: tasks get fetch, console and context as globals instead.')
  })

  test('rejects dynamic import() and re-exports too', () => {
    expect(() => toScript('async function main() {\n  return await import("node:os")\n}\n')).toThrow('line 2 imports "node:os"')
    expect(() => toScript('export * from "./other.js"\n')).toThrow('line 1 imports "./other.js"')
  })

  test('refuses export forms it cannot rewrite line by line', () => {
    expect(() => toScript('const main = () => 1; export { main }\n')).toThrow(AppError)
  })
})

describe('checkSyntax', () => {
  test('accepts valid code in every form without running it', () => {
    expect(checkSyntax('throw new Error("never runs")\nfunction main() {}\n', 'main.js')).toBeNull()
    expect(checkSyntax('export default async (input) => input\n', 'task.js')).toBeNull()
  })

  test('reports a syntax error with the file, line, column and the offending line', () => {
    const problem = checkSyntax('function main(input) {\n  return input +;\n}\n', 'main.js')
    expect(problem).toEqual({
      file: 'main.js',
      message: 'syntax error at line 2, column 17: Unexpected ; (in: return input +;)',
      hint: 'Fix the JavaScript syntax at the line shown.',
    })
  })

  test('reports the real error line in ES module code rather than the export keyword', () => {
    const problem = checkSyntax('export function main() {\n  return 1\n}\n\nfunction (x {\n', 'task.js')
    expect(problem?.file).toBe('task.js')
    expect(problem?.message).toStartWith('syntax error at line 5, column 10:')
  })

  test('reports errors only a classic script rejects (top-level await) with the line from vm.Script', () => {
    const problem = checkSyntax('const a = 1\nawait fetch("https://example.com")\nfunction main() {}\n', 'main.js')
    expect(problem?.message).toBe('syntax error at line 2, column 7: Unexpected identifier \'fetch\' (in: await fetch("https://example.com"))')
  })

  test('accepts sloppy-mode code that is not a valid module', () => {
    expect(checkSyntax('function pick(a, a) { return a }\nfunction main() { return pick(1, 2) }\n', 'main.js')).toBeNull()
  })

  test('reports imports as problems with the hint', () => {
    expect(checkSyntax('import x from "y"\n', 'main.js')).toEqual({
      file: 'main.js',
      message: 'line 1 imports "y": import is not supported, tasks run sandboxed without modules',
      hint: 'Remove the import: tasks get fetch, console and context as globals instead.',
    })
  })
})
