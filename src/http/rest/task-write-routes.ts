/**
 * The task write routes of the REST door (operation `task.write`, can_manage_tasks): create a task
 * with code, change, delete, enable and disable it, run its tests, and sync the registry. Each route
 * reads its JSON body (snake_case, camelCase aliases), calls the authoring service over the caller's
 * views and answers its record in snake_case; refusals are the service's AppErrors, rendered by the
 * door's onError with a REST hint and snake_case details.
 *
 *   createRestApi({ ...deps, groups: [createTaskWriteRoutes({ authoring: authoringOver({ logger, tasksDir, maxTestSeconds, states }) })] })
 */
import { refusalOf, viewTestReport, type Authoring, type AuthoringRefusal } from '../../authoring/index.ts'
import { AppError, isAppError } from '../../errors.ts'
import type { JsonSchema } from '../../tasks/types.ts'
import { snakeCase } from './aliases.ts'
import { json } from './responses.ts'
import type { RestContext, RestRoute, RestRouteGroup } from './types.ts'

export interface TaskWriteDeps {
  /** The authoring service over one caller's views (authoringOver(...) from src/authoring). */
  authoring: (view: RestContext['view']) => Authoring
}

/** The body as schemas/rest/tasks.json names it: aliases renamed, 415, 413 and 400 naming every invalid field. */
const readBody = <T>(ctx: RestContext, name: 'CreateTaskRequest' | 'UpdateTaskRequest' | 'TestTaskRequest'): Promise<T> => ctx.body<T>(name)

const taskUrl = (name: string) => `/api/v1/tasks/${encodeURIComponent(name)}`

/** What to do next, in this door's words (the service's hints name no door). */
const REST_HINTS: Partial<Record<AuthoringRefusal, (name: string) => string>> = {
  not_found: () => 'GET /api/v1/tasks lists the tasks you may see (names are case-sensitive; a uuid works too).',
  name_taken: (name) => `Change it with PATCH ${taskUrl(name)}, or pick another name.`,
  folder_exists: (name) => `See why it does not load with POST /api/v1/tasks/sync (errors), remove ${name}'s folder, or pick another name.`,
  read_only: (name) => `It comes from a read-only source: PATCH ${taskUrl(name)} saves a change as a copy in the tasks folder that overrides it; delete that copy to bring this one back.`,
  nothing_to_change: () => 'Send at least one of code, input_schema, output_schema, description, tags, tests or version.',
  active_executions: (name) => `Wait for them, cancel them, or DELETE ${taskUrl(name)}?force=true.`,
}

/** Refusals with the REST hint and snake_case details; other errors as they are. */
function restError(error: unknown): unknown {
  const reason = refusalOf(error)
  if (reason === null || !isAppError(error)) return error
  const data = Object.fromEntries(Object.entries(error.data ?? {}).map(([key, value]) => [snakeCase(key), value]))
  const hint = REST_HINTS[reason]?.(String(data.name ?? data.task_id ?? '')) ?? error.hint
  return new AppError(error.code, error.message, { data, ...(hint ? { hint } : {}), cause: error })
}

function route(method: RestRoute['method'], path: string, handle: (ctx: RestContext) => Promise<Response>): RestRoute {
  return {
    method,
    path,
    async handle(ctx) {
      try {
        return await handle(ctx)
      } catch (error) {
        throw restError(error)
      }
    },
  }
}

interface CreateBody { name: string; code: string; description?: string; version?: string; input_schema?: JsonSchema | null; output_schema?: JsonSchema | null; tests?: Record<string, unknown>[]; tags?: string[]; metadata?: Record<string, unknown>; run_tests?: boolean }
type UpdateBody = Partial<Omit<CreateBody, 'name' | 'metadata' | 'input_schema' | 'output_schema'>> & { input_schema?: JsonSchema; output_schema?: JsonSchema; validate?: boolean; backup?: boolean }
interface TestBody { test_names?: string[]; stop_on_failure?: boolean; timeout?: number }

