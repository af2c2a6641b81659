import { describe, expect, test } from 'bun:test'
import { isAppError } from '../../src/errors.ts'
import { createSessionRegistry, type SessionEntry } from '../../src/mcp/http/session-registry.ts'
import { silentLogger } from '../helpers/silent-logger.ts'

function setup(options: { idleMs?: number; maxSessions?: number } = {}) {
  let now = 1_000_000
  const closed: string[] = []
  const registry = createSessionRegistry({ logger: silentLogger(), idleMs: options.idleMs ?? 60_000, maxSessions: options.maxSessions, now: () => now })
  const add = async (id: string, openStreams = 0, principal = 'api_key:p#rights') => {
    await registry.reserve(principal)
    const entry: SessionEntry = { id, kind: 'streamable-http', principal, createdAt: now, lastSeen: now, openStreams, close: async () => void closed.push(id) }
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
    const error = await streaming.registry.reserve('api_key:p#rights').catch((e) => e)
    expect(isAppError(error) && error.code).toBe('BUSY')
    expect(registry.counts()).toEqual({ total: 2, 'streamable-http': 2, sse: 0 })
  })

  test('when full, a client evicts only its own idle sessions (or expired ones), never another client\'s: BUSY instead', async () => {
    const { registry, closed, add, advance } = setup({ maxSessions: 2 })
    await add('victim-1', 0, 'api_key:victim#aaa')
    advance(10)
    await add('victim-2', 0, 'api_key:victim#aaa')
    advance(10)
    const refused = await registry.reserve('api_key:attacker#bbb').catch((e) => e)
    expect(isAppError(refused) && refused.code).toBe('BUSY')
    expect(closed).toEqual([])
    // The same client with other rights is still the same client: it may replace its own idle session.
    await add('victim-3', 0, 'api_key:victim#ccc')
    expect(closed).toEqual(['victim-1'])
    // A session past the idle expiry is fair game for anyone (the sweep would close it anyway).
    advance(61_000)
    await add('attacker-1', 0, 'api_key:attacker#bbb')
    expect(closed).toEqual(['victim-1', 'victim-2'])
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
