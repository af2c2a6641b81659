import { describe, expect, test } from 'bun:test'
import { AppError } from '../../src/errors.ts'
import { manualClock, openSchedules, recordingJobs, tempDbPath } from './harness.ts'

async function open() {
  const clock = manualClock('2026-03-27T12:00:00.000Z')
  const jobs = recordingJobs()
  const h = openSchedules(await tempDbPath(), jobs, clock)
  return { ...h, jobs, clock }
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('schedule validation', () => {
  test('a bad cron field is named, with examples of 5- and 6-field forms', async () => {
    const h = await open()
    const error = await refusal(h.service.create({ name: 'x', taskName: 'echo', cronExpression: '0 0 32 * *' }))
    expect(error.code).toBe('BAD_INPUT')
    expect(error.message).toContain('the day of month field "32" is not valid')
    expect(error.data).toMatchObject({ field: 'cron_expression', cronField: 'day of month', value: '32' })
    expect(error.hint).toContain('5 fields: "*/15 * * * *"')
    expect(error.hint).toContain('6 fields, seconds first: "*/10 * * * * *"')

    const seconds = await refusal(h.service.create({ name: 'x', taskName: 'echo', cronExpression: '*/0 * * * * *' }))
    expect(seconds.message).toContain('the second field "*/0" is not valid')
    const count = await refusal(h.service.create({ name: 'x', taskName: 'echo', cronExpression: '* * * *' }))
    expect(count.message).toContain('has 4 fields; it needs 5')
    const never = await refusal(h.service.create({ name: 'x', taskName: 'echo', cronExpression: '0 0 30 2 *' }))
    expect(never.message).toContain('never fires')
    await h.close()
  })

  test('an unknown time zone, task, catch_up or input is refused naming the field', async () => {
    const h = await open()
    const zone = await refusal(h.service.create({ name: 'x', taskName: 'echo', cronExpression: '* * * * *', timezone: 'Mars/Olympus' }))
    expect(zone).toMatchObject({ code: 'BAD_INPUT', message: 'Unknown time zone "Mars/Olympus"', data: { field: 'timezone' } })
    expect(zone.hint).toContain('Europe/Berlin')
    const task = await refusal(h.service.create({ name: 'x', taskName: 'nope', cronExpression: '* * * * *' }))
    expect(task.code).toBe('TASK_NOT_FOUND')
    const catchUp = await refusal(h.service.create({ name: 'x', taskName: 'echo', cronExpression: '* * * * *', catchUp: 'always' as never }))
    expect(catchUp).toMatchObject({ code: 'BAD_INPUT', data: { field: 'catch_up' } })
    const input = await refusal(h.service.create({ name: 'x', taskName: 'echo', cronExpression: '* * * * *', inputData: [1, 2] }))
    expect(input.code).toBe('INPUT_INVALID')
    expect(input.message).toContain('input_data does not match the input schema of task echo')
    const unknown = await refusal(h.service.create({ name: 'x', taskName: 'echo', cronExpression: '* * * * *', cron: '* * * * *' } as never))
    expect(unknown.message).toBe('Unknown schedule field: cron')
    expect(await h.service.stats()).toEqual({ total: 0, enabled: 0, disabled: 0 })
    await h.close()
  })

  test('names are unique, and unknown ids are SCHEDULE_NOT_FOUND', async () => {
    const h = await open()
    await h.service.create({ name: 'nightly', taskName: 'echo', cronExpression: '0 3 * * *' })
    expect((await refusal(h.service.create({ name: 'nightly', taskName: 'echo', cronExpression: '0 4 * * *' }))).code).toBe('CONFLICT')
    expect((await refusal(h.service.update('missing', { enabled: false }))).code).toBe('SCHEDULE_NOT_FOUND')
    const nightly = (await h.service.list({ filters: [{ field: 'name', op: 'eq', value: 'nightly' }], offset: 0, limit: 1 })).items[0]!
    expect((await refusal(h.service.update(nightly.id, { cronExpression: 5 as never }))).message).toContain('cron_expression must be a cron expression string')
    expect((await refusal(h.service.update(nightly.id, { principal: 'mallory' } as never))).message).toBe('principal cannot be changed')
    expect((await refusal(h.service.update(nightly.id, { timezone: 'Nowhere/Land' }))).data).toMatchObject({ field: 'timezone' })
    expect(await h.service.update(nightly.id, { cronExpression: '  0 5 * * *  ' })).toMatchObject({ cronExpression: '0 5 * * *' })
    expect((await refusal(h.service.trigger('missing'))).code).toBe('SCHEDULE_NOT_FOUND')
    expect((await refusal(h.service.delete('missing'))).code).toBe('SCHEDULE_NOT_FOUND')
    expect(await h.service.get('missing')).toBeNull()
    await h.close()
  })
})

describe('schedule operations', () => {
  test('next N runs in a time zone follow its clock across a DST change', async () => {
    const h = await open()
    // Berlin moves to summer time on 2026-03-29: 02:30 local is 01:30Z before, 00:30Z after.
    const runs = await h.service.nextRuns({ cronExpression: '0 30 3 * * *', timezone: 'Europe/Berlin' }, 4)
    expect(runs).toEqual(['2026-03-28T02:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-30T01:30:00.000Z', '2026-03-31T01:30:00.000Z'])
    const schedule = await h.service.create({ name: 'ny', taskName: 'echo', cronExpression: '0 9 * * MON-FRI', timezone: 'America/New_York' })
    // Friday 2026-03-27 12:00Z is 08:00 in New York (already on summer time); the next run skips the weekend.
    expect(schedule.nextRunAt).toBe('2026-03-27T13:00:00.000Z')
    expect(await h.service.nextRuns({ id: schedule.id }, 2)).toEqual(['2026-03-27T13:00:00.000Z', '2026-03-30T13:00:00.000Z'])
    expect((await refusal(h.service.nextRuns({ id: schedule.id }, 0))).message).toContain('count must be a whole number from 1 to 100')
    await h.close()
  })

  test('trigger creates a job now without using up a slot', async () => {
    const h = await open()
    const schedule = await h.service.create({ name: 't', taskName: 'echo', cronExpression: '0 0 * * *', inputData: { a: 1 }, priority: 'high', maxRetries: 2, principal: 'alice' })
    const job = await h.service.trigger(schedule.id, 'bob')
    expect(job).toMatchObject({ taskName: 'echo', input: { a: 1 }, scheduleId: schedule.id, principal: 'bob', priority: 'high', maxRetries: 2 })
    expect(h.jobs.calls[0]?.idempotencyKey).toBeUndefined()
    expect(await h.service.get(schedule.id)).toMatchObject({ runCount: 1, lastFiredSlot: null, lastRunAt: '2026-03-27T12:00:00.000Z' })
    const fired = h.events.find((e) => e.type === 'schedule.fired')!
    expect(fired).toMatchObject({ scheduleId: schedule.id, jobId: job.id, owner: 'alice', data: { trigger: true, slot: null } })
    await h.close()
  })

  test('lists filter and sort on whitelisted fields and refuse others naming the allowed ones', async () => {
    const h = await open()
    await h.service.create({ name: 'b-daily', taskName: 'echo', cronExpression: '0 0 * * *', principal: 'alice' })
    h.clock.set('2026-03-27T12:00:01.000Z')
    await h.service.create({ name: 'a-hourly', taskName: 'echo', cronExpression: '0 * * * *', enabled: false })
    h.clock.set('2026-03-27T12:00:02.000Z')
    await h.service.create({ name: 'c-minutely', taskName: 'echo', cronExpression: '* * * * *', principal: 'alice' })

    const all = await h.service.list({ filters: [], offset: 0, limit: 10 })
    expect(all.items.map((s) => s.name)).toEqual(['c-minutely', 'a-hourly', 'b-daily'])
    const byName = await h.service.list({ filters: [], sort: { field: 'name', order: 'asc' }, offset: 1, limit: 1 })
    expect(byName).toEqual({ items: [expect.objectContaining({ name: 'b-daily' })], total: 3 })
    const enabled = await h.service.list({ filters: [{ field: 'enabled', op: 'eq', value: 'true' }, { field: 'name', op: 'like', value: 'LY' }], offset: 0, limit: 10 })
    expect(enabled.items.map((s) => s.name).sort()).toEqual(['b-daily', 'c-minutely'])
    const mine = await h.service.list({ filters: [{ field: 'task_id', op: 'in', value: ['echo'] }], offset: 0, limit: 10 }, { owner: 'alice', taskGlobs: { include: ['ec*'], exclude: [] } })
    expect(mine.total).toBe(2)
    expect(await h.service.stats({ owner: 'alice' })).toEqual({ total: 2, enabled: 2, disabled: 0 })
    expect(await h.service.stats()).toEqual({ total: 3, enabled: 2, disabled: 1 })

    const field = await refusal(h.service.list({ filters: [{ field: 'input_data', op: 'eq', value: 'x' }], offset: 0, limit: 10 }))
    expect(field).toMatchObject({ code: 'BAD_INPUT', message: 'Cannot filter schedules by "input_data"' })
    expect(field.hint).toBe('Use one of: id, name, task_id, enabled, cron_expression, created_at, updated_at, next_run_at, last_run_at.')
    const op = await refusal(h.service.list({ filters: [{ field: 'name', op: 'regex' as never, value: 'x' }], offset: 0, limit: 10 }))
    expect(op.hint).toContain('eq, ne, like')
    const sort = await refusal(h.service.list({ filters: [], sort: { field: 'principal', order: 'asc' }, offset: 0, limit: 10 }))
    expect(sort.message).toBe('Cannot sort schedules by "principal"')
    await h.close()
  })
})
