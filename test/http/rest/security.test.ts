import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { openRestHarness, type JsonResponse, type RestHarness } from './harness.ts'
import { ALL_TASKS } from './tasks.ts'

let h: RestHarness

beforeAll(async () => {
  h = await openRestHarness({ tasks: ALL_TASKS, maxBodyBytes: 2048, perOperation: { execute_task: 4 } })
})
afterAll(async () => {
  await h.close()
})

const errorOf = async (response: JsonResponse) => (await response.json()).error

describe('authentication and permissions', () => {
  test('no credential is 401 with a challenge', async () => {
    const response = await h.call(null, 'GET', '/api/v1/tasks')
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toStartWith('Bearer')
    const error = await errorOf(response)
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, details: { reason: 'missing_credentials' } })
    expect(error.message).toContain('requires an API key')
  })

  test('a missing permission is 403 naming the operation, the permission and the key', async () => {
    const response = await h.call('reader', 'POST', '/api/v1/executions', { body: { task_id: 'addition', input: { a: 1, b: 2 } } })
    expect(response.status).toBe(403)
    expect(await errorOf(response)).toEqual({
      code: 'FORBIDDEN',
      status: 403,
      message: 'permission denied: POST /api/v1/executions (execution.create) needs permissions.can_execute_tasks, which key "reader" does not have',
      details: { reason: 'permission', operation: 'execution.create' },
    })
    const logs = await h.call('reader', 'GET', '/api/v1/executions/x/logs')
    expect((await errorOf(logs)).message).toContain('needs permissions.can_read_logs')
    const jobs = await h.call('runner', 'POST', '/api/v1/jobs', { body: { task_id: 'addition' } })
    expect((await errorOf(jobs)).message).toContain('needs permissions.can_manage_jobs')
  })

  test('a denied task pattern is 403 naming the pattern; the task is not listed', async () => {
    const run = await h.call('runner', 'POST', '/api/v1/executions', { body: { task_id: 'secret-report' } })
    expect(run.status).toBe(403)
    expect((await errorOf(run)).message).toBe('permission denied: key "runner" may not use task "secret-report" (denied_task_patterns entry "secret-*")')
    const read = await h.call('runner', 'GET', '/api/v1/tasks/secret-report')
    expect(read.status).toBe(403)
    const list = await (await h.call('runner', 'GET', '/api/v1/tasks?limit=100')).json()
    expect(list.data.map((t: { name: string }) => t.name)).not.toContain('secret-report')
    expect(list.meta.total).toBe(4)
  })

  test('an execution of another key is 403 to read and absent from its listings', async () => {
    const mine = await (await h.call('admin', 'POST', '/api/v1/executions?wait=true', { body: { task_id: 'greeter', input: { name: 'x' } } })).json()
    const read = await h.call('other', 'GET', `/api/v1/executions/${mine.id}`)
    expect(read.status).toBe(403)
    expect((await errorOf(read)).message).toContain('was started by another client')
    const list = await (await h.call('other', 'GET', '/api/v1/executions')).json()
    expect(list.data.map((e: { id: string }) => e.id)).not.toContain(mine.id)
  })

  test('refusals are audited with the route and reason', async () => {
    await h.call('reader', 'POST', '/api/v1/executions', { body: { task_id: 'addition' } })
    await h.audit.flush()
    const lines = await h.engine.store.listAudit({ principal: 'reader', event: 'tool_call' })
    expect(lines.find((line) => line.outcome === 'denied' && line.tool === 'POST /api/v1/executions')).toMatchObject({ reason: 'permission', task: 'addition', detail: { door: 'rest', operation: 'execution.create', status: 403 } })
  })
})

