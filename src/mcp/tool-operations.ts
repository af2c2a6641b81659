/**
 * The MCP door's table from tools to operations (src/auth/operations.ts): what each built-in tool needs,
 * the task names it touches (checked against allowed/denied_task_patterns), the execution whose task must
 * be visible, what it counts against the rate limits, and whether it changes tasks (audited). Typed
 * against the generated tool types, so a new tool does not compile until it has a row here. List tools
 * are `filtered`: they answer with the tasks and executions the caller may see.
 *
 * Executions belong to the principal that started them. Every tool and resource that reads one (status,
 * list, logs, trace, analysis, get_results, ratchet://executions/…, tasks/get|result) sees only the
 * caller's own unless it holds `can_read_all_executions` (the execution check refuses, the scoped store
 * hides). The input and output of an execution are shown only to a principal with `can_execute_tasks`
 * (the right to supply inputs and receive outputs); others get the record without them.
 */
import type { CallRule } from '../auth/call-rule.ts'
import { OPERATIONS, type Operation } from '../auth/operations.ts'
import { checkRateLimitBuckets, type SecuritySettings } from '../auth/settings.ts'
import { readJsonBundle, readZipBundle } from '../tasks/bundle.ts'
import type { ToolIO, ToolName } from './tool-catalog.ts'

export type ToolRules = { [N in ToolName]: CallRule<ToolIO[N]['input']> }

/** Reading tasks and reading executions need no flag (task patterns and ownership filter what is seen). */
const READ_TASKS: readonly Operation[] = ['task.read']
const READ_EXECUTIONS: readonly Operation[] = ['execution.read']
const one = (id: string | undefined) => (id === undefined ? [] : [id])

/** The names an import bundle would create (with options.name_prefix); unreadable bundles name none. */
async function bundleNames(args: ToolIO['import_tasks']['input']): Promise<string[]> {
  try {
    let reading
    if (args.format === 'zip') {
      if (typeof args.data !== 'string') return []
      const body = args.data.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '')
      reading = await readZipBundle(new Uint8Array(Buffer.from(body, 'base64')))
    } else {
      reading = readJsonBundle(args.data)
    }
    return reading.drafts.map((draft) => `${args.options?.name_prefix ?? ''}${draft.name}`)
  } catch {
    return []
  }
}

