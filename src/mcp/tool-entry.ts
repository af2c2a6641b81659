import type { Tool } from '@modelcontextprotocol/sdk/types.js'
import type { ToolDefinition, ToolName } from './tool-catalog.ts'
import { compileSchema, type SchemaError, type SchemaValidator } from '../tasks/schema.ts'
import { applyDefaults } from './internal/apply-defaults.ts'
import type { ToolRun } from './format-result.ts'
import type { ToolContext, ToolHandler } from './tools/types.ts'

export type Prepared = { ok: true; value: unknown } | { ok: false; errors: SchemaError[] }

/** One callable tool as the server offers it: a built-in `ratchet_*` tool or a task exposed as `task_*`. */
export interface ToolEntry {
  /** The name on the wire. */
  name: string
  /** What tools/list shows. */
  tool: Tool
  taskSupport: 'forbidden' | 'optional' | 'required'
  /** The built-in tool this entry is (its row in src/mcp/tool-operations.ts); unset for task tools. */
  builtin?: ToolName
  /** The task a task tool runs; unset for built-ins. */
  taskName?: string
  /** The call is one execution, so a task-augmented call can use the execution id as its task id. */
  singleExecution: boolean
  outputSchema?: SchemaValidator
  /** Checks the arguments and fills schema defaults, or names every invalid field. */
  prepare(args: Record<string, unknown>): Prepared
  invoke(value: unknown, ctx: ToolContext): Promise<ToolRun>
}

export const BUILTIN_PREFIX = 'ratchet_'

/** A built-in tool from generated/tools.ts with its handler. */
export function builtinEntry(definition: ToolDefinition, handler: ToolHandler<never>, check: ((value: unknown) => boolean) | undefined): ToolEntry {
  const input = compileSchema(definition.inputSchema)
  const fastCheck = check ?? input.check
  return {
    name: BUILTIN_PREFIX + definition.name,
    tool: {
      name: BUILTIN_PREFIX + definition.name,
      title: definition.title,
      description: definition.description,
      inputSchema: definition.inputSchema,
      outputSchema: definition.outputSchema,
      annotations: definition.annotations,
      ...(definition.taskSupport !== 'forbidden' ? { execution: { taskSupport: definition.taskSupport } } : {}),
    },
    taskSupport: definition.taskSupport,
    builtin: definition.name,
    singleExecution: definition.name === 'execute_task',
    outputSchema: compileSchema(definition.outputSchema),
    prepare(args) {
      if (fastCheck(args)) return { ok: true, value: applyDefaults(definition.inputSchema, args) }
      const errors = input.errors(args)
      // The precompiled check and TypeBox's error walk agree; this guards a disagreement all the same.
      return { ok: false, errors: errors.length > 0 ? errors : [{ path: '(root)', message: 'does not match the input schema' }] }
    },
    async invoke(value, ctx) {
      const outcome = await handler(value as never, ctx)
      return { output: outcome.output, isError: outcome.isError === true, ...(outcome.summary ? { summary: outcome.summary } : {}) }
    },
  }
}
