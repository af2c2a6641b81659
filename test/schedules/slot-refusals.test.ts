import { describe, expect, test } from 'bun:test'
import { createOwnerAuthority } from '../../src/auth/owner-authority.ts'
import { permissionsFromConfig, type RawPermissions } from '../../src/auth/permissions.ts'
import type { SecuritySettings } from '../../src/auth/settings.ts'
import { AppError } from '../../src/errors.ts'
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
  test('a slot of a key removed from the config is skipped (owner_not_allowed) and the schedule moves on', async () => {
    const path = await tempDbPath()
    const jobs = recordingJobs()
    const clock = manualClock('2026-01-01T00:00:10.000Z')
    // anykey created the schedule, then was deleted from the config and the server restarted.
    const owners = createOwnerAuthority(apiKeySettings([{ name: 'other', permissions: scheduler }]))
    const h = openSchedules(path, jobs, clock, {}, { owners })
    const schedule = await h.service.create({ ...base, principal: 'anykey' })

    clock.set('2026-01-01T00:01:00.200Z')
    await h.service.runDue()
    clock.set('2026-01-01T00:02:00.200Z')
    await h.service.runDue()
    await h.service.runDue()
    expect(jobs.calls).toHaveLength(0)
    const skipped = h.events.filter((e) => e.type === 'schedule.skipped')
    expect(skipped.map((e) => [e.data.slot, e.data.reason])).toEqual([
      ['2026-01-01T00:01:00.000Z', 'owner_not_allowed'],
      ['2026-01-01T00:02:00.000Z', 'owner_not_allowed'],
    ])
    expect((skipped[0]!.data.error as { message: string }).message).toContain('key "anykey" is no longer configured')
    expect(await h.service.get(schedule.id)).toMatchObject({ lastFiredSlot: '2026-01-01T00:02:00.000Z', nextRunAt: '2026-01-01T00:03:00.000Z', runCount: 0 })
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
