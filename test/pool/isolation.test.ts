import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { makeTask } from '../helpers/make-task.ts'
import { isAlive } from '../helpers/process.ts'
import { openHarness, type Harness } from '../helpers/with-engine.ts'

let h: Harness

beforeAll(async () => {
  // One worker, so every run below lands in the same process as the one before it.
  h = await openHarness({ pool: { count: 1 } })
})

afterAll(async () => {
  await h.close()
})

const run = (code: string, input: unknown = {}) => h.engine.execute({ task: makeTask({ code }), input, source: 'test', timeout: 2 })

const POLLUTE = [
  'function main() {',
  '  globalThis.leaked = 42',
  '  Object.prototype.polluted = "yes"',
  '  Array.prototype.extra = function () { return "array polluted" }',
  '  JSON.parse = () => "hijacked"',
  '  Math.random = () => 4',
  '  console.log = () => {}',
  '  return "polluted"',
  '}',
].join('\n')

const PROBE = [
  'function main(input) {',
  '  return {',
  '    leaked: typeof leaked,',
  '    polluted: ({}).polluted === undefined,',
  '    extra: typeof [].extra,',
  '    parse: JSON.parse(\'{"a":1}\').a,',
  '    input: input.x,',
  '    random: Math.random() < 1,',
  '  }',
  '}',
].join('\n')

describe('each run starts from fresh globals', () => {
  test('global, prototype and built-in changes of one run are gone in the next run of another task', async () => {
    expect((await run(POLLUTE)).output).toBe('polluted')
    const record = await run(PROBE, { x: 'in' })
    expect(record.output).toEqual({ leaked: 'undefined', polluted: true, extra: 'undefined', parse: 1, input: 'in', random: true })
  })

  test('the same task polluting and then probing its own globals starts clean each time', async () => {
    const task = makeTask({
      code: 'function main() {\n  const seen = typeof counter === "undefined" ? 0 : counter\n  globalThis.counter = seen + 1\n  Object.prototype.marker = seen\n  return { seen, marker: typeof ({}).marker }\n}\n',
    })
    const first = await h.engine.execute({ task, input: {}, source: 'test' })
    const second = await h.engine.execute({ task, input: {}, source: 'test' })
    // Built-ins are frozen: the prototype write is ignored (sloppy code), the global write is undone.
    expect(first.output).toEqual({ seen: 0, marker: 'undefined' })
    expect(second.output).toEqual({ seen: 0, marker: 'undefined' })
  })

  test("module-level let/const/closures start fresh for every execution: one run's input never reaches the next", async () => {
    const task = makeTask({ code: 'let counter = 0\nconst cache = {}\nvar seen = []\nfunction main(input) {\n  counter++\n  cache[input.k] = input.secret\n  seen.push(input.k)\n  return { counter, keys: Object.keys(cache), seen }\n}\n' })
    const first = await h.engine.execute({ task, input: { k: 'alice', secret: 's1' }, source: 'test' })
    const second = await h.engine.execute({ task, input: { k: 'bob', secret: 's2' }, source: 'test' })
    expect(first.output).toEqual({ counter: 1, keys: ['alice'], seen: ['alice'] })
    expect(second.output).toEqual({ counter: 1, keys: ['bob'], seen: ['bob'] })
  })

  test('strict code that writes to a built-in prototype gets a TypeError naming the property', async () => {
    const record = await run('"use strict"\nfunction main() {\n  Array.prototype.evil = 1\n}\n')
    expect(record.status).toBe('failed')
    expect(record.error?.type).toBe('TypeError')
    expect(record.error?.location?.line).toBe(3)
  })

  test('inherited names such as this.name in an Error subclass can still be assigned', async () => {
    const record = await run('function main() {\n  class MyError extends Error { constructor(m) { super(m); this.name = "MyError" } }\n  const o = {}\n  o.toString = () => "custom"\n  return { name: new MyError("x").name, text: String(o) }\n}\n')
    expect(record.output).toEqual({ name: 'MyError', text: 'custom' })
  })

  test('console still logs in the run after one that replaced console.log', async () => {
    await run(POLLUTE)
    const record = await run('function main() {\n  console.log("still here")\n}\n')
    expect((await h.store.getLogs(record.id)).map((l) => l.message)).toEqual(['still here'])
  })

  test('timers left running by a finished run never fire into a later run', async () => {
    await run('function main() {\n  setInterval(() => console.log("ghost"), 1)\n  setTimeout(() => console.log("ghost"), 20)\n  return 1\n}\n')
    const record = await run('async function main() {\n  await new Promise((resolve) => setTimeout(resolve, 60))\n  return 2\n}\n')
    expect(record.output).toBe(2)
    expect(await h.store.getLogs(record.id)).toEqual([])
  })
})

