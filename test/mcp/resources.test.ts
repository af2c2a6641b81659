import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import {
  CallToolResultSchema,
  CreateTaskResultSchema,
  LoggingMessageNotificationSchema,
  McpError,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  type LoggingMessageNotification,
} from '@modelcontextprotocol/sdk/types.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SAMPLES } from '../helpers/cli.ts'
import { eventually, openSession, type Session } from './helpers/session.ts'

describe('resources', () => {
  let s: Session
  let failedId: string
  const updated: string[] = []
  let listChanged = 0
  beforeAll(async () => {
    s = await openSession({ server: { taskPollIntervalMs: 20 } })
    s.client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => void updated.push(n.params.uri))
    s.client.setNotificationHandler(ResourceListChangedNotificationSchema, () => void listChanged++)
    const failed = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'progress-reporter', input: { steps: 2, delay_ms: 0, fail_at_step: 2 } } })
    failedId = (failed.structuredContent as { execution_id: string }).execution_id
  })
  afterAll(() => s.close())

  const read = async (uri: string) => {
    const { contents } = await s.client.readResource({ uri })
    return contents[0] as { uri: string; mimeType?: string; text: string }
  }

  test('resources/list has every task (metadata and source) and the latest executions', async () => {
    const { resources } = await s.client.listResources()
    const uris = resources.map((r) => r.uri)
    expect(uris).toContain('ratchet://tasks/addition')
    expect(uris).toContain('ratchet://tasks/addition/source')
    expect(uris).toContain(`ratchet://executions/${failedId}`)
    expect(resources.find((r) => r.uri === 'ratchet://tasks/addition')).toMatchObject({ name: 'addition', mimeType: 'application/json' })
  })

  test('resources/templates/list gives the five templates', async () => {
    const { resourceTemplates } = await s.client.listResourceTemplates()
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual([
      'ratchet://tasks/{name}',
      'ratchet://tasks/{name}/source',
      'ratchet://executions/{id}',
      'ratchet://executions/{id}/logs',
      'ratchet://executions/{id}/trace',
    ])
  })

  test('reads a task (metadata and schemas) and its source', async () => {
    const task = await read('ratchet://tasks/addition')
    expect(task.mimeType).toBe('application/json')
    const json = JSON.parse(task.text)
    expect(json).toMatchObject({ name: 'addition', version: '1.0.0', input_schema: { required: ['a', 'b'] }, output_schema: { required: ['result'] } })
    expect(json.tests.length).toBeGreaterThan(0)
    const source = await read('ratchet://tasks/addition/source')
    expect(source.mimeType).toBe('text/javascript')
    expect(source.text).toBe(readFileSync(join(SAMPLES, 'addition', 'main.js'), 'utf8'))
  })

  test('reads an execution, its logs and its trace', async () => {
    const record = JSON.parse((await read(`ratchet://executions/${failedId}`)).text)
    expect(record).toMatchObject({ execution_id: failedId, task_id: 'progress-reporter', status: 'failed', error: { type: 'DataError' } })
    const logs = JSON.parse((await read(`ratchet://executions/${failedId}/logs`)).text)
    expect(logs.entries.map((e: { message: string }) => e.message)).toContain('Simulated failure at step 2')
    const trace = JSON.parse((await read(`ratchet://executions/${failedId}/trace`)).text)
    expect(trace.spans[0]).toMatchObject({ span_id: 'execution', kind: 'execution', status: 'error' })
  })

  test('an unknown resource is error -32002 naming the URI', async () => {
    const error = await s.client.readResource({ uri: 'ratchet://executions/nope' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(McpError)
    expect((error as McpError).code).toBe(-32002)
    expect((error as McpError).data).toEqual({ uri: 'ratchet://executions/nope' })
    // The client adds "MCP error <code>: " itself, so the server's message must not carry it too.
    expect((error as McpError).message).toBe('MCP error -32002: Resource not found: no execution with id "nope"')
    expect(((await s.client.readResource({ uri: 'https://example.com' }).catch((e: unknown) => e)) as McpError).code).toBe(-32002)
  })

  test('a subscribed execution sends resources/updated when it finishes; unsubscribe stops it', async () => {
    const { task } = await s.client.request({ method: 'tools/call', params: { name: 'ratchet_execute_task', arguments: { task_id: 'progress-reporter', input: { steps: 3, delay_ms: 60 } }, task: {} } }, CreateTaskResultSchema)
    const uri = `ratchet://executions/${task.taskId}`
    await s.client.subscribeResource({ uri })
    await s.client.subscribeResource({ uri: `${uri}/logs` })
    await s.client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema)
    await eventually(() => updated.includes(uri) && updated.includes(`${uri}/logs`))
    expect(updated).not.toContain(`${uri}/trace`)

    const second = await s.client.request({ method: 'tools/call', params: { name: 'ratchet_execute_task', arguments: { task_id: 'progress-reporter', input: { steps: 2, delay_ms: 60 } }, task: {} } }, CreateTaskResultSchema)
    const secondUri = `ratchet://executions/${second.task.taskId}`
    await s.client.subscribeResource({ uri: secondUri })
    await s.client.unsubscribeResource({ uri: secondUri })
    await s.client.experimental.tasks.getTaskResult(second.task.taskId, CallToolResultSchema)
    await Bun.sleep(30)
    expect(updated).not.toContain(secondUri)
  })

  test('a changed task sends resources/updated to its subscribers and resources/list_changed', async () => {
    await s.writeTask('greeter', { code: 'function main(input) { return { hello: input.name } }' })
    await s.client.subscribeResource({ uri: 'ratchet://tasks/greeter' })
    const before = listChanged
    await s.writeTask('greeter', { code: 'function main(input) { return { hi: input.name } }' })
    await eventually(() => updated.includes('ratchet://tasks/greeter') && listChanged > before)
    expect(JSON.parse((await read('ratchet://tasks/greeter')).text).name).toBe('greeter')
    expect((await read('ratchet://tasks/greeter/source')).text).toContain('hi: input.name')
  })

  test('subscribing to something that is not a ratchet:// resource is refused', async () => {
    await expect(s.client.subscribeResource({ uri: 'file:///etc/passwd' })).rejects.toThrow(/not a ratchet:\/\/ resource/)
  })
})

