/**
 * GET /tasks, /tasks/stats and /tasks/{id}: the loaded catalogue as the caller's task patterns show it,
 * through the same listTasks/resolveTask the MCP tools use.
 */
import { listTasks, type TaskView } from '../../engine/list-tasks.ts'
import { resolveTask } from '../../engine/resolve-task.ts'
import { json, listResponse } from './responses.ts'
import { applyListQuery } from './apply-list-query.ts'
import type { RestContext, RestRouteGroup } from './types.ts'

type FieldValue = string | number | boolean | null | undefined | readonly string[]

/** The task states of the server (enabled/disabled), for the `enabled` field of the views. */
const enabledOf = (ctx: RestContext) => (ctx.deps.taskStates ? { isEnabled: (name: string) => ctx.deps.taskStates!.isEnabled(name) } : {})

export function taskReadRoutes(): RestRouteGroup {
  return {
    name: 'tasks',
    routes: [
      {
        method: 'GET',
        path: '/tasks',
        async handle(ctx) {
          const { query, params } = ctx.list()
          await ctx.authorize()
          const tags = params.tags?.split(',').map((t) => t.trim()).filter((t) => t !== '')
          const { tasks } = await listTasks(ctx.view.registry, ctx.view.store, { filter: params.q, tags, page: 0, limit: Number.MAX_SAFE_INTEGER, includeSchemas: false, ...enabledOf(ctx) })
          const page = applyListQuery(tasks, query, (task, field) => (task as unknown as Record<string, FieldValue>)[field])
          return listResponse(page.items, query, page.total)
        },
      },
      {
        method: 'GET',
        path: '/tasks/stats',
        async handle(ctx) {
          ctx.query()
          await ctx.authorize()
          const { registry, store } = ctx.view
          const tasks = registry.list()
          const byCategory: Record<string, number> = {}
          const byTask: Record<string, number> = {}
          let executions = 0
          for (const task of tasks) {
            const category = task.category ?? 'uncategorised'
            byCategory[category] = (byCategory[category] ?? 0) + 1
            const { total } = await store.listExecutions({ taskName: task.name, limit: 0 })
            byTask[task.name] = total
            executions += total
          }
          const views: TaskView[] = (await listTasks(registry, store, { page: 0, limit: Number.MAX_SAFE_INTEGER, ...enabledOf(ctx) })).tasks
          const enabled = views.filter((view) => view.enabled).length
          return json({
            total: tasks.length,
            enabled,
            disabled: tasks.length - enabled,
            with_tests: tasks.filter((task) => task.tests.length > 0).length,
            test_cases: tasks.reduce((sum, task) => sum + task.tests.length, 0),
            by_category: byCategory,
            ...(ctx.principal.permissions.canAccessSystemInfo ? { load_problems: registry.problems().length } : {}),
            executions: { total: executions, by_task: byTask },
          })
        },
      },
      {
        method: 'GET',
        path: '/tasks/:id',
        async handle(ctx) {
          ctx.query()
          await ctx.authorize({ tasks: [ctx.params.id!] })
          const task = resolveTask(ctx.view.registry, ctx.params.id!)
          const [view] = (await listTasks({ ...ctx.view.registry, list: () => [task] }, ctx.view.store, { page: 0, limit: 1, ...enabledOf(ctx) })).tasks
          const versions = await ctx.view.store.listTaskVersions(task.name)
          return json({
            ...view,
            checksum: task.checksum,
            input_schema: task.inputSchema,
            output_schema: task.outputSchema,
            source: { layout: task.layout, entry_file: task.entryFile.split('/').pop() ?? task.entryFile, code: task.code },
            versions: versions.map((v) => ({ version: v.version, checksum: v.checksum, ...(v.description ? { description: v.description } : {}), first_seen_at: v.firstSeenAt, current: v.checksum === task.checksum })),
            tests: task.tests.map((t) => ({ name: t.name, should_fail: t.shouldFail, has_expected: t.hasExpected })),
          })
        },
      },
    ],
  }
}
