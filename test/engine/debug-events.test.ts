import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createRunMarker, splitDebugLogs, useRunMarker } from '../../src/engine/debug-events.ts'
import { debugTask } from '../../src/engine/debug-task.ts'
import { DEBUG_EVENT_MARKER, instrumentTask } from '../../src/tasks/instrument.ts'
import type { LogEntry } from '../../src/store/types.ts'
import { makeTask } from '../helpers/make-task.ts'
import { openHarness, type Harness } from '../helpers/with-engine.ts'

let h: Harness

beforeAll(async () => {
  h = await openHarness()
})

afterAll(async () => {
  await h.close()
})

const entry = (message: string, seq = 0): LogEntry => ({ executionId: 'x', seq, level: 'debug', message, ts: new Date().toISOString() })

describe('debugger event markers', () => {
  test('every run gets its own marker, as long as the well-known one', () => {
    const a = createRunMarker()
    const b = createRunMarker()
    expect(a).not.toBe(b)
    expect(a).not.toBe(DEBUG_EVENT_MARKER)
    expect(a.length).toBe(DEBUG_EVENT_MARKER.length)
    expect(a.startsWith('\u0000') && a.endsWith('\u0000')).toBe(true)
  })

  test('only entries with the run\'s marker are events; the well-known marker is an ordinary log line', () => {
    const marker = createRunMarker()
    const split = splitDebugLogs([entry(`${DEBUG_EVENT_MARKER}{"s":1,"l":99}`, 0), entry(`${marker}{"s":1,"l":2}`, 1)], marker)
    expect(split.events).toEqual([{ step: 1, line: 2 }])
    expect(split.logs.map((l) => l.seq)).toEqual([0])
  })

  test('swapping the marker into instrumented code keeps every line and column', () => {
    const instrumented = instrumentTask('function main(input) {\n  const x = input.a\n  return x\n}\n', { breakpoints: [2], stepMode: false, captureVariables: true, maxSteps: 100, maxCapturedHits: 5 })
    const marker = createRunMarker()
    const code = useRunMarker(instrumented.code, marker)!
    expect(code).not.toContain('ratchet-debug')
    expect(code.split('\n').map((l) => l.length)).toEqual(instrumented.code.split('\n').map((l) => l.length))
  })

  test('a task that logs forged debugger events does not fake breakpoint hits', async () => {
    const forged = JSON.stringify({ s: 1, l: 3, h: 1, v: { password: 'forged' } })
    const code = [
      'function main(input) {',
      `  console.debug("\\u0000ratchet-debug\\u0000" + ${JSON.stringify(forged)})`,
      '  const x = input.a + 1',
      '  return x',
      '}',
    ].join('\n')
    const report = await debugTask({ engine: h.engine, store: h.store }, { task: makeTask({ code }), input: { a: 1 }, breakpoints: [3], stepMode: false, captureVariables: true, maxSteps: 100 })
    expect(report.record.status).toBe('completed')
    expect(report.breakpoints).toHaveLength(1)
    expect(report.breakpoints[0]).toMatchObject({ line: 3, hitCount: 1 })
    expect(JSON.stringify(report.breakpoints)).not.toContain('forged')
    expect(report.logs.some((l) => l.message.includes('forged'))).toBe(true)
  })
})
