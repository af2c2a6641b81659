import { describe, expect, test } from 'bun:test'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import { ToolListChangedNotificationSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js'
import { eventually, openSession, textOf } from './helpers/session.ts'
import { createMcpServer } from '../../src/mcp/index.ts'
import { trustedPrincipal } from '../../src/auth/permissions.ts'

describe('initialize', () => {
  test.each(['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25'])('negotiates protocol version %s and declares the capabilities', async (version) => {
    const s = await openSession()
    try {
      const handle = createMcpServer({ runtime: { engine: s.harness.engine, registry: s.registry, store: s.harness.store, config: s.config, logger: s.harness.logger }, tasksDir: s.dir, principal: trustedPrincipal('raw') })
      const [client, server] = InMemoryTransport.createLinkedPair()
      const replies: JSONRPCMessage[] = []
      client.onmessage = (message) => void replies.push(message)
      await handle.server.connect(server)
      await client.start()
      await client.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: version, capabilities: {}, clientInfo: { name: 'raw', version: '0' } } })
      const reply = (await eventually(() => replies[0])) as unknown as { result: { protocolVersion: string; capabilities: Record<string, unknown>; serverInfo: { name: string } } }
      expect(reply.result.protocolVersion).toBe(version)
      expect(reply.result.serverInfo.name).toBe('ratchet')
      expect(reply.result.capabilities).toEqual({
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        prompts: { listChanged: true },
        logging: {},
        completions: {},
        tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } },
      })
      await handle.close()
    } finally {
      await s.close()
    }
  })

  test('ping and logging/setLevel answer {}', async () => {
    const s = await openSession()
    try {
      expect(await s.client.ping()).toEqual({})
      expect(await s.client.setLoggingLevel('info')).toEqual({})
    } finally {
      await s.close()
    }
  })

  test('logging/setLevel with an unknown level is -32602 listing the valid levels', async () => {
    const s = await openSession()
    try {
      await s.client.setLoggingLevel('error')
      const error = (await s.client.setLoggingLevel('loud' as never).catch((e: unknown) => e)) as { code: number; message: string; data: unknown }
      expect(error.code).toBe(-32602)
      expect(error.message).toBe('MCP error -32602: Invalid log level "loud": use one of debug, info, notice, warning, error, critical, alert, emergency')
      expect(error.data).toEqual({ level: 'loud', levels: ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'] })
    } finally {
      await s.close()
    }
  })
})

describe('tasks as tools (mcp.expose_tasks_as_tools)', () => {
  test('lists each task as task_<name> with its schemas and runs it through the engine', async () => {
    const s = await openSession({ config: { mcp: { expose_tasks_as_tools: true } } })
    try {
      const { tools } = await s.client.listTools()
      const addition = tools.find((t) => t.name === 'task_addition')!
      expect(addition.inputSchema).toMatchObject({ type: 'object', required: ['a', 'b'], properties: { a: { type: 'number' } } })
      expect(addition.inputSchema).not.toHaveProperty('$schema')
      expect(addition.outputSchema).toMatchObject({ type: 'object', required: ['result'] })
      expect(addition.execution).toEqual({ taskSupport: 'optional' })
      expect(tools.some((t) => t.name === 'task_weather-api')).toBe(true)
      expect(tools.some((t) => t.name === 'ratchet_execute_task')).toBe(true)

      const result = await s.client.callTool({ name: 'task_addition', arguments: { a: 2, b: 3 } })
      expect(result.isError).toBe(false)
      expect(result.structuredContent).toEqual({ result: 5 })
      const executionId = result._meta?.['dev.ratchet/execution_id'] as string
      expect(await s.harness.store.getExecution(executionId)).toMatchObject({ taskName: 'addition', status: 'completed', source: 'mcp' })
      expect(textOf(result)).toContain(executionId)

      const failed = await s.client.callTool({ name: 'task_addition', arguments: { a: 'two', b: 3 } })
      expect(failed.isError).toBe(true)
      expect(failed.structuredContent).toBeUndefined()
      expect(JSON.parse(textOf(failed).slice(textOf(failed).indexOf('\n\n') + 2))).toMatchObject({ status: 'failed', error: { code: 'INPUT_INVALID' } })
    } finally {
      await s.close()
    }
  })

  test('a task whose input is not an object takes it as `input`; names are sanitised', async () => {
    const s = await openSession({ config: { mcp: { expose_tasks_as_tools: true } } })
    try {
      await s.writeTask('double.it', { code: 'function main(n) { return n * 2 }', inputSchema: { type: 'number' }, outputSchema: { type: 'number' } })
      const tool = (await s.client.listTools()).tools.find((t) => t.name === 'task_double_it')!
      expect(tool.inputSchema).toEqual({ type: 'object', properties: { input: { type: 'number' } }, required: ['input'], additionalProperties: false })
      expect(tool.outputSchema).toBeUndefined()
      const result = await s.client.callTool({ name: 'task_double_it', arguments: { input: 21 } })
      expect(result.isError).toBe(false)
      expect(textOf(result)).toEndWith('\n\n42')
      const missing = await s.client.callTool({ name: 'task_double_it', arguments: {} })
      expect(missing.isError).toBe(true)
      expect(textOf(missing)).toContain("must have required property 'input'")
    } finally {
      await s.close()
    }
  })

  test('a registry change sends notifications/tools/list_changed and the new task is callable', async () => {
    const s = await openSession({ config: { mcp: { expose_tasks_as_tools: true } } })
    try {
      let changed = 0
      s.client.setNotificationHandler(ToolListChangedNotificationSchema, () => void changed++)
      await s.writeTask('shout', { code: 'function main(input) { return { text: String(input.text).toUpperCase() } }', outputSchema: { type: 'object', properties: { text: { type: 'string' } } } })
      await eventually(() => changed > 0)
      const result = await s.client.callTool({ name: 'task_shout', arguments: { text: 'hey' } })
      expect(result.structuredContent).toEqual({ text: 'HEY' })
    } finally {
      await s.close()
    }
  })

  test('off by default: task_<name> is unknown and the result says how to run the task', async () => {
    const s = await openSession()
    try {
      expect((await s.client.listTools()).tools.some((t) => t.name.startsWith('task_'))).toBe(false)
      const result = await s.client.callTool({ name: 'task_addition', arguments: { a: 1, b: 2 } })
      expect(result.isError).toBe(true)
      expect(textOf(result)).toContain('mcp.expose_tasks_as_tools is off')
      expect(textOf(result)).toContain('ratchet_execute_task {"task_id": "addition"}')
    } finally {
      await s.close()
    }
  })
})
