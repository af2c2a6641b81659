import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { BINARY, ratchet, ROOT } from '../helpers/cli.ts'
import { ensureFreshBinary, writeConfig } from './helpers/stdio.ts'

let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ratchet-generate-'))
  await ensureFreshBinary()
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Block {
  mcpServers: Record<string, { command: string; args: string[]; env: Record<string, string> }>
}

describe.each([false, true])('ratchet generate mcpservers-json (compiled: %p)', (compiled) => {
  test('prints the Claude Desktop block with absolute paths, and that block starts a working server', async () => {
    const config = writeConfig(dir)
    // A relative --config still comes out absolute.
    const result = await ratchet(['generate', 'mcpservers-json', '--config', relative(ROOT, config)], { compiled })
    expect(result.code).toBe(0)
    const block = JSON.parse(result.stdout) as Block
    const server = block.mcpServers.ratchet
    expect(server.env).toEqual({ RUST_LOG: 'info' })
    if (compiled) {
      expect(server.command).toBe(BINARY)
      expect(server.args).toEqual(['mcp-serve', '--config', config])
    } else {
      expect(server.command).toBe(process.execPath)
      expect(server.args).toEqual([join(ROOT, 'src', 'cli', 'main.ts'), 'mcp-serve', '--config', config])
    }

    const client = new Client({ name: 'claude-desktop-like', version: '1.0.0' })
    await client.connect(new StdioClientTransport({ command: server.command, args: server.args, env: server.env, cwd: tmpdir(), stderr: 'ignore' }))
    try {
      const { tools } = await client.listTools()
      expect(tools.map((t) => t.name)).toContain('ratchet_execute_task')
    } finally {
      await client.close()
    }
  }, 30_000)
})

describe('ratchet generate', () => {
  test('--name sets the server key; without --config it warns on stderr', async () => {
    const result = await ratchet(['generate', 'mcpservers-json', '--name', 'ratchet-dev'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(Object.keys((JSON.parse(result.stdout) as Block).mcpServers)).toEqual(['ratchet-dev'])
    expect((JSON.parse(result.stdout) as Block).mcpServers['ratchet-dev'].args).not.toContain('--config')
    expect(result.stderr).toContain('no --config given')
  })

  test('an unknown target is a usage error', async () => {
    const result = await ratchet(['generate', 'dockerfile'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('cannot generate "dockerfile"')
    expect(result.stderr).toContain('mcpservers-json')
    const none = await ratchet(['generate'])
    expect(none.code).toBe(2)
  })

  test('a broken config file is reported here, not in the client', async () => {
    const result = await ratchet(['generate', 'mcpservers-json', '--config', join(dir, 'missing.yaml')])
    expect(result.code).not.toBe(0)
    expect(result.stdout).toBe('')
  })
})
