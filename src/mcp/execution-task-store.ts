import type { CreateTaskOptions, TaskStore } from '@modelcontextprotocol/sdk/experimental/tasks'
import type { CallToolResult, Request, RequestId, Result, Task } from '@modelcontextprotocol/sdk/types.js'
import type { Engine } from '../engine/engine.ts'
import type { ExecutionReader, ExecutionRecord, ExecutionStatus } from '../store/types.ts'
import { executionJson } from './execution-json.ts'

type TaskStatus = Task['status']
const TERMINAL: readonly TaskStatus[] = ['completed', 'failed', 'cancelled']

interface Entry {
  task: Task
  result?: Result
  abort?: AbortController
  cleanup?: ReturnType<typeof setTimeout>
}

export interface ExecutionTaskStoreOptions {
  engine: Engine
  store: Pick<ExecutionReader, 'getExecution'>
  /** What tasks/get suggests between polls; also how often tasks/result re-checks. */
  pollIntervalMs?: number
  /** Lifetime of a finished task when the client asks for none, and the most it may ask for. */
  defaultTtlMs?: number
  maxTtlMs?: number
}

/**
 * The SDK's TaskStore (2025-11-25 task-augmented requests) over our engine and store. A task-augmented
 * tools/call runs in the background; this store keeps its status and final CallToolResult for `ttl` ms
 * after it ends. A single-execution call (ratchet_execute_task, task_<name>) uses the execution id as
 * its task id, so even after the entry expires — or from another session — tasks/get and tasks/result
 * still answer from the stored execution record. tasks/cancel aborts the call, which cancels its
 * executions.
 */
export interface ExecutionTaskStore extends TaskStore {
  /** Registers a running call under `taskId`; `abort` stops it on tasks/cancel or close(). */
  open(taskId: string, options: { ttl?: number | null; abort: AbortController }): Task
  /** Records the call's final result; a cancelled task keeps its status but gets the real result. */
  settle(taskId: string, status: 'completed' | 'failed' | 'cancelled', result: CallToolResult, statusMessage?: string): void
  /** Called on every status change (the server sends notifications/tasks/status). */
  onStatus(listener: (task: Task) => void): void
  /** Aborts what still runs and drops every timer. */
  close(): void
}

const taskStatusOf = (status: ExecutionStatus): TaskStatus =>
  status === 'queued' || status === 'running' ? 'working' : status === 'completed' ? 'completed' : status === 'cancelled' ? 'cancelled' : 'failed'

