import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { AppError } from '../../src/errors.ts'
import { openInspectionHarness, type InspectionHarness } from './helpers.ts'

let h: InspectionHarness

beforeAll(async () => {
  h = await openInspectionHarness({ workers: 2 })
  await h.writeTask(
    'evens',
    [
      'function main(input) {',
      '  let sum = 0',
      '  for (const n of input.numbers) {',
      '    if (n % 2 === 0) {',
      '      sum += n',
      '    }',
      '  }',
      '  return { sum }',
      '}',
      '',
    ].join('\n'),
  )
  await h.writeTask(
    'counter',
    [
      'async function main(input) {',
      '  const makeCounter = () => {',
      '    let count = 0',
      '    return () => {',
      '      count += 1',
      '      return count',
      '    }',
      '  }',
      '  const next = makeCounter()',
      '  next()',
      '  const value = await new Promise((resolve) => setTimeout(() => resolve(next()), 5))',
      '  const later = value * input.factor',
      '  return { value, later }',
      '}',
    ].join('\n'),
  )
  await h.writeTask(
    'parse-json',
    [
      'function main(input) {',
      '  try {',
      '    JSON.parse(input.text)',
      '    return { ok: true }',
      '  } catch (error) {',
      '    const reason = error.message',
      '    return { ok: false, reason }',
      '  } finally {',
      "    console.log('parsed', input.text.length)",
      '  }',
      '}',
    ].join('\n'),
  )
  await h.writeTask('esm-double', ['export default function main(input) {', '  const doubled = input.x * 2', '  return { doubled }', '}', ''].join('\n'))
  await h.writeTask(
    'deref',
    ['function main(input) {', '  const data = input.data', '  if (data) return data.missing.value', '  return null', '}', ''].join('\n'),
  )
  await h.writeTask('spin', ['function main() {', '  let n = 0', '  while (true) {', '    n++', '  }', '}', ''].join('\n'))
  await h.writeTask(
    'shapes',
    [
      'function main(input) {',
      "  const node = { name: 'root', greet() { return 1 }, tags: new Set(['a']), when: new Date(0) }",
      '  node.self = node',
      '  const long = "x".repeat(500)',
      '  const many = Array.from({ length: 40 }, (_, i) => i)',
      '  const deep = { a: { b: { c: { d: { e: 1 } } } } }',
      "  console.debug('shapes ready')",
      '  return { ok: true }',
      '}',
    ].join('\n'),
  )
})

afterAll(async () => {
  await h.close()
})

