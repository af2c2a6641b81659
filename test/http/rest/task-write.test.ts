/**
 * The REST task write routes on a real engine: the authoring service over a temp tasks folder, the
 * task states as the engine's TaskGate, the REST door mounted on the shared HTTP host with two API keys
 * (`admin` may manage tasks, `runner` may only run them). Requests go through `host.handle`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { authoringOver } from '../../../src/authoring/index.ts'
import { createAccessControl } from '../../../src/auth/access-control.ts'
import { NO_AUDIT } from '../../../src/auth/audit-log.ts'
import { createRequestAuthenticator } from '../../../src/auth/authenticate.ts'
import { permissionsFromConfig } from '../../../src/auth/permissions.ts'
import type { SecuritySettings } from '../../../src/auth/settings.ts'
import { createEventBus } from '../../../src/events/index.ts'
import { createHttpHost, type HttpHost } from '../../../src/http/host.ts'
import { createHttpAuth } from '../../../src/http/http-auth.ts'
import { createRestApi } from '../../../src/http/rest/index.ts'
import { createTaskWriteRoutes } from '../../../src/http/rest/task-write-routes.ts'
import { createJobService, createSqliteJobStore } from '../../../src/jobs/index.ts'
import type { JobService, ScheduleService } from '../../../src/jobs/types.ts'
import { createScheduleService, createSqliteScheduleStore } from '../../../src/schedules/index.ts'
import { ADD, openAuthoring, type AuthoringHarness } from '../../authoring/harness.ts'
import { silentLogger } from '../../helpers/silent-logger.ts'
import { testSettings } from '../../jobs/job-harness.ts'

const KEYS = { admin: 'admin-key-0123456789abcdef', runner: 'runner-key-0123456789abcdef', manager: 'manager-key-0123456789abcdef', watcher: 'watcher-key-0123456789abcdef' } as const

let h: AuthoringHarness
let host: HttpHost
let jobs: JobService
let schedules: ScheduleService

beforeAll(async () => {
  h = await openAuthoring()
  const settings: SecuritySettings = {
    authType: 'api_key',
    apiKeys: [
      { name: 'admin', secret: KEYS.admin, permissions: permissionsFromConfig({ can_execute_tasks: true, can_manage_tasks: true, can_access_system_info: true, can_read_all_executions: true }), active: true, expiresAt: null, allowedIps: [] },
      { name: 'runner', secret: KEYS.runner, permissions: permissionsFromConfig({ can_execute_tasks: true }), active: true, expiresAt: null, allowedIps: [] },
      { name: 'manager', secret: KEYS.manager, permissions: permissionsFromConfig({ can_manage_tasks: true }), active: true, expiresAt: null, allowedIps: [] },
      { name: 'watcher', secret: KEYS.watcher, permissions: permissionsFromConfig({ can_access_system_info: true }), active: true, expiresAt: null, allowedIps: [] },
    ],
    jwt: null,
    oauth2: null,
    stdioPermissions: null,
    rateLimits: { perOperation: {} },
    audit: { enabled: false, file: null },
  }
  const access = createAccessControl({ rateLimits: settings.rateLimits, audit: NO_AUDIT })
  const logger = silentLogger()
  host = createHttpHost(
    { logger: logger, auth: createHttpAuth(createRequestAuthenticator(settings), { audit: NO_AUDIT, mcpPath: '/mcp' }), access },
    { bound: { host: '127.0.0.1', port: 8080 }, allowedOrigins: [], maxBodyBytes: 64 * 1024 },
  )
  const bus = createEventBus()
  jobs = createJobService({ store: createSqliteJobStore(h.store), engine: h.engine, registry: h.registry, events: bus, logger: logger }, testSettings())
  schedules = createScheduleService({ store: createSqliteScheduleStore(h.store.database), jobs, registry: h.registry, events: bus, logger: logger })
  const authoring = authoringOver({ logger, tasksDir: h.tasksDir, maxTestSeconds: 10, states: h.states })
  host.use(createRestApi({ ...host.services, registry: h.registry, store: h.store, engine: h.engine, jobs, schedules, taskStates: h.states, groups: [createTaskWriteRoutes({ authoring })] }))
})

afterAll(async () => {
  await schedules.close()
  await jobs.close({ graceMs: 200 })
  await h.close()
})

function call(key: keyof typeof KEYS, method: string, path: string, options: { body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${KEYS[key]}`, ...options.headers }
  let body: string | undefined = options.raw
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  return host.handle(new Request(`http://127.0.0.1:8080${path}`, { method, headers, body }))
}

// Response bodies are checked field by field.
type Json = Record<string, any>
const bodyOf = async (response: Response): Promise<Json> => (await response.json()) as Json
const errorOf = async (response: Response) => (await bodyOf(response)).error as Json
const run = (key: keyof typeof KEYS, input: unknown) => call(key, 'POST', '/api/v1/executions?wait=true', { body: { task_id: 'adder', input } })

describe('creating a task with code', () => {
  test('201 with its Location and test results; camelCase aliases work; the task is runnable at once', async () => {
    const response = await call('admin', 'POST', '/api/v1/tasks', { body: { name: 'adder', code: ADD.code, description: 'adds', inputSchema: ADD.inputSchema, output_schema: ADD.outputSchema, tests: ADD.tests } })
    expect(response.status).toBe(201)
    expect(response.headers.get('location')).toBe('/api/v1/tasks/adder')
    const body = await bodyOf(response)
    expect(body).toMatchObject({ name: 'adder', version: '0.1.0', enabled: true, test_results: { total: 2, passed: 2, failed: 0 } })
    expect(body.test_results.results[0]).toMatchObject({ name: 'adds', status: 'passed', file: 'tests/test-001.json' })
    const ran = await run('runner', { a: 2, b: 5 })
    expect(ran.status).toBe(200)
    expect(await bodyOf(ran)).toMatchObject({ status: 'completed', output: { sum: 7 } })
  })

  test('403 without can_manage_tasks, naming the permission; nothing is written', async () => {
    const response = await call('runner', 'POST', '/api/v1/tasks', { body: { name: 'sneaky', code: ADD.code } })
    expect(response.status).toBe(403)
    expect((await errorOf(response)).message).toContain('needs permissions.can_manage_tasks')
    expect(existsSync(join(h.tasksDir, 'sneaky'))).toBe(false)
  })

  test('415 for a text/plain body', async () => {
    const response = await call('admin', 'POST', '/api/v1/tasks', { raw: JSON.stringify({ name: 'plain', code: ADD.code }), headers: { 'content-type': 'text/plain' } })
    expect(response.status).toBe(415)
    expect((await errorOf(response)).code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  test('400 naming every invalid field, and 409 for a taken name with the PATCH to use instead', async () => {
    const invalid = await errorOf(await call('admin', 'POST', '/api/v1/tasks', { body: { name: 'x', colour: 'red' } }))
    expect(invalid.status).toBe(400)
    expect(invalid.message).toContain("must have required property 'code'")
    expect(invalid.message).toContain("must not have additional property 'colour'")
    const taken = await errorOf(await call('admin', 'POST', '/api/v1/tasks', { body: { name: 'adder', code: ADD.code } }))
    expect(taken).toMatchObject({ code: 'CONFLICT', status: 409, details: { reason: 'name_taken', name: 'adder' } })
    expect(taken.details.hint).toBe('Change it with PATCH /api/v1/tasks/adder, or pick another name.')
  })

  test('422 for code with a syntax error, listing the problem', async () => {
    const error = await errorOf(await call('admin', 'POST', '/api/v1/tasks', { body: { name: 'broken', code: 'function main(input) {\n  return {\n}\n' } }))
    expect(error).toMatchObject({ code: 'TASK_INVALID', status: 422, details: { reason: 'invalid' } })
    expect(error.details.problems[0].file).toBe('main.js')
  })
})

describe('changing, testing and deleting', () => {
  test('PATCH changes the code and bumps the version; the new code runs', async () => {
    const code = 'function main(input) {\n  return { sum: input.a + input.b + 0 }\n}\n'
    const response = await call('admin', 'PATCH', '/api/v1/tasks/adder', { body: { code, runTests: false } })
    expect(response.status).toBe(200)
    expect(await bodyOf(response)).toMatchObject({ name: 'adder', previous_version: '0.1.0', version: '0.1.1', changes_applied: ['code', 'version 0.1.0 → 0.1.1'] })
    expect(h.registry.get('adder')!.code).toBe(code)
    const missing = await errorOf(await call('admin', 'PATCH', '/api/v1/tasks/ghost', { body: { description: 'x' } }))
    expect(missing).toMatchObject({ code: 'TASK_NOT_FOUND', status: 404, details: { reason: 'not_found', task_id: 'ghost' } })
    const nothing = await errorOf(await call('admin', 'PATCH', '/api/v1/tasks/adder', { body: {} }))
    expect(nothing).toMatchObject({ status: 400, details: { reason: 'nothing_to_change' } })
  })

  test('POST /tasks/{id}/test runs the tests (or the ones named) and answers the report', async () => {
    const all = await bodyOf(await call('admin', 'POST', '/api/v1/tasks/adder/test'))
    expect(all).toMatchObject({ name: 'adder', version: '0.1.1', total: 2, passed: 2, failed: 0, all_passed: true, cancelled: false })
    const one = await bodyOf(await call('admin', 'POST', '/api/v1/tasks/adder/test', { body: { testNames: ['adds'] } }))
    expect(one.results.map((r: { name: string }) => r.name)).toEqual(['adds'])
    const unknown = await errorOf(await call('admin', 'POST', '/api/v1/tasks/adder/test', { body: { test_names: ['nope'] } }))
    expect(unknown).toMatchObject({ status: 400, details: { reason: 'unknown_tests' } })
    // Running a task's tests executes it: can_execute_tasks (execution.create), as MCP run_task_tests; can_manage_tasks alone is not enough.
    const denied = await errorOf(await call('manager', 'POST', '/api/v1/tasks/adder/test'))
    expect(denied.status).toBe(403)
    expect(denied.message).toContain('(execution.create) needs permissions.can_execute_tasks')
    expect(await bodyOf(await call('runner', 'POST', '/api/v1/tasks/adder/test'))).toMatchObject({ name: 'adder', total: 2, passed: 2, all_passed: true })
  })

  test('POST /tasks/sync loads a package written on disk and reports it as added', async () => {
    const dir = join(h.tasksDir, 'echo')
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'metadata.json'), JSON.stringify({ name: 'echo', version: '1.0.0', description: 'echo' }))
    await writeFile(join(dir, 'main.js'), 'function main(input) {\n  return input\n}\n')
    const response = await call('admin', 'POST', '/api/v1/tasks/sync')
    expect(response.status).toBe(200)
    expect(await bodyOf(response)).toMatchObject({ added: ['echo'], updated: [], removed: [], errors: [], total_tasks: 2 })
    // Sync rescans the sources and writes no task: can_access_system_info (system.read), as MCP sync_registry.
    const denied = await errorOf(await call('manager', 'POST', '/api/v1/tasks/sync'))
    expect(denied.status).toBe(403)
    expect(denied.message).toContain('(system.read) needs permissions.can_access_system_info')
    expect((await call('runner', 'POST', '/api/v1/tasks/sync')).status).toBe(403)
    expect(await bodyOf(await call('watcher', 'POST', '/api/v1/tasks/sync'))).toMatchObject({ added: [], updated: [], removed: [], total_tasks: 2 })
  })

  test('DELETE removes the task (kept under .versions) and refuses unknown query parameters', async () => {
    const bad = await errorOf(await call('admin', 'DELETE', '/api/v1/tasks/echo?purge=true'))
    expect(bad).toMatchObject({ status: 400, message: 'Unknown query parameter "purge"', details: { parameter: 'purge', hint: 'This route takes force, backup.' } })
    const response = await call('admin', 'DELETE', '/api/v1/tasks/echo')
    expect(response.status).toBe(200)
    const body = await bodyOf(response)
    expect(body).toMatchObject({ name: 'echo', deleted: true })
    expect(body.backup_path).toContain('.versions')
    expect((await call('admin', 'GET', '/api/v1/tasks/echo')).status).toBe(404)
  })
})

describe('enabling and disabling', () => {
  test('disable → running it is refused with how to enable it → enable → it runs again', async () => {
    const disabled = await call('admin', 'POST', '/api/v1/tasks/adder/disable')
    expect(disabled.status).toBe(200)
    expect(await bodyOf(disabled)).toMatchObject({ name: 'adder', enabled: false, changed: true, changed_by: 'admin' })
    const refused = await errorOf(await run('runner', { a: 1, b: 1 }))
    expect(refused).toMatchObject({ code: 'CONFLICT', status: 409, message: 'task adder is disabled; enable it with POST /api/v1/tasks/adder/enable' })
    const shown = await call('admin', 'GET', '/api/v1/tasks/adder')
    expect(shown.status).toBe(200)
    expect(await bodyOf(shown)).toMatchObject({ name: 'adder', enabled: false })
    expect((await bodyOf(await call('admin', 'GET', '/api/v1/tasks?name=adder'))).data).toMatchObject([{ name: 'adder', enabled: false }])
    expect((await call('admin', 'POST', '/api/v1/tasks/adder/disable')).status).toBe(200)
    const enabled = await bodyOf(await call('admin', 'POST', '/api/v1/tasks/adder/enable', { body: {} }))
    expect(enabled).toMatchObject({ enabled: true, changed: true })
    expect(await bodyOf(await run('runner', { a: 1, b: 1 }))).toMatchObject({ status: 'completed', output: { sum: 2 } })
  })

  test('enabling needs can_manage_tasks, takes no body and names an unknown task', async () => {
    expect((await call('runner', 'POST', '/api/v1/tasks/adder/disable')).status).toBe(403)
    const withBody = await errorOf(await call('admin', 'POST', '/api/v1/tasks/adder/enable', { body: { enabled: true } }))
    expect(withBody).toMatchObject({ status: 400, message: 'POST /api/v1/tasks/:id/enable takes no request body' })
    expect((await call('admin', 'POST', '/api/v1/tasks/ghost/enable')).status).toBe(404)
  })
})