export const TOOL_OPERATIONS: ToolRules = {
  list_available_tasks: { operations: READ_TASKS, filtered: true },
  list_jobs: { operations: READ_EXECUTIONS, filtered: true },
  list_schedules: { operations: READ_EXECUTIONS, filtered: true },
  execute_task: { operations: ['execution.create'], tasks: (a) => [a.task_id], executions: () => 1 },
  batch_execute: {
    operations: ['execution.create'],
    // A batch never runs more items at once than the key may run executions.
    narrow: (a, limits) => (limits.maxConcurrentExecutions === undefined ? a : { ...a, max_parallel: Math.min(a.max_parallel ?? limits.maxConcurrentExecutions, limits.maxConcurrentExecutions) }),
    tasks: (a) => [...(a.requests ?? []), ...(a.tasks ?? [])].map((r) => r.task_id),
    executions: (a) => (a.requests ?? a.tasks ?? []).length,
  },
  cancel_execution: { operations: ['execution.create'], execution: (a) => a.execution_id },
  // Own executions only (or can_read_all_executions); input/output only with can_execute_tasks.
  get_execution_status: { operations: READ_EXECUTIONS, execution: (a) => a.execution_id },
  list_executions: { operations: READ_EXECUTIONS, filtered: true },
  get_execution_logs: { operations: ['logs.read'], execution: (a) => a.execution_id, reads: 'logs' },
  get_execution_trace: { operations: ['traces.read'], execution: (a) => a.execution_id, reads: 'traces' },
  // The analysis quotes the execution's logs and its failed HTTP calls.
  analyze_execution_error: { operations: ['logs.read', 'traces.read'], execution: (a) => a.execution_id },
  // A debug run executes the task and returns its logs and variables.
  debug_task_execution: { operations: ['execution.create', 'logs.read'], tasks: (a) => [a.task_id], executions: () => 1 },
  store_result: { operations: ['execution.create'], tasks: (a) => [a.task_id] },
  // Like get_execution_status: own executions, and data only with can_execute_tasks.
  get_results: { operations: READ_EXECUTIONS, execution: (a) => a.execution_id, filtered: true },
  discover_tasks: { operations: ['system.read'] },
  sync_registry: { operations: ['system.read'] },
  registry_health: { operations: ['system.read'] },
  get_developer_endpoint_reference: { operations: READ_TASKS },
  get_developer_integration_guide: { operations: READ_TASKS },
  get_developer_guide_walkthrough: { operations: READ_TASKS },
  create_task: { operations: ['task.write'], tasks: (a) => [a.name], change: () => 'create' },
  edit_task: { operations: ['task.write'], tasks: (a) => [a.task_id], change: () => 'edit' },
  delete_task: { operations: ['task.write'], tasks: (a) => [a.task_id], change: () => 'delete' },
  create_task_version: { operations: ['task.write'], tasks: (a) => [a.task_id], change: () => 'version' },
  import_tasks: { operations: ['task.write'], tasks: bundleNames, change: () => 'import' },
  export_tasks: { operations: READ_TASKS, tasks: (a) => one(a.task_id), filtered: true },
  // Running tests of caller-supplied code is code execution: the management scope. Tests of a saved
  // task run its own code: executing that task.
  validate_task: {
    operations: (a) => (a.syntax_only === true || a.run_tests === false ? READ_TASKS : a.code !== undefined ? ['task.write'] : a.task_id !== undefined ? ['execution.create'] : READ_TASKS),
    tasks: (a) => one(a.task_id),
    // Running a saved task's tests runs the task: one execution of executions_per_minute, like run_task_tests.
    executions: (a) => (a.syntax_only === true || a.run_tests === false || a.code !== undefined || a.task_id === undefined ? 0 : 1),
  },
  run_task_tests: { operations: ['execution.create'], tasks: (a) => [a.task_id], executions: () => 1 },
  list_templates: { operations: READ_TASKS },
  generate_from_template: { operations: (a) => (a.save === true ? ['task.write'] : READ_TASKS), tasks: (a) => (a.save === true ? [a.name] : []), change: (a) => (a.save === true ? 'create' : undefined) },
}

/** Tasks exposed as tools (`task_<name>`) run their task like execute_task (and share its rate-limit bucket). */
export const TASK_TOOL_RULE: CallRule<unknown> = { operations: ['execution.create'], executions: () => 1 }

/** A built-in without a row in the table (a test-only tool): only a principal that may do everything may call it. */
export const UNLISTED_RULE: CallRule<unknown> = { operations: Object.keys(OPERATIONS) as Operation[] }

/** The rule of a tool: its row, TASK_TOOL_RULE for a task tool, UNLISTED_RULE for a built-in without one. */
export function toolRule(builtin: ToolName | undefined): CallRule<unknown> {
  if (builtin === undefined) return TASK_TOOL_RULE
  return (TOOL_OPERATIONS[builtin] as CallRule<unknown> | undefined) ?? UNLISTED_RULE
}

/** The names a `<name>_per_minute` rate limit may take: every tool, plus logs and traces. */
export const RATE_LIMIT_BUCKETS: readonly string[] = [...Object.keys(TOOL_OPERATIONS), 'logs', 'traces']

/** Refuses rate limits that would never apply (a misspelt tool); called wherever the MCP door starts. */
export function checkToolRateLimits(settings: SecuritySettings): void {
  checkRateLimitBuckets(settings, RATE_LIMIT_BUCKETS)
}
