/**
 * Authorization for every MCP request of every session: the capabilities and task patterns a tool
 * call, batch item, task tool, task-augmented call or resource read needs, the per-key and
 * per-operation rate limits, and the audit lines of calls and task changes. One instance serves the
 * whole process, so limits count across all sessions of a key. A refusal is a sentence naming the
 * permission, pattern or limit that refused and the key (or subject) it applies to.
 */
import type { Engine } from '../engine/engine.ts'
import type { Registry } from '../registry/registry.ts'
import type { DoorStore, ExecutionReader } from '../store/types.ts'
import type { AuditLog } from './audit-log.ts'
import { OPERATIONS, type Operation } from './operations.ts'
import { CAPABILITIES, hasCapability } from './permissions.ts'
import { createRateLimiter, type LimitRequest, type RateLimiter } from './rate-limiter.ts'
import { executionVisible, scopeEngine, scopeRegistry, scopeStore, type ConcurrencyCounter } from './scoped-views.ts'
import type { RateLimitSettings } from './settings.ts'
import { checkTaskPatterns, describePrincipal } from './task-patterns.ts'
import type { CallRule, TaskChange } from './call-rule.ts'
import type { Capability, Principal } from './types.ts'

/** The unscoped registry and store, to resolve task ids and find executions for the checks. */
export interface Lookup {
  registry: Pick<Registry, 'get'>
  store: Pick<ExecutionReader, 'getExecution'>
}

export interface ToolCall {
  /** The name the client called (ratchet_execute_task, task_report, ...), for messages and audit. */
  tool: string
  /** What the call needs: the door's row for it (src/mcp/tool-operations.ts). */
  rule: CallRule<unknown>
  /** Its rate-limit bucket: the built-in tool's name; task tools spend `execute_task`'s. */
  bucket: string
  /** The task a task tool runs (its rule names no tasks of its own). */
  taskName?: string
  /** The validated arguments (defaults filled). */
  args: unknown
}

export type ToolVerdict =
  | { ok: true; args: unknown; tasks: string[]; change?: TaskChange }
  | { ok: false; message: string; reason: 'permission' | 'task_pattern' | 'rate_limit'; tasks: string[] }

export interface ReadTarget {
  /** The URI or prompt, for messages. */
  what: string
  task?: string
  executionId?: string
  reads?: 'logs' | 'traces'
}

export interface CallRecord {
  tool: string
  tasks: readonly string[]
  outcome: 'ok' | 'error' | 'denied'
  durationMs?: number
  executionId?: string
  reason?: string
  /** For task changes: what changed, and the task names actually changed when the result says. */
  change?: TaskChange
  changedTasks?: readonly string[]
}

/** One request of a non-MCP door (a REST route, a GraphQL field), as an operation. */
export interface OperationCall {
  operation: Operation
  /** The door's name for it (`POST /api/v1/executions`), for messages and audit. */
  what: string
  /** Tasks (names or uuids) it touches: checked against the task patterns. */
  tasks?: readonly string[]
  /** The execution it reads or acts on: must be visible to the principal. */
  executionId?: string
  /** Rate-limit bucket shared with the MCP tool of the same meaning (`execute_task`, `get_execution_logs`, ...). */
  bucket?: string
  /** Executions it starts (permissions.rate_limits.executions_per_minute). */
  executions?: number
}

export type OperationVerdict = { ok: true; tasks: string[] } | { ok: false; message: string; reason: 'permission' | 'task_pattern' | 'rate_limit'; retryAfterS?: number; tasks: string[] }

