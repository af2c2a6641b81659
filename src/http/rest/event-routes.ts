/**
 * GET /api/v1/events: the SSE stream of src/http/events/, for the events the caller may see (the same
 * rule as executions: its task within the patterns, and the caller's own unless it holds
 * can_read_all_executions). camelCase parameters are aliases; task uuids become names.
 */
import { parseEventFilter, type EventStream } from '../events/index.ts'
import { queryEntries } from './list-query.ts'
import { eventVisible } from './owner-scope.ts'
import type { RestRouteGroup } from './types.ts'

export function eventRoutes(stream: Pick<EventStream, 'handle'>): RestRouteGroup {
  return {
    name: 'events',
    routes: [
      {
        method: 'GET',
        path: '/events',
        async handle(ctx) {
          const filter = parseEventFilter(new URLSearchParams(queryEntries(ctx.url)))
          const tasks = filter.tasks?.map((task) => ctx.view.registry.get(task)?.name ?? task)
          await ctx.authorize({ tasks })
          const principal = ctx.principal
          return stream.handle(ctx.request, { ...filter, ...(tasks ? { tasks } : {}) }, (event) => eventVisible(principal, event))
        },
      },
    ],
  }
}