describe('limits and bad requests', () => {
  test('executions_per_minute is 429 with Retry-After', async () => {
    for (let i = 0; i < 2; i++) expect((await h.call('limited', 'POST', '/api/v1/executions', { body: { task_id: 'greeter', input: { name: 'a' } } })).status).toBe(202)
    const refused = await h.call('limited', 'POST', '/api/v1/executions', { body: { task_id: 'greeter', input: { name: 'a' } } })
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    const error = await errorOf(refused)
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, details: { retry_after_s: retryAfter } })
    expect(error.message).toContain('2 per minute for executions (key "limited")')
  })

  test('POST /executions spends the execute_task bucket it shares with the MCP tool', async () => {
    for (let i = 0; i < 4; i++) expect((await h.call('runner', 'POST', '/api/v1/executions', { body: { task_id: 'greeter', input: { name: 'b' } } })).status).toBe(202)
    const refused = await h.call('runner', 'POST', '/api/v1/executions', { body: { task_id: 'greeter', input: { name: 'b' } } })
    expect(refused.status).toBe(429)
    expect((await errorOf(refused)).message).toContain('4 per minute for execute_task')
  })

  test('a body over the size limit is 413', async () => {
    const response = await h.call('admin', 'POST', '/api/v1/executions', { body: { task_id: 'greeter', input: { name: 'x'.repeat(5000) } } })
    expect(response.status).toBe(413)
    expect((await errorOf(response)).code).toBe('PAYLOAD_TOO_LARGE')
  })

  test('a text/plain body is 415, also on routes that take none', async () => {
    const response = await h.call('admin', 'POST', '/api/v1/executions', { raw: '{"task_id":"greeter"}', headers: { 'content-type': 'text/plain' } })
    expect(response.status).toBe(415)
    expect((await errorOf(response)).code).toBe('UNSUPPORTED_MEDIA_TYPE')
    const noBody = await h.call('admin', 'POST', '/api/v1/jobs/x/retry', { headers: { 'content-type': 'text/plain' } })
    expect(noBody.status).toBe(415)
  })

  test('malformed JSON is 400, and a route without a body refuses one', async () => {
    const response = await h.call('admin', 'POST', '/api/v1/executions', { raw: '{"task_id":', headers: { 'content-type': 'application/json' } })
    expect(response.status).toBe(400)
    expect((await errorOf(response)).message).toStartWith('The body is not valid JSON')
    const extra = await h.call('admin', 'POST', '/api/v1/schedules/x/enable', { body: { enabled: true } })
    expect(extra.status).toBe(400)
    expect((await errorOf(extra)).message).toBe('POST /api/v1/schedules/:id/enable takes no request body')
  })

  test('an unknown id is 404', async () => {
    const response = await h.call('admin', 'GET', '/api/v1/executions/does-not-exist')
    expect(response.status).toBe(404)
    expect(await errorOf(response)).toMatchObject({ code: 'EXECUTION_NOT_FOUND', status: 404, message: 'Execution "does-not-exist" not found' })
    expect((await errorOf(await h.call('admin', 'GET', '/api/v1/executions/a%2520b'))).message).toBe('Execution "a%20b" not found')
    expect((await errorOf(await h.call('admin', 'GET', '/api/v1/jobs/nope'))).code).toBe('JOB_NOT_FOUND')
    expect((await errorOf(await h.call('admin', 'GET', '/api/v1/schedules/nope'))).code).toBe('SCHEDULE_NOT_FOUND')
    expect((await errorOf(await h.call('admin', 'GET', '/api/v1/tasks/nope'))).code).toBe('TASK_NOT_FOUND')
  })

  test('an unknown route is 404 with the close matches; a known path with another method is 405', async () => {
    const response = await h.call('admin', 'GET', '/api/v1/execution/abc')
    expect(response.status).toBe(404)
    const error = await errorOf(response)
    expect(error.code).toBe('NOT_FOUND')
    expect(error.details.suggestions[0]).toEqual({ method: 'GET', path: '/api/v1/executions/:id' })
    expect(error.message).toContain('Did you mean GET /api/v1/executions/:id')
    const plural = await errorOf(await h.call(null, 'GET', '/api/v1/schedule'))
    expect(plural.details.suggestions).toContainEqual({ method: 'GET', path: '/api/v1/schedules' })
    const method = await h.call('admin', 'DELETE', '/api/v1/executions')
    expect(method.status).toBe(405)
    expect(method.headers.get('allow')).toBe('GET, POST')
  })
})
