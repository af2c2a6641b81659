/**
 * The batch scheduler: runs up to 100 items with dependencies, a concurrency limit, priorities,
 * fail-fast and a whole-batch timeout, over an injected `runItem` (the engine in production, a fake in
 * unit tests). Plans are checked before anything runs; results come back in input order.
 */
import { AppError } from '../errors.ts'
import type { ExecutionError } from '../store/types.ts'

export const MAX_BATCH_ITEMS = 100
export const MAX_BATCH_PARALLEL = 10

export type BatchMode = 'parallel' | 'sequential' | 'dependency' | 'priority_dependency'

export interface BatchItem {
  id: string
  taskId: string
  input: unknown
  dependencies: string[]
  /** Per-item timeout in milliseconds. */
  timeoutMs?: number
  priority: number
}

/** What running one item produced. */
export interface ItemOutcome {
  status: 'completed' | 'failed' | 'cancelled' | 'timed_out'
  executionId?: string
  output?: unknown
  error?: ExecutionError
  durationMs: number
}

export interface BatchItemResult extends Omit<ItemOutcome, 'status'> {
  id: string
  taskId: string
  status: ItemOutcome['status'] | 'skipped'
  skipped: boolean
  skippedReason?: string
}

export interface BatchStats {
  total: number
  completed: number
  failed: number
  skipped: number
  totalDurationMs: number
  averageDurationMs: number
  maxParallelObserved: number
}

export interface BatchOptions {
  mode: BatchMode
  maxParallel: number
  failFast: boolean
  /** Whole-batch deadline: running items are aborted, the rest skipped. */
  timeoutMs?: number
  /** Aborting it (the client went away) aborts running items and skips the rest. */
  signal?: AbortSignal
  /** Called once per item as it finishes or is skipped, with the count finished so far. */
  onItemDone?: (result: BatchItemResult, done: number, total: number) => void
}

/** Runs one item; must settle (not reject) when `signal` aborts, reporting the item cancelled. */
export type RunItem = (item: BatchItem, signal: AbortSignal) => Promise<ItemOutcome>

/**
 * Rejects a plan that cannot run, as AppError BAD_INPUT naming the offending item: no items, more than
 * 100, duplicate ids, a dependency on an unknown id or on itself, or a dependency cycle (named in order).
 */
export function checkBatchPlan(items: readonly BatchItem[]): void {
  if (items.length === 0) throw new AppError('BAD_INPUT', 'The batch is empty: give at least one request', { hint: 'Pass requests: [{ id, task_id, input }].' })
  if (items.length > MAX_BATCH_ITEMS) {
    throw new AppError('BAD_INPUT', `The batch has ${items.length} requests; the limit is ${MAX_BATCH_ITEMS}`, { data: { count: items.length, limit: MAX_BATCH_ITEMS }, hint: 'Split it into several batches.' })
  }
  const ids = new Set<string>()
  for (const item of items) {
    if (ids.has(item.id)) throw new AppError('BAD_INPUT', `Duplicate request id "${item.id}": ids must be unique within a batch`, { data: { id: item.id } })
    ids.add(item.id)
  }
  for (const item of items) {
    for (const dep of item.dependencies) {
      if (dep === item.id) throw new AppError('BAD_INPUT', `Request "${item.id}" depends on itself`, { data: { id: item.id } })
      if (!ids.has(dep)) {
        throw new AppError('BAD_INPUT', `Request "${item.id}" depends on "${dep}", which is not in the batch`, { data: { id: item.id, dependency: dep, ids: [...ids] } })
      }
    }
  }
  const cycle = findCycle(items)
  if (cycle) throw new AppError('BAD_INPUT', `Dependency cycle: ${cycle.join(' → ')}`, { data: { cycle }, hint: 'Remove one of these dependencies.' })
}

/** The first dependency cycle found, as ids ending with the first again (`a → b → a`), or null. */
export function findCycle(items: readonly BatchItem[]): string[] | null {
  const deps = new Map(items.map((item) => [item.id, item.dependencies]))
  const state = new Map<string, 'visiting' | 'done'>()
  const path: string[] = []
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id]
    state.set(id, 'visiting')
    path.push(id)
    for (const dep of deps.get(id) ?? []) {
      const cycle = visit(dep)
      if (cycle) return cycle
    }
    path.pop()
    state.set(id, 'done')
    return null
  }
  for (const item of items) {
    const cycle = visit(item.id)
    if (cycle) return cycle
  }
  return null
}