export interface AccessControl {
  readonly audit: AuditLog
  /**
   * The one count of each principal's running executions (max_concurrent_executions) that every door's
   * scoped engine uses; the job runner takes a slot of a job's owner on it too, so queued work and
   * direct executions share one cap.
   */
  readonly concurrency: ConcurrencyCounter
  /**
   * Takes `count` tokens of the principal's `executions` bucket (permissions.rate_limits.executions_per_minute),
   * the one POST /executions and the MCP execute tools spend: background work started in its name (a
   * schedule's slot) is charged too, so a cron cannot run more often than the owner may itself.
   */
  chargeExecutions(principal: Principal, count: number): { ok: true } | { ok: false; message: string; retryAfterS: number }
  /** Whether `principal` may perform one operation of a non-MCP door (capabilities, task patterns, execution ownership, rate limits). */
  checkOperation(principal: Principal, call: OperationCall, lookup: Lookup): Promise<OperationVerdict>
  checkTool(principal: Principal, call: ToolCall, lookup: Lookup): Promise<ToolVerdict>
  /** null when the read is allowed, else the refusal. */
  checkRead(principal: Principal, target: ReadTarget, lookup: Lookup): Promise<string | null>
  /** The registry, store and engine as `principal` sees them. */
  scope<R extends { registry: Registry; store: DoorStore; engine: Engine }>(principal: Principal, runtime: R): { registry: Registry; store: DoorStore; engine: Engine }
  /** Writes the audit line of a finished (or refused) tool call, and of the task changes it made. */
  recordCall(principal: Principal, record: CallRecord): void
}

export interface AccessControlOptions {
  rateLimits: RateLimitSettings
  audit: AuditLog
  limiter?: RateLimiter
}

const who = describePrincipal

/** The capabilities that a set of operations needs, in the order the operations name them. */
function capabilitiesOf(operations: readonly Operation[]): Capability[] {
  return [...new Set(operations.flatMap((operation) => OPERATIONS[operation].needs))]
}

