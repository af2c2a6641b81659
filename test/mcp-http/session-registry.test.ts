import { describe, expect, test } from 'bun:test'
import { isAppError } from '../../src/errors.ts'
import { createSessionRegistry, type SessionEntry } from '../../src/mcp/http/session-registry.ts'
import { silentLogger } from '../helpers/silent-logger.ts'

function setup(options: { idleMs?: number; maxSessions?: number } = {}) {
  let now = 1_000_000
  const closed: string[] = []
  const registry = createSessionRegistry({ logger: silentLogger(), idleMs: options.idleMs ?? 60_000, maxSessions: options.maxSessions, now: () => now })
  const add = async (id: string, openStreams = 0) => {
    await registry.reserve()
    const entry: SessionEntry = { id, kind: 'streamable-http', principal: 'p', createdAt: now, lastSeen: now, openStreams, close: async () => void closed.push(id) }
    registry.add(entry)
    return entry
  }
  return { registry, closed, add, advance: (ms: number) => void (now += ms) }
}

describe('session registry', () => {
  test('closes a session idle for longer than the expiry, never one with an open stream', async () => {
    const { registry, closed, add, advance } = setup()
    await add('idle')
    await add('streaming', 1)
    advance(59_000)
    expect(await registry.sweep()).toBe(0)
    advance(2000)
    expect(await registry.sweep()).toBe(1)
    expect(closed).toEqual(['idle'])
    await registry.closeAll('done')
    expect(closed).toEqual(['idle', 'streaming'])
  })

  test('using a session resets its idle clock', async () => {
    const { registry, closed, add, advance } = setup()
    await add('a')
    advance(50_000)
    registry.get('a', 'streamable-http')
    advance(50_000)
    expect(await registry.sweep()).toBe(0)
    expect(closed).toEqual([])
    expect(registry.get('a', 'sse')).toBeUndefined()
  })

  test('when full, the longest-idle session makes room; when all are streaming, BUSY', async () => {
    const { registry, closed, add, advance } = setup({ maxSessions: 2 })
    await add('old')
    advance(10)
    await add('new')
    await add('third')
    expect(closed).toEqual(['old'])
    const streaming = setup({ maxSessions: 1 })
    await streaming.add('busy', 1)
    const error = await streaming.registry.reserve().catch((e) => e)
    expect(isAppError(error) && error.code).toBe('BUSY')
    expect(registry.counts()).toEqual({ total: 2, 'streamable-http': 2, sse: 0 })
  })

  test('a tracked response body counts as an open stream until it ends or is cancelled', async () => {
    const { registry, add } = setup()
    const entry = await add('s')
    const tracked = registry.trackStream(entry, new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('x')) })))
    expect(entry.openStreams).toBe(1)
    await tracked.body!.cancel()
    expect(entry.openStreams).toBe(0)
    const finite = registry.trackStream(entry, new Response('done'))
    expect(await finite.text()).toBe('done')
    expect(entry.openStreams).toBe(0)
  })
})