describe('the sandbox exposes none of the worker process', () => {
  test("this.constructor.constructor('return typeof process')() is 'undefined'", async () => {
    const record = await run(
      [
        'function main() {',
        '  const viaThis = this.constructor.constructor("return typeof process")()',
        '  const viaGlobal = globalThis.constructor.constructor("return typeof process")()',
        '  const viaProto = Object.getPrototypeOf(globalThis).constructor.constructor("return typeof process")()',
        '  const viaFunction = Function("return typeof process")()',
        '  return [viaThis, viaGlobal, viaProto, viaFunction]',
        '}',
      ].join('\n'),
    )
    expect(record.error ?? null).toBeNull()
    expect(record.output).toEqual(['undefined', 'undefined', 'undefined', 'undefined'])
  })

  test('process, Bun and require are unavailable; typeof of them is undefined or they throw', async () => {
    const record = await run(
      [
        'function main() {',
        '  const probe = (name) => { try { return eval("typeof " + name) } catch (e) { return "throws" } }',
        '  return { process: probe("process"), Bun: probe("Bun"), Buffer: probe("Buffer"), globalRequire: probe("globalThis.process") }',
        '}',
      ].join('\n'),
    )
    expect(record.output).toEqual({ process: 'undefined', Bun: 'undefined', Buffer: 'undefined', globalRequire: 'undefined' })
  })

  test("require('fs') fails with a clear error naming the module", async () => {
    const record = await run("function main() {\n  return require('fs').readFileSync('/etc/passwd', 'utf8')\n}\n")
    expect(record.status).toBe('failed')
    expect(record.error?.type).toBe('ConfigurationError')
    expect(record.error?.message).toContain("require('fs') is not available")
    expect(record.error?.location?.line).toBe(2)
  })

  test('an import statement is refused before the task runs', async () => {
    const record = await run("import fs from 'node:fs'\nexport default () => fs.readFileSync('/etc/passwd', 'utf8')\n")
    expect(record.status).toBe('failed')
    expect(record.error?.code).toBe('TASK_INVALID')
    expect(record.error?.message).toContain('import is not supported')
  })

  test('errors raised inside the host bridge are errors of the task realm', async () => {
    // Misusing a global must not hand the task an error object whose constructor chain reaches `process`.
    const record = await run(
      [
        'async function main() {',
        '  const reach = (e) => { try { return e.constructor.constructor("return typeof process")() } catch (x) { return "throws" } }',
        '  const out = {}',
        '  try { crypto.getRandomValues({ buffer: new ArrayBuffer(1), byteOffset: 5, byteLength: 1 }); out.random = "no error" } catch (e) { out.random = reach(e) }',
        '  try { await fetch("http://127.0.0.1:9/", { method: "POST", body: () => 1 }); out.fetch = "no error" } catch (e) { out.fetch = reach(e) }',
        '  return out',
        '}',
      ].join('\n'),
    )
    expect(record.error ?? null).toBeNull()
    expect(record.output).toEqual({ random: 'undefined', fetch: 'undefined' })
  })

  test('a task trying to exit the worker process cannot; the pool keeps serving', async () => {
    const [pid] = h.pool.stats().pids
    const record = await run(
      [
        'async function main() {',
        '  const tries = [',
        '    () => process.exit(3),',
        '    () => this.constructor.constructor("return process")().exit(3),',
        '    () => { try { crypto.getRandomValues({ buffer: new ArrayBuffer(1), byteOffset: 5, byteLength: 1 }) } catch (e) { e.constructor.constructor("return process")().exit(3) } },',
        '  ]',
        '  const results = []',
        '  for (const attempt of tries) { try { attempt(); results.push("returned") } catch (e) { results.push(e.name) } }',
        '  return results',
        '}',
      ].join('\n'),
    )
    // Either the escape is impossible (the run completes), or the crash is contained to this run.
    if (record.status === 'completed') {
      expect(record.output).toEqual(['ReferenceError', 'ReferenceError', 'ReferenceError'])
      expect(h.pool.stats().pids).toEqual([pid])
    } else {
      expect(record.error?.code).toBe('WORKER_CRASHED')
      expect(isAlive(pid)).toBe(false)
    }
    await h.pool.ready()
    expect((await run('() => "still serving"')).output).toBe('still serving')
  })
})

