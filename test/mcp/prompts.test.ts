import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { McpError } from '@modelcontextprotocol/sdk/types.js'
import { openSession, type Session } from './helpers/session.ts'

describe('prompts and completions', () => {
  let s: Session
  let failedId: string
  let okId: string
  beforeAll(async () => {
    s = await openSession()
    const failed = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'progress-reporter', input: { steps: 3, delay_ms: 0, fail_at_step: 2 } } })
    failedId = (failed.structuredContent as { execution_id: string }).execution_id
    const ok = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 1, b: 2 } } })
    okId = (ok.structuredContent as { execution_id: string }).execution_id
  })
  afterAll(() => s.close())

  test('prompts/list has create_task and debug_execution with their arguments', async () => {
    const { prompts } = await s.client.listPrompts()
    expect(prompts.map((p) => p.name)).toEqual(['create_task', 'debug_execution'])
    expect(prompts[0].arguments).toEqual([
      { name: 'description', description: 'What the task should do', required: true },
      expect.objectContaining({ name: 'name', required: false }),
    ])
    expect(prompts[1].arguments).toEqual([expect.objectContaining({ name: 'execution_id', required: true })])
  })

  test('create_task guides the model to ratchet_create_task with the description and name', async () => {
    const prompt = await s.client.getPrompt({ name: 'create_task', arguments: { description: 'Convert Celsius to Fahrenheit', name: 'c-to-f' } })
    expect(prompt.messages).toHaveLength(1)
    const text = (prompt.messages[0].content as { text: string }).text
    expect(text).toContain('Convert Celsius to Fahrenheit')
    expect(text).toContain('Name it "c-to-f"')
    expect(text).toContain('ratchet_create_task')
    expect(text).toContain('input_schema and output_schema')
    // The filesystem tools are off by default: the prompt says how to turn them on.
    expect(text).toContain('mcp.tools.enable_filesystem: true')
    const unnamed = await s.client.getPrompt({ name: 'create_task', arguments: { description: 'Convert Celsius to Fahrenheit' } })
    expect((unnamed.messages[0].content as { text: string }).text).toContain('"convert-celsius-to-fahrenheit"')
  })

  test('create_task without a description is -32602', async () => {
    const error = await s.client.getPrompt({ name: 'create_task', arguments: {} }).catch((e: unknown) => e)
    expect((error as McpError).code).toBe(-32602)
    expect((error as McpError).message).toBe('MCP error -32602: create_task needs the "description" argument')
  })

  test('debug_execution embeds the record and logs as resources and points to ratchet_analyze_execution_error', async () => {
    const prompt = await s.client.getPrompt({ name: 'debug_execution', arguments: { execution_id: failedId } })
    const [intro, record, logs, ask] = prompt.messages.map((m) => m.content as { type: string; text?: string; resource?: { uri: string; text: string } })
    expect(intro.text).toContain('DataError')
    expect(intro.text).toContain('Simulated failure at step 2')
    expect(record.type).toBe('resource')
    expect(record.resource?.uri).toBe(`ratchet://executions/${failedId}`)
    expect(JSON.parse(record.resource!.text)).toMatchObject({ status: 'failed', error: { type: 'DataError' } })
    expect(logs.resource?.uri).toBe(`ratchet://executions/${failedId}/logs`)
    expect(logs.resource?.text).toContain('Simulated failure at step 2')
    expect(ask.text).toContain(`ratchet_analyze_execution_error with {"execution_id": "${failedId}"}`)
  })

  test('debug_execution of an unknown id is -32602', async () => {
    await expect(s.client.getPrompt({ name: 'debug_execution', arguments: { execution_id: 'nope' } })).rejects.toThrow(/No execution with id "nope"/)
  })

  test('completes task names in the task templates', async () => {
    const { completion } = await s.client.complete({ ref: { type: 'ref/resource', uri: 'ratchet://tasks/{name}' }, argument: { name: 'name', value: 'add' } })
    expect(completion.values).toEqual(['addition'])
    const all = await s.client.complete({ ref: { type: 'ref/resource', uri: 'ratchet://tasks/{name}/source' }, argument: { name: 'name', value: '' } })
    expect(all.completion.values).toContain('weather-api')
  })

  test('completes execution ids in the execution templates and in debug_execution (failed first)', async () => {
    const { completion } = await s.client.complete({ ref: { type: 'ref/resource', uri: 'ratchet://executions/{id}/logs' }, argument: { name: 'id', value: okId.slice(0, 30) } })
    expect(completion.values).toContain(okId)
    const prompt = await s.client.complete({ ref: { type: 'ref/prompt', name: 'debug_execution' }, argument: { name: 'execution_id', value: '' } })
    expect(prompt.completion.values.indexOf(failedId)).toBeLessThan(prompt.completion.values.indexOf(okId))
  })

  test("suggests create_task's name from the description given so far", async () => {
    const { completion } = await s.client.complete({ ref: { type: 'ref/prompt', name: 'create_task' }, argument: { name: 'name', value: 'pa' }, context: { arguments: { description: 'Parse ISO dates' } } })
    expect(completion.values).toEqual(['parse-iso-dates'])
  })

  test('an unknown prompt or template in completion/complete is -32602', async () => {
    const error = await s.client.complete({ ref: { type: 'ref/prompt', name: 'nope' }, argument: { name: 'x', value: '' } }).catch((e: unknown) => e)
    expect((error as McpError).code).toBe(-32602)
  })
})
