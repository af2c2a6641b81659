import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { openRestHarness, type RestHarness } from './harness.ts'
import { ADDITION_UUID, ALL_TASKS } from './tasks.ts'

let h: RestHarness

beforeAll(async () => {
  h = await openRestHarness({ tasks: ALL_TASKS })
})
afterAll(async () => {
  await h.close()
})

const run = async (body: unknown, key: 'admin' | 'runner' | 'other' = 'admin') => {
  const response = await h.call(key, 'POST', '/api/v1/executions?wait=true', { body })
  expect(response.status).toBe(200)
  return response.json()
}

describe('POST /api/v1/executions', () => {
  test('with wait=true answers the finished execution, output included', async () => {
    const body = await run({ task_id: 'addition', input: { a: 2, b: 3 } })
    expect(body).toMatchObject({ task_id: 'addition', status: 'completed', output: { sum: 5 }, input: { a: 2, b: 3 }, source: 'http', can_cancel: false })
    expect(body.id).toBe(body.execution_id)
  })

  test('without wait answers 202 with the id and a Location that reads it', async () => {
    const response = await h.call('admin', 'POST', '/api/v1/executions', { body: { task_id: 'greeter', input: { name: 'Ada' } } })
    expect(response.status).toBe(202)
    const body = await response.json()
    expect(response.headers.get('location')).toBe(`/api/v1/executions/${body.execution_id}`)
    expect(body).toMatchObject({ status: 'queued', task_id: 'greeter', location: response.headers.get('location') })
    await h.engine.engine.stats()
    let record = await (await h.call('admin', 'GET', body.location)).json()
    for (let i = 0; i < 100 && record.status !== 'completed'; i++) {
      await Bun.sleep(20)
      record = await (await h.call('admin', 'GET', body.location)).json()
    }
    expect(record.output).toEqual({ greeting: 'Hello, Ada!' })
  })

  test('accepts the camelCase alias taskId and input_data, and a task uuid', async () => {
    expect((await run({ taskId: ADDITION_UUID, input_data: { a: 1, b: 1 } })).output).toEqual({ sum: 2 })
  })

  test('a task that ran and failed is data: 200 with status failed and the error', async () => {
    const body = await run({ task_id: 'failing' })
    expect(body.status).toBe('failed')
    expect(body.error).toMatchObject({ type: 'TypeError', message: 'boom' })
  })

  test('an unknown task is 404 with close names', async () => {
    const response = await h.call('admin', 'POST', '/api/v1/executions', { body: { task_id: 'additon' } })
    expect(response.status).toBe(404)
    const { error } = await response.json()
    expect(error.code).toBe('TASK_NOT_FOUND')
    expect(error.message).toContain('did you mean "addition"')
  })

  test('an invalid body lists every JSON path and how to fix it', async () => {
    const response = await h.call('admin', 'POST', '/api/v1/executions', { body: { input: {}, timeout: -1, extra: true } })
    expect(response.status).toBe(400)
    const { error } = await response.json()
    expect(error.code).toBe('BAD_INPUT')
    expect(error.details.errors).toEqual(
      expect.arrayContaining([
        { path: '(root)', message: "must have required property 'task_id'" },
        { path: '(root)', message: "must not have additional property 'extra'" },
        expect.objectContaining({ path: '/timeout' }),
      ]),
    )
    expect(error.details.hint).toContain('details.errors')
    expect(error.message).toContain("must have required property 'task_id'")
  })

  test('both spellings of one field are refused, naming the field', async () => {
    const response = await h.call('admin', 'POST', '/api/v1/executions', { body: { task_id: 'addition', taskId: 'addition' } })
    expect(response.status).toBe(400)
    expect((await response.json()).error.message).toContain('/task_id twice')
  })
})

