import { describe, expect, test } from 'bun:test'
import { createRateLimiter } from '../../src/auth/rate-limiter.ts'

describe('token-bucket rate limiter', () => {
  test('allows N per minute at once, then refuses with the seconds until the next token', () => {
    let now = 0
    const limiter = createRateLimiter({ now: () => now })
    const take = () => limiter.take([{ key: 'k', perMinute: 6 }])
    for (let i = 0; i < 6; i++) expect(take()).toBeNull()
    expect(take()).toMatchObject({ retryAfterS: 10 })
    now += 9_000
    expect(take()).toMatchObject({ retryAfterS: 1 })
    now += 1_000
    expect(take()).toBeNull()
    expect(take()).not.toBeNull()
  })

  test('refills to capacity, never beyond', () => {
    let now = 0
    const limiter = createRateLimiter({ now: () => now })
    for (let i = 0; i < 3; i++) limiter.take([{ key: 'k', perMinute: 3 }])
    now += 10 * 60_000
    for (let i = 0; i < 3; i++) expect(limiter.take([{ key: 'k', perMinute: 3 }])).toBeNull()
    expect(limiter.take([{ key: 'k', perMinute: 3 }])).not.toBeNull()
  })

  test('keys are independent; 0 or no limit never refuses', () => {
    const limiter = createRateLimiter({ now: () => 0 })
    expect(limiter.take([{ key: 'a', perMinute: 1 }])).toBeNull()
    expect(limiter.take([{ key: 'a', perMinute: 1 }])).not.toBeNull()
    expect(limiter.take([{ key: 'b', perMinute: 1 }])).toBeNull()
    for (let i = 0; i < 100; i++) expect(limiter.take([{ key: 'c', perMinute: 0 }, { key: 'd', perMinute: undefined }])).toBeNull()
  })

  test('a call with cost takes that many tokens, and takes from all buckets or none', () => {
    const limiter = createRateLimiter({ now: () => 0 })
    expect(limiter.take([{ key: 'calls', perMinute: 10 }, { key: 'executions', perMinute: 5, cost: 4 }])).toBeNull()
    const refused = limiter.take([{ key: 'calls', perMinute: 10 }, { key: 'executions', perMinute: 5, cost: 4 }])
    expect(refused?.request.key).toBe('executions')
    // The refused call took nothing from the calls bucket: 9 of 10 remain.
    for (let i = 0; i < 9; i++) expect(limiter.take([{ key: 'calls', perMinute: 10 }])).toBeNull()
    expect(limiter.take([{ key: 'calls', perMinute: 10 }])).not.toBeNull()
  })

  test('memory stays bounded: the least recently used buckets are dropped', () => {
    const limiter = createRateLimiter({ maxKeys: 100, now: () => 0 })
    for (let i = 0; i < 10_000; i++) limiter.take([{ key: `flood-${i}`, perMinute: 5 }])
    expect(limiter.size()).toBe(100)
    limiter.take([{ key: 'hot', perMinute: 1 }])
    for (let i = 0; i < 99; i++) limiter.take([{ key: `more-${i}`, perMinute: 5 }])
    expect(limiter.take([{ key: 'hot', perMinute: 1 }])).not.toBeNull()
  })
})
