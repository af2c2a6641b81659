/**
 * Who may see a job, a schedule or an event: the same rule as executions (scoped-views'
 * `executionVisible`): its task within the caller's task patterns, and the caller's own unless it
 * holds can_read_all_executions. Listings pass the same rule to the services as an OwnerScope.
 */
import { ownerScope } from '../../auth/owner-scope.ts'
import { executionVisible } from '../../auth/scoped-views.ts'
import { taskVisible } from '../../auth/task-patterns.ts'
import type { Principal } from '../../auth/types.ts'
import type { DomainEvent } from '../../events/types.ts'

export { ownerScope }

/** Whether `principal` may see a job or schedule. */
export function ownsRecord(principal: Principal, record: { taskName: string; principal?: string | null }): boolean {
  return executionVisible(principal, { taskName: record.taskName, principal: record.principal ?? null })
}

/**
 * Whether `principal` may CHANGE a job or schedule (cancel, retry, edit, delete, enable, disable,
 * trigger): only its owner, since the work then runs as that owner; a record without an owner (the
 * system's) may be changed by anyone with the operation. Seeing it (ownsRecord) is not enough:
 * can_read_all_executions lets a client read others' records, never act as their owner.
 */
export function mayChangeRecord(principal: Principal, record: { principal?: string | null }): boolean {
  return record.principal === null || record.principal === undefined || record.principal === principal.name
}

/**
 * Whether `principal` may receive `event` on the SSE stream: its task visible, and its owner's (or
 * can_read_all_executions); `execution.log` events also need can_read_logs, as GET /executions/:id/logs
 * does. Events carry no input or output (the bus strips them), so can_execute_tasks is not needed.
 */
export function eventVisible(principal: Principal, event: DomainEvent): boolean {
  if (event.type === 'execution.log' && !principal.permissions.canReadLogs) return false
  if (event.taskName !== undefined && !taskVisible(principal.permissions, event.taskName)) return false
  if (principal.permissions.canReadAllExecutions) return true
  return event.owner !== undefined && event.owner !== null && event.owner === principal.name
}