/** Runs a checked plan to the end. Never rejects for item failures; those are results. */
export async function runBatch(items: readonly BatchItem[], runItem: RunItem, options: BatchOptions): Promise<{ results: BatchItemResult[]; stats: BatchStats }> {
  checkBatchPlan(items)
  const began = performance.now()
  const limit = options.mode === 'sequential' ? 1 : Math.max(1, Math.min(MAX_BATCH_PARALLEL, Math.floor(options.maxParallel)))
  const results = new Map<string, BatchItemResult>()
  const running = new Map<string, AbortController>()
  const index = new Map(items.map((item, i) => [item.id, i]))
  let waiting = [...items]
  let stopReason: string | null = null
  let maxObserved = 0
  let wake: () => void = () => {}

  const record = (result: BatchItemResult) => {
    results.set(result.id, result)
    options.onItemDone?.(result, results.size, items.length)
  }
  const skip = (item: BatchItem, reason: string) => record({ id: item.id, taskId: item.taskId, status: 'skipped', skipped: true, skippedReason: reason, durationMs: 0 })

  const stop = (reason: string) => {
    if (stopReason) return
    stopReason = reason
    for (const controller of running.values()) controller.abort(new Error(reason))
    wake()
  }
  const onAbort = () => stop('the batch was cancelled')
  if (options.signal?.aborted) onAbort()
  options.signal?.addEventListener('abort', onAbort, { once: true })
  const deadline = options.timeoutMs === undefined ? null : setTimeout(() => stop(`the batch timeout of ${options.timeoutMs} ms elapsed`), options.timeoutMs)

  const start = (item: BatchItem) => {
    waiting = waiting.filter((w) => w !== item)
    const controller = new AbortController()
    running.set(item.id, controller)
    maxObserved = Math.max(maxObserved, running.size)
    const itemBegan = performance.now()
    const settle = (outcome: ItemOutcome) => {
      running.delete(item.id)
      record({ ...outcome, id: item.id, taskId: item.taskId, skipped: false })
      if (outcome.status !== 'completed' && options.failFast) stop(`fail_fast: request "${item.id}" ${outcome.status.replace('_', ' ')}`)
      wake()
    }
    let pending: Promise<ItemOutcome>
    try {
      pending = runItem(item, controller.signal)
    } catch (error) {
      pending = Promise.reject(error)
    }
    pending.then(settle, (error: unknown) => {
      settle({ status: 'failed', durationMs: performance.now() - itemBegan, error: { type: 'InternalError', code: 'INTERNAL', message: `The batch could not run request "${item.id}": ${error instanceof Error ? error.message : String(error)}` } })
    })
  }

  // Ready items in start order: input order, or highest priority first (input order breaking ties).
  const byStartOrder = (a: BatchItem, b: BatchItem) => (options.mode === 'priority_dependency' ? b.priority - a.priority : 0) || index.get(a.id)! - index.get(b.id)!

  try {
    while (waiting.length > 0 || running.size > 0) {
      if (stopReason) {
        for (const item of waiting) skip(item, stopReason)
        waiting = []
      }
      // Skip everything whose dependency did not complete; repeat, since a skip can cascade.
      for (let changed = true; changed; ) {
        changed = false
        for (const item of waiting) {
          const blocker = item.dependencies.map((dep) => results.get(dep)).find((r) => r && r.status !== 'completed')
          if (!blocker) continue
          skip(item, `dependency "${blocker.id}" ${blocker.status === 'skipped' ? 'was skipped' : blocker.status === 'failed' ? 'failed' : `ended ${blocker.status.replace('_', ' ')}`}`)
          changed = true
        }
        waiting = waiting.filter((item) => !results.has(item.id))
      }
      const ready = waiting.filter((item) => item.dependencies.every((dep) => results.get(dep)?.status === 'completed')).sort(byStartOrder)
      for (const item of ready) {
        if (running.size >= limit) break
        start(item)
      }
      if (running.size === 0) {
        // Checked plans have no cycles, so with nothing running every waiting item was started or skipped.
        if (waiting.length > 0) throw new Error(`batch scheduler stalled with ${waiting.length} items waiting`)
        break
      }
      await new Promise<void>((resolve) => (wake = resolve))
    }
  } finally {
    if (deadline) clearTimeout(deadline)
    options.signal?.removeEventListener('abort', onAbort)
  }

  const ordered = items.map((item) => results.get(item.id)!)
  const ran = ordered.filter((r) => !r.skipped)
  const stats: BatchStats = {
    total: items.length,
    completed: ran.filter((r) => r.status === 'completed').length,
    failed: ran.filter((r) => r.status !== 'completed').length,
    skipped: ordered.length - ran.length,
    totalDurationMs: Math.round((performance.now() - began) * 1000) / 1000,
    averageDurationMs: ran.length === 0 ? 0 : Math.round((ran.reduce((sum, r) => sum + r.durationMs, 0) / ran.length) * 1000) / 1000,
    maxParallelObserved: maxObserved,
  }
  return { results: ordered, stats }
}
