/**
 * What the task-development tools share: the authoring service built over the caller's views (so a
 * principal's task patterns apply), and the per-call options.
 */
import { createAuthoring, type Authoring, type CallOptions } from '../../../authoring/index.ts'
import type { ToolContext } from '../types.ts'

/** The authoring service as this call's principal sees the runtime; tests run under the MCP time cap. */
export function authoringFor(ctx: ToolContext): Authoring {
  return createAuthoring({
    registry: ctx.registry,
    engine: ctx.engine,
    store: ctx.store,
    logger: ctx.logger,
    tasksDir: ctx.tasksDir,
    maxTestSeconds: ctx.config.mcp.maxExecutionTime,
  })
}

/** Who asks, cancellation and progress notifications of this call. */
export function callOptions(ctx: ToolContext): CallOptions {
  return { actor: ctx.principal.name, signal: ctx.signal, ...(ctx.progress ? { onProgress: ctx.progress } : {}) }
}
