import { expect, test } from 'bun:test'
import { createEngine } from '../../src/engine/engine.ts'
import { createEventBus, type DomainEvent } from '../../src/events/index.ts'
import { createJobService, createSqliteJobStore, validateDestinations, type JobSettings } from '../../src/jobs/index.ts'
import type { JobRecord, JobService } from '../../src/jobs/types.ts'
import { createHostPolicy } from '../../src/pool/egress/host-policy.ts'
import { createPool } from '../../src/pool/pool.ts'
import { createScheduleService, createSqliteScheduleStore, type ScheduleServiceWithTimer } from '../../src/schedules/index.ts'
import { openSqliteStore } from '../../src/store/index.ts'
import { makeTask } from '../helpers/make-task.ts'
import { silentLogger } from '../helpers/silent-logger.ts'
import { manualClock, openSchedules, recordingJobs, tempDbPath, type Clock } from './harness.ts'

const echo = makeTask({ name: 'echo', code: 'async function main(input) {\n  return input\n}\n' })

const settings: JobSettings = {
  enabled: true,
  pollIntervalMs: 20,
  leaseSeconds: 5,
  maxConcurrent: 1,
  maxRetries: 0,
  retry: { initialDelayMs: 50, maxDelayMs: 100, multiplier: 2 },
  output: { filesystemRoot: '/tmp/ratchet-schedule-test-outputs', webhookTimeoutSeconds: 5, maxConcurrentDeliveries: 1, fetch: { allowedHosts: [], deniedHosts: [] } },
}

/** The whole runtime a server builds (store, pool, engine, jobs, schedules) on one database file. */
async function openRuntime(path: string, clock: Clock) {
  const logger = silentLogger()
  const store = openSqliteStore({ path, synchronous: 'NORMAL' })
  const pool = createPool({ count: 1, restartOnFailure: true, maxMemoryMb: 512, logger })
  const engine = createEngine({ store, pool, logger }, { maxExecutionTime: 10, maxQueue: 16, validateSchemas: true })
  await pool.ready()
  const bus = createEventBus()
  const events: DomainEvent[] = []
  bus.subscribe((event) => events.push(event))
  const registry = { get: (name: string) => (name === echo.name ? echo : undefined) }
  const jobs: JobService = createJobService({ store: createSqliteJobStore(store), engine, registry, events: bus, logger }, settings)
  const schedules: ScheduleServiceWithTimer = createScheduleService({ store: createSqliteScheduleStore(store.database), jobs, registry, events: bus, logger, clock: () => clock.now })
  jobs.start()
  return {
    jobs,
    schedules,
    events,
    async close() {
      await schedules.close()
      await jobs.close({ graceMs: 1000 })
      await engine.close({ graceMs: 1000 })
      store.close()
    },
  }
}

async function waitForCompleted(jobs: JobService, id: string): Promise<JobRecord> {
  const deadline = Date.now() + 5000
  for (;;) {
    const job = await jobs.get(id)
    if (job?.status === 'completed') return job
    if (Date.now() > deadline) throw new Error(`job did not complete: ${JSON.stringify(job)}`)
    await Bun.sleep(10)
  }
}

test('with the real job service, a slot fires once across a restart and its job runs the task', async () => {
  const path = await tempDbPath()
  const clock = manualClock('2026-01-01T00:00:00.500Z')
  let rt = await openRuntime(path, clock)
  const schedule = await rt.schedules.create({ name: 'echo-every-second', taskName: 'echo', cronExpression: '* * * * * *', inputData: { n: 1 } })
  clock.set('2026-01-01T00:00:01.100Z')
  await rt.schedules.runDue()
  const page = await rt.jobs.list({ filters: [], offset: 0, limit: 10 })
  expect(page.total).toBe(1)
  const job = page.items[0]!
  expect(job).toMatchObject({ taskName: 'echo', scheduleId: schedule.id, idempotencyKey: `schedule:${schedule.id}:2026-01-01T00:00:01.000Z` })
  expect((await waitForCompleted(rt.jobs, job.id)).output).toEqual({ n: 1 })
  await rt.close()

  rt = await openRuntime(path, clock)
  await rt.schedules.runDue()
  expect((await rt.jobs.list({ filters: [], offset: 0, limit: 10 })).total).toBe(1)
  clock.set('2026-01-01T00:00:02.050Z')
  await rt.schedules.runDue()
  const after = await rt.jobs.list({ filters: [], offset: 0, limit: 10 })
  expect(after.total).toBe(2)
  expect(after.items.map((j) => j.idempotencyKey).sort()).toEqual([`schedule:${schedule.id}:2026-01-01T00:00:01.000Z`, `schedule:${schedule.id}:2026-01-01T00:00:02.000Z`])
  expect(rt.events.filter((e) => e.type === 'schedule.fired')).toHaveLength(1)
  expect(await rt.schedules.get(schedule.id)).toMatchObject({ runCount: 2, lastFiredSlot: '2026-01-01T00:00:02.000Z' })
  await rt.close()
})

test('with the jobs destination check wired in, a webhook to a host outside the egress policy is refused when the schedule is saved', async () => {
  const h = openSchedules(await tempDbPath(), recordingJobs(), null)
  const service = createScheduleService({
    store: createSqliteScheduleStore(h.store.database),
    jobs: recordingJobs(),
    registry: { get: (name) => (name === echo.name ? echo : undefined) },
    events: h.bus,
    logger: silentLogger(),
    checkDestinations: (value) => validateDestinations(value, createHostPolicy({ allowedHosts: ['hooks.internal'], deniedHosts: [] })),
  })
  const refused = await service
    .create({ name: 'hook', taskName: 'echo', cronExpression: '0 * * * *', outputDestinations: [{ type: 'webhook', url: 'https://example.com/hook' }] })
    .catch((error: unknown) => error)
  expect(refused).toMatchObject({ code: 'BAD_INPUT' })
  expect(String((refused as Error).message)).toContain('output_destinations[0]')
  await service.close()
  await h.close()
})