export function createTaskWriteRoutes(deps: TaskWriteDeps): RestRouteGroup {
  const setEnabled = (enabled: boolean) =>
    route('POST', `/tasks/:id/${enabled ? 'enable' : 'disable'}`, async (ctx) => {
      await ctx.authorize({ tasks: [ctx.params.id!] })
      const state = await deps.authoring(ctx.view).setEnabled(ctx.params.id!, enabled, { actor: ctx.principal.name })
      const word = enabled ? 'enabled' : 'disabled'
      const message = state.changed ? `Task ${state.name} is now ${word}` : `Task ${state.name} was already ${word}; nothing changed`
      return json({ name: state.name, enabled: state.enabled, changed: state.changed, changed_at: state.changedAt, changed_by: state.changedBy, message })
    })

  return {
    name: 'task-writes',
    routes: [
      route('POST', '/tasks', async (ctx) => {
        const body = await readBody<CreateBody>(ctx, 'CreateTaskRequest')
        await ctx.authorize({ tasks: [body.name] })
        const authoring = deps.authoring(ctx.view)
        const created = await authoring.createTask(
          { name: body.name, code: body.code, description: body.description, version: body.version, inputSchema: body.input_schema, outputSchema: body.output_schema, tests: body.tests, tags: body.tags, metadata: body.metadata },
          { actor: ctx.principal.name, signal: ctx.request.signal, runTests: body.run_tests !== false },
        )
        const view = { id: created.taskId, name: created.name, version: created.version, enabled: authoring.isEnabled(created.name), warnings: created.warnings, ...(created.testReport ? { test_results: viewTestReport(created.testReport, created.dir) } : {}), message: created.message }
        return json(view, 201, { Location: taskUrl(created.name) })
      }),
      route('PATCH', '/tasks/:id', async (ctx) => {
        await ctx.authorize({ tasks: [ctx.params.id!] })
        const body = await readBody<UpdateBody>(ctx, 'UpdateTaskRequest')
        const edited = await deps.authoring(ctx.view).editTask(
          ctx.params.id!,
          { code: body.code, description: body.description, version: body.version, inputSchema: body.input_schema, outputSchema: body.output_schema, tests: body.tests, tags: body.tags },
          { actor: ctx.principal.name, signal: ctx.request.signal, validate: body.validate, backup: body.backup, runTests: body.run_tests },
        )
        return json({
          id: edited.taskId,
          name: edited.name,
          previous_version: edited.previousVersion,
          version: edited.version,
          changes_applied: edited.changesApplied,
          backup_path: edited.backupPath,
          copied: edited.copied,
          warnings: edited.warnings,
          ...(edited.testReport ? { test_results: viewTestReport(edited.testReport, edited.path) } : {}),
          message: edited.message,
        })
      }),
      route('DELETE', '/tasks/:id', async (ctx) => {
        await ctx.authorize({ tasks: [ctx.params.id!] })
        const query = ctx.query()
        const params = { force: query.force === undefined ? undefined : query.force === 'true', backup: query.backup === undefined ? undefined : query.backup === 'true' }
        const deleted = await deps.authoring(ctx.view).deleteTask(ctx.params.id!, { actor: ctx.principal.name, force: params.force, backup: params.backup })
        return json({ id: deleted.taskId, name: deleted.name, version: deleted.version, deleted: true, backup_path: deleted.backupPath, message: deleted.message })
      }),
      setEnabled(true),
      setEnabled(false),
      route('POST', '/tasks/sync', async (ctx) => {
        await ctx.authorize()
        const report = await deps.authoring(ctx.view).sync()
        return json({ added: report.added, updated: report.updated, removed: report.removed, errors: report.errors, total_tasks: report.totalTasks, message: report.message })
      }),
      route('POST', '/tasks/:id/test', async (ctx) => {
        await ctx.authorize({ tasks: [ctx.params.id!] })
        const body = await readBody<TestBody>(ctx, 'TestTaskRequest')
        const run = await deps.authoring(ctx.view).runTests(ctx.params.id!, { actor: ctx.principal.name, signal: ctx.request.signal, names: body.test_names, stopOnFailure: body.stop_on_failure, timeout: body.timeout })
        const view = viewTestReport(run.report, run.dir)
        return json({ name: run.name, version: run.version, ...view, all_passed: run.report.failed === 0, cancelled: run.cancelled, message: run.message })
      }),
    ],
  }
}
