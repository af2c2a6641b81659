/**
 * The registry, store and engine as one principal sees them: tasks outside its task patterns (and
 * their executions, logs, traces and versions) do not exist, listings and totals count only what it
 * may see, and its executions running at once are capped by `max_concurrent_executions`. Tool handlers,
 * resources, prompts and completions of a session all read through these views, so no listing leaks a
 * hidden task. Explicit refusals with reasons come first, from the access control.
 */
import type { Engine, Submitted } from '../engine/engine.ts'
import { AppError } from '../errors.ts'
import type { Registry } from '../registry/registry.ts'
import type { ExecutionFilter, Store } from '../store/types.ts'
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
    // Reload reports name the tasks that changed: only visible ones reach the principal's session.
    onChange: (listener) =>
      registry.onChange((report) =>
        listener({ ...report, changed: report.changed.filter(visible), removed: report.removed.filter(visible), problems: permissions.canAccessSystemInfo ? report.problems : [] }),
      ),
    close: () => registry.close(),
  }
}

export function scopeStore(store: Store, permissions: Permissions): Store {
  if (!restrictsTasks(permissions)) return store
  const visible = (name: string) => taskVisible(permissions, name)
  const visibleExecution = (id: string) => {
    const record = store.getExecution(id)
    return record !== null && visible(record.taskName)
  }
  // The view owns taskGlobs: a caller's own globs would widen what the principal sees.
  const taskGlobs = { include: permissions.allowedTaskPatterns, exclude: permissions.deniedTaskPatterns }
  const narrow = (filter: ExecutionFilter = {}): ExecutionFilter => ({ ...filter, taskGlobs })
  return {
    recordTaskVersion: (task) => store.recordTaskVersion(task),
    listTaskVersions: (name) => (visible(name) ? store.listTaskVersions(name) : []),
    createExecution: (record) => store.createExecution(record),
    updateExecution: (id, patch) => store.updateExecution(id, patch),
    getExecution(id) {
      const record = store.getExecution(id)
      return record && visible(record.taskName) ? record : null
    },
    listExecutions: (filter) => store.listExecutions(narrow(filter)),
    appendLogs: (entries) => store.appendLogs(entries),
    getLogs: (executionId, options) => (visibleExecution(executionId) ? store.getLogs(executionId, options) : []),
    appendSpans: (spans) => store.appendSpans(spans),
    getSpans: (executionId) => (visibleExecution(executionId) ? store.getSpans(executionId) : []),
    appendAudit: (entries) => store.appendAudit(entries),
    listAudit: (filter) => store.listAudit(filter),
    markInterrupted: () => store.markInterrupted(),
    commit: () => store.commit(),
    close: () => store.close(),
  }
}

/** Counts a principal's running executions across all its sessions. */
export interface ConcurrencyCounter {
  acquire(principal: Principal): boolean
  release(principal: Principal): void
}

/**
 * The engine for one principal: `submit` needs `can_execute_tasks` and a visible task (the access
 * control has refused such calls already, with reasons; this holds whatever a handler does) and refuses
 * (RATE_LIMITED) when `max_concurrent_executions` of its executions are queued or running; `cancel`
 * needs `can_execute_tasks` and a visible task too.
 */
export function scopeEngine(engine: Engine, principal: Principal, deps: { counter: ConcurrencyCounter; store: Store }): Engine {
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
      submitted = engine.submit(request)
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
  if (limit === undefined && !restrictsTasks(permissions) && permissions.canExecuteTasks) return engine
  return {
    submit: guardedSubmit,
    execute: (request) => guardedSubmit(request).done,
    cancel(id, reason) {
      const record = deps.store.getExecution(id)
      if (!permissions.canExecuteTasks || (record !== null && !taskVisible(permissions, record.taskName))) {
        throw new AppError('FORBIDDEN', `permission denied: cancelling execution "${id}" needs can_execute_tasks on its task, which ${describePrincipal(principal)} does not have`)
      }
      return engine.cancel(id, reason)
    },
    subscribe: (listener) => engine.subscribe(listener),
    stats: () => engine.stats(),
    close: (options) => engine.close(options),
  }
}
