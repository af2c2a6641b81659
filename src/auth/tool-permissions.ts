/**
 * What every built-in tool needs: the capabilities (`can_*` permissions) a call must hold, the task
 * names it touches (checked against allowed/denied_task_patterns), the execution whose task must be
 * visible, what it counts against the rate limits, and whether it changes tasks (audited). The table
 * is typed against generated/tool-types.ts, so a new tool does not compile until it has a row here.
 * List tools are `filtered`: they answer with the tasks and executions the caller may see.
 *
 * Executions belong to the principal that started them. Every tool and resource that reads one (status,
 * list, logs, trace, analysis, get_results, ratchet://executions/…, tasks/get|result) sees only the
 * caller's own unless it holds `can_read_all_executions` (the execution check refuses, the scoped store
 * hides). The input and output of an execution are shown only to a principal with `can_execute_tasks`
 * (the right to supply inputs and receive outputs); others get the record without them.
 */
import type { ToolIO, ToolName } from '../../generated/tool-types.ts'
import { readJsonBundle, readZipBundle } from '../tasks/bundle.ts'
import type { Capability } from './types.ts'

export type TaskChange = 'create' | 'edit' | 'delete' | 'import' | 'version'

export interface ToolRule<Args> {
  needs: readonly Capability[] | ((args: Args) => readonly Capability[])
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
}

export type ToolRules = { [N in ToolName]: ToolRule<ToolIO[N]['input']> }

const NONE: readonly Capability[] = []
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

export const TOOL_PERMISSIONS: ToolRules = {
  list_available_tasks: { needs: NONE, filtered: true },
  list_jobs: { needs: NONE, filtered: true },
  list_schedules: { needs: NONE, filtered: true },
  execute_task: { needs: ['execute'], tasks: (a) => [a.task_id], executions: () => 1 },
  batch_execute: {
    needs: ['execute'],
    tasks: (a) => [...(a.requests ?? []), ...(a.tasks ?? [])].map((r) => r.task_id),
    executions: (a) => (a.requests ?? a.tasks ?? []).length,
  },
  cancel_execution: { needs: ['execute'], execution: (a) => a.execution_id },
  // Own executions only (or can_read_all_executions); input/output only with can_execute_tasks.
  get_execution_status: { needs: NONE, execution: (a) => a.execution_id },
  list_executions: { needs: NONE, filtered: true },
  get_execution_logs: { needs: ['logs'], execution: (a) => a.execution_id, reads: 'logs' },
  get_execution_trace: { needs: ['traces'], execution: (a) => a.execution_id, reads: 'traces' },
  // The analysis quotes the execution's logs and its failed HTTP calls.
  analyze_execution_error: { needs: ['logs', 'traces'], execution: (a) => a.execution_id },
  // A debug run executes the task and returns its logs and variables.
  debug_task_execution: { needs: ['execute', 'logs'], tasks: (a) => [a.task_id], executions: () => 1 },
  store_result: { needs: ['execute'], tasks: (a) => [a.task_id] },
  // Like get_execution_status: own executions, and data only with can_execute_tasks.
  get_results: { needs: NONE, execution: (a) => a.execution_id, filtered: true },
  discover_tasks: { needs: ['system'] },
  sync_registry: { needs: ['system'] },
  registry_health: { needs: ['system'] },
  get_developer_endpoint_reference: { needs: NONE },
  get_developer_integration_guide: { needs: NONE },
  get_developer_guide_walkthrough: { needs: NONE },
  create_task: { needs: ['manage'], tasks: (a) => [a.name], change: () => 'create' },
  edit_task: { needs: ['manage'], tasks: (a) => [a.task_id], change: () => 'edit' },
  delete_task: { needs: ['manage'], tasks: (a) => [a.task_id], change: () => 'delete' },
  create_task_version: { needs: ['manage'], tasks: (a) => [a.task_id], change: () => 'version' },
  import_tasks: { needs: ['manage'], tasks: bundleNames, change: () => 'import' },
  export_tasks: { needs: NONE, tasks: (a) => one(a.task_id), filtered: true },
  // Running tests of caller-supplied code is code execution: the management scope. Tests of a saved
  // task run its own code: executing that task.
  validate_task: {
    needs: (a) => (a.syntax_only === true || a.run_tests === false ? NONE : a.code !== undefined ? ['manage'] : a.task_id !== undefined ? ['execute'] : NONE),
    tasks: (a) => one(a.task_id),
  },
  run_task_tests: { needs: ['execute'], tasks: (a) => [a.task_id] },
  list_templates: { needs: NONE },
  generate_from_template: { needs: (a) => (a.save === true ? ['manage'] : NONE), tasks: (a) => (a.save === true ? [a.name] : []), change: (a) => (a.save === true ? 'create' : undefined) },
}

/** Tasks exposed as tools (`task_<name>`) run their task like execute_task. */
export const TASK_TOOL_RULE: ToolRule<unknown> = { needs: ['execute'], executions: () => 1 }