describe('reading executions', () => {
  test('GET /executions pages with _start/_end and page/limit, sends X-Total-Count, sorts and filters', async () => {
    for (let i = 0; i < 4; i++) await run({ task_id: 'addition', input: { a: i, b: 0 } })
    const all = await (await h.call('admin', 'GET', '/api/v1/executions?task_id=addition')).json()
    const total = all.meta.total
    expect(total).toBeGreaterThanOrEqual(4)

    const range = await h.call('admin', 'GET', '/api/v1/executions?task_id=addition&_start=1&_end=3')
    expect(range.headers.get('x-total-count')).toBe(String(total))
    const ranged = await range.json()
    expect(ranged.data.map((e: { id: string }) => e.id)).toEqual(all.data.slice(1, 3).map((e: { id: string }) => e.id))
    expect(ranged.meta).toMatchObject({ total, offset: 1, limit: 2, has_previous: true })

    const paged = await (await h.call('admin', 'GET', '/api/v1/executions?task_id=addition&page=2&limit=2')).json()
    expect(paged.meta).toMatchObject({ page: 2, limit: 2, offset: 2 })
    expect(paged.data.map((e: { id: string }) => e.id)).toEqual(all.data.slice(2, 4).map((e: { id: string }) => e.id))

    const ascending = await (await h.call('admin', 'GET', '/api/v1/executions?task_id=addition&_sort=queued_at&_order=ASC&limit=100')).json()
    expect(ascending.data.map((e: { id: string }) => e.id)).toEqual([...all.data].reverse().map((e: { id: string }) => e.id))
    expect(ascending.meta.sort).toEqual({ field: 'queued_at', order: 'asc' })
  })

  test('filters with _like, _ne, _in, _gte and _lte', async () => {
    const like = await (await h.call('admin', 'GET', '/api/v1/executions?task_id_like=ADDI&limit=100')).json()
    expect(like.data.length).toBeGreaterThan(0)
    expect(like.data.every((e: { task_id: string }) => e.task_id === 'addition')).toBe(true)
    const ne = await (await h.call('admin', 'GET', '/api/v1/executions?status_ne=completed&limit=100')).json()
    expect(ne.data.every((e: { status: string }) => e.status !== 'completed')).toBe(true)
    expect(ne.data.some((e: { status: string }) => e.status === 'failed')).toBe(true)
    const within = await (await h.call('admin', 'GET', '/api/v1/executions?task_id_in=failing,greeter&limit=100')).json()
    expect(new Set(within.data.map((e: { task_id: string }) => e.task_id))).toEqual(new Set(['failing', 'greeter']))
    const future = await (await h.call('admin', 'GET', '/api/v1/executions?queued_at_gte=2999-01-01T00:00:00Z')).json()
    expect(future.meta.total).toBe(0)
    const past = await (await h.call('admin', 'GET', `/api/v1/executions?queued_at_lte=${new Date().toISOString()}&limit=1`)).json()
    expect(past.meta.total).toBeGreaterThan(0)
    const camel = await (await h.call('admin', 'GET', '/api/v1/executions?taskId=addition&limit=1')).json()
    expect(camel.data[0].task_id).toBe('addition')
    expect(camel.data[0].output).toBeUndefined()
    const withOutput = await (await h.call('admin', 'GET', '/api/v1/executions?task_id=addition&status=completed&includeOutput=true&limit=1')).json()
    expect(withOutput.data[0].output).toEqual({ sum: expect.any(Number) })
    const pending = await h.call('admin', 'GET', '/api/v1/executions?status=pending')
    expect(pending.status).toBe(200)
    expect((await pending.json()).data.every((e: { status: string }) => e.status === 'queued')).toBe(true)
  })

  test('bad list parameters are 400 naming the parameter and what it takes', async () => {
    const unknown = await (await h.call('admin', 'GET', '/api/v1/executions?task_idd=x')).json()
    expect(unknown.error.message).toStartWith('Unknown query parameter "task_idd"; did you mean task_id')
    expect(unknown.error.details.hint).toContain('This list filters on id, id_in, task_id, task_id_ne')
    const sort = await (await h.call('admin', 'GET', '/api/v1/executions?_sort=output')).json()
    expect(sort.error.details.hint).toContain('Sort by one of status, queued_at')
    const big = await h.call('admin', 'GET', '/api/v1/executions?limit=500')
    expect(big.status).toBe(400)
    expect((await big.json()).error.message).toBe('limit 500 is over the maximum of 100')
    const status = await (await h.call('admin', 'GET', '/api/v1/executions?status=done')).json()
    expect(status.error.message).toContain('is not one of queued, pending, running')
    const mixed = await (await h.call('admin', 'GET', '/api/v1/executions?_start=0&page=1')).json()
    expect(mixed.error.message).toBe('Give either _start/_end or page/limit, not both')
  })

  test('logs page at a level, and as text', async () => {
    const { id } = await run({ task_id: 'addition', input: { a: 1, b: 2 } })
    const logs = await h.call('admin', 'GET', `/api/v1/executions/${id}/logs`)
    const body = await logs.json()
    expect(body.data.map((l: { level: string; message: string }) => `${l.level}:${l.message}`)).toEqual(['info:adding', 'warn:no cache'])
    expect(body.meta).toMatchObject({ total: 2, execution_id: id, level: 'info' })
    const debug = await (await h.call('admin', 'GET', `/api/v1/executions/${id}/logs?level=debug&_start=0&_end=1`)).json()
    expect(debug.meta.total).toBe(3)
    expect(debug.data).toHaveLength(1)
    const newest = await (await h.call('admin', 'GET', `/api/v1/executions/${id}/logs?_sort=seq&_order=desc&limit=1`)).json()
    expect(newest.data.map((l: { message: string }) => l.message)).toEqual(['no cache'])
    const text = await h.call('admin', 'GET', `/api/v1/executions/${id}/logs?format=text`)
    expect(text.headers.get('content-type')).toContain('text/plain')
    expect(await text.text()).toContain('WARN  no cache')
  })

  test('trace as JSON, with the flame graph, and as SVG', async () => {
    const { id } = await run({ task_id: 'addition', input: { a: 1, b: 2 } })
    const trace = await (await h.call('admin', 'GET', `/api/v1/executions/${id}/trace`)).json()
    expect(trace).toMatchObject({ execution_id: id, task_id: 'addition', trace_complete: true })
    expect(trace.spans.length).toBeGreaterThan(0)
    expect(trace.flamegraph).toBeUndefined()
    const withGraph = await (await h.call('admin', 'GET', `/api/v1/executions/${id}/trace?format=flamegraph`)).json()
    expect(withGraph.flamegraph.svg).toContain('<svg')
    const svg = await h.call('admin', 'GET', `/api/v1/executions/${id}/trace?format=svg`)
    expect(svg.headers.get('content-type')).toContain('image/svg+xml')
    expect(await svg.text()).toContain('</svg>')
    const byAccept = await h.call('admin', 'GET', `/api/v1/executions/${id}/trace`, { headers: { accept: 'image/svg+xml' } })
    expect(byAccept.headers.get('content-type')).toContain('image/svg+xml')
  })

  test('cancel stops a running execution; a finished one is reported as is', async () => {
    const started = await (await h.call('admin', 'POST', '/api/v1/executions', { body: { task_id: 'slow' } })).json()
    await Bun.sleep(100)
    const cancel = await h.call('admin', 'POST', `/api/v1/executions/${started.id}/cancel`, { body: { reason: 'test' } })
    expect(cancel.status).toBe(200)
    expect(await cancel.json()).toMatchObject({ execution_id: started.id, cancelled: true })
    const again = await (await h.call('admin', 'POST', `/api/v1/executions/${started.id}/cancel`)).json()
    expect(again).toMatchObject({ cancelled: false, status: 'cancelled' })
  })

  test('retry runs the same input again as a new execution', async () => {
    const first = await run({ task_id: 'addition', input: { a: 4, b: 5 } })
    const retried = await h.call('admin', 'POST', `/api/v1/executions/${first.id}/retry?wait=true`)
    expect(retried.status).toBe(200)
    const body = await retried.json()
    expect(body).toMatchObject({ status: 'completed', output: { sum: 9 }, retry_of: first.id })
    expect(body.id).not.toBe(first.id)
  })

  test('stats count by status with a success rate and the engine queue', async () => {
    const stats = await (await h.call('admin', 'GET', '/api/v1/executions/stats')).json()
    expect(stats.total).toBeGreaterThan(0)
    expect(stats.by_status.failed).toBeGreaterThan(0)
    expect(stats.success_rate).toBeGreaterThan(0)
    expect(stats.success_rate).toBeLessThan(1)
    expect(stats.last_24h.total).toBe(stats.total)
    expect(stats.engine).toMatchObject({ queued: 0, workers: 1 })
  })

  test('results list stored outputs by task and status, and read one', async () => {
    const list = await h.call('admin', 'GET', '/api/v1/results?task_id=addition&status=completed&_start=0&_end=2')
    const body = await list.json()
    expect(body.data).toHaveLength(2)
    expect(body.data[0]).toMatchObject({ task_id: 'addition', status: 'completed', output: expect.any(Object), input: expect.any(Object) })
    const one = await (await h.call('admin', 'GET', `/api/v1/results/${body.data[0].id}`)).json()
    expect(one.output).toEqual(body.data[0].output)
    const missing = await h.call('admin', 'GET', '/api/v1/results/nope')
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.code).toBe('EXECUTION_NOT_FOUND')
  })
})
