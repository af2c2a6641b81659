/**
 * The engine: turns "run task T with input I" into a durable execution record. It validates input and
 * output against the task's schemas, queues work (bounded), hands it to the worker pool, streams logs,
 * progress and trace spans into the store, and resolves only once the final record is committed.
 */
import { AppError } from '../errors.ts'
import type { ExecutionError, ExecutionProgress, ExecutionRecord, ExecutionStatus, ExecutionWriter, LogEntry, TraceSpan } from '../store/types.ts'
import type { HttpMock, TaskPackage } from '../tasks/types.ts'
import { compileSchema, formatSchemaErrors } from '../tasks/schema.ts'
import type { Pool, RunOutcome } from '../pool/pool.ts'
import type { Logger } from '../lib/logger.ts'
import { stableNodeId } from '../lib/node-id.ts'
import { createMemoryQueue, type ExecutionQueue } from './queue.ts'

export interface EngineOptions {
  /** Seconds: default and cap for per-call timeouts (execution.max_execution_time). */
  maxExecutionTime: number
  maxQueue: number
  validateSchemas: boolean
  maxOutputBytes?: number
  /**
   * This node's id, stamped on every execution it runs so that a restart reclaims only this node's
   * unfinished work (ExecutionWriter.markInterrupted); default stableNodeId() (RATCHET_NODE_ID or the host name).
   */
  nodeId?: string
}

export interface ExecuteRequest {
  task: TaskPackage
  input: unknown
  /** Seconds; capped by maxExecutionTime. */
  timeout?: number
  /** Who asked: cli, mcp, http, test. */
  source: string
  /** The principal (key name, token subject, `stdio`, `anonymous`) the execution belongs to; absent for the CLI and tests. */
  principal?: string
  attempt?: number
  mocks?: HttpMock[]
  onProgress?: (progress: ExecutionProgress) => void
  /** Answers the task's context.sample() / context.elicit() (an MCP client); absent → the task gets a clear error. */
  onAsk?: (kind: 'sample' | 'elicit', params: unknown) => Promise<unknown>
  /**
   * Rewrites the final error before it is stored and reported (the debugger maps the lines of its
   * instrumented code back to the user's), so the engine stays the only writer of its executions.
   */
  mapError?: (error: ExecutionError) => ExecutionError
}

export type EngineEvent =
  | { type: 'queued' | 'started'; execution: ExecutionRecord }
  | { type: 'progress'; executionId: string; progress: ExecutionProgress }
  | { type: 'log'; executionId: string; entries: LogEntry[] }
  | { type: 'finished'; execution: ExecutionRecord }

/**
 * Decides whether a task may run at all right now (a disabled task may not). Asked on every submit, so
 * every way of running a task (MCP, REST, jobs, schedules, the CLI) is refused the same way; test runs
 * (source `test`) are asked too and may be let through.
 */
export interface TaskGate {
  /** The refusal to throw for this request, or null to run it. Synchronous: it is on the submit path. */
  refusal(task: TaskPackage, source: string): AppError | null
}

export interface Submitted {
  id: string
  /** Resolves with the committed terminal record (never rejects for task failures). */
  done: Promise<ExecutionRecord>
}

interface Pending {
  id: string
  record: ExecutionRecord
  request: ExecuteRequest
  inputJson: string
  timeoutMs: number
  resolve: (record: ExecutionRecord) => void
  logSeq: number
  spans: TraceSpan[]
}

export interface Engine {
  /** Queues an execution and returns its id at once; `done` settles when it is finished and stored. */
  submit(request: ExecuteRequest): Submitted
  /** Runs to completion: the committed terminal record. */
  execute(request: ExecuteRequest): Promise<ExecutionRecord>
  /**
   * Cancels a queued or running execution; false if it is unknown or already finished. The engine acts
   * before the promise settles; a scoped engine (auth/scoped-views.ts) first reads who owns the execution.
   */
  cancel(id: string, reason?: string): Promise<boolean>
  subscribe(listener: (event: EngineEvent) => void): () => void
  stats(): { queued: number; running: number; capacity: number }
  close(options?: { graceMs?: number }): Promise<void>
}

