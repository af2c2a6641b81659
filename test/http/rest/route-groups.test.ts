import { describe, expect, test } from 'bun:test'
import { createRestApi, type RestRouteGroup } from '../../../src/http/rest/index.ts'
import { json } from '../../../src/http/rest/responses.ts'
import { claims, signHmac } from '../../auth/helpers/tokens.ts'
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
        await ctx.authorize()
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
    {
      method: 'POST',
      path: '/tasks/:id/disable',
      async handle(ctx) {
        void ctx.authorize({ tasks: [ctx.params.id!] })
        return json({ forgot: 'to await the check', id: ctx.params.id })
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
      expect((await denied.json()).error.message).toContain('(system.read) needs permissions.can_access_system_info')
      expect(await (await h.call('admin', 'POST', '/api/v1/tasks/sync')).json()).toEqual({ added: 0, updated: 0, removed: 0, errors: [] })
      // A handler that skips its operation check never answers with data.
      const unchecked = await h.call('admin', 'POST', '/api/v1/tasks/addition/enable')
      expect(unchecked.status).toBe(500)
      expect((await unchecked.json()).error.code).toBe('INTERNAL')
      // One that does not await the (asynchronous) check still answers its refusal, never the data.
      const unawaited = await h.call('reader', 'POST', '/api/v1/tasks/addition/disable')
      expect(unawaited.status).toBe(403)
      expect((await unawaited.json()).error.message).toContain('(task.write) needs permissions.can_manage_tasks')
    } finally {
      await h.close()
    }
  })

  test('a route without a row in the operation table is refused at mount time', () => {
    const stray: RestRouteGroup = { name: 'stray', routes: [{ method: 'GET', path: '/stray', handle: async () => json({}) }] }
    expect(() => createRestApi({ groups: [stray] } as never)).toThrow('REST route GET /stray has no row in src/http/rest/route-operations.ts')
  })
})

describe('tokens', () => {
  test('a JWT is a principal of the REST door like an API key: its permissions, its own executions', async () => {
    const secret = 'a-jwt-secret-of-at-least-32-bytes!!'
    const h = await openRestHarness({ tasks: ALL_TASKS, jwt: { secret, permissions: { can_execute_tasks: true, denied_task_patterns: ['secret-*'] } } })
    try {
      const bearer = (sub: string) => signHmac(claims({ sub }), secret).then((token) => ({ authorization: `Bearer ${token}` }))
      const alice = await bearer('alice')
      const run = await h.call(null, 'POST', '/api/v1/executions?wait=true', { body: { task_id: 'greeter', input: { name: 'A' } }, headers: alice })
      expect(run.status).toBe(200)
      const { id } = await run.json()
      expect((await (await h.call(null, 'GET', '/api/v1/executions', { headers: alice })).json()).data.map((e: { id: string }) => e.id)).toEqual([id])
      const bob = await h.call(null, 'GET', `/api/v1/executions/${id}`, { headers: await bearer('bob') })
      expect(bob.status).toBe(403)
      const denied = await h.call(null, 'POST', '/api/v1/executions', { body: { task_id: 'secret-report' }, headers: alice })
      expect((await denied.json()).error.message).toBe('permission denied: JWT subject "alice" may not use task "secret-report" (denied_task_patterns entry "secret-*")')
      const forged = await h.call(null, 'GET', '/api/v1/tasks', { headers: { authorization: `Bearer ${await signHmac(claims(), 'another-secret-of-at-least-32-bytes')}` } })
      expect(forged.status).toBe(401)
      expect(forged.headers.get('www-authenticate')).toContain('invalid_token')
    } finally {
      await h.close()
    }
  })
})
