import { afterEach, describe, expect, test } from 'bun:test'
import { createAccessControl } from '../../src/auth/access-control.ts'
import { NO_AUDIT } from '../../src/auth/audit-log.ts'
import { createOwnerAuthority } from '../../src/auth/owner-authority.ts'
import { permissionsFromConfig, type RawPermissions } from '../../src/auth/permissions.ts'
import { scopeEngine } from '../../src/auth/scoped-views.ts'
import type { SecuritySettings } from '../../src/auth/settings.ts'
import { makeTask } from '../helpers/make-task.ts'
import { openJobHarness, testSettings, type JobHarness } from './job-harness.ts'

const echo = makeTask({ name: 'echo', code: 'async function main(input) {\n  return input\n}\n' })
const slow = makeTask({ name: 'slow', code: 'async function main(input) {\n  await new Promise((resolve) => setTimeout(resolve, input.ms))\n  return input.label\n}\n' })
const tasks = [echo, slow]

function apiKeySettings(keys: Array<{ name: string; permissions: RawPermissions; active?: boolean; expiresAt?: number }>): SecuritySettings {
  return {
    authType: 'api_key',
    apiKeys: keys.map((key, i) => ({ name: key.name, secret: `secret-${i}-0123456789abcdef`, permissions: permissionsFromConfig(key.permissions), active: key.active ?? true, expiresAt: key.expiresAt ?? null, allowedIps: [] })),
    jwt: null,
    oauth2: null,
    stdioPermissions: null,
    rateLimits: { perOperation: {} },
    audit: { enabled: false, file: null },
  }
}

const jobRunner: RawPermissions = { can_execute_tasks: true, can_manage_jobs: true }

let h: JobHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('a job runs only while its owner may run it', () => {
  test('a delayed job of a key removed from the config is dead-lettered (PermissionDenied) without running', async () => {
    const owners = createOwnerAuthority(apiKeySettings([{ name: 'other', permissions: jobRunner }]))
    h = await openJobHarness({ tasks, deps: { owners } })
    const { job } = await h.jobs.create({ taskName: 'echo', input: { a: 1 }, principal: 'anykey', maxRetries: 3, scheduledFor: new Date(Date.now() + 50).toISOString() })
    const dead = await h.waitForStatus(job.id, 'dead_letter')
    expect(dead.lastError).toMatchObject({ type: 'PermissionDenied', code: 'FORBIDDEN', reason: 'owner_not_allowed' })
    expect(dead.lastError?.message).toContain('key "anykey" is no longer configured')
    expect(dead.executionIds).toEqual([])
    expect(dead.attempts).toBe(1)
    expect((await h.store.listExecutions({})).total).toBe(0)
  })

  test('an inactive or expired key, a lost capability or a denied task stops the job; the system and an allowed key run', async () => {
    const owners = createOwnerAuthority(
      apiKeySettings([
        { name: 'inactive', permissions: jobRunner, active: false },
        { name: 'expired', permissions: jobRunner, expiresAt: Date.now() - 1000 },
        { name: 'no-jobs', permissions: { can_execute_tasks: true } },
        { name: 'denied', permissions: { ...jobRunner, denied_task_patterns: ['ech*'] } },
        { name: 'ok', permissions: jobRunner },
      ]),
    )
    h = await openJobHarness({ tasks, deps: { owners } })
    const create = (principal: string | null) => h!.jobs.create({ taskName: 'echo', input: { principal }, principal }).then((r) => r.job.id)
    const [inactive, expired, noJobs, denied, ok, system] = await Promise.all(['inactive', 'expired', 'no-jobs', 'denied', 'ok', null].map(create))
    const message = async (id: string) => (await h!.waitForStatus(id, 'dead_letter')).lastError?.message
    expect(await message(inactive!)).toContain('key "inactive" is inactive (active: false)')
    expect(await message(expired!)).toContain('key "expired" expired at')
    expect(await message(noJobs!)).toContain('jobs.manage needs permissions.can_manage_jobs, which the owner key "no-jobs" no longer has')
    expect(await message(denied!)).toContain('may no longer use task "echo" (denied_task_patterns entry "ech*")')
    expect((await h.waitForStatus(ok!, 'completed')).output).toEqual({ principal: 'ok' })
    expect((await h.waitForStatus(system!, 'completed')).output).toEqual({ principal: null })
  })

  test('a job a schedule created is checked against schedules.manage, not jobs.manage', async () => {
    const owners = createOwnerAuthority(apiKeySettings([{ name: 'scheduler', permissions: { can_execute_tasks: true, can_manage_schedules: true } }]))
    h = await openJobHarness({ tasks, deps: { owners } })
    const { job } = await h.jobs.create({ taskName: 'echo', input: 1, principal: 'scheduler', scheduleId: 'sched-1' })
    expect((await h.waitForStatus(job.id, 'completed')).output).toBe(1)
    const direct = await h.jobs.create({ taskName: 'echo', input: 2, principal: 'scheduler' })
    expect((await h.waitForStatus(direct.job.id, 'dead_letter')).lastError?.reason).toBe('owner_not_allowed')
  })
})

describe("a job's execution counts against its owner's max_concurrent_executions", () => {
  test('runs the jobs of an owner capped at 1 one at a time, handing the others back without using attempts', async () => {
    const access = createAccessControl({ rateLimits: { perOperation: {} }, audit: NO_AUDIT })
    const settings = apiKeySettings([{ name: 'serial', permissions: { ...jobRunner, rate_limits: { max_concurrent_executions: 1 } } }])
    const owners = createOwnerAuthority(settings, { concurrency: access.concurrency })
    h = await openJobHarness({ tasks, deps: { owners }, settings: testSettings({ maxConcurrent: 3 }), engine: { pool: { count: 3 } } })
    const ids = await Promise.all([1, 2, 3].map((n) => h!.jobs.create({ taskName: 'slow', input: { ms: 150, label: n }, principal: 'serial', maxRetries: 0 }).then((r) => r.job.id)))
    let most = 0
    const watching = setInterval(async () => {
      const running = (await h?.store.listExecutions({ status: 'running' }))?.total ?? 0
      most = Math.max(most, running)
    }, 10)
    const done = await Promise.all(ids.map((id) => h!.waitForStatus(id, 'completed', 5000)))
    clearInterval(watching)
    expect(most).toBe(1)
    expect(done.map((job) => job.attempts)).toEqual([1, 1, 1])
  })

  test('shares the counter with the doors: a direct execution is refused while the owner\'s job runs', async () => {
    const access = createAccessControl({ rateLimits: { perOperation: {} }, audit: NO_AUDIT })
    const settings = apiKeySettings([{ name: 'serial', permissions: { ...jobRunner, rate_limits: { max_concurrent_executions: 1 } } }])
    const owners = createOwnerAuthority(settings, { concurrency: access.concurrency })
    h = await openJobHarness({ tasks, deps: { owners } })
    const { job } = await h.jobs.create({ taskName: 'slow', input: { ms: 300, label: 'job' }, principal: 'serial' })
    await h.waitForStatus(job.id, 'running')
    await Bun.sleep(30)
    const principal = owners.principalOf('serial')!.principal
    const door = scopeEngine(h.engine, principal, { counter: access.concurrency, store: h.store })
    expect(() => door.submit({ task: echo, input: 1, source: 'rest' })).toThrow('concurrency limit exceeded: 1 executions at once (key "serial")')
    await h.waitForStatus(job.id, 'completed')
    await Bun.sleep(20)
    const after = door.submit({ task: echo, input: 2, source: 'rest' })
    expect((await after.done).status).toBe('completed')
  })
})