export function createExecutionTaskStore(options: ExecutionTaskStoreOptions): ExecutionTaskStore {
  const { engine, store } = options
  const pollInterval = options.pollIntervalMs ?? 1000
  const defaultTtl = options.defaultTtlMs ?? 60 * 60 * 1000
  const maxTtl = options.maxTtlMs ?? 24 * 60 * 60 * 1000
  const entries = new Map<string, Entry>()
  const listeners: Array<(task: Task) => void> = []
  let closed = false

  const now = () => new Date().toISOString()
  const notify = (task: Task) => listeners.forEach((listener) => listener({ ...task }))
  const scheduleCleanup = (id: string, entry: Entry) => {
    if (entry.cleanup) clearTimeout(entry.cleanup)
    if (entry.task.ttl === null) return
    entry.cleanup = setTimeout(() => entries.delete(id), entry.task.ttl)
    entry.cleanup.unref?.()
  }
  const fromRecord = (record: ExecutionRecord): Task => ({
    taskId: record.id,
    status: taskStatusOf(record.status),
    ttl: null,
    createdAt: record.queuedAt,
    lastUpdatedAt: record.completedAt ?? record.startedAt ?? record.queuedAt,
    pollInterval,
    ...(record.error ? { statusMessage: `${record.status}: ${record.error.message}` } : {}),
  })
  const create = (taskId: string, ttl: number | null | undefined, abort?: AbortController): Task => {
    const createdAt = now()
    const task: Task = { taskId, status: 'working', ttl: Math.min(ttl ?? defaultTtl, maxTtl), createdAt, lastUpdatedAt: createdAt, pollInterval }
    entries.set(taskId, { task, ...(abort ? { abort } : {}) })
    return { ...task }
  }
  const setStatus = (entry: Entry, status: TaskStatus, statusMessage?: string) => {
    entry.task.status = status
    entry.task.lastUpdatedAt = now()
    if (statusMessage !== undefined) entry.task.statusMessage = statusMessage
    if (TERMINAL.includes(status)) scheduleCleanup(entry.task.taskId, entry)
    notify(entry.task)
  }

  return {
    open: (taskId, { ttl, abort }) => create(taskId, ttl, abort),
    settle(taskId, status, result, statusMessage) {
      const entry = entries.get(taskId)
      if (!entry) return
      entry.result = result
      if (entry.task.status === 'cancelled') return
      setStatus(entry, status, statusMessage)
    },
    onStatus: (listener) => void listeners.push(listener),
    close() {
      closed = true
      for (const entry of entries.values()) {
        if (entry.cleanup) clearTimeout(entry.cleanup)
        if (!TERMINAL.includes(entry.task.status)) entry.abort?.abort('the MCP session closed')
      }
    },

    async createTask(params: CreateTaskOptions, _requestId: RequestId, _request: Request) {
      if (closed) throw new Error('The MCP session is closed')
      return create(Bun.randomUUIDv7(), params.ttl)
    },
    async getTask(taskId) {
      const entry = entries.get(taskId)
      if (entry) return { ...entry.task }
      const record = await store.getExecution(taskId)
      return record ? fromRecord(record) : null
    },
    async storeTaskResult(taskId, status, result) {
      const entry = entries.get(taskId)
      if (!entry) throw new Error(`Task ${taskId} not found`)
      if (TERMINAL.includes(entry.task.status)) throw new Error(`Task ${taskId} already ended (${entry.task.status})`)
      entry.result = result
      setStatus(entry, status)
    },
    async getTaskResult(taskId) {
      const entry = entries.get(taskId)
      if (entry?.result) return entry.result
      if (entry) throw new Error(`Task ${taskId} has no result yet (status ${entry.task.status})`)
      const record = await store.getExecution(taskId)
      if (!record) throw new Error(`Task ${taskId} not found`)
      if (taskStatusOf(record.status) === 'working') throw new Error(`Task ${taskId} has no result yet (execution ${record.status})`)
      return { content: [{ type: 'text', text: JSON.stringify(executionJson(record), null, 2) }], isError: record.status !== 'completed' } satisfies CallToolResult
    },
    async updateTaskStatus(taskId, status, statusMessage) {
      const entry = entries.get(taskId)
      if (!entry) {
        // A task known only from the store: an execution of an earlier session, maybe still running here.
        const record = await store.getExecution(taskId)
        if (!record) throw new Error(`Task ${taskId} not found`)
        if (status === 'cancelled') await engine.cancel(taskId, statusMessage ?? 'cancelled through tasks/cancel')
        return
      }
      if (TERMINAL.includes(entry.task.status)) throw new Error(`Task ${taskId} already ended (${entry.task.status})`)
      if (status === 'cancelled') {
        // tasks/result may ask right away: answer with this until the call itself reports back.
        entry.result = { content: [{ type: 'text', text: `The task was cancelled${statusMessage ? `: ${statusMessage}` : ''}.` }], isError: true }
        entry.abort?.abort(statusMessage ?? 'cancelled through tasks/cancel')
      }
      setStatus(entry, status, statusMessage)
    },
    async listTasks(cursor) {
      const all = [...entries.values()].map((entry) => ({ ...entry.task }))
      const start = cursor ? Number.parseInt(Buffer.from(cursor, 'base64url').toString('utf8'), 10) : 0
      if (!Number.isInteger(start) || start < 0 || start > all.length) throw new Error(`Invalid cursor "${cursor}"`)
      const page = all.slice(start, start + PAGE_SIZE)
      const next = start + PAGE_SIZE
      return { tasks: page, ...(next < all.length ? { nextCursor: Buffer.from(String(next)).toString('base64url') } : {}) }
    },
  }
}

const PAGE_SIZE = 50
