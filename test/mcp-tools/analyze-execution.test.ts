import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { openToolHarness, type ToolHarness } from './helpers.ts'
import { addition, fetcher, profile, slow } from './tasks.ts'

let h: ToolHarness
let server: ReturnType<typeof Bun.serve>
let base: string

beforeAll(async () => {
  server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response('{"message":"city not found"}', { status: 404, headers: { 'content-type': 'application/json' } }) })
  base = `http://127.0.0.1:${server.port}`
  h = await openToolHarness({ config: { execution: { max_execution_time: 5 }, mcp: { security: { max_execution_time: 3 } } } })
  for (const [name, task] of Object.entries({ addition, fetcher, profile, slow })) await h.writeTask(name, task)
})

afterAll(async () => {
  await h?.close()
  server?.stop(true)
})

const run = async (task_id: string, input: Record<string, unknown>, timeout?: number) => (await h.call('execute_task', { task_id, input, ...(timeout ? { timeout } : {}) })).output.execution_id

describe('analyze_execution_error on real executions', () => {
  test('a TypeError: the failing line with numbered context from the task file, and what to guard', async () => {
    const id = await run('profile', { id: 7 })
    const { output, isError } = await h.call('analyze_execution_error', { execution_id: id })
    expect(isError).toBeFalsy()
    expect(output).toMatchObject({ execution_id: id, task_id: 'profile', status: 'failed', category: 'code_error', retryable: false, error: { type: 'TypeError', code: 'TASK_FAILED' } })
    expect(output.location).toMatchObject({ file: join(h.root, 'profile', 'main.js'), line: 4, source: 'const name = input.user.name', source_changed: false })
    expect(output.location!.context_lines!.map((l) => `${l.line}${l.is_error_line ? '>' : ' '}${l.text}`)).toEqual([
      '1 function main(input, context) {',
      '2   context.log.debug("reading profile")',
      '3   context.log.warn("profile lookup without cache")',
      '4>  const name = input.user.name',
      '5   return { name }',
      '6 }',
    ])
    expect(output.root_cause).toContain('`input.user` was undefined when its property `name` was read. The input has no `user`.')
    expect(output.suggestions[0]).toContain('use `input.user?.name`')
    expect(output.suggestions[1]).toContain('`input.user` is absent from this execution\'s input ({"id":7})')
    expect(output.recent_error_logs.map((l) => l.message)).toEqual(['profile lookup without cache'])
    expect(output.context).toMatchObject({ input: { id: 7 }, attempt: 1, stack: expect.stringContaining('main.js:4') })
  })

  test('invalid input: every path with the expected type, checked against the current schema', async () => {
    const id = await run('addition', { a: 'x' })
    const { output } = await h.call('analyze_execution_error', { execution_id: id })
    expect(output.category).toBe('input_validation')
    expect(output.input_validation).toMatchObject({ valid: false, schema_changed: false })
    expect(output.input_validation!.errors).toContainEqual(expect.objectContaining({ path: '/a', expected: 'number', actual: 'x' }))
    expect(output.input_validation!.errors).toContainEqual(expect.objectContaining({ path: '/b', expected: 'number', missing: true }))
    expect(output.suggestions).toContain('Set `/a` to a value of type number: it was "x" (must be number).')
    expect(output.suggestions).toContain('Add `/b` to the input: the schema requires it (number).')
  })

  test('an HTTP 404: the failed call from the trace and the URL to check', async () => {
    const id = await run('fetcher', { url: `${base}/weather/Atlantis` })
    const { output } = await h.call('analyze_execution_error', { execution_id: id })
    expect(output.category).toBe('http_status')
    expect(output.failed_http_calls).toEqual([expect.objectContaining({ method: 'GET', url: `${base}/weather/Atlantis`, status: 404 })])
    expect(output.root_cause).toContain(`GET ${base}/weather/Atlantis answered HTTP 404`)
    expect(output.suggestions[0]).toBe(`GET ${base}/weather/Atlantis returned 404 Not Found: check the URL and any id or name in it (it contains input.url ("${base}/weather/Atlantis") from the input).`)
  })

  test('a timeout: the duration against the timeout, and how far it may be raised', async () => {
    const id = await run('slow', { ms: 10_000, steps: 2 }, 0.3)
    const { output } = await h.call('analyze_execution_error', { execution_id: id })
    expect(output).toMatchObject({ status: 'timed_out', category: 'timeout' })
    expect(output.root_cause).toContain('timeout of 300 ms elapsed')
    expect(output.suggestions[0]).toMatch(/^It ran 0\.\d s against a timeout of 0\.3 s: pass `timeout` \(seconds\) up to 3, /)
  })

  test('a completed execution is not an error: category none with a note', async () => {
    const id = await run('addition', { a: 1, b: 2 })
    const { output, isError } = await h.call('analyze_execution_error', { execution_id: id, ask_model: true })
    expect(isError).toBeFalsy()
    expect(output).toMatchObject({ category: 'none', note: expect.stringContaining('completed successfully'), model_explanation: { status: 'unavailable' } })
  })

  test('ask_model asks the client\u2019s model through sampling, and says so when the client cannot', async () => {
    const id = await run('profile', {})
    const unsupported = await h.call('analyze_execution_error', { execution_id: id, ask_model: true })
    expect(unsupported.output.model_explanation).toEqual({ status: 'unavailable', note: expect.stringContaining('does not support MCP sampling') })

    const prompts: string[] = []
    const client = {
      supportsSampling: true,
      sample: async (request: { messages: Array<{ text: string }>; maxTokens: number }) => {
        prompts.push(request.messages[0].text)
        return { text: 'input.user is missing; pass a user object.', model: 'client-model-1' }
      },
    }
    const { output } = await h.call('analyze_execution_error', { execution_id: id, ask_model: true }, h.context({ client }))
    expect(output.model_explanation).toEqual({ status: 'ok', text: 'input.user is missing; pass a user object.', model: 'client-model-1' })
    expect(prompts[0]).toContain('"category": "code_error"')
    expect(prompts[0]).toContain('const name = input.user.name')

    const failing = { supportsSampling: true, sample: async () => { throw new Error('user declined') } }
    const declined = await h.call('analyze_execution_error', { execution_id: id, ask_model: true }, h.context({ client: failing }))
    expect(declined.output.model_explanation).toEqual({ status: 'failed', note: expect.stringContaining('user declined') })
  })

  test('after the task is edited, the changed line and schema are flagged', async () => {
    const id = await run('profile', {})
    await h.writeTask('profile', { ...profile, code: profile.code.replace('const name = input.user.name', 'const name = input.user?.name ?? "anonymous"'), inputSchema: { type: 'object', required: ['user'] } })
    const { output } = await h.call('analyze_execution_error', { execution_id: id })
    expect(output.location?.source_changed).toBe(true)
    expect(output.input_validation).toMatchObject({ valid: false, schema_changed: true, errors: [expect.objectContaining({ path: '/user', missing: true })] })
  })
})
