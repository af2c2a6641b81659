import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { cancelExecution } from '../../../src/engine/cancel-execution.ts'
import { resolveTask } from '../../../src/engine/resolve-task.ts'
import { AppError } from '../../../src/errors.ts'
import { formatAppError } from '../../../src/mcp/format-result.ts'
import { openRestHarness, staticRegistry, type RestHarness } from './harness.ts'
import { ALL_TASKS } from './tasks.ts'

let h: RestHarness

beforeAll(async () => {
  h = await openRestHarness({ tasks: ALL_TASKS })
})
afterAll(async () => {
  await h.close()
})

const caught = (run: () => unknown): AppError => {
  try {
    run()
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected an error')
}

describe('each door words the next step its own way', () => {
  test('the engine names no door', async () => {
    expect(caught(() => resolveTask(staticRegistry(ALL_TASKS), 'adition')).hint).toBe('List the tasks to see their names.')
    const missing = (await cancelExecution(h.engine.engine, h.engine.store, 'no-such-execution').then(() => null, (error: unknown) => error)) as AppError
    expect(missing.hint).toBe('List the executions to see their ids.')
  })

  test('REST names its routes', async () => {
    const task = await (await h.call('admin', 'POST', '/api/v1/executions', { body: { task_id: 'adition', input: {} } })).json()
    expect(task.error).toMatchObject({ code: 'TASK_NOT_FOUND', details: { hint: 'GET /api/v1/tasks lists the task names you may see.' } })
    const execution = await (await h.call('admin', 'GET', '/api/v1/executions/no-such-execution')).json()
    expect(execution.error).toMatchObject({ code: 'EXECUTION_NOT_FOUND', details: { hint: 'GET /api/v1/executions lists the execution ids you may see.' } })
    expect(JSON.stringify([task, execution])).not.toContain('ratchet_')
  })

  test('MCP keeps its tool names', () => {
    const text = (error: AppError) => formatAppError(error, { limitBytes: 10_000 }).content[0]
    expect(text(caught(() => resolveTask(staticRegistry(ALL_TASKS), 'adition')))).toMatchObject({ text: expect.stringContaining('"hint": "Call ratchet_list_available_tasks to see the task names."') })
    expect(text(new AppError('EXECUTION_NOT_FOUND', 'x', { hint: 'List the executions to see their ids.' }))).toMatchObject({ text: expect.stringContaining('"hint": "Call ratchet_list_executions to see execution ids."') })
    expect(text(new AppError('BAD_INPUT', 'x', { hint: 'Something else.' }))).toMatchObject({ text: expect.stringContaining('"hint": "Something else."') })
  })

  test('a negative _start is answered with the smallest allowed value', async () => {
    const response = await (await h.call('admin', 'GET', '/api/v1/executions?_start=-1')).json()
    expect(response.error.details.hint).toBe('Pass _start=0 or a larger whole number.')
  })
})
