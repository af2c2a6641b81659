/**
 * Results as a record of what ran: storing the result of a run that happened elsewhere (source
 * `external`) and reading stored results back by execution, task and status. Both go through the same
 * Store port as the engine's own executions, so every listing shows them side by side.
 */
import { AppError } from '../errors.ts'
import type { Registry } from '../registry/registry.ts'
import type { DoorStore, ExecutionError, ExecutionReader, ExecutionRecord, ExecutionStatus } from '../store/types.ts'

export type FinishedStatus = Extract<ExecutionStatus, 'completed' | 'failed' | 'cancelled' | 'timed_out'>

export interface ExternalResult {
  /** Task name or uuid; need not be loaded. */
  taskId: string
  input?: unknown
  output?: unknown
  status: FinishedStatus
  errorMessage?: string
  errorDetails?: unknown
  durationMs?: number
}

const ERROR_CODES: Record<Exclude<FinishedStatus, 'completed'>, string> = { failed: 'TASK_FAILED', cancelled: 'CANCELLED', timed_out: 'TIMED_OUT' }

/**
 * Inserts the result as an execution record and waits until it is durable. A loaded task lends its
 * name, version and checksum; an unknown one is recorded under the name given, version `external`.
 */
export async function storeExternalResult(deps: { store: Pick<DoorStore, 'createExecution' | 'commit'>; registry: Registry }, result: ExternalResult): Promise<{ record: ExecutionRecord; knownTask: boolean }> {
  const completed = result.status === 'completed'
  if (completed && (result.errorMessage !== undefined || result.errorDetails !== undefined)) {
    throw new AppError('BAD_INPUT', 'error_message and error_details describe a failure, but status is "completed"', {
      hint: 'Use status "failed", "cancelled" or "timed_out" for a run that did not complete, or leave the error fields out.',
    })
  }
  if (!completed && result.output !== undefined) {
    throw new AppError('BAD_INPUT', `output is only kept for completed runs, but status is "${result.status}"`, {
      hint: 'Put partial results of a failed run in error_details.',
    })
  }
  const task = deps.registry.get(result.taskId)
  const completedAt = new Date()
  const startedAt = new Date(completedAt.getTime() - Math.round(result.durationMs ?? 0))
  let error: ExecutionError | null = null
  if (!completed) {
    error = {
      type: 'ExternalError',
      code: ERROR_CODES[result.status as Exclude<FinishedStatus, 'completed'>],
      reason: 'external',
      message: result.errorMessage ?? `The run ended with status ${result.status} outside Ratchet (no error_message was given)`,
      ...(result.errorDetails === undefined ? {} : { details: result.errorDetails }),
    }
  }
  const record: ExecutionRecord = {
    id: Bun.randomUUIDv7(),
    taskName: task?.name ?? result.taskId,
    taskVersion: task?.version ?? 'external',
    taskChecksum: task?.checksum ?? 'external',
    input: result.input ?? null,
    ...(completed ? { output: result.output ?? null } : {}),
    status: result.status,
    error,
    queuedAt: startedAt.toISOString(),
    startedAt: startedAt.toISOString(),
    completedAt: completedAt.toISOString(),
    durationMs: result.durationMs ?? null,
    attempt: 1,
    source: 'external',
  }
  deps.store.createExecution(record)
  await deps.store.commit()
  return { record, knownTask: task !== undefined }
}

export interface ResultsQuery {
  executionId?: string
  /** Task name or uuid; a name that is not loaded still matches stored results. */
  taskId?: string
  /** `pending` is the predecessor's word for queued. */
  status?: ExecutionStatus | 'pending'
  limit: number
  offset: number
}

/** One page of stored executions, newest first, and how many match in all. */
export async function queryResults(deps: { store: Pick<ExecutionReader, 'getExecution' | 'listExecutions'>; registry: Registry }, query: ResultsQuery): Promise<{ items: ExecutionRecord[]; total: number }> {
  const taskName = query.taskId === undefined ? undefined : (deps.registry.get(query.taskId)?.name ?? query.taskId)
  const status = query.status === 'pending' ? 'queued' : query.status
  if (query.executionId !== undefined) {
    const record = await deps.store.getExecution(query.executionId)
    if (!record) {
      throw new AppError('EXECUTION_NOT_FOUND', `Execution "${query.executionId}" not found`, {
        data: { executionId: query.executionId },
        hint: 'Leave execution_id out to list results by task and status.',
      })
    }
    const matches = (taskName === undefined || record.taskName === taskName) && (status === undefined || record.status === status)
    const items = matches && query.offset === 0 ? [record] : []
    return { items, total: matches ? 1 : 0 }
  }
  return deps.store.listExecutions({ taskName, status, limit: query.limit, offset: query.offset })
}
