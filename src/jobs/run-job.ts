/**
 * One claimed job, start to end: run it through the engine under a heartbeated lease, then record the
 * outcome. completed → output stored, then delivered; failed/timed_out → retrying after a jittered
 * backoff while the retry budget lasts, else dead_letter; failures no retry can fix (task gone, input
 * invalid) → dead_letter at once. Every write is guarded by "still running under my lease", so a job
 * cancelled or reclaimed meanwhile is left as the other party set it.
 */
import { AppError } from '../errors.ts'
import type { Engine } from '../engine/engine.ts'
import type { EventBus } from '../events/types.ts'
import type { Logger } from '../lib/logger.ts'
import type { Registry } from '../registry/registry.ts'
import type { ExecutionError, ExecutionRecord } from '../store/types.ts'
import { backoffDelay } from './backoff.ts'
import type { Deliverer } from './destinations/create-deliverer.ts'
import { publishDeliveryEvent, publishJobEvent } from './job-events.ts'
import { toJobRecord, type ClaimedJob, type JobPatch, type JobStore, type StoredJob } from './job-store.ts'
import type { JobSettings } from './settings.ts'
import type { OwnerGate } from './types.ts'

export interface RunContext {
  store: JobStore
  engine: Pick<Engine, 'submit' | 'cancel'>
  registry: Pick<Registry, 'get'>
  events: EventBus
  logger: Logger
  deliverer: Deliverer
  settings: JobSettings
  /** The owners' current permissions and concurrency caps; absent: no check. */
  owners?: OwnerGate
  nodeId: string
  clock: () => number
  random: () => number
  /** Execution id of each job running on this node, by job id (cancel reaches them through it). */
  executions: Map<string, string>
  closing: () => boolean
  /** Asks the runner to look for due jobs at this time (ms). */
  wakeAt: (ms: number) => void
  /** Keeps a delivery in flight known to close(). */
  track: (work: Promise<unknown>) => void
}

/** Engine error codes that running again cannot fix. */
const FINAL_CODES = new Set(['INPUT_INVALID', 'TASK_NOT_FOUND'])

const iso = (ms: number) => new Date(ms).toISOString()

export async function runClaimedJob(job: ClaimedJob, ctx: RunContext): Promise<void> {
  const stopHeartbeat = startHeartbeat(job, ctx)
  try {
    await run(job, ctx)
  } catch (error) {
    ctx.logger.error('job run failed inside the queue', { jobId: job.id, error: String(error) })
    await finish(job, ctx, deadLetter({ type: 'InternalError', code: 'INTERNAL', message: `The job queue failed while running this job: ${String(error)}` }, ctx), 'job.dead_letter').catch(() => {})
  } finally {
    stopHeartbeat()
    ctx.executions.delete(job.id)
  }
}

/** Extends the lease every third of lease_seconds; a refused extension means cancelled or reclaimed elsewhere. */
function startHeartbeat(job: ClaimedJob, ctx: RunContext): () => void {
  const leaseMs = ctx.settings.leaseSeconds * 1000
  const timer = setInterval(async () => {
    const held = await ctx.store.heartbeat(job.id, ctx.nodeId, iso(ctx.clock() + leaseMs)).catch((error) => {
      ctx.logger.warn('could not extend a job lease', { jobId: job.id, error: String(error) })
      return true
    })
    const executionId = ctx.executions.get(job.id)
    if (!held && executionId) {
      ctx.logger.info('job no longer leased by this node (cancelled or reclaimed); stopping its execution', { jobId: job.id, executionId })
      void ctx.engine.cancel(executionId, 'the job was cancelled or its lease passed to another node')
    }
  }, Math.max(10, leaseMs / 3))
  return () => clearInterval(timer)
}

async function run(job: ClaimedJob, ctx: RunContext): Promise<void> {
  const roundAttempt = job.attempts - job.retryBase
  if (job.reclaimedFrom !== null) {
    ctx.logger.warn('reclaimed a job whose lease expired', { jobId: job.id, previousOwner: job.reclaimedFrom, attempt: job.attempts })
    if (roundAttempt > job.maxRetries + 1) {
      const message = `The node running this job (${job.reclaimedFrom}) stopped renewing its lease, and no retries are left (max_retries ${job.maxRetries}).`
      await finish(job, ctx, deadLetter({ type: 'LeaseExpired', code: 'INTERRUPTED', reason: 'lease_expired', message }, ctx), 'job.dead_letter')
      return
    }
  }
  const task = ctx.registry.get(job.taskName)
  if (!task) {
    const message = `Task "${job.taskName}" no longer exists, so the job cannot run. Restore the task and retry the job, or create a job for another task.`
    await finish(job, ctx, deadLetter({ type: 'TaskNotFound', code: 'TASK_NOT_FOUND', message }, ctx), 'job.dead_letter')
    return
  }
  const owners = ctx.owners
  // The owner's permissions as configured now: a key removed or narrowed since the job was queued stops it.
  const refused = owners?.refusal(job.principal, [job.scheduleId ? 'schedules.manage' : 'jobs.manage'], task.name) ?? null
  if (refused) {
    ctx.logger.warn('job not run: its owner may no longer run it', { jobId: job.id, owner: job.principal, reason: refused })
    await finish(job, ctx, deadLetter({ type: 'PermissionDenied', code: 'FORBIDDEN', reason: 'owner_not_allowed', message: refused }, ctx), 'job.dead_letter')
    return
  }
  if (owners && !owners.acquire(job.principal)) {
    await handBack(job, ctx, 'its owner is at max_concurrent_executions')
    return
  }
  let submitted: ReturnType<RunContext['engine']['submit']>
  try {
    submitted = ctx.engine.submit({ task, input: job.input, source: 'job', principal: job.principal ?? undefined, timeout: job.timeout ?? undefined, attempt: job.attempts })
  } catch (error) {
    owners?.release(job.principal)
    if (error instanceof AppError && (error.code === 'BUSY' || error.code === 'SHUTTING_DOWN')) {
      await handBack(job, ctx, `engine busy: ${error.message}`)
      return
    }
    const message = error instanceof Error ? error.message : String(error)
    await finish(job, ctx, deadLetter({ type: 'SubmitError', code: error instanceof AppError ? error.code : 'INTERNAL', message: `The engine refused the job: ${message}` }, ctx), 'job.dead_letter')
    return
  }
  if (owners) {
    const release = () => owners.release(job.principal)
    void submitted.done.then(release, release)
  }
  ctx.executions.set(job.id, submitted.id)
  if (await ctx.store.addExecution(job.id, ctx.nodeId, submitted.id, iso(ctx.clock()))) {
    publishJobEvent(ctx.events, 'job.started', toJobRecord({ ...job, executionIds: [...job.executionIds, submitted.id] }), { attempt: job.attempts, reclaimed_from: job.reclaimedFrom }, submitted.id)
  } else {
    // Cancelled between the claim and the submit.
    void ctx.engine.cancel(submitted.id, 'the job was cancelled')
  }
  const execution = await submitted.done
  await settle({ ...job, executionIds: [...job.executionIds, submitted.id] }, execution, ctx)
}

