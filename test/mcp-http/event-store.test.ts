import { describe, expect, test } from 'bun:test'
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js'
import { createMemoryEventStore } from '../../src/mcp/http/event-store.ts'

const note = (n: number): JSONRPCMessage => ({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 't', progress: n } })

async function replay(store: ReturnType<typeof createMemoryEventStore>, lastEventId: string) {
  const sent: Array<[string, JSONRPCMessage]> = []
  const streamId = await store.replayEventsAfter(lastEventId, { send: async (id, message) => void sent.push([id, message]) })
  return { streamId, sent }
}

describe('memory event store', () => {
  test('replays only the later events of the same stream, skipping priming events', async () => {
    const store = createMemoryEventStore()
    const priming = await store.storeEvent('a', {} as JSONRPCMessage)
    const a1 = await store.storeEvent('a', note(1))
    await store.storeEvent('b', note(100))
    const a2 = await store.storeEvent('a', note(2))
    const a3 = await store.storeEvent('a', note(3))
    expect(new Set([priming, a1, a2, a3]).size).toBe(4)
    expect(await store.getStreamIdForEventId(a2)).toBe('a')
    const fromPriming = await replay(store, priming)
    expect(fromPriming.streamId).toBe('a')
    expect(fromPriming.sent.map(([id]) => id)).toEqual([a1, a2, a3])
    expect((await replay(store, a2)).sent).toEqual([[a3, note(3)]])
  })

  test('keeps at most maxEvents, dropping the oldest; an unknown id replays nothing', async () => {
    const store = createMemoryEventStore({ maxEvents: 3 })
    const first = await store.storeEvent('a', note(1))
    for (let i = 2; i <= 5; i++) await store.storeEvent('a', note(i))
    expect(store.size).toBe(3)
    expect(await store.getStreamIdForEventId(first)).toBeUndefined()
    expect(await replay(store, first)).toEqual({ streamId: '', sent: [] })
  })
})
