import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { CreateMessageRequestSchema, ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js'
import { openSession, textOf, type Session } from './helpers/session.ts'

const SAMPLER = `async function main(input, context) {
  const answer = await context.sample({ messages: [{ role: 'user', text: input.question }], maxTokens: 50 })
  return { answer: answer.text, model: answer.model }
}`
const ASKER = `async function main(input, context) {
  const reply = await context.elicit({ message: 'Who are you?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } } } })
  return reply
}`
const CAREFUL = `async function main(input, context) {
  try { await context.sample({ messages: [{ role: 'user', text: 'hi' }] }); return { asked: true } }
  catch (e) { return { asked: false, type: e.name, message: e.message } }
}`

describe('a task asks the calling MCP client (context.sample / context.elicit)', () => {
  let s: Session
  const prompts: unknown[] = []
  beforeAll(async () => {
    s = await openSession({ capabilities: { sampling: {}, elicitation: {} } })
    s.client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
      prompts.push(request.params.messages)
      // The model takes a moment; the task's timeout is paused while it answers.
      await Bun.sleep(50)
      return { role: 'assistant', content: { type: 'text', text: 'forty-two' }, model: 'test-model' }
    })
    s.client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'accept', content: { name: 'Ada' } }))
    await s.writeTask('sampler', { code: SAMPLER })
    await s.writeTask('asker', { code: ASKER })
    await s.writeTask('careful', { code: CAREFUL })
  })
  afterAll(() => s.close())

  test('context.sample() reaches the client model and its answer comes back to the task', async () => {
    const result = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'sampler', input: { question: 'meaning of life?' } } })
    expect(result.isError).toBeFalsy()
    expect((result.structuredContent as { output: unknown }).output).toEqual({ answer: 'forty-two', model: 'test-model' })
    expect(JSON.stringify(prompts.at(-1))).toContain('meaning of life?')
  })

  test('context.elicit() returns the user\'s answer', async () => {
    const result = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'asker', input: {} } })
    expect((result.structuredContent as { output: unknown }).output).toEqual({ action: 'accept', content: { name: 'Ada' } })
  })

  test('a paused timeout: waiting for the model does not count against a short task timeout', async () => {
    const result = await s.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'sampler', input: { question: 'q' }, timeout: 0.04 } })
    expect(result.isError).toBeFalsy()
  })

  test('a client without sampling: the task gets a ConfigurationError it can handle', async () => {
    const other = await s.connectAnother({})
    const result = await other.client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'careful', input: {} } })
    const output = (result.structuredContent as { output: { asked: boolean; type: string; message: string } }).output
    expect(output.asked).toBe(false)
    expect(output.type).toBe('ConfigurationError')
    expect(output.message).toContain('sampling')
  })

  test('without any client (engine only), the task is told no client can answer', async () => {
    const task = s.registry.get('careful')!
    const record = await s.harness.engine.execute({ task, input: {}, source: 'test' })
    expect(record.output).toMatchObject({ asked: false, type: 'ConfigurationError' })
    expect((record.output as { message: string }).message).toContain('needs an MCP client')
    void textOf
  })
})
