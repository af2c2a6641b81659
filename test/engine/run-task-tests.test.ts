import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { resolve } from 'node:path'
import { runTaskTests } from '../../src/engine/run-task-tests.ts'
import { loadTaskPackage } from '../../src/tasks/load-task.ts'
import { makeTask } from '../helpers/make-task.ts'
import { openHarness, type Harness } from '../helpers/with-engine.ts'

let h: Harness

beforeAll(async () => {
  h = await openHarness()
})

afterAll(async () => {
  await h.close()
})

const CODE = [
  'async function main(input) {',
  '  if (input.fail) throw new ValidationError("asked to fail")',
  '  if (input.url) {',
  '    const res = await fetch(input.url)',
  '    return { value: (await res.json()).value }',
  '  }',
  '  return { value: input.n * 2 }',
  '}',
].join('\n')

describe('runTaskTests', () => {
  test('judges should_fail, expected output and mocks, with a reason for each failure', async () => {
    const task = makeTask({
      code: CODE,
      tests: [
        { name: 'doubles', input: { n: 2 }, expectedOutput: { value: 4 } },
        { name: 'wrong expectation', input: { n: 2 }, expectedOutput: { value: 5 } },
        { name: 'fails as expected', input: { fail: true }, shouldFail: true },
        { name: 'should fail but completes', input: { n: 1 }, shouldFail: true },
        { name: 'fails unexpectedly', input: { fail: true }, expectedOutput: { value: 0 } },
        { name: 'no expectation', input: { n: 3 } },
        {
          name: 'mocked fetch',
          input: { url: 'https://api.example.com/value' },
          expectedOutput: { value: 'mocked' },
          mockHttp: [{ url: 'https://api.example.com/value', method: 'GET', response: { status: 200, body: { value: 'mocked' } } }],
        },
        {
          name: 'unmatched mock',
          input: { url: 'https://api.example.com/elsewhere' },
          expectedOutput: { value: 'mocked' },
          mockHttp: [{ url: 'https://api.example.com/value', response: { status: 200, body: { value: 'mocked' } } }],
        },
      ],
    })
    const report = await runTaskTests(h.engine, task)
    expect(report).toMatchObject({ task: task.name, version: '1.0.0', total: 8, passed: 4, failed: 4 })
    const byName = Object.fromEntries(report.results.map((r) => [r.name, r]))
    expect(byName['doubles']).toMatchObject({ passed: true, status: 'completed', actualOutput: { value: 4 } })
    expect(byName['doubles'].reason).toBeUndefined()
    expect(byName['wrong expectation']).toMatchObject({ passed: false, reason: 'output differs: expected {"value":5}, got {"value":4}' })
    expect(byName['fails as expected']).toMatchObject({ passed: true, status: 'failed', error: { type: 'ValidationError' } })
    expect(byName['should fail but completes']).toMatchObject({ passed: false, reason: 'expected the task to fail, but it completed with {"value":2}' })
    expect(byName['fails unexpectedly']).toMatchObject({ passed: false, reason: 'the task failed: ValidationError: asked to fail' })
    expect(byName['no expectation'].passed).toBe(true)
    expect(byName['mocked fetch']).toMatchObject({ passed: true, actualOutput: { value: 'mocked' } })
    expect(byName['unmatched mock'].passed).toBe(false)
    expect(byName['unmatched mock'].reason).toContain('https://api.example.com/elsewhere')
    // Every case is a stored execution with source "test".
    for (const result of report.results) expect((await h.store.getExecution(result.executionId))?.source).toBe('test')
  })

  test('a timed-out case names the status in its reason', async () => {
    const task = makeTask({ code: 'function main() {\n  while (true) {}\n}\n', tests: [{ name: 'spins', input: {} }] })
    const report = await runTaskTests(h.engine, task, { timeout: 0.3 })
    expect(report.results[0]).toMatchObject({ passed: false, status: 'timed_out' })
    expect(report.results[0].reason).toStartWith('the task timed out: TimeoutError:')
    await h.pool.ready()
  })

  test('an input failing the schema counts as a failure, so should_fail passes on it', async () => {
    const task = makeTask({
      code: CODE,
      inputSchema: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] },
      tests: [{ name: 'missing n', input: {}, shouldFail: true }, { name: 'missing n, expecting output', input: {}, expectedOutput: { value: 0 } }],
    })
    const report = await runTaskTests(h.engine, task)
    expect(report.results.map((r) => [r.passed, r.error?.code])).toEqual([[true, 'INPUT_INVALID'], [false, 'INPUT_INVALID']])
  })

  test('runs only the named cases, and stops at the first failure when asked', async () => {
    const task = makeTask({
      code: CODE,
      tests: [
        { name: 'a', input: { n: 1 }, expectedOutput: { value: 9 } },
        { name: 'b', input: { n: 1 }, expectedOutput: { value: 2 } },
        { name: 'c', input: { n: 2 }, expectedOutput: { value: 4 } },
      ],
    })
    expect((await runTaskTests(h.engine, task, { names: ['b', 'c'] })).results.map((r) => r.name)).toEqual(['b', 'c'])
    const stopped = await runTaskTests(h.engine, task, { stopOnFailure: true })
    expect(stopped).toMatchObject({ total: 1, passed: 0, failed: 1 })
  })

  test('passes the fixture package, whose tests use file mocks and should_fail', async () => {
    const task = await loadTaskPackage(resolve(import.meta.dir, '../fixtures/packages/classic-echo'))
    const report = await runTaskTests(h.engine, task)
    expect(report.results.map((r) => [r.name, r.passed, r.reason])).toEqual([
      ['001-plain', true, undefined],
      ['appends the fetched suffix', true, undefined],
      ['rejects an empty message', true, undefined],
    ])
  })
})
