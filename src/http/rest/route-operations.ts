/**
 * Each REST route as the operation it performs (src/auth/operations.ts): the permission it needs, the
 * rate-limit bucket it shares with the MCP tool of the same meaning, the executions it starts, and
 * whether its `:id` is an execution (which must then be visible to the caller). Every mounted route
 * has a row, the task write routes included; the REST door refuses to mount a route without one.
 *
 * Jobs and schedules are read with `execution.read`: a caller sees its own (others with
 * can_read_all_executions) of the tasks its patterns allow, as for executions. A route that queues a
 * run (a job, a job retry, a schedule trigger) is charged like POST /executions: the `execute_task`
 * bucket and one execution of executions_per_minute, so a queue is no way around a key's limits.
 */
import type { Operation } from '../../auth/operations.ts'

export interface RouteOperation {
  operation: Operation
  /** Rate-limit bucket (mcp.security.rate_limiting.<bucket>_per_minute), shared with the MCP tool. */
  bucket?: string
  /** Executions the request starts (permissions.rate_limits.executions_per_minute). */
  executions?: number
  /** The `:id` path parameter is an execution id, checked for visibility with the operation. */
  executionParam?: boolean
}

export const ROUTE_OPERATIONS: Readonly<Record<string, RouteOperation>> = {
  'GET /tasks': { operation: 'task.read', bucket: 'list_available_tasks' },
  'GET /tasks/stats': { operation: 'task.read' },
  'GET /tasks/:id': { operation: 'task.read' },
  // The task write routes (src/http/rest/task-write-routes.ts).
  'POST /tasks': { operation: 'task.write', bucket: 'create_task' },
  'PATCH /tasks/:id': { operation: 'task.write', bucket: 'edit_task' },
  'DELETE /tasks/:id': { operation: 'task.write', bucket: 'delete_task' },
  'POST /tasks/:id/enable': { operation: 'task.write' },
  'POST /tasks/:id/disable': { operation: 'task.write' },
  'POST /tasks/sync': { operation: 'system.read', bucket: 'sync_registry' },
  'POST /tasks/:id/test': { operation: 'execution.create', bucket: 'run_task_tests', executions: 1 },

  'GET /executions': { operation: 'execution.read', bucket: 'list_executions' },
  'POST /executions': { operation: 'execution.create', bucket: 'execute_task', executions: 1 },
  'GET /executions/stats': { operation: 'execution.read' },
  'GET /executions/:id': { operation: 'execution.read', bucket: 'get_execution_status', executionParam: true },
  'POST /executions/:id/cancel': { operation: 'execution.create', bucket: 'cancel_execution', executionParam: true },
  'POST /executions/:id/retry': { operation: 'execution.create', bucket: 'execute_task', executions: 1, executionParam: true },
  'GET /executions/:id/logs': { operation: 'logs.read', bucket: 'get_execution_logs', executionParam: true },
  'GET /executions/:id/trace': { operation: 'traces.read', bucket: 'get_execution_trace', executionParam: true },

  'GET /results': { operation: 'execution.read', bucket: 'get_results' },
  'GET /results/:id': { operation: 'execution.read', bucket: 'get_results', executionParam: true },

  'GET /jobs': { operation: 'execution.read', bucket: 'list_jobs' },
  'POST /jobs': { operation: 'jobs.manage', bucket: 'execute_task', executions: 1 },
  'GET /jobs/stats': { operation: 'execution.read' },
  'GET /jobs/:id': { operation: 'execution.read' },
  'POST /jobs/:id/cancel': { operation: 'jobs.manage' },
  'POST /jobs/:id/retry': { operation: 'jobs.manage', bucket: 'execute_task', executions: 1 },

  'GET /schedules': { operation: 'execution.read', bucket: 'list_schedules' },
  'POST /schedules': { operation: 'schedules.manage' },
  'GET /schedules/stats': { operation: 'execution.read' },
  'GET /schedules/next-runs': { operation: 'execution.read' },
  'GET /schedules/:id': { operation: 'execution.read' },
  'PATCH /schedules/:id': { operation: 'schedules.manage' },
  'DELETE /schedules/:id': { operation: 'schedules.manage' },
  'POST /schedules/:id/enable': { operation: 'schedules.manage' },
  'POST /schedules/:id/disable': { operation: 'schedules.manage' },
  'POST /schedules/:id/trigger': { operation: 'schedules.manage', bucket: 'execute_task', executions: 1 },
  'GET /schedules/:id/next-runs': { operation: 'execution.read' },

  'GET /events': { operation: 'execution.read' },
}