export function createEngine(deps: { store: ExecutionWriter; pool: Pool; logger: Logger; queue?: ExecutionQueue<Pending>; gate?: TaskGate }, options: EngineOptions): Engine {
  const { store, pool, logger } = deps
  const queue = deps.queue ?? createMemoryQueue<Pending>(options.maxQueue)
  const running = new Map<string, Pending>()
  const listeners = new Set<(event: EngineEvent) => void>()
  const maxOutputBytes = options.maxOutputBytes ?? 16 * 1024 * 1024
  const nodeId = options.nodeId ?? stableNodeId()
  let closing = false

  /** Builds the event (record copies included) only when someone listens: this is on every execution's path. */
  const emit = (makeEvent: () => EngineEvent) => {
    if (listeners.size === 0) return
    const event = makeEvent()
    for (const listener of listeners) {
      try {
        listener(event)
      } catch (error) {
        logger.error('engine event listener failed', { error: String(error) })
      }
    }
  }

  const finish = async (pending: Pending, status: ExecutionStatus, patch: Partial<ExecutionRecord>): Promise<void> => {
    const record = pending.record
    Object.assign(record, patch, { status })
    if (!record.completedAt) record.completedAt = new Date().toISOString()
    if (record.error && pending.request.mapError) {
      try {
        record.error = pending.request.mapError(record.error)
      } catch (error) {
        logger.error('could not map the error of an execution; the original is stored', { executionId: record.id, error: String(error) })
      }
    }
    store.updateExecution(record.id, { status, output: record.output, error: record.error ?? null, startedAt: record.startedAt, completedAt: record.completedAt, durationMs: record.durationMs ?? null, progress: record.progress ?? null })
    if (pending.spans.length > 0) store.appendSpans(pending.spans)
    try {
      await store.commit()
    } catch (error) {
      logger.error('could not store the result of an execution', { executionId: record.id, error: String(error) })
    }
    running.delete(record.id)
    emit(() => ({ type: 'finished', execution: { ...record } }))
    pending.resolve({ ...record })
  }

  const validate = (schema: TaskPackage['inputSchema'], value: unknown, label: 'input' | 'output'): ExecutionError | null => {
    if (!options.validateSchemas || schema === null) return null
    const validator = compileSchema(schema)
    if (validator.check(value)) return null
    const errors = validator.errors(value)
    return {
      type: 'ValidationError',
      code: label === 'input' ? 'INPUT_INVALID' : 'OUTPUT_INVALID',
      message: `The ${label} does not match the task's ${label} schema: ${formatSchemaErrors(errors, label)}`,
      details: { errors },
    }
  }

  const pump = () => {
    while (pool.hasIdle()) {
      const pending = queue.take()
      if (!pending) return
      start(pending)
    }
  }

  const start = (pending: Pending) => {
    const { record, request } = pending
    running.set(record.id, pending)
    const outcome = pool.run({
      id: record.id,
      task: request.task,
      input: pending.inputJson,
      attempt: record.attempt,
      timeoutMs: pending.timeoutMs,
      maxOutputBytes,
      mocks: request.mocks,
      onAsk: request.onAsk,
      onStart(startedAt) {
        record.status = 'running'
        record.startedAt = new Date(startedAt).toISOString()
        store.updateExecution(record.id, { status: 'running', startedAt: record.startedAt })
        emit(() => ({ type: 'started', execution: { ...record } }))
      },
      onLogs(logs) {
        const entries: LogEntry[] = logs.map((log) => ({ executionId: record.id, seq: pending.logSeq++, level: log.level, message: log.message, data: log.data, ts: log.ts }))
        store.appendLogs(entries)
        emit(() => ({ type: 'log', executionId: record.id, entries }))
      },
      onProgress(progress) {
        record.progress = progress
        store.updateExecution(record.id, { progress })
        request.onProgress?.(progress)
        emit(() => ({ type: 'progress', executionId: record.id, progress }))
      },
      onSpan(span) {
        pending.spans.push({ ...span, executionId: record.id, parentId: span.parentId ?? 'execution' })
      },
    })
    outcome.then((result) => settle(pending, result), (error) => {
      void finish(pending, 'failed', { error: { type: 'InternalError', code: 'INTERNAL', message: `The engine failed while running this execution: ${String(error)}` } })
    })
  }

  const settle = async (pending: Pending, result: RunOutcome) => {
    const { record, request } = pending
    const startMs = result.startedAt
    record.startedAt ??= new Date(startMs).toISOString()
    record.durationMs = result.durationMs
    let status: ExecutionStatus = result.status
    if (result.status === 'completed') {
      const invalid = validate(request.task.outputSchema, result.output, 'output')
      if (invalid) {
        status = 'failed'
        record.error = { ...invalid, details: { ...(invalid.details as object), output: result.output } }
      } else {
        record.output = result.output
      }
    } else {
      record.error = result.error
    }
    pending.spans.unshift({
      executionId: record.id,
      spanId: 'execution',
      parentId: null,
      name: `execute ${request.task.name}`,
      kind: 'execution',
      startMs,
      durationMs: result.durationMs,
      status: status === 'completed' ? 'ok' : 'error',
      attributes: { task: request.task.name, version: request.task.version, attempt: record.attempt, status, loadMs: result.loadMs },
    })
    await finish(pending, status, {})
  }

  pool.onIdle(pump)
  const NO_WORKERS = 'Every worker has exited and workers.restart_on_failure is false, so no execution can run'
  const NO_WORKERS_HINT = 'Restart the server, or set workers.restart_on_failure: true so crashed workers are replaced.'
  // Waiting work must not hang forever once no worker will ever take it.
  pool.onExhausted(() => {
    for (let waiting = queue.take(); waiting; waiting = queue.take()) {
      void finish(waiting, 'failed', { error: { type: 'NoWorkers', code: 'WORKER_CRASHED', reason: 'no_workers', message: `${NO_WORKERS}. ${NO_WORKERS_HINT}` } })
    }
  })

  const submit = (request: ExecuteRequest): Submitted => {
    if (closing) throw new AppError('SHUTTING_DOWN', 'The server is shutting down and accepts no new executions', { hint: 'Retry once it is back.' })
    const refused = deps.gate?.refusal(request.task, request.source)
    if (refused) throw refused
    if (!pool.canServe() && !closing) throw new AppError('BUSY', NO_WORKERS, { hint: NO_WORKERS_HINT })
    if (queue.size >= queue.capacity) {
      throw new AppError('BUSY', `The execution queue is full (${queue.capacity} waiting)`, { data: { capacity: queue.capacity }, hint: 'Retry shortly, or raise workers.max_queue / workers.count.' })
    }
    const maxSec = options.maxExecutionTime
    if (request.timeout !== undefined && (!Number.isFinite(request.timeout) || request.timeout <= 0)) {
      throw new AppError('BAD_INPUT', `timeout must be a positive number of seconds, got ${JSON.stringify(request.timeout)}`)
    }
    const timeoutSec = Math.min(request.timeout ?? maxSec, maxSec)
    const id = Bun.randomUUIDv7()
    const record: ExecutionRecord = {
      id,
      taskName: request.task.name,
      taskVersion: request.task.version,
      taskChecksum: request.task.checksum,
      input: request.input,
      status: 'queued',
      error: null,
      queuedAt: new Date().toISOString(),
      attempt: request.attempt ?? 1,
      source: request.source,
      ...(request.principal !== undefined ? { principal: request.principal } : {}),
      nodeId,
    }
    let inputJson: string
    try {
      inputJson = JSON.stringify(request.input ?? null)
    } catch (error) {
      throw new AppError('BAD_INPUT', `The input is not JSON: ${(error as Error).message}`)
    }
    store.createExecution(record)
    let resolve!: (r: ExecutionRecord) => void
    const done = new Promise<ExecutionRecord>((r) => (resolve = r))
    const pending: Pending = { id, record, request, inputJson, timeoutMs: timeoutSec * 1000, resolve, logSeq: 0, spans: [] }
    emit(() => ({ type: 'queued', execution: { ...record } }))
    const invalid = validate(request.task.inputSchema, request.input, 'input')
    if (invalid) {
      void finish(pending, 'failed', { error: invalid, durationMs: 0 })
      return { id, done }
    }
    queue.offer(pending)
    pump()
    return { id, done }
  }

  return {
    submit,
    execute: (request) => submit(request).done,
    cancel(id, reason = 'cancelled by request') {
      const waiting = queue.remove(id)
      if (waiting) {
        void finish(waiting, 'cancelled', { error: { type: 'Cancelled', code: 'CANCELLED', reason: 'cancelled', message: `The execution was cancelled before it started: ${reason}` } })
        return Promise.resolve(true)
      }
      return Promise.resolve(running.has(id) ? pool.cancel(id, reason) : false)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stats: () => ({ queued: queue.size, running: running.size, capacity: queue.capacity }),
    async close({ graceMs = 5000 } = {}) {
      closing = true
      for (let waiting = queue.take(); waiting; waiting = queue.take()) {
        await finish(waiting, 'cancelled', { error: { type: 'ShuttingDown', code: 'CANCELLED', reason: 'shutdown', message: 'The server shut down before this execution started.' } })
      }
      await pool.close({ graceMs })
      await store.commit()
    },
  }
}
