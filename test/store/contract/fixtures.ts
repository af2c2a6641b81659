/**
 * What the Store contract's parts share: the factory signature, a fresh-store wrapper, fixtures and
 * small helpers for refusals (a synchronous throw at the call, or a rejected promise).
 */
import type { AuditRecord, ExecutionFilter, ExecutionRecord, ExecutionStatus, LogEntry, LogLevel, Store } from '../../../src/store/types.ts'
import { makeExecution } from '../helpers.ts'

export interface StoreContractOptions {
  /** Opens the database of the store `makeStore` returned last again (it was closed); absent: nothing outlives close(). */
  reopen?: () => Promise<Store>
}

/** What every part of the contract gets: the implementation's name and factory, and a fresh-store wrapper. */
export interface ContractContext {
  name: string
  makeStore: () => Promise<Store>
  options: StoreContractOptions
  /** A test body run on a fresh store that is closed afterwards. */
  withStore: (fn: (store: Store) => Promise<void>) => () => Promise<void>
}

export function contractContext(name: string, makeStore: () => Promise<Store>, options: StoreContractOptions): ContractContext {
  const withStore = (fn: (store: Store) => Promise<void>) => async () => {
    const store = await makeStore()
    try {
      await fn(store)
    } finally {
      await store.close()
    }
  }
  return { name, makeStore, options, withStore }
}

/** What `promise` rejects with, or undefined when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => undefined, (error: unknown) => error)
}

/** What `fn` throws synchronously, or undefined. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  return undefined
}

/** The ids `filter` lists, in order. */
export const ids = async (store: Store, filter?: ExecutionFilter) => (await store.listExecutions(filter)).items.map((item) => item.id)

export const FINISHED: ExecutionRecord = makeExecution({
  id: 'exec-full',
  input: { list: [1, 'two', null], nested: { ok: true } },
  output: { items: [{ id: 1 }], count: 1 },
  status: 'failed',
  error: {
    type: 'HttpError',
    code: 'TASK_FAILED',
    message: 'GET https://example.com failed with 503',
    stack: 'HttpError: ...\n    at main.js:3:9',
    location: { file: 'main.js', line: 3, column: 9, source: 'await fetch(url)' },
    reason: 'http_error',
    details: { status: 503 },
  },
  startedAt: '2026-01-01T00:00:01.000Z',
  completedAt: '2026-01-01T00:00:02.500Z',
  durationMs: 1500.25,
  attempt: 3,
  progress: { progress: 2, total: 4, message: 'half way' },
  source: 'mcp',
  principal: 'alice',
  nodeId: 'node-a',
})

export const INTERRUPTED = {
  type: 'Interrupted',
  code: 'INTERRUPTED',
  reason: 'interrupted',
  message: 'The server stopped while this execution was queued or running (crash or kill). It did not finish; run it again.',
}

// Twelve executions: e00..e11, queued a second apart; tasks alternate a/b; statuses cycle through four;
// sources alternate mcp/http; the even ones belong to alice.
export const STATUSES: ExecutionStatus[] = ['queued', 'running', 'completed', 'failed']
export function seedTwelve(store: Store): void {
  for (let i = 0; i < 12; i++) {
    store.createExecution(
      makeExecution({
        id: `e${String(i).padStart(2, '0')}`,
        taskName: i % 2 === 0 ? 'task-a' : 'task-b',
        status: STATUSES[i % 4]!,
        queuedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        durationMs: i % 4 >= 2 ? 100 - i : null,
        source: i % 3 === 0 ? 'mcp' : 'http',
        ...(i % 2 === 0 ? { principal: 'alice' } : {}),
      }),
    )
  }
}

export const LEVELS: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error']
export const log = (seq: number, level: LogLevel, extra: Partial<LogEntry> = {}): LogEntry => ({
  executionId: 'exec-1',
  seq,
  level,
  message: `${level} #${seq}`,
  ts: `2026-01-01T00:00:0${seq}.000Z`,
  ...extra,
})
export const audit = (ts: string, overrides: Partial<AuditRecord> = {}): AuditRecord => ({ ts, event: 'tool_call', principal: 'ci', outcome: 'ok', ...overrides })
