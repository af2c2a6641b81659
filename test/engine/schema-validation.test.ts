import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { EngineEvent } from '../../src/engine/engine.ts'
import { makeTask } from '../helpers/make-task.ts'
import { openHarness, withEngine, type Harness } from '../helpers/with-engine.ts'

let h: Harness

beforeAll(async () => {
  h = await openHarness()
})

afterAll(async () => {
  await h.close()
})

const inputSchema = {
  type: 'object',
  properties: { name: { type: 'string' }, count: { type: 'integer', minimum: 1 }, tags: { type: 'array', items: { type: 'string' } } },
  required: ['name', 'count'],
  additionalProperties: false,
}
const outputSchema = { type: 'object', properties: { greeting: { type: 'string' } }, required: ['greeting'] }

describe('schema validation', () => {
  test('an invalid input fails with INPUT_INVALID listing every offending path, and no worker runs it', async () => {
    const task = makeTask({ code: 'function main() {\n  console.log("ran")\n  return { greeting: "hi" }\n}\n', inputSchema, outputSchema })
    const events: EngineEvent[] = []
    const unsubscribe = h.engine.subscribe((event) => events.push(event))
    const record = await h.engine.execute({ task, input: { count: 0, tags: ['a', 7], extra: true }, source: 'test' })
    unsubscribe()
    expect(record.status).toBe('failed')
    expect(record.error?.code).toBe('INPUT_INVALID')
    expect(record.error?.type).toBe('ValidationError')
    const message = record.error!.message
    expect(message).toContain("input: must have required property 'name'")
    expect(message).toContain('input.count: ')
    expect(message).toContain('input.tags[1]: ')
    expect(message).toContain("must not have additional property 'extra'")
    const ofThis = events.filter((e) => ('execution' in e ? e.execution.id : e.executionId) === record.id).map((e) => e.type)
    expect(ofThis).toEqual(['queued', 'finished'])
    expect(record.startedAt ?? null).toBeNull()
    expect(await h.store.getLogs(record.id)).toEqual([])
    expect(await h.store.getExecution(record.id)).toMatchObject({ status: 'failed', error: { code: 'INPUT_INVALID' } })
  })

  test('a valid input runs and an output that matches the schema completes', async () => {
    const task = makeTask({ code: '(input) => ({ greeting: "hi " + input.name })', inputSchema, outputSchema })
    const record = await h.engine.execute({ task, input: { name: 'Ada', count: 2 }, source: 'test' })
    expect(record.status).toBe('completed')
    expect(record.output).toEqual({ greeting: 'hi Ada' })
  })

  test('an output that violates the output schema fails with OUTPUT_INVALID and keeps the output in details', async () => {
    const task = makeTask({ code: '() => ({ greeting: 42 })', outputSchema })
    const record = await h.engine.execute({ task, input: {}, source: 'test' })
    expect(record.status).toBe('failed')
    expect(record.error?.code).toBe('OUTPUT_INVALID')
    expect(record.error?.message).toContain('output.greeting: ')
    expect(record.error?.details).toMatchObject({ output: { greeting: 42 } })
    expect(record.output ?? null).toBeNull()
  })

  test('schemas are not checked when validateSchemas is off', async () => {
    const task = makeTask({ code: '(input) => input', inputSchema, outputSchema })
    const record = await withEngine((x) => x.engine.execute({ task, input: { wrong: true }, source: 'test' }), { engine: { validateSchemas: false } })
    expect(record.status).toBe('completed')
    expect(record.output).toEqual({ wrong: true })
  })

  test('an input that is not JSON is refused at submit', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => h.engine.submit({ task: makeTask({ code: '() => 1' }), input: cyclic, source: 'test' })).toThrow('The input is not JSON')
  })
})
