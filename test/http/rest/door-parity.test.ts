/**
 * The REST door agrees with the MCP door: GET /jobs and GET /schedules share the rate-limit buckets of
 * ratchet_list_jobs and ratchet_list_schedules; keys without can_execute_tasks see errors (of
 * executions and of jobs) without stack, details or the task's source line; and the engine block of
 * GET /executions/stats (workers, restarts, capacity) needs can_access_system_info, as /health.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { openRestHarness, type RestHarness } from './harness.ts'
import { ALL_TASKS } from './tasks.ts'

describe('GET /jobs and GET /schedules share the buckets of their MCP tools', () => {
  test('list_jobs_per_minute and list_schedules_per_minute limit the REST listings (429)', async () => {
    const h = await openRestHarness({ tasks: ALL_TASKS, perOperation: { list_jobs: 2, list_schedules: 2 } })
    try {
      for (const [path, bucket] of [['/api/v1/jobs', 'list_jobs'], ['/api/v1/schedules', 'list_schedules']] as const) {
        expect((await h.call('admin', 'GET', path)).status).toBe(200)
        expect((await h.call('admin', 'GET', path)).status).toBe(200)
        const refused = await h.call('admin', 'GET', path)
        expect(refused.status).toBe(429)
        expect((await refused.json()).error.message).toContain(`2 per minute for ${bucket}`)
      }
      // Other routes keep their own buckets.
      expect((await h.call('admin', 'GET', '/api/v1/executions')).status).toBe(200)
    } finally {
      await h.close()
    }
  })
})

describe('what keys without can_execute_tasks or can_access_system_info see', () => {
  let h: RestHarness
  beforeAll(async () => {
    h = await openRestHarness({ tasks: ALL_TASKS })
  })
  afterAll(async () => {
    await h.close()
  })

  async function failedJob() {
    const created = await (await h.call('admin', 'POST', '/api/v1/jobs', { body: { task_id: 'failing', max_retries: 0 } })).json()
    for (let i = 0; i < 250; i++) {
      const job = await (await h.call('admin', 'GET', `/api/v1/jobs/${created.id}`)).json()
      if (job.status === 'dead_letter') return job
      await Bun.sleep(20)
    }
    throw new Error(`job ${created.id} never reached dead_letter`)
  }

  test('an execution and a job error are reduced to type, code, message, reason and location without source', async () => {
    const job = await failedJob()
    expect(job.last_error).toMatchObject({ type: 'TypeError', code: 'TASK_FAILED', message: 'boom' })
    expect(job.last_error.stack).toBeString()
    expect(job.last_error.location.source).toContain('throw new TypeError')
    const executionId = job.execution_ids[0]
    const full = (await (await h.call('admin', 'GET', `/api/v1/executions/${executionId}`)).json()).error
    expect(full.stack).toBeString()
    expect(full.location).toMatchObject({ line: 2, source: expect.stringContaining('throw new TypeError') })

    const { file, line, column } = full.location
    const reduced = { type: 'TypeError', code: 'TASK_FAILED', message: 'boom', ...(full.reason ? { reason: full.reason } : {}), location: { file, line, ...(column !== undefined ? { column } : {}) } }
    const execution = await (await h.call('auditor', 'GET', `/api/v1/executions/${executionId}`)).json()
    expect(execution.error).toEqual(reduced)
    const seen = await (await h.call('auditor', 'GET', `/api/v1/jobs/${job.id}`)).json()
    expect(seen.last_error).toEqual({ ...reduced, location: { file: job.last_error.location.file, line: job.last_error.location.line, ...(job.last_error.location.column !== undefined ? { column: job.last_error.location.column } : {}) } })
    const listed = await (await h.call('auditor', 'GET', '/api/v1/executions?include_output=true&limit=100')).json()
    for (const text of [JSON.stringify(execution), JSON.stringify(seen), JSON.stringify(listed)]) {
      expect(text).not.toContain('throw new TypeError')
      expect(text).not.toContain('"stack"')
    }
  })

  test('GET /executions/stats shows the engine block only with can_access_system_info', async () => {
    const admin = await (await h.call('admin', 'GET', '/api/v1/executions/stats')).json()
    expect(admin.engine).toMatchObject({ queued: expect.any(Number), workers: 1 })
    const auditor = await h.call('auditor', 'GET', '/api/v1/executions/stats')
    expect(auditor.status).toBe(200)
    const body = await auditor.json()
    expect(body.total).toBeGreaterThan(0)
    expect(body).not.toHaveProperty('engine')
  })
})
