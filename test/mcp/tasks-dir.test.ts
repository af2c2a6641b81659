import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import { ResourceListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js'
import { loadConfig } from '../../src/config/index.ts'
import { openRuntime } from '../../src/cli/runtime.ts'
import { tasksDirFor } from '../../src/cli/commands/mcp-serve.ts'
import * as mcp from '../../src/mcp/index.ts'
import { SAMPLES } from '../helpers/cli.ts'
import { eventually } from './helpers/session.ts'
import { trustedPrincipal } from '../../src/auth/permissions.ts'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ratchet-tasks-dir-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('the public API of src/mcp', () => {
  expect(Object.keys(mcp).sort()).toEqual(['createMcpServer', 'readMcpSettings', 'serveStdio'])
})

test('mcp-serve adds the ./tasks folder next to the config as a watched source, so a task written there loads and clients hear of it', async () => {
  const file = join(dir, 'config.yaml')
  writeFileSync(file, ['database:', '  url: "sqlite::memory:"', 'logging:', '  sinks: []', 'registry:', '  sources:', '    - name: samples', `      uri: "file://${SAMPLES}"`, 'workers:', '  count: 1'].join('\n'))
  const config = await loadConfig({ file })
  const tasksDir = tasksDirFor(config.baseDir)
  expect(tasksDir).toBe(join(dir, 'tasks'))
  const runtime = await openRuntime(config, { tasksDir })
  try {
    expect(existsSync(tasksDir)).toBe(true)
    const handle = mcp.createMcpServer({ runtime, tasksDir, principal: trustedPrincipal('test') })
    const client = new Client({ name: 't', version: '1' })
    const [a, b] = InMemoryTransport.createLinkedPair()
    await handle.server.connect(b)
    await client.connect(a)
    let listChanged = 0
    client.setNotificationHandler(ResourceListChangedNotificationSchema, () => void listChanged++)

    mkdirSync(join(tasksDir, 'made-by-a-client'))
    writeFileSync(join(tasksDir, 'made-by-a-client', 'metadata.json'), JSON.stringify({ name: 'made-by-a-client', version: '1.0.0', description: 'written at run time' }))
    writeFileSync(join(tasksDir, 'made-by-a-client', 'main.js'), 'function main(input) { return { twice: input.n * 2 } }')

    await eventually(() => runtime.registry.get('made-by-a-client'), 5000)
    await eventually(() => listChanged > 0)
    const result = await client.callTool({ name: 'ratchet_execute_task', arguments: { task_id: 'made-by-a-client', input: { n: 21 } } })
    expect((result.structuredContent as { output: unknown }).output).toEqual({ twice: 42 })
    await client.close()
    await handle.close()
  } finally {
    await runtime.close()
  }
})

test('a tasks folder already inside a configured source is not added twice', async () => {
  const root = join(dir, 'covered')
  mkdirSync(join(root, 'tasks', 'dup'), { recursive: true })
  writeFileSync(join(root, 'tasks', 'dup', 'metadata.json'), JSON.stringify({ name: 'dup', version: '1.0.0' }))
  writeFileSync(join(root, 'tasks', 'dup', 'main.js'), 'function main() { return 1 }')
  const file = join(root, 'config.yaml')
  writeFileSync(file, ['database:', '  url: "sqlite::memory:"', 'logging:', '  sinks: []', 'registry:', '  sources:', '    - name: everything', '      uri: "file://."', 'workers:', '  count: 1'].join('\n'))
  const config = await loadConfig({ file })
  const runtime = await openRuntime(config, { tasksDir: tasksDirFor(config.baseDir) })
  try {
    // Loaded once: a second source over the same folder would report "duplicate task name".
    expect(runtime.registry.get('dup')).toBeDefined()
    expect(runtime.registry.problems()).toEqual([])
    expect(runtime.tasksDir).toBe(join(root, 'tasks'))
  } finally {
    await runtime.close()
  }
})
