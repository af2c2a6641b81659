import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { ensureFreshBinary, ratchetCommand, RecordingStdioTransport, writeConfig } from './helpers/stdio.ts'
import { ROOT } from '../helpers/cli.ts'

let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ratchet-mcp-stdio-'))
  await ensureFreshBinary()
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const INIT = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } }

describe.each([false, true])('ratchet mcp-serve over stdio (compiled: %p)', (compiled) => {
  test('serves tools to the SDK client, writes only JSON-RPC on stdout and exits 0 when stdin closes', async () => {
    const work = mkdtempSync(join(dir, 'session-'))
    const config = writeConfig(work)
    const { command, args } = ratchetCommand(compiled)
    const transport = new RecordingStdioTransport({ command, args: [...args, 'mcp-serve', '--config', config], cwd: ROOT })
    const errors: Error[] = []
    transport.onerror = (error) => void errors.push(error)
    const client = new Client({ name: 'e2e', version: '1.0.0' })
    await client.connect(transport)

    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name)).toContain('ratchet_execute_task')
    expect(tools.map((t) => t.name)).toContain('ratchet_list_available_tasks')

    const ok = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 2, b: 3 } } })
    expect(ok.isError).toBe(false)
    const okOut = ok.structuredContent as { execution_id: string; output: unknown }
    expect(okOut.output).toEqual({ result: 5 })
    expect(okOut.execution_id).toBeString()

    const bad = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'addition', input: { a: 'two', b: 3 } } })
    expect(bad.isError).toBe(true)
    expect((bad.structuredContent as { execution_id: string }).execution_id).toBeString()

    const progress: number[] = []
    const slow = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'progress-reporter', input: { steps: 4, delay_ms: 30 } } }, undefined, { onprogress: (p) => void progress.push(p.progress) })
    expect(slow.isError).toBe(false)
    expect(progress.length).toBeGreaterThanOrEqual(3)

    const closedAt = Date.now()
    await client.close()
    const exit = await transport.exited.promise
    expect(exit).toMatchObject({ code: 0, signal: null })
    // It left on its own after stdin closed, before the SDK's 2 s SIGTERM fallback.
    expect(exit.at - closedAt).toBeLessThan(1900)

    expect(errors).toEqual([])
    const lines = transport.raw.split('\n').filter((line) => line !== '')
    expect(lines.length).toBeGreaterThanOrEqual(5)
    for (const line of lines) expect(JSON.parse(line).jsonrpc).toBe('2.0')
    expect(transport.stderrText).toContain('MCP server ready on stdio')
    expect(existsSync(join(work, 'tasks'))).toBe(true)
    expect(existsSync(join(work, 'ratchet.db'))).toBe(true)
  }, 30_000)

  test.each(['SIGTERM', 'SIGINT'] as const)('exits 0 on %s', async (signal) => {
    const work = mkdtempSync(join(dir, 'signal-'))
    const { command, args } = ratchetCommand(compiled)
    const proc = Bun.spawn([command, ...args, 'mcp-serve', '--config', writeConfig(work)], { stdin: 'pipe', stdout: 'pipe', stderr: 'pipe', cwd: ROOT })
    proc.stdin.write(JSON.stringify(INIT) + '\n')
    proc.stdin.flush()
    const reader = proc.stdout.getReader()
    const first = new TextDecoder().decode((await reader.read()).value)
    expect(JSON.parse(first.split('\n')[0]).result.serverInfo.name).toBe('ratchet')
    proc.kill(signal)
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000)
    expect(await proc.exited).toBe(0)
    clearTimeout(timer)
  }, 20_000)

  test('answers requests piped in before EOF, then exits 0', async () => {
    const work = mkdtempSync(join(dir, 'pipe-'))
    const { command, args } = ratchetCommand(compiled)
    const input = [
      INIT,
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'ratchet.execute_task', arguments: { task_id: 'addition', input: { a: 40, b: 2 } } } },
    ].map((m) => JSON.stringify(m) + '\n').join('')
    const config = writeConfig(work)
    const started = Date.now()
    const proc = Bun.spawn([command, ...args, 'mcp-serve', '--config', config], { stdin: new Blob([input]), stdout: 'pipe', stderr: 'pipe', cwd: ROOT })
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000)
    const [stdout, code] = await Promise.all([new Response(proc.stdout).text(), proc.exited])
    clearTimeout(timer)
    expect(code).toBe(0)
    // Nothing (a drain timer, a watcher) keeps it alive once the session is over.
    expect(Date.now() - started).toBeLessThan(2500)
    const replies = stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(replies.find((r) => r.id === 2).result.structuredContent.output).toEqual({ result: 42 })
  }, 20_000)

  test('answers a garbage line with -32700 (id null) on stdout, keeps serving, and sends protocol errors with their code once', async () => {
    const work = mkdtempSync(join(dir, 'garbage-'))
    const { command, args } = ratchetCommand(compiled)
    const input = [
      JSON.stringify(INIT),
      JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
      'garbage{',
      '',
      JSON.stringify({ hello: 'world' }),
      JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'resources/read', params: { uri: 'ratchet://executions/nope' } }),
      JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'logging/setLevel', params: { level: 'loud' } }),
      JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'logging/setLevel', params: { level: 'warning' } }),
      JSON.stringify({ jsonrpc: '2.0', id: 6, method: 'ping' }),
    ].map((line) => line + '\n').join('')
    const proc = Bun.spawn([command, ...args, 'mcp-serve', '--config', writeConfig(work)], { stdin: new Blob([input]), stdout: 'pipe', stderr: 'pipe', cwd: ROOT })
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000)
    const [stdout, code] = await Promise.all([new Response(proc.stdout).text(), proc.exited])
    clearTimeout(timer)
    expect(code).toBe(0)
    const replies = stdout.trim().split('\n').map((line) => JSON.parse(line))
    const nullIds = replies.filter((r) => r.id === null)
    expect(nullIds).toEqual([
      { jsonrpc: '2.0', id: null, error: { code: -32700, message: expect.stringMatching(/^Parse error: /) } },
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request: the line is JSON but not a JSON-RPC 2.0 message' } },
    ])
    expect(replies.find((r) => r.id === 3).error).toEqual({ code: -32002, message: 'Resource not found: no execution with id "nope"', data: { uri: 'ratchet://executions/nope' } })
    const badLevel = replies.find((r) => r.id === 4).error
    expect(badLevel.code).toBe(-32602)
    expect(badLevel.message).toBe('Invalid log level "loud": use one of debug, info, notice, warning, error, critical, alert, emergency')
    expect(replies.find((r) => r.id === 5)).toEqual({ jsonrpc: '2.0', id: 5, result: {} })
    expect(replies.find((r) => r.id === 6)).toEqual({ jsonrpc: '2.0', id: 6, result: {} })
  }, 20_000)

  // --transport sse and streamable-http serve over HTTP (test/mcp-http/mcp-serve-http.test.ts).
  test('refuses an unknown transport with a usage error', async () => {
    const { command, args } = ratchetCommand(compiled)
    const proc = Bun.spawn([command, ...args, 'mcp-serve', '--transport', 'websocket'], { stdin: 'ignore', stdout: 'pipe', stderr: 'pipe', cwd: dir })
    const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('--transport websocket')
  })
})
