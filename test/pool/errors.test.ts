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

const run = (code: string, input: unknown = {}) => h.engine.execute({ task: makeTask({ code }), input, source: 'test', timeout: 2 })

describe('typed error classes', () => {
  test('exist as globals with the predecessor signatures', async () => {
    const record = await run(
      [
        'function main() {',
        "  const http = new HttpError(404, 'x')",
        "  const swapped = new HttpError('y', 503)",
        "  const net = new NetworkError('down', { host: 'a' })",
        '  const names = ["RatchetError", "NetworkError", "ValidationError", "TimeoutError", "AuthenticationError", "AuthorizationError", "RateLimitError", "ConfigurationError", "ServiceUnavailableError", "DataError", "HttpError"]',
        '  return {',
        '    http: [http.status, http.name, http.message, http instanceof Error, http instanceof RatchetError],',
        '    swapped: [swapped.status, swapped.message],',
        '    net: [net.name, net.details, net instanceof RatchetError],',
        '    allFunctions: names.every((n) => typeof globalThis[n] === "function" && new globalThis[n]("m") instanceof Error && new globalThis[n]("m").name === n),',
        '  }',
        '}',
      ].join('\n'),
    )
    expect(record.status).toBe('completed')
    expect(record.output).toEqual({
      http: [404, 'HttpError', 'x', true, true],
      swapped: [503, 'y'],
      net: ['NetworkError', { host: 'a' }, true],
      allFunctions: true,
    })
  })

  test('a thrown typed error gives the record its type, message, status and details', async () => {
    const record = await run("function main() {\n  throw new HttpError(404, 'Not found: /users/7')\n}\n")
    expect(record.status).toBe('failed')
    expect(record.error).toMatchObject({ type: 'HttpError', code: 'TASK_FAILED', message: 'Not found: /users/7', details: { status: 404 } })
    const details = await run("function main() {\n  throw new ValidationError('bad row', { row: 3 })\n}\n")
    expect(details.error).toMatchObject({ type: 'ValidationError', message: 'bad row', details: { details: { row: 3 } } })
  })

  test('error.location points at the throwing line of the task file with its source text', async () => {
    const task = makeTask({
      code: [
        '// a comment line',
        'function helper(n) {',
        '  if (n > 1) {',
        "    throw new DataError('n is too big: ' + n)",
        '  }',
        '  return n',
        '}',
        'function main(input) {',
        '  return helper(input.n)',
        '}',
      ].join('\n'),
    })
    const record = await h.engine.execute({ task, input: { n: 5 }, source: 'test' })
    expect(record.status).toBe('failed')
    expect(record.error?.type).toBe('DataError')
    expect(record.error?.location).toMatchObject({ file: task.entryFile, line: 4, source: "throw new DataError('n is too big: ' + n)" })
    // Only frames of the task's own file remain in the stack.
    const frames = record.error!.stack!.split('\n').slice(1)
    expect(frames.length).toBeGreaterThanOrEqual(2)
    for (const frame of frames) expect(frame).toContain(task.entryFile)
  })

  test('locations stay on the user line for ESM code that was rewritten to a script', async () => {
    const task = makeTask({ code: "export const unused = 1\n\nexport async function main() {\n  await null\n  throw new TypeError('late failure')\n}\n" })
    const record = await h.engine.execute({ task, input: {}, source: 'test' })
    expect(record.error).toMatchObject({ type: 'TypeError', message: 'late failure' })
    expect(record.error?.location).toMatchObject({ line: 5, source: "throw new TypeError('late failure')" })
  })

  test('a runtime TypeError of the task is reported with its own type', async () => {
    const record = await run('function main(input) {\n  return input.missing.deeper\n}\n')
    expect(record.error?.type).toBe('TypeError')
    expect(record.error?.location?.line).toBe(2)
  })

  test('a thrown non-Error value is reported as such', async () => {
    const record = await run("function main() {\n  throw 'just a string'\n}\n")
    expect(record.status).toBe('failed')
    expect(record.error?.message).toBe('A non-Error value was thrown: just a string')
  })

  test('an error thrown in a timer callback fails that run, not the worker', async () => {
    const pid = h.pool.stats().pids[0]
    const record = await run("function main() {\n  return new Promise(() => {\n    setTimeout(() => { throw new RangeError('in a timer') }, 1)\n  })\n}\n")
    expect(record.status).toBe('failed')
    expect(record.error).toMatchObject({ type: 'RangeError', message: 'in a timer' })
    expect(h.pool.stats().pids).toEqual([pid])
    expect((await run('() => 1')).output).toBe(1)
  })
})

describe('stack traces never show server paths', () => {
  const serverRoot = import.meta.dir.replace(/\/test\/pool$/, '')

  test('new Error().stack inside a task names only the task file and the prelude', async () => {
    const task = makeTask({ code: 'async function main() {\n  const before = new Error("probe").stack\n  await null\n  return [before, new Error("probe").stack]\n}\n' })
    const record = await h.engine.execute({ task, input: {}, source: 'test' })
    expect(record.status).toBe('completed')
    const shown = (record.output as string[]).join('\n')
    expect(shown).toContain(task.entryFile)
    expect(shown).not.toContain(serverRoot)
    expect(shown).not.toContain('worker-entry')
  })

  test('the stored stack of a failed run keeps only frames of the task file', async () => {
    const task = makeTask({ code: 'function main() {\n  throw new Error("boom")\n}\n' })
    const record = await h.engine.execute({ task, input: {}, source: 'test' })
    expect(record.status).toBe('failed')
    expect(record.error!.stack).not.toContain(serverRoot)
    for (const frame of record.error!.stack!.split('\n').slice(1)) expect(frame).toContain(task.entryFile)
  })
})
