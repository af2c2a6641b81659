/**
 * What one call of a door needs, in the doors' shared vocabulary: the operations (src/auth/operations.ts)
 * it performs, the task names it touches (task patterns), the execution it acts on (ownership), what it
 * counts against the rate limits, and whether it changes tasks (audited). Each door keeps its own table
 * of rules: MCP tools in src/mcp/tool-operations.ts; REST routes in src/http/rest/route-operations.ts.
 */
import type { Operation } from './operations.ts'
import type { KeyRateLimits } from './types.ts'

export type TaskChange = 'create' | 'edit' | 'delete' | 'import' | 'version'

export interface CallRule<Args> {
  operations: readonly Operation[] | ((args: Args) => readonly Operation[])
  /** Task names or uuids named by the arguments. */
  tasks?: (args: Args) => readonly string[] | Promise<readonly string[]>
  /** The execution the call reads or acts on. */
  execution?: (args: Args) => string | undefined
  /** Task executions the call starts (permissions.rate_limits.executions_per_minute). */
  executions?: (args: Args) => number
  /** Reads counted by logs_per_minute / traces_per_minute. */
  reads?: 'logs' | 'traces'
  /** Answers only with what the caller may see instead of refusing. */
  filtered?: true
  /** The call changes tasks (audited as task_change). */
  change?: (args: Args) => TaskChange | undefined
  /**
   * Starts several executions that run at most max_concurrent_executions at a time (a batch): not
   * refused up front by the concurrency cap; `narrow` fits its arguments to the caller's limits.
   */
  narrow?: (args: Args, limits: KeyRateLimits) => Args
}