describe('hidden intrinsics and legacy RegExp statics', () => {
  const HIDDEN = [
    'function main(input) {',
    '  const targets = {',
    '    arrayIterator: Object.getPrototypeOf([][Symbol.iterator]()),',
    '    iterator: Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),',
    '    mapIterator: Object.getPrototypeOf(new Map()[Symbol.iterator]()),',
    '    setIterator: Object.getPrototypeOf(new Set()[Symbol.iterator]()),',
    '    stringIterator: Object.getPrototypeOf(""[Symbol.iterator]()),',
    '    regexpStringIterator: Object.getPrototypeOf(/a/g[Symbol.matchAll]("")),',
    '    generatorFunction: Object.getPrototypeOf(function* () {}),',
    '    generator: Object.getPrototypeOf(function* () {}).prototype,',
    '    asyncFunction: Object.getPrototypeOf(async function () {}),',
    '    asyncGeneratorFunction: Object.getPrototypeOf(async function* () {}),',
    '    asyncIterator: Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype),',
    '    typedArray: Object.getPrototypeOf(Uint8Array),',
    '    typedArrayPrototype: Object.getPrototypeOf(Uint8Array.prototype),',
    '  }',
    '  const before = {}',
    '  for (const [name, target] of Object.entries(targets)) before[name] = [Object.isFrozen(target), Object.hasOwn(target, "planted")]',
    '  if (input.plant) {',
    '    for (const target of Object.values(targets)) { try { target.planted = input.plant } catch {} }',
    '    try { Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true }) } catch {}',
    '  }',
    '  return { before, spread: [...[1, 2]].length }',
    '}',
  ].join('\n')

  test('patches of iterator prototypes and other hidden intrinsics do not survive into the next run', async () => {
    const task = makeTask({ code: HIDDEN })
    const first = await h.engine.execute({ task, input: { plant: 'from run 1' }, source: 'test' })
    expect(first.status).toBe('completed')
    const second = await h.engine.execute({ task, input: {}, source: 'test' })
    expect(second.status).toBe('completed')
    const before = (second.output as { before: Record<string, [boolean, boolean]> }).before
    for (const [name, [frozen, planted]] of Object.entries(before)) {
      expect({ name, frozen, planted }).toEqual({ name, frozen: true, planted: false })
    }
    expect((second.output as { spread: number }).spread).toBe(2)
  })

  test('RegExp.$1, lastMatch and input do not carry the previous run\'s match', async () => {
    const task = makeTask({ code: 'function main(input) {\n  const seen = { group: RegExp["$1"], lastMatch: RegExp.lastMatch, input: RegExp.input }\n  new RegExp("(secret-[a-z]+)").exec(input.text)\n  return seen\n}\n' })
    const first = await h.engine.execute({ task, input: { text: 'the secret-alpha is here' }, source: 'test' })
    expect(first.status).toBe('completed')
    const second = await h.engine.execute({ task, input: { text: 'nothing' }, source: 'test' })
    expect(JSON.stringify(second.output)).not.toContain('secret')
    expect(second.output).toEqual({ group: '', lastMatch: '', input: '' })
  })
})
