import { describe, expect, test } from 'bun:test'
import type { EngineEvent } from '../../src/engine/engine.ts'
import { bridgeEngineEvents, createEventBus, type DomainEvent } from '../../src/events/index.ts'

/** An engine stand-in that records who listens and lets the test emit events. */
function fakeEngine() {
  const listeners = new Set<(event: EngineEvent) => void>()
  return {
    subscribe(listener: (event: EngineEvent) => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    listening: () => listeners.size,
    emit: (event: EngineEvent) => listeners.forEach((listener) => listener(event)),
  }
}

const queued = (id: string) => ({ type: 'queued', execution: { id, taskName: 'addition', taskVersion: '1.0.0', taskChecksum: 'c', input: {}, status: 'queued', queuedAt: '2026-01-01T00:00:00.000Z', attempt: 1, source: 'test', principal: 'alice' } }) as EngineEvent

describe('the engine bridge runs only while the bus has subscribers', () => {
  test('nobody on the bus: the engine has no listener, so it builds no events', () => {
    const engine = fakeEngine()
    const bus = createEventBus()
    const stop = bridgeEngineEvents(engine, bus)
    expect(engine.listening()).toBe(0)
    const seen: DomainEvent[] = []
    const unsubscribe = bus.subscribe((event) => void seen.push(event))
    expect(engine.listening()).toBe(1)
    engine.emit(queued('e1'))
    expect(seen.map((event) => [event.type, event.executionId, event.taskName, event.owner])).toEqual([['execution.queued', 'e1', 'addition', 'alice']])
    unsubscribe()
    expect(engine.listening()).toBe(0)
    const again = bus.subscribe(() => {})
    expect(engine.listening()).toBe(1)
    stop()
    expect(engine.listening()).toBe(0)
    again()
  })

  test('a bus that already has a subscriber bridges at once', () => {
    const engine = fakeEngine()
    const bus = createEventBus()
    bus.subscribe(() => {})
    bridgeEngineEvents(engine, bus)
    expect(engine.listening()).toBe(1)
  })
})
