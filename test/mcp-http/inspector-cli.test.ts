import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { ROOT, ensureBinary } from '../helpers/cli.ts'
import { makeTempRoot, writeFiles } from '../helpers/temp-files.ts'
import { startRatchetMcp, type RatchetMcp } from './helpers/ratchet-mcp.ts'

/** Runs the MCP Inspector's CLI mode (`npx @modelcontextprotocol/inspector --cli`; npx runs the local devDependency). */
async function inspector(args: string[], target: string[]): Promise<{ code: number; json: { result?: Record<string, unknown>; error?: unknown }; stderr: string }> {
  const proc = Bun.spawn(['npx', '@modelcontextprotocol/inspector', '--cli', '-q', '--format', 'json', ...args, '--', ...target], {
    cwd: ROOT,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    env: { ...process.env, NO_COLOR: '1' },
  })
  const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000)
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited])
  clearTimeout(timer)
  let json = {}
  try {
    json = JSON.parse(stdout)
  } catch {
    json = { error: `not JSON: ${stdout.slice(0, 500)}` }
  }
  return { code, json, stderr }
}

const ADDITION = ['--method', 'tools/call', '--tool-name', 'ratchet_execute_task', '--tool-arg', 'task_id=addition', 'input={"a":2,"b":3}', 'trace=false']

describe('the MCP Inspector CLI against the compiled binary', () => {
  let config: string
  let binary: string

  beforeAll(async () => {
    binary = await ensureBinary()
    const dir = await makeTempRoot('ratchet-inspector-')
    const settings = { database: { url: 'sqlite::memory:' }, logging: { level: 'warn' }, registry: { sources: [{ name: 'samples', uri: `file://${join(ROOT, 'sample', 'js-tasks')}` }] }, workers: { count: 1 } }
    await writeFiles(dir, '.', { 'ratchet.yaml': JSON.stringify(settings, null, 2) })
    config = join(dir, 'ratchet.yaml')
  })

  test('dist/ratchet mcp-serve (stdio): tools/list offers the Ratchet tools', async () => {
    const { code, json, stderr } = await inspector(['--method', 'tools/list'], [binary, 'mcp-serve', '--config', config])
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' })
    const names = (json.result?.tools as Array<{ name: string }>).map((t) => t.name)
    expect(names).toContain('ratchet_execute_task')
    expect(names).toContain('ratchet_list_available_tasks')
  }, 40_000)

  test('dist/ratchet mcp-serve (stdio): tools/call ratchet_execute_task runs addition', async () => {
    const { code, json } = await inspector(ADDITION, [binary, 'mcp-serve', '--config', config])
    expect(code).toBe(0)
    expect(json.result).toMatchObject({ isError: false, structuredContent: { task_id: 'addition', status: 'completed', output: { result: 5 } } })
  }, 40_000)

  describe('dist/ratchet mcp (HTTP)', () => {
    let server: RatchetMcp
    beforeAll(async () => {
      server = await startRatchetMcp({ compiled: true })
    })
    afterAll(async () => {
      expect(await server.stop()).toBe(0)
    })

    test.each(['mcp', 'sse'])('tools/call over /%s runs addition', async (path) => {
      const { code, json } = await inspector(ADDITION, [`${server.url}/${path}`])
      expect(code).toBe(0)
      expect(json.result).toMatchObject({ isError: false, structuredContent: { status: 'completed', output: { result: 5 } } })
    }, 40_000)
  })
})
