/**
 * The contract between the MCP server and the tool handlers. Tool shapes come from schemas/tools/*.json
 * through `bun run gen` (generated/tool-types.ts): a handler that does not follow its schema fails
 * type-checking. Handlers are thin: the work lives in engine/, registry/, tasks/, store/ so the HTTP
 * server can reuse it.
 */
import type { ToolIO, ToolName } from '../tool-catalog.ts'
import type { Principal } from '../../auth/types.ts'
import type { Config } from '../../config/types.ts'
import type { Engine } from '../../engine/engine.ts'
import type { Registry } from '../../registry/registry.ts'
import type { DoorStore } from '../../store/types.ts'
import type { Logger } from '../../lib/logger.ts'
import type { JobService, ScheduleService } from '../../jobs/types.ts'

export interface ProgressUpdate {
  progress: number
  total?: number
  message?: string
}

/** What the connected client can do for a tool while it runs. */
export interface ClientBridge {
  supportsSampling: boolean
  supportsElicitation: boolean
  /** Asks the client's model; throws AppError BAD_INPUT when the client lacks sampling. */
  sample(request: { messages: Array<{ role: 'user' | 'assistant'; text: string }>; systemPrompt?: string; maxTokens: number }): Promise<{ text: string; model?: string }>
  /** Asks the user for structured input; throws when the client lacks elicitation. */
  elicit(request: { message: string; requestedSchema: Record<string, unknown> }): Promise<{ action: 'accept' | 'decline' | 'cancel'; content?: Record<string, unknown> }>
}

/**
 * What a handler works with. `registry`, `store` and `engine` are the caller's views: tasks outside its
 * task patterns (and their executions) are not in them.
 */
export interface ToolContext {
  engine: Engine
  registry: Registry
  store: DoorStore
  config: Config
  logger: Logger
  /** Absolute folder where create_task / edit_task / import_tasks write packages (default ./tasks). */
  tasksDir: string
  /** Aborted when the client cancels the request (notifications/cancelled) or the session closes. */
  signal: AbortSignal
  /** Present when the client sent a progress token: becomes notifications/progress. */
  progress?: (update: ProgressUpdate) => void
  client: ClientBridge
  /** Who is calling (API key, token subject, `stdio`, ...) and what it may do. */
  principal: Principal
  /** The job queue and the schedules (list_jobs, list_schedules); absent where the server keeps none. */
  jobs?: Pick<JobService, 'list'>
  schedules?: Pick<ScheduleService, 'list'>
  /** Enabled and disabled tasks (list_available_tasks shows `enabled`). */
  taskStates?: { isEnabled(name: string): boolean }
}

/**
 * A handler's result. `output` must match the tool's output schema: it becomes `structuredContent`
 * and, as JSON, the text content. `isError: true` marks a tool that ran and failed (a task that
 * failed, a task that does not exist): data for the model, never a JSON-RPC error.
 */
export interface ToolOutcome<Output> {
  output: Output
  isError?: boolean
  /** A human summary placed before the JSON text (optional). */
  summary?: string
}

export type ToolHandler<N extends ToolName> = (input: ToolIO[N]['input'], ctx: ToolContext) => Promise<ToolOutcome<ToolIO[N]['output']>>

export type ToolHandlers = { [N in ToolName]: ToolHandler<N> }
