/**
 * The registry, store and engine as one principal sees them: tasks outside its task patterns (and
 * their executions, logs, traces and versions) do not exist, listings and totals count only what it
 * may see, executions other principals started are hidden unless it holds `can_read_all_executions`,
 * and its executions running at once are capped by `max_concurrent_executions`. Tool handlers,
 * resources, prompts and completions of a session all read through these views, so no listing leaks a
 * hidden task. Explicit refusals with reasons come first, from the access control.
 */
import type { Engine, Submitted } from '../engine/engine.ts'
import { AppError } from '../errors.ts'
import type { Registry } from '../registry/registry.ts'
import type { DoorStore, ExecutionError, ExecutionFilter, ExecutionReader, ExecutionRecord } from '../store/types.ts'
import { restrictsTasks, taskVisible, describePrincipal } from './task-patterns.ts'
import type { Permissions, Principal } from './types.ts'

export function scopeRegistry(registry: Registry, permissions: Permissions): Registry {
  if (!restrictsTasks(permissions)) return registry
  const visible = (name: string) => taskVisible(permissions, name)
  return {
    load: () => registry.load(),
    get(nameOrId) {
      const task = registry.get(nameOrId)
      return task && visible(task.name) ? task : undefined
    },
    list: () => registry.list().filter((task) => visible(task.name)),
    // Load problems name folders and files of tasks this principal may not see.
    problems: () => (permissions.canAccessSystemInfo ? registry.problems() : []),
    shadowed: () => (permissions.canAccessSystemInfo ? registry.shadowed().filter((entry) => visible(entry.name)) : []),
    // Reload reports name the tasks that changed: only visible ones reach the principal's session.
    onChange: (listener) =>
      registry.onChange((report) =>
        listener({ ...report, changed: report.changed.filter(visible), removed: report.removed.filter(visible), problems: permissions.canAccessSystemInfo ? report.problems : [], shadowed: permissions.canAccessSystemInfo ? report.shadowed.filter((entry) => visible(entry.name)) : [] }),
      ),
    close: () => registry.close(),
  }
}

/**
 * What a principal may see of one execution: its task must pass the task patterns, and it must be the
 * principal's own (recorded `principal`) unless it holds `can_read_all_executions`. Executions without
 * an owner (stored before owners were recorded, or started by the CLI) count as nobody's.
 */
export function executionVisible(principal: Principal, record: Pick<ExecutionRecord, 'taskName' | 'principal'>): boolean {
  if (!taskVisible(principal.permissions, record.taskName)) return false
  return principal.permissions.canReadAllExecutions || (record.principal !== undefined && record.principal !== null && record.principal === principal.name)
}

/**
 * An error as a principal without `can_execute_tasks` sees it: type, code, message, reason and where
 * it was thrown (file, line, column), without the stack, the details or the source line, which may
 * quote the task's code, input or output. Used for executions here and for jobs' last_error.
 */
export function reducedError(error: ExecutionError): ExecutionError {
  const { location } = error
  return {
    type: error.type,
    code: error.code,
    message: error.message,
    ...(error.reason !== undefined ? { reason: error.reason } : {}),
    ...(location ? { location: { file: location.file, line: location.line, ...(location.column !== undefined ? { column: location.column } : {}) } } : {}),
  }
}

/**
 * A record without what the principal may not read: input and output (and the error's stack, details
 * and source line, which may quote the code or the output) need `can_execute_tasks`, the capability
 * that lets a principal supply inputs and receive outputs in the first place.
 */
function redact(principal: Principal, record: ExecutionRecord): ExecutionRecord {
  if (principal.permissions.canExecuteTasks) return record
  const { output: _output, ...rest } = record
  const error = record.error ? reducedError(record.error) : record.error
  return { ...rest, input: undefined, error }
}

/**
 * The store as `principal` sees it: executions of tasks outside its patterns and, without
 * `can_read_all_executions`, executions other principals started do not exist (reads, listings,
 * totals, logs, traces); executions it creates are recorded as its own.
 */
