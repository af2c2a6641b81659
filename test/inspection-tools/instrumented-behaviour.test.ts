import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { debugTask } from '../../src/engine/debug-task.ts'
import { findTaskDirs } from '../../src/registry/registry.ts'
import { loadTaskPackage } from '../../src/tasks/load-task.ts'
import type { TaskPackage } from '../../src/tasks/types.ts'
import { makeTask } from '../helpers/make-task.ts'
import { openHarness, type Harness } from '../helpers/with-engine.ts'

let h: Harness

beforeAll(async () => {
  h = await openHarness({ pool: { count: 2 } })
})

afterAll(async () => {
  await h.close()
})

/** Runs `task` normally and under the debugger with a breakpoint on every line and step mode on. */
async function compare(task: TaskPackage, input: unknown) {
  const normal = await h.engine.execute({ task, input, source: 'test' })
  const lines = task.code.split('\n').map((_, i) => i + 1)
  const debug = await debugTask({ engine: h.engine, store: h.store }, { task, input, breakpoints: lines, stepMode: true, captureVariables: true, maxSteps: 5000 })
  return { normal, debug }
}

const forms: Record<string, { code: string; input: unknown; output: unknown }> = {
  'a single function expression': { code: '(function (input) {\n  return { twice: input.n * 2 }\n})\n', input: { n: 4 }, output: { twice: 8 } },
  'module.exports with an async arrow': { code: 'module.exports = async (input) => {\n  const v = await Promise.resolve(input.n)\n  return { v }\n}\n', input: { n: 1 }, output: { v: 1 } },
  'an ESM export clause': { code: 'const main = (input) => {\n  return { n: input.n }\n}\nexport { main }\n', input: { n: 2 }, output: { n: 2 } },
  'a class with a static block, private field and getter': {
    code: [
      'class Box {',
      '  static made = 0',
      '  static {',
      '    let seed = 1',
      '    Box.made = seed',
      '  }',
      '  #value',
      '  constructor(value) {',
      '    this.#value = value',
      '  }',
      '  get double() {',
      '    return this.#value * 2',
      '  }',
      '}',
      'function main(input) {',
      '  const box = new Box(input.n)',
      '  return { double: box.double, made: Box.made }',
      '}',
    ].join('\n'),
    input: { n: 5 },
    output: { double: 10, made: 1 },
  },
  'generators, labels, switch and do-while': {
    code: [
      'function* count(n) {',
      '  for (let i = 0; i < n; i++) yield i',
      '}',
      'function main(input) {',
      '  const seen = []',
      '  outer: for (const a of count(input.n)) {',
      '    for (const b of count(input.n)) {',
      '      if (b > a) continue outer',
      '      switch (b % 2) {',
      '        case 0: {',
      '          let tag = "even"',
      '          seen.push(`${a}${b}${tag[0]}`)',
      '          break',
      '        }',
      '        default:',
      '          seen.push(`${a}${b}o`)',
      '      }',
      '    }',
      '  }',
      '  let k = 0',
      '  do k++',
      '  while (k < 3)',
      '  return { seen, k }',
      '}',
    ].join('\n'),
    input: { n: 3 },
    output: { seen: ['00e', '10e', '11o', '20e', '21o', '22e'], k: 3 },
  },
  'a strict-mode file with a template literal over several lines': {
    code: "'use strict'\nfunction main(input) {\n  const text = `a\n${(() => {\n    const x = input.n + 1\n    return x\n  })()}\nb`\n  return { text }\n}\n",
    input: { n: 1 },
    output: { text: 'a\n2\nb' },
  },
}

describe('instrumented code behaves like the original', () => {
  for (const [name, form] of Object.entries(forms)) {
    test(name, async () => {
      const { normal, debug } = await compare(makeTask({ code: form.code }), form.input)
      expect(normal.output).toEqual(form.output)
      expect(debug.record.status).toBe('completed')
      expect(debug.record.output).toEqual(form.output)
      expect(debug.stepsExecuted).toBeGreaterThan(0)
    })
  }

  test('the sample tasks give the same results under the debugger', async () => {
    const dirs = await findTaskDirs(join(import.meta.dir, '../../sample/js-tasks'))
    let compared = 0
    for (const dir of dirs) {
      const task = await loadTaskPackage(dir)
      for (const testCase of task.tests.filter((t) => t.mockHttp.length === 0)) {
        const { normal, debug } = await compare(task, testCase.input)
        expect(`${task.name}/${testCase.name}: ${debug.record.status}`).toBe(`${task.name}/${testCase.name}: ${normal.status}`)
        expect(debug.record.output).toEqual(normal.output)
        expect(debug.record.error?.location).toEqual(normal.error?.location)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(10)
  })
})
