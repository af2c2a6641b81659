/**
 * Runs one execution for a front door (MCP, HTTP): submits it, forwards its progress, cancels it when
 * the caller goes away, and resolves with the committed record. Also adapts this to the batch
 * scheduler's `runItem`.
 */
import { isAppError } from '../errors.ts'
import type { ExecutionProgress, ExecutionRecord } from '../store/types.ts'
import type { TaskPackage } from '../tasks/types.ts'
import type { BatchItem, ItemOutcome, RunItem } from './batch.ts'
import type { Engine, ExecuteRequest } from './engine.ts'

export interface RunExecutionRequest {
  task: TaskPackage
  input: unknown
  /** Seconds; the engine caps it at execution.max_execution_time. */
  timeout?: number
  /** Who asked: mcp, http, ... */
  source: string
  /** Aborting it cancels the execution (queued or running). */
  signal?: AbortSignal
  onProgress?: (progress: ExecutionProgress) => void
  /** Answers the task's context.sample() / context.elicit(). */
  onAsk?: (kind: 'sample' | 'elicit', params: unknown) => Promise<unknown>
  /** Called once the execution has an id, before it runs. */
  onSubmitted?: (executionId: string) => void
  /** Rewrites the final error before the engine stores it (ExecuteRequest.mapError). */
  mapError?: ExecuteRequest['mapError']
}

/** Submits and waits. Throws only when the engine refuses the submission (BUSY, SHUTTING_DOWN, BAD_INPUT). */
export async function runExecution(engine: Engine, request: RunExecutionRequest): Promise<ExecutionRecord> {
  const submitted = engine.submit({ task: request.task, input: request.input, timeout: request.timeout, source: request.source, onProgress: request.onProgress, onAsk: request.onAsk, ...(request.mapError ? { mapError: request.mapError } : {}) })
  request.onSubmitted?.(submitted.id)
  const signal = request.signal
  const onAbort = () => {
    const reason = signal?.reason instanceof Error ? signal.reason.message : typeof signal?.reason === 'string' ? signal.reason : 'the caller cancelled the request'
    // The caller's own execution; a refusal has nobody to be reported to once the caller has gone.
    void engine.cancel(submitted.id, reason).catch(() => false)
  }
  if (signal?.aborted) onAbort()
  else signal?.addEventListener('abort', onAbort, { once: true })
  try {
    return await submitted.done
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
}

/**
 * The batch scheduler's `runItem` over the engine. `tasks` maps every item id to its resolved task;
 * item timeouts (ms) become engine timeouts (s) capped at `capSeconds`. A refused submission becomes
 * a failed item carrying the refusal's code.
 */
export function engineBatchRunner(engine: Engine, tasks: ReadonlyMap<string, TaskPackage>, options: { capSeconds: number; source: string }): RunItem {
  return async (item: BatchItem, signal: AbortSignal): Promise<ItemOutcome> => {
    const began = performance.now()
    const timeout = Math.min(item.timeoutMs === undefined ? options.capSeconds : item.timeoutMs / 1000, options.capSeconds)
    let record: ExecutionRecord
    try {
      record = await runExecution(engine, { task: tasks.get(item.id)!, input: item.input, timeout, source: options.source, signal })
    } catch (error) {
      const code = isAppError(error) ? error.code : 'INTERNAL'
      return { status: 'failed', durationMs: performance.now() - began, error: { type: 'AppError', code, message: error instanceof Error ? error.message : String(error) } }
    }
    const outcome: ItemOutcome = { status: record.status === 'completed' ? 'completed' : record.status === 'timed_out' || record.status === 'cancelled' ? record.status : 'failed', executionId: record.id, durationMs: record.durationMs ?? 0 }
    if (record.status === 'completed') outcome.output = record.output
    if (record.error) outcome.error = record.error
    return outcome
  }
}