export function createAccessControl(options: AccessControlOptions): AccessControl {
  const { rateLimits, audit } = options
  const limiter = options.limiter ?? createRateLimiter()
  const running = new Map<string, number>()
  const identity = (principal: Principal) => `${principal.kind}:${principal.name}`
  const counter: ConcurrencyCounter = {
    acquire(principal) {
      const key = identity(principal)
      const count = running.get(key) ?? 0
      if (count >= (principal.permissions.rateLimits.maxConcurrentExecutions ?? Infinity)) return false
      running.set(key, count + 1)
      return true
    },
    release(principal) {
      const key = identity(principal)
      const count = (running.get(key) ?? 1) - 1
      if (count <= 0) running.delete(key)
      else running.set(key, count)
    },
  }

  /** The refusal of a call that would start an execution while the principal is at its concurrency cap. */
  const atConcurrencyLimit = (principal: Principal): string | null => {
    const limit = principal.permissions.rateLimits.maxConcurrentExecutions
    if (limit === undefined || (running.get(identity(principal)) ?? 0) < limit) return null
    return `concurrency limit exceeded: ${limit} executions at once (${who(principal)}); retry when one of them finishes`
  }
  const missing = (principal: Principal, needs: readonly Capability[]) => needs.find((capability) => !hasCapability(principal.permissions, capability))
  const min = (...values: Array<number | undefined>) => {
    const set = values.filter((v): v is number => v !== undefined && v > 0)
    return set.length > 0 ? Math.min(...set) : undefined
  }
  const readLimit = (principal: Principal, reads: 'logs' | 'traces'): LimitRequest => ({
    key: `${identity(principal)}:${reads}`,
    perMinute: min(rateLimits.perOperation[reads], reads === 'logs' ? principal.permissions.rateLimits.logsPerMinute : principal.permissions.rateLimits.tracesPerMinute),
  })
  const overLimit = (principal: Principal, requests: LimitRequest[]): string | null => {
    const exceeded = limiter.take(requests)
    if (!exceeded) return null
    const op = exceeded.request.key.slice(identity(principal).length + 1)
    return `rate limit exceeded: ${exceeded.request.perMinute} per minute for ${op} (${who(principal)}); retry after ${exceeded.retryAfterS} s`
  }
  /** Why `principal` may not touch execution `id`: a task pattern or another client's execution; null when it may. */
  const executionRefusal = async (principal: Principal, id: string, lookup: Lookup, verb: 'use' | 'read'): Promise<{ reason: 'task_pattern' | 'permission'; message: string } | null> => {
    const record = await lookup.store.getExecution(id)
    if (!record) return null
    const access = checkTaskPatterns(principal.permissions, record.taskName)
    if (!access.allowed) return { reason: 'task_pattern', message: `permission denied: execution "${id}" is of a task ${who(principal)} may not ${verb} (${access.rule})` }
    if (!executionVisible(principal, record)) {
      const needs = `permissions.${CAPABILITIES.all_executions.config}`
      return { reason: 'permission', message: `permission denied: execution "${id}" was started by another client; ${verb === 'use' ? 'using' : 'reading'} it needs ${needs}, which ${who(principal)} does not have` }
    }
    return null
  }

  return {
    audit,
    concurrency: counter,

    chargeExecutions(principal, count) {
      const exceeded = limiter.take([{ key: `${identity(principal)}:executions`, perMinute: principal.permissions.rateLimits.executionsPerMinute, cost: count }])
      if (!exceeded) return { ok: true }
      return { ok: false, retryAfterS: exceeded.retryAfterS, message: `rate limit exceeded: ${exceeded.request.perMinute} per minute for executions (${who(principal)}); retry after ${exceeded.retryAfterS} s` }
    },

    async checkOperation(principal, call, lookup) {
      const tasks = [...new Set((call.tasks ?? []).map((id) => lookup.registry.get(id)?.name ?? id))]
      const lacking = missing(principal, OPERATIONS[call.operation].needs)
      if (lacking) {
        return { ok: false, reason: 'permission', tasks, message: `permission denied: ${call.what} (${call.operation}) needs permissions.${CAPABILITIES[lacking].config}, which ${who(principal)} does not have` }
      }
      for (const task of tasks) {
        const access = checkTaskPatterns(principal.permissions, task)
        if (!access.allowed) return { ok: false, reason: 'task_pattern', tasks, message: `permission denied: ${who(principal)} may not use task "${task}" (${access.rule})` }
      }
      if (call.executionId !== undefined) {
        const refusal = await executionRefusal(principal, call.executionId, lookup, call.operation === 'execution.create' ? 'use' : 'read')
        if (refusal) return { ok: false, ...refusal, tasks }
      }
      // A call the concurrency cap refuses anyway must not spend a per-minute token first.
      if (call.operation === 'execution.create' && (call.executions ?? 0) > 0) {
        const busy = atConcurrencyLimit(principal)
        if (busy) return { ok: false, reason: 'rate_limit', tasks, message: busy }
      }
      const requests: LimitRequest[] = []
      if (call.bucket) requests.push({ key: `${identity(principal)}:${call.bucket}`, perMinute: rateLimits.perOperation[call.bucket] })
      if ((call.executions ?? 0) > 0) requests.push({ key: `${identity(principal)}:executions`, perMinute: principal.permissions.rateLimits.executionsPerMinute, cost: call.executions })
      if (call.operation === 'logs.read' || call.operation === 'traces.read') requests.push(readLimit(principal, call.operation === 'logs.read' ? 'logs' : 'traces'))
      if (requests.length > 0) {
        const exceeded = limiter.take(requests)
        if (exceeded) {
          const op = exceeded.request.key.slice(identity(principal).length + 1)
          return { ok: false, reason: 'rate_limit', tasks, retryAfterS: exceeded.retryAfterS, message: `rate limit exceeded: ${exceeded.request.perMinute} per minute for ${op} (${who(principal)}); retry after ${exceeded.retryAfterS} s` }
        }
      }
      return { ok: true, tasks }
    },

    async checkTool(principal, call, lookup) {
      const { rule, args } = call
      const ids = call.taskName !== undefined ? [call.taskName] : [...((await rule.tasks?.(args)) ?? [])]
      const tasks = [...new Set(ids.map((id) => lookup.registry.get(id)?.name ?? id))]
      const lacking = missing(principal, capabilitiesOf(typeof rule.operations === 'function' ? rule.operations(args) : rule.operations))
      if (lacking) {
        return { ok: false, reason: 'permission', tasks, message: `permission denied: ${call.tool} needs permissions.${CAPABILITIES[lacking].config}, which ${who(principal)} does not have` }
      }
      for (const task of tasks) {
        const access = checkTaskPatterns(principal.permissions, task)
        if (!access.allowed) return { ok: false, reason: 'task_pattern', tasks, message: `permission denied: ${who(principal)} may not use task "${task}" (${access.rule})` }
      }
      const executionId = rule.execution?.(args)
      if (executionId !== undefined) {
        const refusal = await executionRefusal(principal, executionId, lookup, 'use')
        if (refusal) return { ok: false, ...refusal, tasks }
      }
      const limits = principal.permissions.rateLimits
      const operation = call.bucket
      // A single execution the concurrency cap refuses anyway must not spend a per-minute token first
      // (a batch is not refused: it runs at most max_concurrent_executions items at once).
      if (!rule.narrow && (rule.executions?.(args) ?? 0) > 0) {
        const busy = atConcurrencyLimit(principal)
        if (busy) return { ok: false, reason: 'rate_limit', tasks, message: busy }
      }
      const requests: LimitRequest[] = [{ key: `${identity(principal)}:${operation}`, perMinute: rateLimits.perOperation[operation] }]
      const executions = rule.executions?.(args) ?? 0
      if (executions > 0) requests.push({ key: `${identity(principal)}:executions`, perMinute: limits.executionsPerMinute, cost: executions })
      if (rule.reads) requests.push(readLimit(principal, rule.reads))
      const limited = overLimit(principal, requests)
      if (limited) return { ok: false, reason: 'rate_limit', tasks, message: limited }
      const allowedArgs = rule.narrow ? rule.narrow(args, limits) : args
      const change = rule.change?.(args)
      return { ok: true, args: allowedArgs, tasks, ...(change ? { change } : {}) }
    },

    async checkRead(principal, target, lookup) {
      if (target.reads) {
        const capability: Capability = target.reads
        if (!hasCapability(principal.permissions, capability)) return `permission denied: reading ${target.what} needs permissions.${CAPABILITIES[capability].config}, which ${who(principal)} does not have`
      }
      if (target.task !== undefined) {
        const name = lookup.registry.get(target.task)?.name ?? target.task
        const access = checkTaskPatterns(principal.permissions, name)
        if (!access.allowed) return `permission denied: ${who(principal)} may not read task "${name}" (${access.rule})`
      }
      if (target.executionId !== undefined) {
        const refusal = await executionRefusal(principal, target.executionId, lookup, 'read')
        if (refusal) return refusal.message
      }
      return target.reads ? overLimit(principal, [readLimit(principal, target.reads)]) : null
    },

    scope(principal, runtime) {
      const store = scopeStore(runtime.store, principal)
      return {
        registry: scopeRegistry(runtime.registry, principal.permissions),
        store,
        engine: scopeEngine(runtime.engine, principal, { counter, store: runtime.store }),
      }
    },

    recordCall(principal, record) {
      if (!audit.enabled) return
      const base = { principal: principal.name, principalKind: principal.kind }
      audit.record({
        ...base,
        event: 'tool_call',
        outcome: record.outcome,
        tool: record.tool,
        task: record.tasks[0] ?? null,
        executionId: record.executionId ?? null,
        durationMs: record.durationMs === undefined ? null : Math.round(record.durationMs * 10) / 10,
        reason: record.reason ?? null,
        detail: record.tasks.length > 1 ? { tasks: [...record.tasks] } : null,
      })
      if (record.change && record.outcome === 'ok') {
        for (const task of record.changedTasks ?? record.tasks) audit.record({ ...base, event: 'task_change', outcome: 'ok', tool: record.tool, task, detail: { change: record.change } })
      }
    },
  }
}
