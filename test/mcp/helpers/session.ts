import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js'
import { resolveConfig } from '../../../src/config/index.ts'
import type { Config } from '../../../src/config/types.ts'
import { createMcpServer, type CreateMcpServerDeps, type McpServerHandle } from '../../../src/mcp/index.ts'
import { createRegistry, type Registry } from '../../../src/registry/registry.ts'
import { openHarness, type Harness } from '../../helpers/with-engine.ts'
import { SAMPLES } from '../../helpers/cli.ts'
import { trustedPrincipal } from '../../../src/auth/permissions.ts'

export interface Session {
  client: Client
  handle: McpServerHandle
  harness: Harness
  registry: Registry
  config: Config
  /** A temp folder: the tasks folder, and a second registry source for tasks written by tests. */
  dir: string
  /** Writes a task package into the test source and reloads the registry. */
  writeTask(name: string, files: { code: string; inputSchema?: unknown; outputSchema?: unknown; description?: string }): Promise<void>
  /** A second client on a new server over the same runtime. */
  connectAnother(capabilities?: ClientCapabilities): Promise<{ client: Client; handle: McpServerHandle }>
  close(): Promise<void>
}

export interface SessionOptions {
  /** The config file's tree (snake_case), e.g. { mcp: { tools: { enable_filesystem: true } } }. */
  config?: Record<string, unknown>
  capabilities?: ClientCapabilities
  workers?: number
  /** Everything else createMcpServer takes (handlers, definitions, heartbeatMs, ...). */
  server?: Partial<Omit<CreateMcpServerDeps, 'runtime' | 'tasksDir' | 'principal'>>
}

/**
 * A real runtime (in-memory store, real workers, a registry over sample/js-tasks and a temp source)
 * with one MCP server connected to the official SDK Client through an in-memory transport pair.
 */
export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const dir = await mkdtemp(join(tmpdir(), 'ratchet-mcp-'))
  const extra = join(dir, 'extra')
  await mkdir(extra, { recursive: true })
  const config = resolveConfig(options.config ?? {}, { file: null, cwd: dir, env: {} })
  const harness = await openHarness({ pool: { count: options.workers ?? 1 } })
  const registry = createRegistry({
    sources: [
      { name: 'samples', uri: `file://${SAMPLES}`, path: SAMPLES, watchForChanges: false, autoReload: false },
      { name: 'extra', uri: `file://${extra}`, path: extra, watchForChanges: false, autoReload: false },
    ],
    store: harness.store,
    logger: harness.logger,
  })
  await registry.load()
  const runtime = { engine: harness.engine, registry, store: harness.store, config, logger: harness.logger }
  const handles: McpServerHandle[] = []
  const clients: Client[] = []

  const connect = async (capabilities: ClientCapabilities = options.capabilities ?? {}) => {
    const handle = createMcpServer({ runtime, tasksDir: join(dir, 'tasks'), principal: trustedPrincipal('test'), ...options.server })
    const client = new Client({ name: 'ratchet-test', version: '1.0.0' }, { capabilities })
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair()
    await handle.server.connect(serverSide)
    await client.connect(clientSide)
    handles.push(handle)
    clients.push(client)
    return { client, handle }
  }
  const first = await connect()

  return {
    ...first,
    harness,
    registry,
    config,
    dir,
    connectAnother: connect,
    async writeTask(name, files) {
      const taskDir = join(extra, name)
      const content: Record<string, unknown> = {
        'metadata.json': { name, version: '1.0.0', description: files.description ?? `test task ${name}` },
        'main.js': files.code,
        ...(files.inputSchema === undefined ? {} : { 'input.schema.json': files.inputSchema }),
        ...(files.outputSchema === undefined ? {} : { 'output.schema.json': files.outputSchema }),
      }
      for (const [file, value] of Object.entries(content)) {
        await mkdir(dirname(join(taskDir, file)), { recursive: true })
        await writeFile(join(taskDir, file), typeof value === 'string' ? value : JSON.stringify(value, null, 2))
      }
      await registry.load()
    },
    async close() {
      for (const client of clients) await client.close().catch(() => {})
      for (const handle of handles) await handle.close()
      registry.close()
      await harness.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** The text of a tool result's first text block. */
export function textOf(result: unknown): string {
  const blocks = ((result as { content?: unknown }).content ?? []) as Array<{ type: string; text?: string }>
  return blocks.filter((b) => b.type === 'text').map((b) => b.text).join('\n')
}

/** Polls until `check` returns a truthy value (or throws after `timeoutMs`). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await Bun.sleep(10)
  }
}
