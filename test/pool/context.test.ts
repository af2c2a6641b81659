import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import type { EngineEvent } from '../../src/engine/engine.ts'
import { makeTask } from '../helpers/make-task.ts'
import { openHarness, type Harness } from '../helpers/with-engine.ts'

let h: Harness

beforeAll(async () => {
  h = await openHarness()
})

afterAll(async () => {
  await h.close()
})

describe('the context argument', () => {
  test('carries executionId (the record id), taskId, taskVersion and attempt', async () => {
    const task = makeTask({
      name: 'context-echo',
      version: '3.1.4',
      code: 'function main(input, context) {\n  return { executionId: context.executionId, taskId: context.taskId, taskVersion: context.taskVersion, attempt: context.attempt, frozen: Object.isFrozen(context) }\n}\n',
    })
    const record = await h.engine.execute({ task, input: {}, source: 'test', attempt: 2 })
    expect(record.status).toBe('completed')
    expect(record.output).toEqual({ executionId: record.id, taskId: 'context-echo', taskVersion: '3.1.4', attempt: 2, frozen: true })
  })

  test('reports progress as a fraction and as { progress, total, message } to the record and as engine events', async () => {
    const events: EngineEvent[] = []
    const unsubscribe = h.engine.subscribe((event) => events.push(event))
    const task = makeTask({
      code: "async function main(input, context) {\n  context.progress(0.5)\n  await new Promise((resolve) => setTimeout(resolve, 5))\n  context.progress({ progress: 3, total: 4, message: 'almost' })\n  return 'ok'\n}\n",
    })
    const record = await h.engine.execute({ task, input: {}, source: 'test' })
    unsubscribe()
    expect(record.status).toBe('completed')
    const progress = events.filter((e) => e.type === 'progress' && e.executionId === record.id).map((e) => (e as { progress: unknown }).progress)
    expect(progress).toEqual([{ progress: 0.5, total: 1 }, { progress: 3, total: 4, message: 'almost' }])
    expect(record.progress).toEqual({ progress: 3, total: 4, message: 'almost' })
    expect((await h.store.getExecution(record.id))?.progress).toEqual({ progress: 3, total: 4, message: 'almost' })
  })

  test('rejects a progress value that is not a number', async () => {
    const record = await h.engine.execute({ task: makeTask({ code: "function main(input, context) {\n  context.progress('half')\n}\n" }), input: {}, source: 'test' })
    expect(record.status).toBe('failed')
    expect(record.error?.type).toBe('TypeError')
    expect(record.error?.message).toContain('context.progress() needs a number')
  })
})

describe('task logs', () => {
  test('context.log and console calls are stored with their levels, in order, with timestamps', async () => {
    const task = makeTask({
      code: [
        'async function main(input, context) {',
        "  context.log.info('starting', { n: 1 })",
        "  console.log('plain', 42)",
        '  await new Promise((resolve) => setTimeout(resolve, 5))',
        "  console.warn('careful')",
        "  console.error('broken', { code: 7 })",
        "  context.log.debug('details')",
        "  return 'done'",
        '}',
      ].join('\n'),
    })
    const before = Date.now()
    const record = await h.engine.execute({ task, input: {}, source: 'test' })
    expect(record.status).toBe('completed')
    const logs = await h.store.getLogs(record.id)
    expect(logs.map((l) => [l.seq, l.level, l.message])).toEqual([
      [0, 'info', 'starting'],
      [1, 'info', 'plain 42'],
      [2, 'warn', 'careful'],
      [3, 'error', 'broken {"code":7}'],
      [4, 'debug', 'details'],
    ])
    expect(logs[0].data).toEqual({ n: 1 })
    for (const log of logs) {
      const ts = Date.parse(log.ts)
      expect(log.ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      expect(ts).toBeGreaterThanOrEqual(before - 1000)
      expect(ts).toBeLessThanOrEqual(Date.now())
    }
    expect(Date.parse(logs[2].ts)).toBeGreaterThanOrEqual(Date.parse(logs[1].ts))
  })

  test('log data over 64 KiB per entry is replaced by a note; past 10 MiB per run entries are dropped with one warning', async () => {
    const code = [
      'function main(input, context) {',
      '  const blob = "x".repeat(100 * 1024)',
      '  context.log.info("big data", { blob })',
      '  context.log.info("small data", { n: 1 })',
      '  const chunk = "y".repeat(60 * 1024)',
      '  for (let i = 0; i < 400; i++) context.log.info("entry " + i, { chunk })',
      '  return "done"',
      '}',
    ].join('\n')
    const record = await h.engine.execute({ task: makeTask({ code }), input: {}, source: 'test' })
    expect(record.status).toBe('completed')
    const logs = await h.store.getLogs(record.id)
    expect(logs[0].message).toBe('big data')
    expect(logs[0].data).toBe('[log data of 102411 bytes truncated: one log entry may carry at most 65536 bytes of data]')
    expect(logs[1].data).toEqual({ n: 1 })
    const warnings = logs.filter((l) => l.level === 'warn')
    expect(warnings).toHaveLength(1)
    expect(warnings[0].message).toContain('log budget of 10485760 bytes')
    expect(logs.at(-1)).toBe(warnings.at(-1)!)
    const stored = logs.reduce((sum, l) => sum + l.message.length + (l.data === undefined ? 0 : JSON.stringify(l.data).length), 0)
    expect(stored).toBeLessThanOrEqual(10 * 1024 * 1024 + 1024)
    expect(logs.length).toBeLessThan(200)
  })

  test('keeps the logs of a task that fails', async () => {
    const record = await h.engine.execute({ task: makeTask({ code: "function main() {\n  console.log('before the throw')\n  throw new Error('boom')\n}\n" }), input: {}, source: 'test' })
    expect(record.status).toBe('failed')
    expect((await h.store.getLogs(record.id)).map((l) => l.message)).toEqual(['before the throw'])
  })

  test('nothing a task prints reaches the server process stdout', async () => {
    const code = "function main() {\n  console.log('MARKER-stdout-log')\n  console.error('MARKER-stdout-error')\n  return 'quiet'\n}\n"
    const child = Bun.spawn([process.execPath, join(import.meta.dir, '../helpers/run-task-child.ts')], {
      cwd: join(import.meta.dir, '../..'),
      env: { ...process.env, RATCHET_TEST_CODE: code },
      stdout: 'pipe',
      stderr: 'pipe',
    })
    const [stdout, stderr, exitCode] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited])
    expect(exitCode).toBe(0)
    expect(stderr).toContain('"status":"completed"')
    expect(stderr).toContain('"output":"quiet"')
    expect(stdout).toBe('')
    expect(stderr).not.toContain('MARKER')
  })
})
