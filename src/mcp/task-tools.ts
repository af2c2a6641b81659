import { AppError } from '../errors.ts'
import { askClient } from './ask-client.ts'
import { compileSchema } from '../tasks/schema.ts'
import type { JsonSchema, TaskPackage } from '../tasks/types.ts'
import { readContentOutput } from './task-content.ts'
import { readTaskMcpOptions } from './task-mcp-options.ts'
import type { ToolEntry } from './tool-entry.ts'

export const TASK_TOOL_PREFIX = 'task_'
const MAX_NAME = 128

type ObjectSchema = { type: 'object'; [key: string]: unknown }

/** `task_<name>` with every character outside [A-Za-z0-9_-] replaced by `_`, at most 128 characters. */
export function taskToolName(taskName: string): string {
  return (TASK_TOOL_PREFIX + taskName.replace(/[^A-Za-z0-9_-]/g, '_')).slice(0, MAX_NAME)
}

const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema'

/**
 * Drops `$schema`: clients compile tool schemas with their own dialect (the SDK's Ajv knows draft-07
 * only). An input schema keeps a 2020-12 `$schema`: that is MCP's default dialect since 2025-11-25
 * (SEP-1613) and clients only compile output schemas.
 */
function publish(schema: Record<string, unknown>, keep2020 = false): Record<string, unknown> {
  const { $schema: dialect, ...rest } = schema
  return keep2020 && dialect === JSON_SCHEMA_2020_12 ? { $schema: dialect, ...rest } : rest
}

const isObjectSchema = (schema: JsonSchema | null): schema is Record<string, unknown> & { type: 'object' } =>
  typeof schema === 'object' && schema !== null && schema.type === 'object'

/**
 * The tool's input schema: the task's own when it describes an object; otherwise the task input is
 * wrapped as `{ input: ... }` (tool arguments are always an object), with `$defs` kept at the root so
 * local `$ref`s still resolve.
 */
function inputSchemaFor(task: TaskPackage): { schema: ObjectSchema; wrapped: boolean } {
  const own = task.inputSchema
  if (own === null || own === true) return { schema: { type: 'object', additionalProperties: true }, wrapped: false }
  if (isObjectSchema(own)) return { schema: publish(own, true) as ObjectSchema, wrapped: false }
  const inner = typeof own === 'object' ? publish(own) : { not: {} }
  const { $defs, definitions, ...rest } = inner as Record<string, unknown>
  return {
    schema: { type: 'object', properties: { input: rest }, required: ['input'], additionalProperties: false, ...($defs ? { $defs } : {}), ...(definitions ? { definitions } : {}) },
    wrapped: true,
  }
}

/**
 * Each loaded task as a tool (mcp.expose_tasks_as_tools). Calling `task_<name>` runs the task through
 * the engine exactly like ratchet_execute_task: the result is the task's output (structuredContent when
 * the task's output schema is an object), and a failed run is `isError` with the execution's error.
 * The execution id is in `_meta["dev.ratchet/execution_id"]` and in the summary line.
 */
export function buildTaskTools(tasks: readonly TaskPackage[], options: { maxExecutionTime: number }): ToolEntry[] {
  const entries: ToolEntry[] = []
  const taken = new Set<string>()
  for (const task of tasks) {
    const mcp = readTaskMcpOptions(task)
    const wanted = mcp.toolName ?? taskToolName(task.name)
    let name = wanted
    for (let n = 2; taken.has(name); n++) name = `${wanted.slice(0, MAX_NAME - 4)}_${n}`
    taken.add(name)
    const { schema, wrapped } = inputSchemaFor(task)
    // MCP content is not structured output: such a tool declares no outputSchema.
    const outputSchema = mcp.output === 'json' && isObjectSchema(task.outputSchema) ? (publish(task.outputSchema) as ObjectSchema) : undefined
    const taskName = task.name
    entries.push({
      name,
      tool: {
        name,
        title: task.name,
        description: `${task.description || `Runs the Ratchet task ${task.name}.`} (Ratchet task ${task.name}@${task.version}; runs in the worker pool like ratchet_execute_task.${wrapped ? ' Pass the task input as `input`.' : ''})`,
        inputSchema: schema,
        ...(outputSchema ? { outputSchema } : {}),
        annotations: { title: task.name, readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
        execution: { taskSupport: 'optional' },
      },
      taskSupport: 'optional',
      taskName: task.name,
      singleExecution: true,
      ...(outputSchema ? { outputSchema: compileSchema(outputSchema) } : {}),
      prepare(args) {
        if (wrapped && !('input' in args)) return { ok: false, errors: [{ path: '(root)', message: "must have required property 'input'" }] }
        return { ok: true, value: wrapped ? args.input : args }
      },
      async invoke(input, ctx) {
        // Look the task up again: it may have been reloaded (or removed) since tools/list.
        const current = ctx.registry.get(taskName)
        if (!current) throw new AppError('TASK_NOT_FOUND', `Task "${taskName}" is no longer loaded`, { hint: 'Call tools/list again; the task registry changed.' })
        const record = await ctx.engine.execute({ task: current, input, timeout: options.maxExecutionTime, source: 'mcp', onAsk: askClient(ctx.client), ...(ctx.progress ? { onProgress: ctx.progress } : {}) })
        const meta = { 'dev.ratchet/execution_id': record.id }
        const took = record.durationMs === undefined || record.durationMs === null ? '' : ` in ${Math.round(record.durationMs)} ms`
        if (record.status === 'completed' && mcp.output === 'content') {
          const read = readContentOutput(record.output)
          if (read.ok) return { output: record.output, content: read.content, isError: false, meta }
          return { output: { execution_id: record.id, task_id: current.name, task_version: current.version, status: record.status, output: record.output ?? null }, isError: true, summary: `${current.name}@${current.version} completed, but ${read.problem}`, meta }
        }
        if (record.status === 'completed') {
          return { output: record.output ?? null, isError: false, summary: `${current.name}@${current.version} completed${took} (execution ${record.id})`, meta }
        }
        return {
          output: { execution_id: record.id, task_id: current.name, task_version: current.version, status: record.status, error: record.error ?? null },
          isError: true,
          summary: `${current.name}@${current.version} ${record.status.replace('_', ' ')}${took} (execution ${record.id}): ${record.error?.message ?? 'no error recorded'}`,
          meta,
        }
      },
    })
  }
  return entries
}