/** Not the job's fault (no free engine slot, its owner at its concurrency cap): give the attempt back and let it wait. */
async function handBack(job: ClaimedJob, ctx: RunContext, why: string): Promise<void> {
  const later = ctx.clock() + ctx.settings.pollIntervalMs
  await ctx.store.transition(job.id, { from: ['running'], owner: ctx.nodeId }, { status: 'queued', undoAttempt: true, runAfter: iso(later) }, iso(ctx.clock()))
  ctx.logger.info('job put back in the queue', { jobId: job.id, reason: why })
  if (!ctx.closing()) ctx.wakeAt(later)
}

async function settle(job: StoredJob, execution: ExecutionRecord, ctx: RunContext): Promise<void> {
  const now = ctx.clock()
  if (execution.status === 'completed') {
    const completedAt = execution.completedAt ?? iso(now)
    const done = await finish(job, ctx, { status: 'completed', output: execution.output ?? null, completedAt, nextAttemptAt: null }, 'job.completed', execution.id)
    if (done && done.outputDestinations.length > 0) ctx.track(deliver(done, execution, completedAt, ctx))
    return
  }
  const error: ExecutionError = execution.error ?? { type: 'Error', code: 'TASK_FAILED', message: `The execution ended ${execution.status}` }
  if (execution.status === 'cancelled') {
    if (ctx.closing()) {
      // Stopped by our own shutdown: the job waits for the next node (close() also releases leases).
      await ctx.store.transition(job.id, { from: ['running'], owner: ctx.nodeId }, { status: 'queued', undoAttempt: true, runAfter: iso(now) }, iso(now))
      return
    }
    await finish(job, ctx, { status: 'cancelled', lastError: error, completedAt: iso(now) }, 'job.cancelled', execution.id)
    return
  }
  if (FINAL_CODES.has(error.code)) {
    await finish(job, ctx, deadLetter(error, ctx), 'job.dead_letter', execution.id)
    return
  }
  const roundAttempt = job.attempts - job.retryBase
  if (roundAttempt > job.maxRetries) {
    await finish(job, ctx, deadLetter(error, ctx), 'job.dead_letter', execution.id)
    return
  }
  const delayMs = backoffDelay(ctx.settings.retry, roundAttempt, ctx.random)
  const next = now + delayMs
  const retrying = await finish(job, ctx, { status: 'retrying', lastError: error, nextAttemptAt: iso(next), runAfter: iso(next) }, 'job.retry_scheduled', execution.id, { delay_ms: delayMs, failed_attempt: job.attempts })
  if (retrying) ctx.wakeAt(next)
}

function deadLetter(error: ExecutionError, ctx: RunContext): JobPatch {
  return { status: 'dead_letter', lastError: error, nextAttemptAt: null, completedAt: iso(ctx.clock()) }
}

/** Writes the outcome if the job is still running under this node's lease, and publishes it. */
async function finish(
  job: StoredJob,
  ctx: RunContext,
  patch: JobPatch,
  event: 'job.completed' | 'job.dead_letter' | 'job.cancelled' | 'job.retry_scheduled',
  executionId?: string,
  extra: Record<string, unknown> = {},
): Promise<StoredJob | null> {
  const updated = await ctx.store.transition(job.id, { from: ['running'], owner: ctx.nodeId }, patch, iso(ctx.clock()))
  if (!updated) {
    ctx.logger.info('job outcome not recorded: it was cancelled or taken over meanwhile', { jobId: job.id, outcome: patch.status })
    return null
  }
  publishJobEvent(ctx.events, event, toJobRecord(updated), extra, executionId)
  return updated
}

async function deliver(job: StoredJob, execution: ExecutionRecord, completedAt: string, ctx: RunContext): Promise<void> {
  const request = { jobId: job.id, taskName: job.taskName, executionId: execution.id, status: 'completed', output: execution.output ?? null, completedAt, destinations: job.outputDestinations }
  await ctx.deliverer.deliver(request, async (attempt) => {
    await ctx.store.addDelivery(attempt)
    publishDeliveryEvent(ctx.events, job, attempt)
  })
}
