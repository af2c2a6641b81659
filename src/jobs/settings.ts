/**
 * The job queue's and output destinations' settings (config sections `jobs` and `output`), fully
 * defaulted. The config schema has already checked types and ranges; here they get their defaults,
 * camelCase names and absolute paths.
 */
import { isAbsolute, resolve } from 'node:path'
import type { Config } from '../config/types.ts'
import type { FetchPolicyConfig } from '../pool/egress/host-policy.ts'

export interface BackoffSettings {
  initialDelayMs: number
  maxDelayMs: number
  multiplier: number
}

export interface OutputSettings {
  /** Absolute folder filesystem destinations write under. */
  filesystemRoot: string
  webhookTimeoutSeconds: number
  maxConcurrentDeliveries: number
  /** Which hosts webhooks may reach: the same policy as task `fetch` (execution.fetch). */
  fetch: FetchPolicyConfig
}

export interface JobSettings {
  enabled: boolean
  pollIntervalMs: number
  leaseSeconds: number
  maxConcurrent: number
  /** Retries after the first attempt when a job does not say. */
  maxRetries: number
  retry: BackoffSettings
  output: OutputSettings
}

export const JOB_DEFAULTS = {
  enabled: true,
  pollIntervalMs: 250,
  leaseSeconds: 60,
  maxRetries: 3,
  retry: { initialDelayMs: 1000, maxDelayMs: 300_000, multiplier: 2 },
  output: { filesystemRoot: './outputs', webhookTimeoutSeconds: 30, maxConcurrentDeliveries: 10 },
} satisfies Omit<JobSettings, 'maxConcurrent' | 'output'> & { output: Omit<OutputSettings, 'fetch'> }

type Section = Record<string, unknown>

const section = (value: unknown): Section => (value !== null && typeof value === 'object' ? (value as Section) : {})
const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback)

/** Settings from `config.raw.jobs` / `config.raw.output`, with defaults; max_concurrent defaults to workers.count. */
export function readJobSettings(config: Pick<Config, 'raw' | 'baseDir' | 'workers' | 'execution'>): JobSettings {
  const jobs = section(config.raw.jobs)
  const retry = section(jobs.retry)
  const output = section(config.raw.output)
  const root = typeof output.filesystem_root === 'string' ? output.filesystem_root : JOB_DEFAULTS.output.filesystemRoot
  return {
    enabled: typeof jobs.enabled === 'boolean' ? jobs.enabled : JOB_DEFAULTS.enabled,
    pollIntervalMs: num(jobs.poll_interval_ms, JOB_DEFAULTS.pollIntervalMs),
    leaseSeconds: num(jobs.lease_seconds, JOB_DEFAULTS.leaseSeconds),
    maxConcurrent: num(jobs.max_concurrent, config.workers.count),
    maxRetries: num(jobs.max_retries, JOB_DEFAULTS.maxRetries),
    retry: {
      initialDelayMs: num(retry.initial_delay_ms, JOB_DEFAULTS.retry.initialDelayMs),
      maxDelayMs: num(retry.max_delay_ms, JOB_DEFAULTS.retry.maxDelayMs),
      multiplier: num(retry.multiplier, JOB_DEFAULTS.retry.multiplier),
    },
    output: {
      filesystemRoot: isAbsolute(root) ? root : resolve(config.baseDir, root),
      webhookTimeoutSeconds: num(output.webhook_timeout_seconds, JOB_DEFAULTS.output.webhookTimeoutSeconds),
      maxConcurrentDeliveries: num(output.max_concurrent_deliveries, JOB_DEFAULTS.output.maxConcurrentDeliveries),
      fetch: config.execution.fetch ?? { allowedHosts: [], deniedHosts: [] },
    },
  }
}
