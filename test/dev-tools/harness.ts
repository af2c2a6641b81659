import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ToolIO, ToolName } from '../../generated/tool-types.ts'
import { TOOL_DEFINITIONS } from '../../generated/tools.ts'
import { defaultConfig } from '../../src/config/index.ts'
import { AppError } from '../../src/errors.ts'
import { developmentHandlers } from '../../src/mcp/tools/development-tools.ts'
import type { ToolContext, ToolOutcome } from '../../src/mcp/tools/types.ts'
import { createRegistry, type Registry } from '../../src/registry/registry.ts'
import { compileSchema, formatSchemaErrors } from '../../src/tasks/schema.ts'
import { openHarness, type Harness } from '../helpers/with-engine.ts'
import { trustedPrincipal } from '../../src/auth/permissions.ts'

export interface DevToolsHarness {
  ctx: ToolContext
  tasksDir: string
  /** A second registry source the tools must treat as read-only. */
  readOnlyDir: string
  registry: Registry
  engine: Harness
  call<N extends keyof typeof developmentHandlers & ToolName>(name: N, input: ToolIO[N]['input']): Promise<ToolOutcome<ToolIO[N]['output']>>
  close(): Promise<void>
}

/**
 * A real setup for the task-development tools: a temp tasks folder and a read-only folder as the
 * registry's two sources (no watching), an in-memory sqlite store, a 2-worker pool and the engine,
 * and a ToolContext whose client has neither sampling nor elicitation. `call` also checks every output
 * against the tool's published output schema, as the MCP server does.
 */
export async function openDevTools(): Promise<DevToolsHarness> {
  const root = await mkdtemp(join(tmpdir(), 'ratchet-devtools-'))
  const tasksDir = join(root, 'tasks')
  const readOnlyDir = join(root, 'shared')
  const engine = await openHarness({ pool: { count: 2 } })
  const registry = createRegistry({
    sources: [
      // As the runtime adds it (withTasksDir): the writable folder overrides read-only sources.
      { name: 'tasks', uri: `file://${tasksDir}`, path: tasksDir, watchForChanges: false, autoReload: false, overrides: true },
      { name: 'shared', uri: `file://${readOnlyDir}`, path: readOnlyDir, watchForChanges: false, autoReload: false },
    ],
    store: engine.store,
    logger: engine.logger,
  })
  const noClientFeature = async (): Promise<never> => {
    throw new AppError('BAD_INPUT', 'this client supports neither sampling nor elicitation')
  }
  const ctx: ToolContext = {
    engine: engine.engine,
    registry,
    store: engine.store,
    config: defaultConfig(root),
    logger: engine.logger,
    tasksDir,
    signal: new AbortController().signal,
    client: { supportsSampling: false, supportsElicitation: false, sample: noClientFeature, elicit: noClientFeature },
    principal: trustedPrincipal('test'),
  }
  return {
    ctx,
    tasksDir,
    readOnlyDir,
    registry,
    engine,
    async call(name, input) {
      const outcome = await (developmentHandlers[name] as (i: typeof input, c: ToolContext) => Promise<ToolOutcome<ToolIO[typeof name]['output']>>)(input, ctx)
      // The MCP server refuses outputs that break the published output schema (isError ones included).
      const validator = compileSchema(TOOL_DEFINITIONS.find((d) => d.name === name)!.outputSchema)
      if (!validator.check(outcome.output)) throw new Error(`${name} output breaks its schema: ${formatSchemaErrors(validator.errors(outcome.output), 'output')}`)
      return outcome
    },
    async close() {
      registry.close()
      await engine.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}

export const ADD_CODE = 'function main(input) {\n  return { sum: input.a + input.b }\n}\n'
export const ADD_INPUT = { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] }
export const ADD_OUTPUT = { type: 'object', properties: { sum: { type: 'number' } }, required: ['sum'] }
export const ADD_TESTS = [
  { name: 'adds', input: { a: 2, b: 3 }, expected_output: { sum: 5 } },
  { name: 'adds negatives', input: { a: -1, b: -1 }, expected: { sum: -2 } },
  { name: 'rejects text', input: { a: 'x', b: 1 }, should_fail: true },
]