describe('logging', () => {
  test('task log lines of executions this session started arrive as notifications/message at the level set', async () => {
    const s = await openSession()
    try {
      const messages: LoggingMessageNotification['params'][] = []
      s.client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void messages.push(n.params))
      await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'progress-reporter', input: { steps: 2, delay_ms: 0 } } })
      await eventually(() => messages.some((m) => m.logger === 'task:progress-reporter'))
      const line = messages.find((m) => m.logger === 'task:progress-reporter')!
      expect(line.level).toBe('info')
      expect(line.data).toMatchObject({ message: 'Starting 2 steps' })

      await s.client.setLoggingLevel('error')
      messages.length = 0
      await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'progress-reporter', input: { steps: 3, delay_ms: 0, fail_at_step: 2 } } })
      await eventually(() => messages.length > 0)
      expect(messages.every((m) => m.level === 'error')).toBe(true)
      expect(messages[0].data).toMatchObject({ message: 'Simulated failure at step 2' })

      // Executions of other sessions stay private to them.
      const other = await s.connectAnother()
      await s.client.setLoggingLevel('debug')
      messages.length = 0
      await other.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'progress-reporter', input: { steps: 1, delay_ms: 0 } } })
      await Bun.sleep(50)
      expect(messages.filter((m) => m.logger?.startsWith('task:'))).toEqual([])
    } finally {
      await s.close()
    }
  })

  test('a registry reload is logged to the client at info', async () => {
    const s = await openSession()
    try {
      const messages: LoggingMessageNotification['params'][] = []
      s.client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void messages.push(n.params))
      await s.writeTask('fresh', { code: 'function main() { return {} }' })
      await eventually(() => messages.some((m) => m.logger === 'ratchet.registry'))
      expect(messages.find((m) => m.logger === 'ratchet.registry')?.data).toMatchObject({ message: 'task registry reloaded', changed: ['fresh'] })
    } finally {
      await s.close()
    }
  })
})