describe('ratchet_debug_task_execution', () => {
  test('step mode lists exactly the lines executed, in order', async () => {
    const { output, isError } = await h.call('debug_task_execution', { task_id: 'evens', input: { numbers: [1, 2, 3] }, step_mode: true })
    expect(isError).toBe(false)
    expect(output.status).toBe('completed')
    expect(output.output).toEqual({ sum: 2 })
    expect(output.steps!.map((s) => s.line)).toEqual([2, 3, 4, 4, 5, 4, 8])
    expect(output.steps!.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(output.steps![4]).toEqual({ step: 5, line: 5, source: 'sum += n' })
    expect(output.steps_executed).toBe(7)
    expect(output.step_limit_reached).toBe(false)
    expect(output.warnings).toEqual([])
    expect(output.session_id).toBe(output.execution_id)
  })

  test('counts each pass through a breakpoint in a loop and captures the variables of every hit', async () => {
    const { output } = await h.call('debug_task_execution', { task_id: 'evens', input: { numbers: [1, 2, 3] }, breakpoints: [4, 5] })
    expect(output.steps).toBeUndefined()
    const [four, five] = output.breakpoints_hit
    expect(four.line).toBe(4)
    expect(four.source).toBe('if (n % 2 === 0) {')
    expect(four.hit_count).toBe(3)
    expect(four.variables).toEqual({ n: 1, sum: 0, input: { numbers: [1, 2, 3] }, main: '[Function main]' })
    // Later hits carry only what changed since the previous hit of the same line.
    expect(four.hits).toEqual([
      { hit: 1, step: 1 },
      { hit: 2, step: 2, changed: { n: 2 } },
      { hit: 3, step: 4, changed: { n: 3, sum: 2 } },
    ])
    expect(five).toEqual({ line: 5, source: 'sum += n', hit_count: 1, variables: { n: 2, sum: 0, input: { numbers: [1, 2, 3] }, main: '[Function main]' }, hits: [{ hit: 1, step: 3 }] })
  })

  test('follows closures into later calls and across an await, showing uninitialised bindings', async () => {
    const { output } = await h.call('debug_task_execution', { task_id: 'counter', input: { factor: 10 }, breakpoints: [6, 12] })
    expect(output.output).toEqual({ value: 2, later: 20 })
    const [six, twelve] = output.breakpoints_hit
    expect(six.hit_count).toBe(2)
    expect(six.variables!.count).toBe(1)
    expect(six.hits[1].changed).toEqual({ count: 2 })
    expect(six.variables).toMatchObject({ count: 1, makeCounter: '[Function makeCounter]', next: '[Function (anonymous)]', value: '<uninitialised>', later: '<uninitialised>' })
    expect(twelve.variables).toMatchObject({ value: 2, later: '<uninitialised>', input: { factor: 10 } })
  })

  test('steps through try, catch and finally and captures the catch parameter', async () => {
    const { output } = await h.call('debug_task_execution', { task_id: 'parse-json', input: { text: '{bad' }, breakpoints: [7], step_mode: true })
    expect(output.steps!.map((s) => s.line)).toEqual([2, 3, 6, 7, 9])
    expect(output.output).toMatchObject({ ok: false })
    const vars = output.breakpoints_hit[0].variables!
    expect(String(vars.error)).toMatch(/^\[SyntaxError: /)
    expect(typeof vars.reason).toBe('string')
    expect(output.logs.map((log) => log.message)).toEqual(['parsed 4'])
  })

  test('debugs a task written as an ES module', async () => {
    const { output } = await h.call('debug_task_execution', { task_id: 'esm-double', input: { x: 21 }, breakpoints: [3], step_mode: true })
    expect(output.output).toEqual({ doubled: 42 })
    expect(output.steps!.map((s) => s.line)).toEqual([2, 3])
    expect(output.breakpoints_hit[0].variables).toMatchObject({ doubled: 42, input: { x: 21 }, main: '[Function main]' })
  })

  test('reports a failure at the same line, column and source as a normal run', async () => {
    const task = h.registry.get('deref')!
    const normal = await h.engine.engine.execute({ task, input: { data: {} }, source: 'test' })
    const { output, isError } = await h.call('debug_task_execution', { task_id: 'deref', input: { data: {} }, breakpoints: [3], step_mode: true })
    expect(isError).toBe(true)
    expect(output.status).toBe('failed')
    expect(output.error!.type).toBe('TypeError')
    expect(output.error!.location).toEqual(normal.error!.location!)
    expect(output.error!.location).toMatchObject({ line: 3, source: 'if (data) return data.missing.value' })
    expect(output.error!.stack).not.toContain('__ratchet_dbg')
    expect((await h.engine.store.getExecution(output.execution_id))!.error).toEqual(output.error as never)
    expect(output.breakpoints_hit[0].hit_count).toBe(1)
  })

  test('stops a runaway loop at max_steps with a clear error at the line it was about to run', async () => {
    const { output, isError } = await h.call('debug_task_execution', { task_id: 'spin', step_mode: true, max_steps: 50 })
    expect(isError).toBe(true)
    expect(output.error).toMatchObject({ type: 'StepLimitExceeded', location: { line: 4, source: 'n++' } })
    expect(output.error!.message).toContain('max_steps (50')
    expect(output.step_limit_reached).toBe(true)
    expect(output.steps).toHaveLength(50)
    expect(output.steps_executed).toBe(50)
    expect(output.warnings.join('\n')).toContain('stopped before line 4 after 50 steps')
  })

  test('stops a run over timeout_ms', async () => {
    const { output, isError } = await h.call('debug_task_execution', { task_id: 'spin', timeout_ms: 300 })
    expect(isError).toBe(true)
    expect(output.status).toBe('timed_out')
    expect(output.warnings.join('\n')).toContain('step_mode with max_steps')
  })

  test('cancels the run when the request is cancelled, keeping the hits delivered before', async () => {
    await h.writeTask('ticker', ['async function main() {', '  let ticks = 0', '  while (true) {', '    ticks++', '    await new Promise((resolve) => setTimeout(resolve, 10))', '  }', '}', ''].join('\n'))
    const controller = new AbortController()
    setTimeout(() => controller.abort('the client went away'), 150)
    const { output, isError } = await h.call('debug_task_execution', { task_id: 'ticker', breakpoints: [4] }, h.context({ signal: controller.signal }))
    expect(isError).toBe(true)
    expect(output.status).toBe('cancelled')
    expect(output.breakpoints_hit[0].hit_count).toBeGreaterThan(3)
    expect(output.warnings.join('\n')).toContain('was stopped from outside (cancelled)')
  })

  test('warns about breakpoints that cannot stop, naming the nearest lines that can', async () => {
    const { output } = await h.call('debug_task_execution', { task_id: 'evens', input: { numbers: [] }, breakpoints: [1, 6, 5, 40] })
    expect(output.warnings).toEqual([
      'Breakpoint at line 1 has no statement to stop at (a blank line, a comment, a brace, a function declaration\'s header or the inside of a multi-line statement). The nearest line with one is 2.',
      'Breakpoint at line 5 was not reached.',
      'Breakpoint at line 6 has no statement to stop at (a blank line, a comment, a brace, a function declaration\'s header or the inside of a multi-line statement). The nearest lines with one are 5 and 8.',
      'Breakpoint at line 40 is past the end of main.js (10 lines).',
    ])
    expect(output.breakpoints_hit).toEqual([])
  })

  test('snapshots values as bounded JSON previews and keeps the task\'s own logs apart', async () => {
    const { output } = await h.call('debug_task_execution', { task_id: 'shapes', breakpoints: [8] })
    const vars = output.breakpoints_hit[0].variables!
    expect(vars.node).toEqual({ name: 'root', greet: '[Function greet]', tags: { '[Set]': ['a'], size: 1 }, when: '1970-01-01T00:00:00.000Z', self: '[Circular]' })
    expect(vars.long).toBe(`${'x'.repeat(160)}… (500 chars)`)
    expect((vars.many as unknown[]).length).toBe(26)
    expect((vars.many as unknown[]).at(-1)).toBe('… 15 more items')
    expect(vars.deep).toEqual({ a: { b: { c: '[Object]' } } })
    expect(output.logs.map((log) => [log.level, log.message])).toEqual([['debug', 'shapes ready']])
  })

  test('without capture_variables a hit carries no variables', async () => {
    const { output } = await h.call('debug_task_execution', { task_id: 'evens', input: { numbers: [2] }, breakpoints: [5], capture_variables: false })
    expect(output.breakpoints_hit).toEqual([{ line: 5, source: 'sum += n', hit_count: 1, hits: [{ hit: 1, step: 1 }] }])
  })

  test('records the run as an execution with source "debug"', async () => {
    const { output } = await h.call('debug_task_execution', { task_id: 'evens', input: { numbers: [4] }, breakpoints: [5] })
    const record = (await h.engine.store.getExecution(output.execution_id))!
    expect(record).toMatchObject({ taskName: 'evens', status: 'completed', source: 'debug', output: { sum: 4 } })
    expect(record.taskChecksum).not.toBe(h.registry.get('evens')!.checksum)
  })

  test('checks the input against the task\'s input schema like any run', async () => {
    await h.writeTask('typed', 'function main(input) {\n  return { a: input.a }\n}\n', { 'input.schema.json': { type: 'object', properties: { a: { type: 'number' } }, required: ['a'] } })
    const { output, isError } = await h.call('debug_task_execution', { task_id: 'typed', input: { a: 'no' }, breakpoints: [2] })
    expect(isError).toBe(true)
    expect(output.error!.code).toBe('INPUT_INVALID')
    expect(output.breakpoints_hit).toEqual([])
  })

  test('an unknown task is an error that suggests similar names', async () => {
    const thrown = await h.call('debug_task_execution', { task_id: 'evenz' }).catch((error) => error)
    expect(thrown).toBeInstanceOf(AppError)
    expect((thrown as AppError).code).toBe('TASK_NOT_FOUND')
    expect((thrown as AppError).message).toContain('"evens"')
  })
})
