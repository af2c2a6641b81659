/**
 * The public mechanisms the conformance fixtures are built with, checked directly: config-declared
 * resources and prompts (mcp.resources, mcp.prompts) and the `mcp` block of a task's metadata
 * (tool_name, output: content).
 */
import { describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import type { Config } from '../../src/config/types.ts'
import { createConfigPrompts } from '../../src/mcp/config-prompts.ts'
import { createConfigResources } from '../../src/mcp/config-resources.ts'
import { readContentOutput } from '../../src/mcp/task-content.ts'
import { readTaskMcpOptions } from '../../src/mcp/task-mcp-options.ts'
import { makeTempRoot, writeFiles } from '../helpers/temp-files.ts'

const FIXTURES = import.meta.dir

const configWith = (mcp: Record<string, unknown>, baseDir = FIXTURES) => ({ baseDir, raw: { mcp } }) as unknown as Config

async function rejection(promise: Promise<unknown>): Promise<{ code?: number; message: string }> {
  try {
    await promise
  } catch (error) {
    return error as { code?: number; message: string }
  }
  throw new Error('expected a rejection')
}

describe('mcp.resources', () => {
  const resources = createConfigResources(
    configWith({
      resources: [
        { uri: 'test://text', name: 'text', file: 'files/static-text.txt' },
        { uri: 'test://png', name: 'png', file: 'files/red-pixel.png', description: 'a pixel' },
        { uri: 'test://inline', name: 'inline', text: 'fixed', mime_type: 'text/markdown' },
        { uri: 'data://items/{id}', name: 'item', text: '{"id":"{{id}}"}', mime_type: 'application/json' },
        { uri: 'files://{name}', name: 'by-name', file: 'files/{{name}}' },
      ],
    }),
  )

  test('lists plain resources and templates separately, with MIME types from the file extension', () => {
    expect(resources.list()).toEqual([
      { uri: 'test://text', name: 'text', mimeType: 'text/plain' },
      { uri: 'test://png', name: 'png', description: 'a pixel', mimeType: 'image/png' },
      { uri: 'test://inline', name: 'inline', mimeType: 'text/markdown' },
    ])
    expect(resources.templates().map((t) => t.uriTemplate)).toEqual(['data://items/{id}', 'files://{name}'])
  })

  test('reads text files as text, binary files as base64 blobs, templates with their variables filled', async () => {
    expect((await resources.read('test://text')).contents[0]).toEqual({ uri: 'test://text', mimeType: 'text/plain', text: 'This is the content of the static text resource.\n' })
    const png = (await resources.read('test://png')).contents[0] as { blob: string }
    expect(Buffer.from(png.blob, 'base64').subarray(1, 4).toString()).toBe('PNG')
    expect((await resources.read('data://items/a%20b')).contents[0]).toMatchObject({ uri: 'data://items/a%20b', text: '{"id":"a b"}' })
    expect((await resources.read('files://watched.txt')).contents[0]).toMatchObject({ text: 'Watched resource content.\n' })
  })

  test('a template variable cannot climb out of the folder; unknown URIs are not found', async () => {
    expect(resources.owns('files://..%2Fratchet.yaml')).toBe(true)
    expect((await rejection(resources.read('files://..%2Fratchet.yaml'))).code).toBe(-32002)
    expect(resources.owns('test://nothing')).toBe(false)
    expect((await rejection(resources.read('files://missing.txt'))).code).toBe(-32002)
  })

  test('a subscriber to a file resource hears about changes to the file', async () => {
    const dir = await makeTempRoot('ratchet-config-resources-')
    await writeFiles(dir, '.', { 'watched.txt': 'one' })
    const watched = createConfigResources(configWith({ resources: [{ uri: 'test://w', name: 'w', file: 'watched.txt' }] }, dir))
    let changes = 0
    watched.subscribe('test://w', () => changes++)
    await Bun.sleep(50)
    await Bun.write(join(dir, 'watched.txt'), 'two')
    for (let i = 0; i < 40 && changes === 0; i++) await Bun.sleep(25)
    expect(changes).toBeGreaterThan(0)
    watched.unsubscribe('test://w')
    watched.close()
  })
})

describe('mcp.prompts', () => {
  const prompts = createConfigPrompts(
    configWith({
      prompts: [
        { name: 'greet', description: 'Say hello', arguments: [{ name: 'who', required: true, completions: ['world', 'walrus', 'moon'] }], messages: [{ role: 'user', text: 'Hello {{who}}!' }] },
        { name: 'look', messages: [{ role: 'user', image: { file: 'files/red-pixel.png' } }, { role: 'assistant', resource: { uri: 'doc://{{topic}}', file: 'files/static-text.txt' } }] },
      ],
    }),
  )

  test('lists prompts with their arguments and fills {{argument}} placeholders', async () => {
    expect(prompts.list()).toEqual([
      { name: 'greet', description: 'Say hello', arguments: [{ name: 'who', required: true }] },
      { name: 'look', description: 'look' },
    ])
    expect((await prompts.get('greet', { who: 'world' })).messages).toEqual([{ role: 'user', content: { type: 'text', text: 'Hello world!' } }])
  })

  test('embeds image and resource files', async () => {
    const [image, resource] = (await prompts.get('look', { topic: 'intro' })).messages
    expect(image.content).toMatchObject({ type: 'image', mimeType: 'image/png' })
    expect(resource).toMatchObject({ role: 'assistant', content: { type: 'resource', resource: { uri: 'doc://intro', mimeType: 'text/plain', text: 'This is the content of the static text resource.\n' } } })
  })

  test('a missing required argument is an invalid-params error', async () => {
    const error = await rejection(prompts.get('greet', {}))
    expect(error.code).toBe(-32602)
    expect(error.message).toContain('who')
  })

  test('completion suggests the declared values that start with what was typed', () => {
    expect(prompts.complete({ ref: { type: 'ref/prompt', name: 'greet' }, argument: { name: 'who', value: 'W' } })?.completion.values).toEqual(['world', 'walrus'])
    expect(prompts.complete({ ref: { type: 'ref/prompt', name: 'other' }, argument: { name: 'x', value: '' } })).toBeNull()
  })
})

describe('a task\'s "mcp" metadata block', () => {
  test('names the tool and switches the output to MCP content', () => {
    expect(readTaskMcpOptions({ metadata: { mcp: { tool_name: 'get_weather', output: 'content' } } })).toEqual({ toolName: 'get_weather', output: 'content', problems: [] })
    expect(readTaskMcpOptions({ metadata: {} })).toEqual({ output: 'json', problems: [] })
  })

  test.each([
    [{ tool_name: 'ratchet_execute_task' }, 'reserved'],
    [{ tool_name: 'has space' }, 'tool_name'],
    [{ output: 'html' }, 'mcp.output'],
    ['yes', 'must be an object'],
  ])('ignores %p and says why', (block, problem) => {
    const options = readTaskMcpOptions({ metadata: { mcp: block } })
    expect(options.toolName).toBeUndefined()
    expect(options.output).toBe('json')
    expect(options.problems.join(' ')).toContain(problem)
  })

  test('content output must be a non-empty list of valid MCP content blocks', () => {
    expect(readContentOutput({ content: [{ type: 'text', text: 'hi' }] })).toEqual({ ok: true, content: [{ type: 'text', text: 'hi' }] })
    expect(readContentOutput({ content: [] }).ok).toBe(false)
    expect(readContentOutput('hi').ok).toBe(false)
    const bad = readContentOutput({ content: [{ type: 'text', text: 'ok' }, { type: 'image', data: 'AAAA' }] })
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.problem).toContain('content[1]')
  })
})
