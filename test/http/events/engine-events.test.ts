import { expect, test } from 'bun:test'
import { bridgeEngineEvents, createEventBus, type DomainEvent } from '../../../src/events/index.ts'
import { makeTask } from '../../helpers/make-task.ts'
import { withEngine } from '../../helpers/with-engine.ts'

test('engine events reach the bus as execution.* events with task, owner and small payloads', async () => {
  await withEngine(async ({ engine }) => {
    const bus = createEventBus()
    const events: DomainEvent[] = []
    bus.subscribe((event) => events.push(event))
    const stop = bridgeEngineEvents(engine, bus)
    const task = makeTask({
      name: 'bridged',
      code: "async function main(input, context) {\n  console.log('x'.repeat(2000))\n  context.progress({ progress: 1, total: 2, message: 'half' })\n  await new Promise((r) => setTimeout(r, 20))\n  throw new Error('boom')\n}\n",
    })
    const record = await engine.execute({ task, input: { secret: 'not in events' }, source: 'test', principal: 'alice' })
    await Bun.sleep(20)
    stop()

    const types = events.map((event) => event.type)
    expect(types[0]).toBe('execution.queued')
    expect(types[1]).toBe('execution.started')
    expect(types).toContain('execution.log')
    expect(types).toContain('execution.progress')
    expect(types.at(-1)).toBe('execution.finished')
    for (const event of events) expect(event).toMatchObject({ taskName: 'bridged', executionId: record.id, owner: 'alice' })

    const finished = events.at(-1)!
    expect(finished.data).toMatchObject({ status: 'failed', attempt: 1, source: 'test', queued_at: record.queuedAt, completed_at: record.completedAt, error: { code: record.error!.code } })
    expect(String((finished.data.error as { message: string }).message)).toContain('boom')
    const log = events.find((event) => event.type === 'execution.log')!
    const entry = (log.data.entries as { message: string; level: string }[])[0]!
    expect(entry.message.length).toBeLessThanOrEqual(501)
    expect(events.find((event) => event.type === 'execution.progress')!.data).toEqual({ progress: 1, total: 2, message: 'half' })
    expect(JSON.stringify(events)).not.toContain('not in events')

    const before = events.length
    await engine.execute({ task, input: {}, source: 'test' })
    expect(events.length).toBe(before)
  })
})
