/**
 * The JobService: the durable queue's domain operations (create, get, list, cancel, retry, deliveries,
 * stats) over a JobStore, plus this node's claiming loop (job-runner.ts). Doors call it; it knows no
 * door. Swapping the store (PostgreSQL) changes nothing here.
 */
import { hostname } from 'node:os'
import type { Engine, TaskGate } from '../engine/engine.ts'
import { AppError } from '../errors.ts'
import type { EventBus } from '../events/types.ts'
import type { Logger } from '../lib/logger.ts'
import { createHostPolicy } from '../pool/egress/host-policy.ts'
import type { Registry } from '../registry/registry.ts'
import { createDeliverer, type Deliverer } from './destinations/create-deliverer.ts'
import { publishJobEvent } from './job-events.ts'
import { createJobRunner } from './job-runner.ts'
import { toJobRecord, type JobStore, type StoredJob } from './job-store.ts'
import type { JobSettings } from './settings.ts'
import type { JobRecord, JobService, JobStatus, OwnerGate } from './types.ts'
import { validateJobRequest } from './validate-job-request.ts'

export interface JobServiceDeps {
  store: JobStore
  engine: Pick<Engine, 'submit' | 'cancel'>
  registry: Pick<Registry, 'get'>
  /** Refuses jobs of tasks that may not run (disabled) when they are created, not first when they run. */
  gate?: TaskGate
  events: EventBus
  logger: Logger
  /** Output destinations; default: createDeliverer(settings.output). The service closes it. */
  deliver?: Deliverer
  /**
   * The owners' current permissions and concurrency caps: a claimed job whose owner may no longer run it
   * is dead-lettered (PermissionDenied), one whose owner is at max_concurrent_executions waits in the
   * queue. Absent: jobs run without the check (one-shot CLI commands never start the queue).
   */
  owners?: OwnerGate
  /** Epoch ms (tests); default Date.now. */
  clock?: () => number
  /** [0, 1) for backoff jitter (tests); default Math.random. */
  random?: () => number
  /**
   * This node's lease owner id; default `<hostname>:<pid>:<random>`. Give a stable id (one per node) and
   * start() at once puts back the jobs this node held when it stopped, instead of waiting for their leases.
   */
  nodeId?: string
}

const CANCELLABLE: readonly JobStatus[] = ['queued', 'retrying', 'running']
const RETRYABLE: readonly JobStatus[] = ['dead_letter', 'cancelled', 'completed']

export function defaultNodeId(): string {
  return `${hostname()}:${process.pid}:${Buffer.from(crypto.getRandomValues(new Uint8Array(4))).toString('hex')}`
}

export function createJobService(deps: JobServiceDeps, settings: JobSettings): JobService & { readonly nodeId: string } {
  const { store, engine, registry, events, logger } = deps
  const clock = deps.clock ?? Date.now
  const nodeId = deps.nodeId ?? defaultNodeId()
  const deliverer = deps.deliver ?? createDeliverer({ output: settings.output, logger, now: clock, random: deps.random })
  const policy = createHostPolicy(settings.output.fetch)
  const executions = new Map<string, string>()
  const runner = createJobRunner({ store, engine, registry, events, logger, deliverer, settings, nodeId, clock, random: deps.random ?? Math.random, executions, ...(deps.owners ? { owners: deps.owners } : {}) })
  const isoNow = () => new Date(clock()).toISOString()

  const mustGet = async (id: string): Promise<StoredJob> => {
    const job = await store.get(id)
    if (!job) throw new AppError('JOB_NOT_FOUND', `Job ${id} not found`, { data: { jobId: id }, hint: 'Check the id; list jobs to see the ones you can access.' })
    return job
  }

  return {
    nodeId,

    async create(request) {
      const now = isoNow()
      const job = validateJobRequest(request, { registry, ...(deps.gate ? { gate: deps.gate } : {}), policy, defaultMaxRetries: settings.maxRetries, id: Bun.randomUUIDv7(), now })
      const result = await store.insert(job)
      const record = toJobRecord(result.job)
      if (!result.created && (record.principal ?? null) !== job.principal) {
        // Keys are scoped per owner in the store; a store that does not must still never hand one caller another's job.
        throw new AppError('INTERNAL', 'The job store returned another owner\'s job for an idempotency key', { data: { field: 'idempotency_key' } })
      }
      if (result.created) {
        publishJobEvent(events, 'job.created', record)
        const due = Date.parse(record.scheduledFor)
        if (due <= clock()) runner.wake()
        else runner.wakeAt(due)
      }
      return { job: record, created: result.created }
    },

    async get(id) {
      const job = await store.get(id)
      return job ? toJobRecord(job) : null
    },

    list(query, scope) {
      return store.list(query, scope)
    },

    async cancel(id, reason = 'cancelled by request') {
      const lastError = { type: 'Cancelled', code: 'CANCELLED', reason: 'cancelled', message: `The job was cancelled: ${reason}` }
      const updated = await store.transition(id, { from: CANCELLABLE }, { status: 'cancelled', lastError, nextAttemptAt: null, completedAt: isoNow() }, isoNow())
      if (!updated) {
        const job = await mustGet(id)
        throw new AppError('CONFLICT', `Job ${id} is already ${job.status}; only queued, retrying or running jobs can be cancelled`, {
          data: { jobId: id, status: job.status },
          hint: job.status === 'cancelled' ? 'Nothing to do.' : 'Retry it to run it again.',
        })
      }
      // Running here: stop the execution now. Running on another node: its heartbeat sees the change.
      const executionId = executions.get(id)
      if (executionId) void engine.cancel(executionId, reason)
      const record = toJobRecord(updated)
      publishJobEvent(events, 'job.cancelled', record, { reason })
      return record
    },

    async retry(id) {
      const now = isoNow()
      const updated = await store.transition(id, { from: RETRYABLE }, { status: 'queued', resetBudget: true, runAfter: now, nextAttemptAt: null, completedAt: null }, now)
      if (!updated) {
        const job = await mustGet(id)
        throw new AppError('CONFLICT', `Job ${id} is ${job.status}; only dead_letter, cancelled or completed jobs can be retried`, {
          data: { jobId: id, status: job.status },
          hint: 'It is still waiting or running; cancel it first if you want to start over.',
        })
      }
      const record: JobRecord = toJobRecord(updated)
      publishJobEvent(events, 'job.retry_scheduled', record, { manual: true, delay_ms: 0 })
      runner.wake()
      return record
    },

    async deliveries(jobId) {
      await mustGet(jobId)
      return store.deliveries(jobId)
    },

    stats(scope) {
      return store.stats(isoNow(), scope)
    },

    start() {
      if (!settings.enabled) {
        logger.info('jobs.enabled is false: this node queues jobs but does not run them')
        return
      }
      runner.start()
    },

    close(options) {
      return runner.close(options)
    },
  }
}
