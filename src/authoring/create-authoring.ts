/**
 * Task authoring as one service over the registry, the engine (to run tests) and the store: every door
 * (MCP tools, REST routes, later GraphQL and the console) calls these methods and translates their
 * records and refusals into its own shapes. Packages are written only inside `tasksDir`.
 */
import { AppError } from '../errors.ts'
import type { TaskTemplate } from '../tasks/task-templates.ts'
import { saveNewTask, draftOf } from './create-task.ts'
import { createTaskVersion, taskHistory } from './create-version.ts'
import { deleteTask } from './delete-task.ts'
import { editTask } from './edit-task.ts'
import { exportTasks } from './export-tasks.ts'
import { importTasks } from './import-tasks.ts'
import { notFound } from './internal/refuse.ts'
import type { TestOptions } from './internal/save-task.ts'
import { runTaskTests } from './run-task-tests.ts'
import { syncRegistry } from './sync-registry.ts'
import type { TaskStates } from './task-states.ts'
import { generateFromTemplate, listTemplates, templateCategories, type GeneratedFromTemplate } from './templates.ts'
import type {
  AuthoringDeps, CallOptions, CreatedTask, DeletedTask, DeleteOptions, EditedTask, EditOptions, ExportResult, HistoryItem,
  ImportReport, ImportRequest, NewTask, SyncReport, TaskEdit, TaskStateChange, TestRun, ValidationReport, ValidationRequest, VersionedTask,
} from './types.ts'
import { validateTask } from './validate-task.ts'

export interface Authoring {
  createTask(task: NewTask, options?: CallOptions & { runTests?: boolean }): Promise<CreatedTask>
  editTask(taskId: string, edit: TaskEdit, options?: EditOptions): Promise<EditedTask>
  createVersion(taskId: string, request: { newVersion: string; description?: string; changes?: string }, options?: Pick<CallOptions, 'actor'>): Promise<VersionedTask>
  /** Every known version of a loaded task, oldest first. */
  history(taskId: string): Promise<HistoryItem[]>
  deleteTask(taskId: string, options?: DeleteOptions): Promise<DeletedTask>
  validateTask(request: ValidationRequest, options?: CallOptions): Promise<ValidationReport>
  runTests(taskId: string, options?: TestOptions): Promise<TestRun>
  importTasks(request: ImportRequest, options?: CallOptions): Promise<ImportReport>
  exportTasks(request?: { taskId?: string; format?: 'json' | 'zip'; includeTests?: boolean }): ExportResult
  listTemplates(category?: string): readonly TaskTemplate[]
  templateCategories(): string[]
  generateFromTemplate(request: { template: string; name: string; parameters?: Record<string, unknown>; description?: string }): GeneratedFromTemplate
  /** Enables or disables a loaded task (by name or uuid); a disabled task is refused by the engine. */
  setEnabled(taskId: string, enabled: boolean, options?: Pick<CallOptions, 'actor'>): Promise<TaskStateChange>
  /** Whether the task of this name may run. */
  isEnabled(name: string): boolean
  sync(): Promise<SyncReport>
}

/** What a door gives once; the registry, engine and store come per caller (its scoped views). */
export type AuthoringBase = Omit<AuthoringDeps, 'registry' | 'engine' | 'store'> & { states?: TaskStates }

/** The service over one caller's views, for doors that scope the runtime per principal (REST, MCP). */
export function authoringOver(base: AuthoringBase): (view: Pick<AuthoringDeps, 'registry' | 'engine' | 'store'>) => Authoring {
  return (view) => createAuthoring({ ...base, registry: view.registry, engine: view.engine, store: view.store })
}

/**
 * `states` is where enabled/disabled is kept (the same object the engine's TaskGate asks); without it
 * nothing is ever disabled and setEnabled refuses.
 */
export function createAuthoring(deps: AuthoringDeps & { states?: TaskStates }): Authoring {
  const { states, logger } = deps
  // Every change of a task is one log line: what, which task, and who asked.
  const logged = <T extends { name: string; version?: string }>(what: string, result: T, actor: string | undefined): T => {
    logger.info(what, { task: result.name, ...(result.version !== undefined ? { version: result.version } : {}), ...(actor !== undefined ? { by: actor } : {}) })
    return result
  }
  return {
    createTask: async (task, options = {}) => logged('task created', await saveNewTask(deps, draftOf(task, options.actor), options), options.actor),
    editTask: async (taskId, edit, options = {}) => logged('task changed', await editTask(deps, taskId, edit, options), options.actor),
    createVersion: async (taskId, request, options = {}) => logged('task versioned', await createTaskVersion(deps, taskId, request), options.actor),
    async history(taskId) {
      const pkg = deps.registry.get(taskId)
      if (!pkg) throw notFound(taskId, deps.registry)
      return taskHistory(deps, pkg)
    },
    deleteTask: async (taskId, options = {}) => logged('task deleted', await deleteTask(deps, taskId, options), options.actor),
    validateTask: (request, options) => validateTask(deps, request, options),
    runTests: (taskId, options) => runTaskTests(deps, taskId, options),
    importTasks: (request, options) => importTasks(deps, request, options),
    exportTasks: (request) => exportTasks(deps, request),
    listTemplates,
    templateCategories,
    generateFromTemplate,
    async setEnabled(taskId, enabled, options = {}) {
      const pkg = deps.registry.get(taskId)
      if (!pkg) throw notFound(taskId, deps.registry)
      if (!states) throw new AppError('INTERNAL', `Cannot ${enabled ? 'enable' : 'disable'} "${pkg.name}": this server was started without a task-state store`, { hint: 'Construct the authoring service with `states` (openTaskStates over the store), as the runtime does.' })
      if (states.isEnabled(pkg.name) === enabled) {
        const recorded = states.get(pkg.name)
        return { name: pkg.name, enabled, changed: false, changedAt: recorded?.changedAt ?? null, changedBy: recorded?.changedBy ?? null }
      }
      return logged(enabled ? 'task enabled' : 'task disabled', { ...(await states.set(pkg.name, enabled, options.actor)), changed: true }, options.actor)
    },
    isEnabled: (name) => states?.isEnabled(name) ?? true,
    sync: () => syncRegistry(deps),
  }
}
