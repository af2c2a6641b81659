/**
 * Permissions as operations, the vocabulary every door speaks: MCP maps its tools to these (via the
 * tool table), REST maps its routes (src/http/rest/route-operations.ts), GraphQL its fields. One
 * table from operations to the guide's `can_*` flags, and from token scopes to the same flags, so a
 * key means the same thing at every door.
 *
 * | operation          | needs (config flags)                        | token scope      |
 * |--------------------|---------------------------------------------|------------------|
 * | task.read          | — (task patterns filter what is seen)       | tasks:read       |
 * | task.write         | can_manage_tasks                            | tasks:write      |
 * | execution.create   | can_execute_tasks                           | tasks:run        |
 * | execution.read     | — (own executions; others need can_read_all_executions) | —    |
 * | logs.read          | can_read_logs                               | logs:read        |
 * | traces.read        | can_read_traces                             | traces:read      |
 * | system.read        | can_access_system_info                      | system:read      |
 * | jobs.manage        | can_manage_jobs + can_execute_tasks         | jobs:write + tasks:run |
 * | schedules.manage   | can_manage_schedules + can_execute_tasks    | schedules:write + tasks:run |
 *
 * `admin` grants every flag (still capped by the configured permissions block).
 */
import type { Capability } from './types.ts'

export type Operation =
  | 'task.read'
  | 'task.write'
  | 'execution.create'
  | 'execution.read'
  | 'logs.read'
  | 'traces.read'
  | 'system.read'
  | 'jobs.manage'
  | 'schedules.manage'

export const OPERATIONS: Readonly<Record<Operation, { needs: readonly Capability[]; summary: string }>> = {
  'task.read': { needs: [], summary: 'list and read tasks (filtered by the task patterns)' },
  'task.write': { needs: ['manage'], summary: 'create, edit, delete, enable, disable and import tasks' },
  'execution.create': { needs: ['execute'], summary: 'start, cancel and retry executions, and run a task\'s tests' },
  'execution.read': { needs: [], summary: 'read executions and results (own ones; others with can_read_all_executions)' },
  'logs.read': { needs: ['logs'], summary: 'read execution logs' },
  'traces.read': { needs: ['traces'], summary: 'read execution traces' },
  'system.read': { needs: ['system'], summary: 'read registry health, load problems, metrics and health details, and rescan the task sources' },
  'jobs.manage': { needs: ['jobs', 'execute'], summary: 'create, cancel and retry jobs' },
  'schedules.manage': { needs: ['schedules', 'execute'], summary: 'create, change, delete, enable, disable and trigger schedules' },
}
