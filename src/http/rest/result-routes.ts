/**
 * GET /results and /results/{execution_id}: stored executions with their input and output or error,
 * as get_results shows them (viewStoredResult), through the caller's scoped store (input and output
 * only with can_execute_tasks).
 */
import { requireExecution } from '../../engine/cancel-execution.ts'
import { viewStoredResult } from '../../engine/execution-views.ts'
import type { ExecutionRecord } from '../../store/types.ts'
import { toExecutionFilter } from './execution-filter.ts'
import { json, listResponse } from './responses.ts'
import type { RestRouteGroup } from './types.ts'

const view = (record: ExecutionRecord) => ({ id: record.id, ...viewStoredResult(record, { data: true, errors: true }) })

export function resultRoutes(): RestRouteGroup {
  return {
    name: 'results',
    routes: [
      {
        method: 'GET',
        path: '/results',
        async handle(ctx) {
          const { query } = ctx.list()
          await ctx.authorize()
          const { items, total } = await ctx.view.store.listExecutions(toExecutionFilter(query, ctx.view.registry))
          return listResponse(items.map(view), query, total)
        },
      },
      {
        method: 'GET',
        path: '/results/:id',
        async handle(ctx) {
          ctx.query()
          await ctx.authorize()
          return json(view(await requireExecution(ctx.view.store, ctx.params.id!)))
        },
      },
    ],
  }
}
