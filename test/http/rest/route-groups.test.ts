import { describe, expect, test } from 'bun:test'
import { createRestApi, type RestRouteGroup } from '../../../src/http/rest/index.ts'
import { json } from '../../../src/http/rest/responses.ts'
import { openRestHarness } from './harness.ts'
import { ALL_TASKS } from './tasks.ts'

/** A stand-in for the task write routes: the same seam task-write-routes.ts plugs into. */
const writes: RestRouteGroup = {
  name: 'task-writes',
  routes: [
    {
      method: 'POST',
      path: '/tasks/sync',
      async handle(ctx) {
        ctx.authorize()
        return json({ added: 0, updated: 0, removed: 0, errors: [] })
      },
    },
    {
      method: 'POST',
      path: '/tasks/:id/enable',
      async handle(ctx) {
        return json({ forgot: 'to authorize', id: ctx.params.id })
      },
    },
  ],
}

describe('route groups from other files', () => {
  test('are mounted with the same authentication, operation checks and errors', async () => {
    const h = await openRestHarness({ tasks: ALL_TASKS, groups: [writes] })
    try {
      expect((await h.call(null, 'POST', '/api/v1/tasks/sync')).status).toBe(401)
      const denied = await h.call('reader', 'POST', '/api/v1/tasks/sync')
      expect(denied.status).toBe(403)
      expect((await denied.json()).error.message).toContain('(task.write) needs permissions.can_manage_tasks')
      expect(await (await h.call('admin', 'POST', '/api/v1/tasks/sync')).json()).toEqual({ added: 0, updated: 0, removed: 0, errors: [] })
      // A handler that skips its operation check never answers with data.
      const unchecked = await h.call('admin', 'POST', '/api/v1/tasks/addition/enable')
      expect(unchecked.status).toBe(500)
      expect((await unchecked.json()).error.code).toBe('INTERNAL')
    } finally {
      await h.close()
    }
  })

  test('a route without a row in the operation table is refused at mount time', () => {
    const stray: RestRouteGroup = { name: 'stray', routes: [{ method: 'GET', path: '/stray', handle: async () => json({}) }] }
    expect(() => createRestApi({ groups: [stray] } as never)).toThrow('REST route GET /stray has no row in src/http/rest/route-operations.ts')
  })
})
