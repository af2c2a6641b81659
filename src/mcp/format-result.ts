import type { CallToolResult, ContentBlock } from '@modelcontextprotocol/sdk/types.js'
import { doorHint, type NextStep } from '../engine/next-steps.ts'
import type { AppError } from '../errors.ts'
import type { SchemaValidator } from '../tasks/schema.ts'
import { shrinkOutput } from './internal/shrink-output.ts'
import { truncateUtf8 } from './internal/truncate-utf8.ts'

/** The engine's next steps as MCP tools. */
const MCP_NEXT_STEPS: Record<NextStep, string> = {
  listTasks: 'Call ratchet_list_available_tasks to see the task names.',
  listExecutions: 'Call ratchet_list_executions to see execution ids.',
}

/** What a tool produced, before it becomes an MCP result. */
export interface ToolRun {
  output: unknown
  isError: boolean
  summary?: string
  /** Extra `_meta` on the result (e.g. the execution id of a task run as its own tool). */
  meta?: Record<string, unknown>
  /** MCP content to send as is instead of the output as JSON (a task with `"mcp": {"output": "content"}`). */
  content?: ContentBlock[]
}

export interface FormatOptions {
  /** The tool's output schema, compiled; undefined when the tool declares none. */
  outputSchema?: SchemaValidator
  /** Bytes of structuredContent (mcp.security.response_size_limit); a larger one is shortened. */
  limitBytes: number
  /** Bytes of text content (mcp.security.max_tool_result_text, at most limitBytes); default limitBytes. */
  textLimitBytes?: number
}

/** A handler returned an output that breaks its own output schema: a server bug, never the caller's. */
export class OutputSchemaViolation extends Error {
  constructor(readonly problems: string) {
    super(`the tool's output does not match its output schema: ${problems}`)
  }
}

/**
 * Turns a tool's output into the MCP result: `structuredContent` (when the tool has an output schema
 * and the output matches it) plus the same JSON as text, after an optional summary. Text above its
 * limit is cut with a note on where to read the rest. Structured output above its limit is shortened
 * (execution payloads become `{ truncated, bytes, resource }` placeholders, then the largest strings
 * and arrays are cut) so that a call that worked still reads as one: `isError` stays the tool's own.
 * Only when no schema-valid shortening exists is it left out, and the result then reported as an
 * error that says the call worked and where the full output is.
 */
export function formatToolResult(run: ToolRun, options: FormatOptions): CallToolResult {
  if (run.content) return { content: run.content, isError: run.isError, ...(run.meta ? { _meta: run.meta } : {}) }
  const textLimit = Math.min(options.textLimitBytes ?? options.limitBytes, options.limitBytes)
  const json = JSON.stringify(run.output ?? null, null, 2)
  const text = (run.summary ? `${run.summary}\n\n` : '') + json
  let isError = run.isError
  let structured: Record<string, unknown> | undefined
  const notes: string[] = []
  const cut = truncateUtf8(text, textLimit)
  if (options.outputSchema) {
    if (options.outputSchema.check(run.output)) {
      if (Buffer.byteLength(JSON.stringify(run.output), 'utf8') <= options.limitBytes) {
        structured = run.output as Record<string, unknown>
      } else {
        const shrunk = shrinkOutput(run.output, options.limitBytes)
        if (shrunk && options.outputSchema.check(shrunk.value)) {
          structured = shrunk.value as Record<string, unknown>
          // The text's own note already names the resource of a single execution.
          const named = cut.truncated && shrunk.executionIds.length === 1 && shrunk.executionIds[0] === executionIdOf(run.output)
          notes.push(`structuredContent is shortened to fit mcp.security.response_size_limit (${options.limitBytes} bytes): ${shrunk.cuts.join('; ')}.${named ? '' : shrunkHint(shrunk.executionIds)}`)
        } else {
          notes.push(`structuredContent was left out because the output is larger than mcp.security.response_size_limit (${options.limitBytes} bytes).${isError ? '' : ' The call itself succeeded.'}`)
          isError = true
        }
      }
    } else if (!run.isError) {
      throw new OutputSchemaViolation(options.outputSchema.errors(run.output).map((e) => `${e.path}: ${e.message}`).join('; '))
    }
  }
  if (cut.truncated) notes.unshift(`The text above is cut at ${textLimit} of ${cut.bytes} bytes (${textLimitKey(options)}). ${pagingHint(run.output)}`)
  const body = cut.text + (notes.length > 0 ? `\n\n[${notes.join(' ')}]` : '')
  return {
    content: [{ type: 'text', text: body }],
    ...(structured !== undefined ? { structuredContent: structured } : {}),
    isError,
    ...(run.meta ? { _meta: run.meta } : {}),
  }
}

const textLimitKey = (options: FormatOptions) => (options.textLimitBytes !== undefined && options.textLimitBytes < options.limitBytes ? 'mcp.security.max_tool_result_text' : 'mcp.security.response_size_limit')

/** Where the payloads replaced by placeholders can be read in full. */
function shrunkHint(executionIds: string[]): string {
  if (executionIds.length === 0) return ' Ask for less with the tool\'s filters and its limit/offset or page/limit arguments.'
  return ` Read a replaced value with resources/read of its resource (ratchet://executions/${executionIds[0]}${executionIds.length > 1 ? ', …' : ''}); page through many executions with ratchet_get_results (offset/limit).`
}

function executionIdOf(output: unknown): string | undefined {
  const id = typeof output === 'object' && output !== null ? (output as Record<string, unknown>).execution_id : undefined
  return typeof id === 'string' ? id : undefined
}

/** How to get the rest of an output that did not fit. */
function pagingHint(output: unknown): string {
  const id = executionIdOf(output)
  if (id !== undefined) {
    return `Read the whole record from the resource ratchet://executions/${id} (logs: …/logs, trace: …/trace), or page through the logs with ratchet_get_execution_logs (limit/offset).`
  }
  return 'Ask for less: use the tool\'s filters and its limit/offset or page/limit arguments to page through the rest.'
}

/**
 * A tool that failed with an AppError: `{error: {code, message, hint, data}}` as text. The same object
 * is structuredContent only when it matches the tool's output schema.
 */
export function formatAppError(error: AppError, options: FormatOptions): CallToolResult {
  const hint = doorHint(error.hint, MCP_NEXT_STEPS)
  const payload = { error: { code: error.code, message: error.message, ...(hint ? { hint } : {}), ...(error.data ? { data: error.data } : {}) } }
  const textLimit = Math.min(options.textLimitBytes ?? options.limitBytes, options.limitBytes)
  const cut = truncateUtf8(JSON.stringify(payload, null, 2), textLimit)
  const fits = Buffer.byteLength(JSON.stringify(payload), 'utf8') <= options.limitBytes
  const structured = fits && options.outputSchema?.check(payload) ? { structuredContent: payload } : {}
  return { content: [{ type: 'text', text: cut.truncated ? `${cut.text}\n\n[cut at ${textLimit} bytes]` : cut.text }], ...structured, isError: true }
}

/** A plain error result (unknown tool, disabled tool, an unexpected failure). */
export function errorResult(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true }
}
