import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { makeTask } from '../helpers/make-task.ts'
import { openHarness, type Harness } from '../helpers/with-engine.ts'

let h: Harness

beforeAll(async () => {
  h = await openHarness()
})

afterAll(async () => {
  await h.close()
})

const run = (code: string, input: unknown) => h.engine.execute({ task: makeTask({ code }), input, source: 'test', timeout: 2 })

describe('every accepted code form runs and returns its output', () => {
  const forms: Array<[string, string]> = [
    ['a top-level function main(input, context)', 'function main(input, context) {\n  return { sum: input.a + input.b, task: context.taskId !== undefined }\n}\n'],
    ['module.exports = { main }', 'function main(input) {\n  return { sum: input.a + input.b, task: true }\n}\nmodule.exports = { main }\n'],
    ['module.exports = main', 'module.exports = function (input) {\n  return { sum: input.a + input.b, task: true }\n}\n'],
    ['exports.main =', 'exports.main = (input) => ({ sum: input.a + input.b, task: true })\n'],
    ['ESM export default function', 'export default function (input) {\n  return { sum: input.a + input.b, task: true }\n}\n'],
    ['ESM export default of a named function', 'export default function run(input) {\n  return { sum: input.a + input.b, task: true }\n}\n'],
    ['ESM export function main', 'export function main(input) {\n  return { sum: input.a + input.b, task: true }\n}\n'],
    ['ESM export async function main', 'export async function main(input) {\n  await null\n  return { sum: input.a + input.b, task: true }\n}\n'],
    ['a single function expression file', '(function (input) {\n  return { sum: input.a + input.b, task: true }\n})\n'],
    ['an arrow expression file', '(input) => ({ sum: input.a + input.b, task: true })\n'],
    ['an async arrow expression file', 'async (input) => {\n  await new Promise((resolve) => setTimeout(resolve, 5))\n  return { sum: input.a + input.b, task: true }\n}\n'],
    ['an async main that awaits a timer', 'async function main(input) {\n  await new Promise((resolve) => setTimeout(resolve, 5))\n  return { sum: input.a + input.b, task: true }\n}\n'],
  ]

  test.each(forms)('%s', async (_label, code) => {
    const record = await run(code, { a: 2, b: 3 })
    expect(record.error ?? null).toBeNull()
    expect(record.status).toBe('completed')
    expect(record.output).toEqual({ sum: 5, task: true })
  })

  test('returns undefined as null and keeps non-object outputs as they are', async () => {
    expect((await run('function main() {}', {})).output).toBeNull()
    expect((await run('(input) => input.text.toUpperCase()', { text: 'abc' })).output).toBe('ABC')
    expect((await run('(input) => [input.n, input.n * 2]', { n: 4 })).output).toEqual([4, 8])
  })

  test('fails with a clear message when the file has no entry point', async () => {
    const record = await run('const notMain = 1\n', {})
    expect(record.status).toBe('failed')
    expect(record.error?.type).toBe('ConfigurationError')
    expect(record.error?.message).toContain('No entry point found')
  })

  test('fails a task whose output cannot be serialised to JSON', async () => {
    const record = await run('function main() {\n  const a = {}\n  a.self = a\n  return a\n}\n', {})
    expect(record.status).toBe('failed')
    expect(record.error?.type).toBe('DataError')
    expect(record.error?.message).toContain('not JSON-serialisable')
  })

  test('runs a new version of the same task name with its new code', async () => {
    const first = await h.engine.execute({ task: makeTask({ name: 'versioned', code: '() => 1' }), input: {}, source: 'test' })
    const second = await h.engine.execute({ task: makeTask({ name: 'versioned', version: '2.0.0', code: '() => 2' }), input: {}, source: 'test' })
    expect([first.output, second.output]).toEqual([1, 2])
    expect(second.taskVersion).toBe('2.0.0')
  })
})
