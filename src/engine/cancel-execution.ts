/**
 * Cancels an execution on behalf of a caller and reports where it ended up: waits (briefly) for a
 * running execution to settle, so the answer says `cancelled` rather than "still running".
 */
import { AppError } from '../errors.ts'
import type { ExecutionReader, ExecutionRecord, ExecutionStatus } from '../store/types.ts'
import type { Engine } from './engine.ts'
import { isTerminal } from './execution-views.ts'
import { NEXT_STEPS } from './next-steps.ts'

export interface CancelOutcome {
  executionId: string
  cancelled: boolean
  status: ExecutionStatus
  previousStatus: ExecutionStatus
  message: string
}

/** The stored record, or AppError EXECUTION_NOT_FOUND. */
export async function requireExecution(store: Pick<ExecutionReader, 'getExecution'>, executionId: string): Promise<ExecutionRecord> {
  const record = await store.getExecution(executionId)
  if (!record) {
    throw new AppError('EXECUTION_NOT_FOUND', `Execution "${executionId}" not found`, { data: { executionId }, hint: NEXT_STEPS.listExecutions })
  }
  return record
}

/** Resolves with the terminal record once `executionId` finishes, or null after `waitMs`. */
function waitForFinish(engine: Engine, executionId: string, waitMs: number): { done: Promise<ExecutionRecord | null>; stop: () => void } {
  let stop = () => {}
  const done = new Promise<ExecutionRecord | null>((resolve) => {
    const timer = setTimeout(() => finish(null), waitMs)
    const unsubscribe = engine.subscribe((event) => {
      if (event.type === 'finished' && event.execution.id === executionId) finish(event.execution)
    })
    function finish(record: ExecutionRecord | null) {
      clearTimeout(timer)
      unsubscribe()
      resolve(record)
    }
    stop = () => finish(null)
  })
  return { done, stop }
}

/** Cancels a queued or running execution (waiting up to `waitMs` for it to settle); a finished one is reported as is. */
export async function cancelExecution(engine: Engine, store: Pick<ExecutionReader, 'getExecution'>, executionId: string, options: { reason?: string; waitMs?: number } = {}): Promise<CancelOutcome> {
  const before = await requireExecution(store, executionId)
  const previousStatus = before.status
  if (isTerminal(previousStatus)) {
    return { executionId, cancelled: false, status: previousStatus, previousStatus, message: `The execution already finished (${previousStatus.replace('_', ' ')}); there is nothing to cancel.` }
  }
  const wait = waitForFinish(engine, executionId, options.waitMs ?? 3000)
  const accepted = await engine.cancel(executionId, options.reason ?? 'cancelled on request')
  if (!accepted) {
    wait.stop()
    const now = await requireExecution(store, executionId)
    const message = isTerminal(now.status)
      ? `The execution finished (${now.status.replace('_', ' ')}) before it could be cancelled.`
      : `The execution is recorded as ${now.status} but is not running in this server (it may belong to another process); it was not cancelled.`
    return { executionId, cancelled: false, status: now.status, previousStatus, message }
  }
  const final = (await wait.done) ?? (await requireExecution(store, executionId))
  const cancelled = final.status === 'cancelled'
  const message = cancelled
    ? `The execution was cancelled${previousStatus === 'queued' ? ' before it started' : ' while running'}.`
    : isTerminal(final.status)
      ? `The execution finished (${final.status.replace('_', ' ')}) before the cancellation took effect.`
      : `Cancellation was requested; the execution is still ${final.status} and will be stopped within the worker's grace period.`
  return { executionId, cancelled: cancelled || !isTerminal(final.status), status: final.status, previousStatus, message }
}
