// GENERATED FILE — DO NOT EDIT. Edit schemas/tools/*.json and run `bun run gen`.
import type { ToolIO, ToolName } from './tool-types.ts'

export type { ToolIO, ToolName } from './tool-types.ts'

/** Anything that can call an MCP tool: the official SDK `Client` fits (`client.callTool`). */
export interface ToolCaller {
  callTool(request: { name: string; arguments?: Record<string, unknown> }): Promise<unknown>
}

/** A tool's answer: `ok` is false when the tool ran and reported an error (isError). */
export type ToolResult<N extends ToolName> = { ok: true; output: ToolIO[N]['output'] } | { ok: false; output?: ToolIO[N]['output']; message: string }

/** A typed Ratchet client over any MCP connection. */
export function createRatchetClient(caller: ToolCaller) {
  async function call<N extends ToolName>(name: N, input: ToolIO[N]['input']): Promise<ToolResult<N>> {
    const result = (await caller.callTool({ name: 'ratchet_' + name, arguments: input as unknown as Record<string, unknown> })) as { isError?: boolean; structuredContent?: ToolIO[N]['output']; content?: Array<{ type: string; text?: string }> }
    const text = (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n')
    if (result.isError) return { ok: false, output: result.structuredContent, message: text }
    return { ok: true, output: result.structuredContent as ToolIO[N]['output'] }
  }
  return {
  /** Execute a task. Runs a Ratchet task with the given input in the warm worker pool and returns its output with the execution id. The input is validated against the task's input schema first. A task that fails returns isError with the structured error (type, message, the task's file and line). Long runs report progress when the client sends a progress token. */
  executeTask: (input: ToolIO['execute_task']['input']) => call<'execute_task'>('execute_task', input),
  }
}

export type RatchetClient = ReturnType<typeof createRatchetClient>
