import { expect } from 'bun:test'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { TOOL_DEFINITIONS } from '../../generated/tools.ts'
import type { ToolIO } from '../../generated/tool-types.ts'
import { resolveConfig } from '../../src/config/index.ts'
import type { Config } from '../../src/config/types.ts'
import { inspectionHandlers } from '../../src/mcp/tools/inspection-tools.ts'
import type { ClientBridge, ToolContext, ToolOutcome } from '../../src/mcp/tools/types.ts'
import { createRegistry, type Registry } from '../../src/registry/registry.ts'
import { effectiveSources } from '../../src/registry/registry-status.ts'
import { compileSchema } from '../../src/tasks/schema.ts'
import { openHarness, type Harness } from '../helpers/with-engine.ts'
import { makeTempRoot } from '../helpers/temp-files.ts'
import { trustedPrincipal } from '../../src/auth/permissions.ts'

export type InspectionTool = keyof typeof inspectionHandlers

export interface InspectionHarness {
  engine: Harness
  registry: Registry
  config: Config
  /** The config's base folder; `tasks/` under it is the registry source, `work/` the tasks folder (also a source). */
  base: string
  tasksRoot: string
  context(options?: { signal?: AbortSignal }): ToolContext
  /** Writes a classic-layout task under the registry source and reloads the registry. */
  writeTask(name: string, code: string, extra?: Record<string, unknown>): Promise<string>
  /** Calls a handler directly and checks its output against the tool's published output schema. */
  call<N extends InspectionTool>(name: N, input: ToolIO[N]['input'], ctx?: ToolContext): Promise<ToolOutcome<ToolIO[N]['output']>>
  close(): Promise<void>
}

const outputChecks = new Map(TOOL_DEFINITIONS.map((tool) => [tool.name, compileSchema(tool.outputSchema)]))

/** A client that offers neither sampling nor elicitation. */
export const plainClient: ClientBridge = {
  supportsSampling: false,
  supportsElicitation: false,
  sample: async () => {
    throw new Error('this client does not support sampling')
  },
  elicit: async () => {
    throw new Error('this client does not support elicitation')
  },
}

/** Writes `files` (strings verbatim, anything else as JSON) into `dir`. */
export async function writeFiles(dir: string, files: Record<string, unknown>): Promise<string> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true })
    await writeFile(join(dir, file), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`)
  }
  return dir
}

/**
 * A real engine (in-memory sqlite, real workers) with a registry over `<base>/tasks`, a Config from the
 * config loader whose base folder is `<base>`, and ToolContexts for calling the inspection handlers.
 */
export async function openInspectionHarness(options: { workers?: number; sources?: Array<{ name: string; dir: string; watch?: boolean }> } = {}): Promise<InspectionHarness> {
  const base = await makeTempRoot('ratchet-inspection-')
  const tasksRoot = join(base, 'tasks')
  await mkdir(tasksRoot, { recursive: true })
  await mkdir(join(base, 'work'), { recursive: true })
  const sources = options.sources ?? [{ name: 'local', dir: 'tasks' }]
  const config = resolveConfig(
    {
      workers: { count: options.workers ?? 1 },
      execution: { max_execution_time: 20 },
      registry: { sources: sources.map((s) => ({ name: s.name, uri: `file://./${s.dir}`, config: { watch_for_changes: s.watch ?? false, auto_reload: false } })) },
    },
    { file: null, cwd: base, env: {} },
  )
  const engine = await openHarness({ pool: { count: options.workers ?? 1 }, engine: { maxExecutionTime: 20 } })
  // As the runtime does: the tasks folder is a source too (here not watched, so tests decide when to load).
  const registrySources = effectiveSources(config.registry.sources, join(base, 'work')).map((source) => (config.registry.sources.includes(source) ? source : { ...source, watchForChanges: false, autoReload: false }))
  const registry = createRegistry({ sources: registrySources, store: engine.store, logger: engine.logger })
  await registry.load()
  const context = (opts: { signal?: AbortSignal } = {}): ToolContext => ({
    engine: engine.engine,
    registry,
    store: engine.store,
    config,
    logger: engine.logger,
    tasksDir: join(base, 'work'),
    signal: opts.signal ?? new AbortController().signal,
    client: plainClient,
    principal: trustedPrincipal('test'),
  })
  return {
    engine,
    registry,
    config,
    base,
    tasksRoot,
    context,
    async writeTask(name, code, extra = {}) {
      const dir = await writeFiles(join(tasksRoot, name), { 'metadata.json': { name, version: '1.0.0', description: `task ${name}` }, 'main.js': code, ...extra })
      await registry.load()
      return dir
    },
    async call(name, input, ctx) {
      const handler = inspectionHandlers[name] as unknown as (i: typeof input, c: ToolContext) => Promise<ToolOutcome<ToolIO[typeof name]['output']>>
      const outcome = await handler(input, ctx ?? context())
      expect(outputChecks.get(name)!.errors(outcome.output)).toEqual([])
      // What crosses the wire is JSON: nothing may be lost on the way.
      expect(JSON.parse(JSON.stringify(outcome.output))).toEqual(outcome.output as never)
      return outcome
    },
    async close() {
      registry.close()
      await engine.close()
    },
  }
}
