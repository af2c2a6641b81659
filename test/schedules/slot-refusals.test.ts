import { describe, expect, test } from 'bun:test'
import { createAccessControl } from '../../src/auth/access-control.ts'
import { createAuditLog } from '../../src/auth/audit-log.ts'
import { createOwnerAuthority } from '../../src/auth/owner-authority.ts'
import { permissionsFromConfig, type RawPermissions } from '../../src/auth/permissions.ts'
import type { SecuritySettings } from '../../src/auth/settings.ts'
import { createRateLimiter } from '../../src/auth/rate-limiter.ts'
import { AppError } from '../../src/errors.ts'
import { silentLogger } from '../helpers/silent-logger.ts'
import { manualClock, openSchedules, recordingJobs, tempDbPath } from './harness.ts'

const base = { name: 'every-minute', taskName: 'echo', cronExpression: '0 * * * * *', inputData: { hello: 'world' } }

function apiKeySettings(keys: Array<{ name: string; permissions: RawPermissions; active?: boolean }>): SecuritySettings {
  return {
    authType: 'api_key',
    apiKeys: keys.map((key, i) => ({ name: key.name, secret: `secret-${i}-0123456789abcdef`, permissions: permissionsFromConfig(key.permissions), active: key.active ?? true, expiresAt: null, allowedIps: [] })),
    jwt: null,
    oauth2: null,
    stdioPermissions: null,
    rateLimits: { perOperation: {} },
    audit: { enabled: false, file: null },
  }
}

const scheduler: RawPermissions = { can_execute_tasks: true, can_manage_schedules: true }