export function scopeStore(store: DoorStore, principal: Principal): DoorStore {
  const { permissions } = principal
  const readsAll = permissions.canReadAllExecutions && permissions.canExecuteTasks
  const owns = (record: ExecutionRecord): ExecutionRecord => (record.principal === undefined || record.principal === null ? { ...record, principal: principal.name } : record)
  if (!restrictsTasks(permissions) && readsAll) {
    return { ...bind(store), createExecution: (record) => store.createExecution(owns(record)) }
  }
  const visible = (name: string) => taskVisible(permissions, name)
  const visibleExecution = async (id: string) => {
    const record = await store.getExecution(id)
    return record !== null && executionVisible(principal, record)
  }
  // The view owns taskGlobs and owner: a caller's own filter would widen what the principal sees.
  const taskGlobs = { include: permissions.allowedTaskPatterns, exclude: permissions.deniedTaskPatterns }
  const narrow = (filter: ExecutionFilter = {}): ExecutionFilter => {
    const { owner: _owner, taskGlobs: _globs, ...rest } = filter
    return { ...rest, ...(restrictsTasks(permissions) ? { taskGlobs } : {}), ...(permissions.canReadAllExecutions ? {} : { owner: principal.name }) }
  }
  return {
    listTaskVersions: async (name) => (visible(name) ? store.listTaskVersions(name) : []),
    createExecution: (record) => store.createExecution(owns(record)),
    async getExecution(id) {
      const record = await store.getExecution(id)
      return record && executionVisible(principal, record) ? redact(principal, record) : null
    },
    async listExecutions(filter) {
      const { items, total } = await store.listExecutions(narrow(filter))
      return { items: items.map((record) => redact(principal, record)), total }
    },
    getLogs: async (executionId, options) => ((await visibleExecution(executionId)) ? store.getLogs(executionId, options) : []),
    getSpans: async (executionId) => ((await visibleExecution(executionId)) ? store.getSpans(executionId) : []),
    listAudit: (filter) => store.listAudit(filter),
    commit: () => store.commit(),
  }
}

/**
 * Every DoorStore method of `store`, bound, as a plain object a view can override. Only these: a view
 * built on the runtime's whole Store must not hand a door the engine's writes.
 */
function bind(store: DoorStore): DoorStore {
  return {
    listTaskVersions: (name) => store.listTaskVersions(name),
    createExecution: (record) => store.createExecution(record),
    getExecution: (id) => store.getExecution(id),
    listExecutions: (filter) => store.listExecutions(filter),
    getLogs: (executionId, options) => store.getLogs(executionId, options),
    getSpans: (executionId) => store.getSpans(executionId),
    listAudit: (filter) => store.listAudit(filter),
    commit: () => store.commit(),
  }
}

/** Counts a principal's running executions across all its sessions. */
export interface ConcurrencyCounter {
  acquire(principal: Principal): boolean
  release(principal: Principal): void
}

/**
 * The engine for one principal: every execution it submits is recorded as the principal's; `submit` needs `can_execute_tasks` and a visible task (the access
 * control has refused such calls already, with reasons; this holds whatever a handler does) and refuses
 * (RATE_LIMITED) when `max_concurrent_executions` of its executions are queued or running; `cancel`
 * needs `can_execute_tasks` and a visible execution (its task, and its own unless `can_read_all_executions`).
 */
export function scopeEngine(engine: Engine, principal: Principal, deps: { counter: ConcurrencyCounter; store: Pick<ExecutionReader, 'getExecution'> }): Engine {
  const { permissions } = principal
  const limit = permissions.rateLimits.maxConcurrentExecutions
  const guardedSubmit = (request: Parameters<Engine['submit']>[0]): Submitted => {
    if (!permissions.canExecuteTasks || !taskVisible(permissions, request.task.name)) {
      throw new AppError('FORBIDDEN', `permission denied: ${describePrincipal(principal)} may not run task "${request.task.name}" (needs can_execute_tasks and a task within its task patterns)`)
    }
    if (limit !== undefined && !deps.counter.acquire(principal)) {
      throw new AppError('RATE_LIMITED', `concurrency limit exceeded: ${limit} executions at once (${describePrincipal(principal)}); retry when one of them finishes`, {
        data: { limit, principal: principal.name },
        hint: 'Wait for running executions to finish, or raise permissions.rate_limits.max_concurrent_executions.',
      })
    }
    let submitted: Submitted
    try {
      // The execution is recorded as this principal's: it reads it back, others do not see it.
      submitted = engine.submit({ ...request, principal: principal.name })
    } catch (error) {
      if (limit !== undefined) deps.counter.release(principal)
      throw error
    }
    if (limit !== undefined) {
      const release = () => deps.counter.release(principal)
      void submitted.done.then(release, release)
    }
    return submitted
  }
  return {
    submit: guardedSubmit,
    execute: (request) => guardedSubmit(request).done,
    async cancel(id, reason) {
      const record = await deps.store.getExecution(id)
      if (!permissions.canExecuteTasks || (record !== null && !taskVisible(permissions, record.taskName))) {
        throw new AppError('FORBIDDEN', `permission denied: cancelling execution "${id}" needs can_execute_tasks on its task, which ${describePrincipal(principal)} does not have`)
      }
      if (record !== null && !executionVisible(principal, record)) {
        throw new AppError('FORBIDDEN', `permission denied: execution "${id}" was started by another client; cancelling it needs can_read_all_executions, which ${describePrincipal(principal)} does not have`)
      }
      return engine.cancel(id, reason)
    },
    subscribe: (listener) => engine.subscribe(listener),
    stats: () => engine.stats(),
    close: (options) => engine.close(options),
  }
}
