import { expect } from 'bun:test'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { resolveConfig } from '../../src/config/index.ts'
import type { Config } from '../../src/config/types.ts'
import { createRegistry, type Registry } from '../../src/registry/registry.ts'
import { compileSchema } from '../../src/tasks/schema.ts'
import type { ClientBridge, ProgressUpdate, ToolContext, ToolOutcome } from '../../src/mcp/tools/types.ts'
import { executionHandlers } from '../../src/mcp/tools/execution-tools.ts'
import { TOOL_DEFINITIONS } from '../../generated/tools.ts'
import type { ToolIO } from '../../generated/tool-types.ts'
import { openHarness, type Harness } from '../helpers/with-engine.ts'
import { trustedPrincipal } from '../../src/auth/permissions.ts'

export interface TaskFiles {
  code: string
  version?: string
  description?: string
  tags?: string[]
  category?: string
  uuid?: string
  inputSchema?: unknown
  outputSchema?: unknown
  /** Extra files, relative to the task folder (JSON-encoded unless strings). */
  files?: Record<string, unknown>
}

export interface ToolHarness {
  engine: Harness
  registry: Registry
  config: Config
  /** The registry source folder; each task is a sub-folder. */
  root: string
  /** Progress updates seen by contexts made with `context()`. */
  progress: ProgressUpdate[]
  /** A ToolContext over the real engine, store and registry. */
  context(options?: { signal?: AbortSignal; client?: Partial<ClientBridge>; withProgress?: boolean }): ToolContext
  /** Writes a classic-layout package and reloads the registry. */
  writeTask(name: string, task: TaskFiles): Promise<string>
  /** Calls a handler and checks its output against the tool's published output schema. */
  call<N extends keyof typeof executionHandlers>(name: N, input: ToolIO[N]['input'], ctx?: ToolContext): Promise<ToolOutcome<ToolIO[N]['output']>>
  close(): Promise<void>
}

const outputChecks = new Map(TOOL_DEFINITIONS.map((tool) => [tool.name, compileSchema(tool.outputSchema)]))

const noClient: ClientBridge = {
  supportsSampling: false,
  supportsElicitation: false,
  sample: async () => {
    throw new Error('sampling is not supported by this client')
  },
  elicit: async () => {
    throw new Error('elicitation is not supported by this client')
  },
}

export async function writeTaskPackage(root: string, name: string, task: TaskFiles): Promise<string> {
  const dir = join(root, name)
  await rm(dir, { recursive: true, force: true })
  const files: Record<string, unknown> = {
    'metadata.json': { name, version: task.version ?? '1.0.0', description: task.description ?? `task ${name}`, tags: task.tags ?? [], ...(task.category ? { category: task.category } : {}), ...(task.uuid ? { uuid: task.uuid } : {}) },
    'main.js': task.code,
    ...(task.inputSchema === undefined ? {} : { 'input.schema.json': task.inputSchema }),
    ...(task.outputSchema === undefined ? {} : { 'output.schema.json': task.outputSchema }),
    ...task.files,
  }
  await writeFiles(dir, files)
  return dir
}

/** Writes `files` (strings verbatim, anything else as JSON) under `dir`. */
export async function writeFiles(dir: string, files: Record<string, unknown>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true })
    await writeFile(join(dir, file), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`)
  }
}

/**
 * A real engine (in-memory sqlite store, real worker processes) with a registry over a temp folder, a
 * Config built by the config loader, and ToolContexts for calling the execution handlers directly.
 */
export async function openToolHarness(options: { workers?: number; config?: Record<string, unknown>; maxExecutionTime?: number } = {}): Promise<ToolHarness> {
  const root = await mkdtemp(join(tmpdir(), 'ratchet-mcp-tools-'))
  const workers = options.workers ?? 2
  const config = resolveConfig(
    { workers: { count: workers }, registry: { sources: [{ name: 'test-tasks', uri: `file://${root}` }] }, ...options.config },
    { file: null, cwd: root, env: {} },
  )
  const engine = await openHarness({ pool: { count: workers }, engine: { maxExecutionTime: options.maxExecutionTime ?? config.execution.maxExecutionTime } })
  const registry = createRegistry({ sources: config.registry.sources, store: engine.store, logger: engine.logger })
  await registry.load()
  const progress: ProgressUpdate[] = []
  const context: ToolHarness['context'] = (opts = {}) => ({
    engine: engine.engine,
    registry,
    store: engine.store,
    config,
    logger: engine.logger,
    tasksDir: root,
    signal: opts.signal ?? new AbortController().signal,
    ...(opts.withProgress === false ? {} : { progress: (update: ProgressUpdate) => progress.push(update) }),
    client: { ...noClient, ...opts.client },
    principal: trustedPrincipal('test'),
  })
  return {
    engine,
    registry,
    config,
    root,
    progress,
    context,
    async writeTask(name, task) {
      const dir = await writeTaskPackage(root, name, task)
      await registry.load()
      return dir
    },
    async call(name, input, ctx) {
      const handler = executionHandlers[name] as unknown as (i: typeof input, c: ToolContext) => Promise<ToolOutcome<ToolIO[typeof name]['output']>>
      const outcome = await handler(input, ctx ?? context())
      const check = outputChecks.get(name)!
      expect(check.errors(outcome.output)).toEqual([])
      // What crosses the wire is JSON: nothing may be lost on the way.
      expect(JSON.parse(JSON.stringify(outcome.output))).toEqual(outcome.output as never)
      return outcome
    },
    async close() {
      registry.close()
      await engine.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}