describe('slots the owner or the jobs service refuse are skipped, never retried forever', () => {
  test('a slot of a key removed from the config is skipped (owner_not_allowed) once, and the schedule is disabled instead of skipping every slot', async () => {
    const path = await tempDbPath()
    const jobs = recordingJobs()
    const clock = manualClock('2026-01-01T00:00:10.000Z')
    // anykey created the schedule, then was deleted from the config and the server restarted.
    const owners = createOwnerAuthority(apiKeySettings([{ name: 'other', permissions: scheduler }]))
    const warnings: Array<{ message: string; data: unknown }> = []
    const logger = { ...silentLogger(), warn: (message: string, data?: unknown) => warnings.push({ message, data }) }
    const h = openSchedules(path, jobs, clock, {}, { owners, logger })
    const schedule = await h.service.create({ ...base, principal: 'anykey' })

    clock.set('2026-01-01T00:01:00.200Z')
    await h.service.runDue()
    for (const at of ['2026-01-01T00:02:00.200Z', '2026-01-01T00:03:00.200Z', '2026-01-01T00:04:00.200Z']) {
      clock.set(at)
      await h.service.runDue()
    }
    expect(jobs.calls).toHaveLength(0)
    const skipped = h.events.filter((e) => e.type === 'schedule.skipped')
    expect(skipped.map((e) => [e.data.slot, e.data.reason])).toEqual([['2026-01-01T00:01:00.000Z', 'owner_not_allowed']])
    expect((skipped[0]!.data.error as { message: string }).message).toContain('key "anykey" is no longer configured')
    const updated = h.events.filter((e) => e.type === 'schedule.updated')
    expect(updated).toHaveLength(1)
    expect(updated[0]).toMatchObject({ scheduleId: schedule.id, owner: 'anykey', data: { enabled: false, next_run_at: null, reason: 'owner_not_allowed' } })
    expect(String(updated[0]!.data.message)).toContain('key "anykey" is no longer configured')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.message).toContain('"anykey"')
    expect(warnings[0]!.message).toContain(`POST /api/v1/schedules/${schedule.id}/enable`)
    // Persisted: a restart (a new service on the same file) finds it disabled and fires nothing.
    expect(await h.service.get(schedule.id)).toMatchObject({ enabled: false, nextRunAt: null, lastFiredSlot: '2026-01-01T00:01:00.000Z', runCount: 0 })
    await h.close()
    const again = openSchedules(path, jobs, clock, {}, { owners })
    clock.set('2026-01-01T00:05:00.200Z')
    await again.service.runDue()
    expect(jobs.calls).toHaveLength(0)
    expect(again.events).toHaveLength(0)
    expect((await again.service.get(schedule.id))!.enabled).toBe(false)
    await again.close()
  })

  test('a slot is charged to its owner\'s executions_per_minute: over it, the slot is skipped (rate_limited), not retried', async () => {
    const path = await tempDbPath()
    const jobs = recordingJobs()
    const clock = manualClock('2026-01-01T00:00:00.500Z')
    const settings = apiKeySettings([{ name: 'limited', permissions: { ...scheduler, rate_limits: { executions_per_minute: 2 } } }])
    const access = createAccessControl({ rateLimits: settings.rateLimits, audit: createAuditLog({ enabled: false, file: null, logger: silentLogger() }), limiter: createRateLimiter({ now: () => clock.now }) })
    const owners = createOwnerAuthority(settings, { concurrency: access.concurrency, executions: access })
    const h = openSchedules(path, jobs, clock, {}, { owners })
    const schedule = await h.service.create({ ...base, cronExpression: '* * * * * *', principal: 'limited' })
    await h.service.create({ ...base, name: 'system', cronExpression: '* * * * * *' }) // the system's: never limited

    for (let second = 1; second <= 5; second++) {
      clock.set(`2026-01-01T00:00:0${second}.100Z`)
      await h.service.runDue()
      await h.service.runDue()
    }
    const mine = jobs.calls.filter((call) => call.principal === 'limited')
    expect(mine.map((call) => call.idempotencyKey)).toEqual([`schedule:${schedule.id}:2026-01-01T00:00:01.000Z`, `schedule:${schedule.id}:2026-01-01T00:00:02.000Z`])
    expect(jobs.calls.filter((call) => call.principal === null)).toHaveLength(5)
    const skipped = h.events.filter((e) => e.type === 'schedule.skipped')
    expect(skipped.map((e) => [e.scheduleId, e.data.slot, e.data.reason])).toEqual([
      [schedule.id, '2026-01-01T00:00:03.000Z', 'rate_limited'],
      [schedule.id, '2026-01-01T00:00:04.000Z', 'rate_limited'],
      [schedule.id, '2026-01-01T00:00:05.000Z', 'rate_limited'],
    ])
    expect((skipped[0]!.data.error as { code: string; message: string })).toMatchObject({ code: 'RATE_LIMITED' })
    expect((skipped[0]!.data.error as { message: string }).message).toContain('2 per minute for executions (key "limited")')
    // The doors spend the same bucket: the key's own POST /executions would be refused now too.
    const principal = owners.principalOf('limited')!.principal
    expect(access.chargeExecutions(principal, 1).ok).toBe(false)
    // Still enabled: a rate-limited slot is skipped, the schedule is not disabled.
    expect((await h.service.get(schedule.id))!.enabled).toBe(true)
    await h.close()
  })

  test('a slot of an owner narrowed since (task pattern, can_manage_schedules) is skipped; the allowed owner fires', async () => {
    const path = await tempDbPath()
    const jobs = recordingJobs()
    const clock = manualClock('2026-01-01T00:00:10.000Z')
    const owners = createOwnerAuthority(
      apiKeySettings([
        { name: 'narrowed', permissions: { ...scheduler, denied_task_patterns: ['ech*'] } },
        { name: 'demoted', permissions: { can_execute_tasks: true } },
        { name: 'fine', permissions: scheduler },
      ]),
    )
    const h = openSchedules(path, jobs, clock, {}, { owners })
    await h.service.create({ ...base, name: 'a', principal: 'narrowed' })
    await h.service.create({ ...base, name: 'b', principal: 'demoted' })
    await h.service.create({ ...base, name: 'c', principal: 'fine' })
    await h.service.create({ ...base, name: 'd' }) // the system's

    clock.set('2026-01-01T00:01:00.200Z')
    await h.service.runDue()
    expect(jobs.calls.map((call) => call.principal)).toEqual(['fine', null])
    const reasons = h.events.filter((e) => e.type === 'schedule.skipped').map((e) => (e.data.error as { message: string }).message)
    expect(reasons[0]).toContain('may no longer use task "echo" (denied_task_patterns entry "ech*")')
    expect(reasons[1]).toContain('schedules.manage needs permissions.can_manage_schedules')
    await h.close()
  })

  test('a slot whose job is refused with CONFLICT (a disabled task) is skipped, and enabling the task later does not fire it', async () => {
    const path = await tempDbPath()
    const jobs = recordingJobs()
    const clock = manualClock('2026-01-01T00:00:10.000Z')
    const h = openSchedules(path, jobs, clock)
    const schedule = await h.service.create(base)

    clock.set('2026-01-01T00:01:00.200Z')
    jobs.failNext = new AppError('CONFLICT', 'task echo is disabled; enable it with POST /api/v1/tasks/echo/enable', { data: { reason: 'task_disabled', name: 'echo' } })
    await h.service.runDue()
    await h.service.runDue()
    expect(jobs.calls).toHaveLength(1)
    const skipped = h.events.filter((e) => e.type === 'schedule.skipped')
    expect(skipped.map((e) => [e.data.slot, e.data.reason])).toEqual([['2026-01-01T00:01:00.000Z', 'task_disabled']])
    expect(await h.service.get(schedule.id)).toMatchObject({ lastFiredSlot: '2026-01-01T00:01:00.000Z', nextRunAt: '2026-01-01T00:02:00.000Z', runCount: 0 })

    // The task is enabled again: the next slot fires, the skipped one never does.
    clock.set('2026-01-01T00:02:00.200Z')
    await h.service.runDue()
    expect(jobs.calls.map((call) => call.idempotencyKey)).toEqual([`schedule:${schedule.id}:2026-01-01T00:01:00.000Z`, `schedule:${schedule.id}:2026-01-01T00:02:00.000Z`])
    expect(jobs.jobs).toHaveLength(1)
    await h.close()
  })

  test('disabling a schedule drops a slot still waiting for its job; enabling it again does not fire that slot', async () => {
    const path = await tempDbPath()
    const jobs = recordingJobs()
    const clock = manualClock('2026-01-01T00:00:10.000Z')
    const h = openSchedules(path, jobs, clock)
    const schedule = await h.service.create(base)

    clock.set('2026-01-01T00:01:00.200Z')
    jobs.failNext = new AppError('BUSY', 'the store is busy') // transient: the slot stays pending
    await h.service.runDue()
    expect(jobs.jobs).toHaveLength(0)
    await h.service.setEnabled(schedule.id, false)
    await h.service.runDue()
    expect(jobs.calls).toHaveLength(1)
    expect(h.events.filter((e) => e.type === 'schedule.skipped').map((e) => [e.data.slot, e.data.reason])).toEqual([['2026-01-01T00:01:00.000Z', 'schedule_disabled']])

    clock.set('2026-01-01T00:01:30.000Z')
    await h.service.setEnabled(schedule.id, true)
    await h.service.runDue()
    expect(jobs.calls).toHaveLength(1)
    clock.set('2026-01-01T00:02:00.100Z')
    await h.service.runDue()
    expect(jobs.calls.map((call) => call.idempotencyKey)).toEqual([`schedule:${schedule.id}:2026-01-01T00:01:00.000Z`, `schedule:${schedule.id}:2026-01-01T00:02:00.000Z`])
    expect(jobs.jobs).toHaveLength(1)
    await h.close()
  })
})
