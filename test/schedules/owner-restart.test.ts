/**
 * The reported repro, through the composition root ratchet serve uses (openRuntime with the security
 * settings): key `anykey` created a schedule and a delayed job, then was deleted from the config and the
 * server restarted. Its schedule must stop creating jobs (it is disabled after one skipped slot) and its job must not run.
 */
import { afterEach, expect, test } from 'bun:test'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { readSecuritySettings } from '../../src/auth/settings.ts'
import { openRuntime, type Runtime } from '../../src/cli/runtime.ts'
import { loadConfig } from '../../src/config/index.ts'
import { makeTempRoot } from '../helpers/temp-files.ts'

const PACKAGES = resolve(import.meta.dir, '../fixtures/packages')

let runtime: Runtime | undefined
afterEach(async () => {
  await runtime?.close()
  runtime = undefined
})

async function configWith(dir: string, keys: string[]) {
  const file = join(dir, 'config.yaml')
  const lines = ['database:', '  url: "sqlite:ratchet.db"', 'logging:', '  sinks: []', 'registry:', '  sources:', '    - name: fixtures', `      uri: "file://${PACKAGES}"`, 'workers:', '  count: 1', 'security:', '  auth_type: api_key', '  api_keys:']
  for (const name of keys) lines.push(`    - key: "${name}-0123456789abcdef"`, `      name: "${name}"`, '      permissions:', '        can_execute_tasks: true', '        can_manage_jobs: true', '        can_manage_schedules: true')
  writeFileSync(file, lines.join('\n'))
  const config = await loadConfig({ file })
  return { config, security: readSecuritySettings(config) }
}

test("a removed key's schedule stops firing and its delayed job is dead-lettered after a restart", async () => {
  const dir = await makeTempRoot('ratchet-owner-restart-')
  const before = await configWith(dir, ['anykey', 'other'])
  runtime = await openRuntime(before.config, { nodeId: 'node-1', security: before.security })
  const task = runtime.registry.list()[0]!.name
  const schedule = await runtime.schedules.create({ name: 'every-second', taskName: task, cronExpression: '* * * * * *', inputData: { message: 'hi' }, principal: 'anykey' })
  const { job } = await runtime.jobs.create({ taskName: task, input: { message: 'later' }, principal: 'anykey', scheduledFor: new Date(Date.now() + 300).toISOString() })
  await runtime.close()

  const after = await configWith(dir, ['other'])
  runtime = await openRuntime(after.config, { nodeId: 'node-1', security: after.security })
  const skipped: string[] = []
  const disabled: unknown[] = []
  runtime.events.subscribe((event) => {
    if (event.type === 'schedule.skipped') skipped.push(String(event.data.reason))
    if (event.type === 'schedule.updated' && event.data.enabled === false) disabled.push(event.data)
  })
  runtime.jobs.start()
  runtime.schedules.start()
  const deadline = Date.now() + 5000
  let stored = await runtime.jobs.get(job.id)
  while ((stored?.status !== 'dead_letter' || disabled.length < 1) && Date.now() < deadline) {
    await Bun.sleep(50)
    stored = await runtime.jobs.get(job.id)
  }
  expect(stored?.status).toBe('dead_letter')
  expect(stored?.lastError).toMatchObject({ type: 'PermissionDenied', code: 'FORBIDDEN', reason: 'owner_not_allowed' })
  expect(stored?.executionIds).toEqual([])
  // One slot is skipped, then the schedule is disabled instead of skipping every second forever.
  await Bun.sleep(1200)
  expect(skipped).toEqual(['owner_not_allowed'])
  expect(disabled).toEqual([expect.objectContaining({ enabled: false, reason: 'owner_not_allowed' })])
  const fired = await runtime.jobs.list({ filters: [{ field: 'schedule_id', op: 'eq', value: schedule.id }], offset: 0, limit: 100 })
  expect(fired.total).toBe(0)
  const current = await runtime.schedules.get(schedule.id)
  expect(current).toMatchObject({ enabled: false, nextRunAt: null })
}, 15_000)
