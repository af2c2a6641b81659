import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { CallToolResultSchema, CreateTaskResultSchema, ErrorCode, McpError, TaskStatusNotificationSchema, type Task } from '@modelcontextprotocol/sdk/types.js'
import { openSession, textOf, type Session } from './helpers/session.ts'
import { PROBE_DEFINITIONS, PROBE_HANDLERS } from './helpers/probe-tools.ts'
import { TOOL_DEFINITIONS } from '../../generated/tools.ts'
import { TOOL_HANDLERS } from '../../src/mcp/tools/index.ts'

describe('task-augmented tools/call (2025-11-25 experimental tasks)', () => {
  let s: Session
  const statuses: Task[] = []
  beforeAll(async () => {
    s = await openSession({ server: { taskPollIntervalMs: 20 } })
    s.client.setNotificationHandler(TaskStatusNotificationSchema, (n) => void statuses.push(n.params as Task))
  })
  afterAll(() => s.close())

  const createTask = (name: string, args: Record<string, unknown>, ttl = 60_000) =>
    s.client.request({ method: 'tools/call', params: { name, arguments: args, task: { ttl } } }, CreateTaskResultSchema)

  test('execute_task returns a task at once whose id is the execution id; tasks/result waits for the CallToolResult', async () => {
    const { task } = await createTask('ratchet_execute_task', { task_id: 'progress-reporter', input: { steps: 3, delay_ms: 50 } })
    expect(task.status).toBe('working')
    expect(task.ttl).toBe(60_000)
    expect(task.pollInterval).toBe(20)
    expect((await s.harness.store.getExecution(task.taskId))?.taskName).toBe('progress-reporter')
    const result = await s.client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema)
    expect(result.isError).toBe(false)
    expect((result.structuredContent as { output: unknown }).output).toEqual({ completed_steps: 3, total_steps: 3 })
    expect(result._meta?.['io.modelcontextprotocol/related-task']).toEqual({ taskId: task.taskId })
    expect((await s.client.experimental.tasks.getTask(task.taskId)).status).toBe('completed')
    const listed = await s.client.experimental.tasks.listTasks()
    expect(listed.tasks.map((t) => t.taskId)).toContain(task.taskId)
    await Bun.sleep(20)
    expect(statuses.some((t) => t.taskId === task.taskId && t.status === 'completed')).toBe(true)
  })

  test('callToolStream: the SDK client creates the task, polls it and gets the result', async () => {
    const kinds: string[] = []
    let output: unknown
    for await (const message of s.client.experimental.tasks.callToolStream({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 20, b: 22 } } }, CallToolResultSchema, { task: { ttl: 10_000 } })) {
      kinds.push(message.type)
      if (message.type === 'result') output = (message.result.structuredContent as { output: unknown }).output
    }
    expect(kinds[0]).toBe('taskCreated')
    expect(kinds.at(-1)).toBe('result')
    expect(output).toEqual({ result: 42 })
  })

  test('a failed execution makes a failed task; its result is the isError CallToolResult', async () => {
    const { task } = await createTask('ratchet_execute_task', { task_id: 'progress-reporter', input: { steps: 3, delay_ms: 0, fail_at_step: 2 } })
    const result = await s.client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema)
    expect(result.isError).toBe(true)
    const got = await s.client.experimental.tasks.getTask(task.taskId)
    expect(got.status).toBe('failed')
    expect(got.statusMessage).toContain('Simulated failure at step 2')
  })

  test('tasks/cancel cancels the running execution', async () => {
    const { task } = await createTask('ratchet_execute_task', { task_id: 'progress-reporter', input: { steps: 50, delay_ms: 100 } })
    await Bun.sleep(200)
    const cancelled = await s.client.experimental.tasks.cancelTask(task.taskId)
    expect(cancelled.status).toBe('cancelled')
    for (let i = 0; i < 300 && (await s.harness.store.getExecution(task.taskId))?.status === 'running'; i++) await Bun.sleep(10)
    expect((await s.harness.store.getExecution(task.taskId))?.status).toBe('cancelled')
    const result = await s.client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema)
    expect(result.isError).toBe(true)
    expect((await s.client.experimental.tasks.getTask(task.taskId)).status).toBe('cancelled')
  })

  test('invalid arguments make a failed task whose result names the fields', async () => {
    const { task } = await createTask('ratchet_execute_task', { input: 3 })
    const result = await s.client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema)
    expect(result.isError).toBe(true)
    expect(textOf(result)).toContain("must have required property 'task_id'")
    expect(textOf(result)).toContain('/input')
    const got = await s.client.experimental.tasks.getTask(task.taskId)
    expect(got.status).toBe('failed')
    expect(got.statusMessage).toStartWith('Invalid arguments for ratchet_execute_task')
  })

  test('a tool whose taskSupport is forbidden refuses task augmentation with -32601', async () => {
    const forbidden = TOOL_DEFINITIONS.find((d) => d.taskSupport === 'forbidden' && TOOL_HANDLERS[d.name] && d.group !== 'filesystem')!
    const error = await createTask(`ratchet_${forbidden.name}`, {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(McpError)
    expect((error as McpError).code).toBe(ErrorCode.MethodNotFound)
  })

  test('another session finds an execute_task task by its execution id in the store', async () => {
    const { task } = await createTask('ratchet_execute_task', { task_id: 'addition', input: { a: 1, b: 2 } })
    await s.client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema)
    const other = await s.connectAnother()
    const got = await other.client.experimental.tasks.getTask(task.taskId)
    expect(got.status).toBe('completed')
    const result = await other.client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema)
    expect(JSON.parse(textOf(result))).toMatchObject({ execution_id: task.taskId, status: 'completed', output: { result: 3 } })
    expect((await other.client.experimental.tasks.listTasks()).tasks).toEqual([])
  })
})

describe('task-augmented calls of tools that are not one execution', () => {
  test('get a fresh task id and run in the background', async () => {
    const s = await openSession({ server: { definitions: PROBE_DEFINITIONS, handlers: PROBE_HANDLERS, taskPollIntervalMs: 20 } })
    try {
      const { task } = await s.client.request({ method: 'tools/call', params: { name: 'ratchet_probe', arguments: { mode: 'sleep', delay_ms: 100 }, task: {} } }, CreateTaskResultSchema)
      expect(await s.harness.store.getExecution(task.taskId)).toBeNull()
      expect(task.ttl).toBe(3_600_000)
      expect((await s.client.experimental.tasks.getTask(task.taskId)).status).toBe('working')
      const result = await s.client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema)
      expect(result.structuredContent).toEqual({ mode: 'sleep', text: 'slept' })
    } finally {
      await s.close()
    }
  })

  test('closing the session aborts the tasks it still runs', async () => {
    const s = await openSession({ server: { definitions: PROBE_DEFINITIONS, handlers: PROBE_HANDLERS, taskPollIntervalMs: 20 } })
    try {
      const { seen } = await import('./helpers/probe-tools.ts')
      await s.client.request({ method: 'tools/call', params: { name: 'ratchet_probe', arguments: { mode: 'sleep', delay_ms: 10_000 }, task: {} } }, CreateTaskResultSchema)
      await Bun.sleep(30)
      expect(seen.aborted).toBe(false)
      await s.handle.close()
      expect(seen.aborted).toBe(true)
    } finally {
      await s.close()
    }
  })
})
