import { describe, expect, test } from 'bun:test'
import { backoffDelay, fullBackoff, readJobSettings } from '../../src/jobs/index.ts'
import type { Config } from '../../src/config/types.ts'

const base = { baseDir: '/srv/ratchet', workers: { count: 6, restartOnFailure: true, maxQueue: 100 }, execution: { maxExecutionTime: 30, maxMemoryMb: 256, validateSchemas: true } } as unknown as Config

describe('job settings and backoff', () => {
  test('defaults every jobs and output key, max_concurrent from workers.count, the root under baseDir', () => {
    expect(readJobSettings({ ...base, raw: {} })).toEqual({
      enabled: true,
      pollIntervalMs: 250,
      leaseSeconds: 60,
      maxConcurrent: 6,
      maxRetries: 3,
      retry: { initialDelayMs: 1000, maxDelayMs: 300_000, multiplier: 2 },
      output: { filesystemRoot: '/srv/ratchet/outputs', webhookTimeoutSeconds: 30, maxConcurrentDeliveries: 10, fetch: { allowedHosts: [], deniedHosts: [] } },
    })
  })

  test('reads the configured values', () => {
    const settings = readJobSettings({
      ...base,
      execution: { ...base.execution, fetch: { allowedHosts: ['hooks.example.com'], deniedHosts: [] } },
      raw: { jobs: { enabled: false, poll_interval_ms: 50, lease_seconds: 5, max_concurrent: 2, max_retries: 0, retry: { initial_delay_ms: 10, max_delay_ms: 20, multiplier: 3 } }, output: { filesystem_root: '/data/out', webhook_timeout_seconds: 3, max_concurrent_deliveries: 1 } },
    })
    expect(settings).toMatchObject({ enabled: false, pollIntervalMs: 50, leaseSeconds: 5, maxConcurrent: 2, maxRetries: 0, retry: { initialDelayMs: 10, maxDelayMs: 20, multiplier: 3 } })
    expect(settings.output).toEqual({ filesystemRoot: '/data/out', webhookTimeoutSeconds: 3, maxConcurrentDeliveries: 1, fetch: { allowedHosts: ['hooks.example.com'], deniedHosts: [] } })
  })

  test('backoff grows by the multiplier, is capped, and draws between half and all of it', () => {
    const policy = { initialDelayMs: 1000, maxDelayMs: 5000, multiplier: 2 }
    expect([1, 2, 3, 4, 10].map((n) => fullBackoff(policy, n))).toEqual([1000, 2000, 4000, 5000, 5000])
    expect(backoffDelay(policy, 2, () => 0)).toBe(1000)
    expect(backoffDelay(policy, 2, () => 0.999999)).toBe(2000)
    expect(fullBackoff(policy, 5000)).toBe(5000)
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(policy, 3)
      expect(delay).toBeGreaterThanOrEqual(2000)
      expect(delay).toBeLessThanOrEqual(4000)
    }
  })
})
