import type { Server } from '@modelcontextprotocol/sdk/server/index.js'
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js'
import { ErrorCode, type CallToolRequest, type CallToolResult, type CreateTaskResult, type ProgressToken, type ServerNotification, type ServerRequest } from '@modelcontextprotocol/sdk/types.js'
import type { AccessControl, Lookup } from '../auth/access-control.ts'
import type { TaskChange } from '../auth/call-rule.ts'
import { toolRule } from './tool-operations.ts'
import type { ExecuteRequest, Submitted } from '../engine/engine.ts'
import { AppError, isAppError } from '../errors.ts'
import { createClientBridge } from './client-bridge.ts'
import type { ExecutionTaskStore } from './execution-task-store.ts'
import { errorResult, formatAppError, formatToolResult } from './format-result.ts'
import { createProgressReporter } from './progress-reporter.ts'
import type { McpSettings } from './settings.ts'
import type { SessionLog } from './session-log.ts'
import type { ToolCatalog } from './tool-catalog.ts'
import type { ToolEntry } from './tool-entry.ts'
import { trackEngine } from './tracking-engine.ts'
import type { ProgressUpdate, ToolContext } from './tools/types.ts'
import { ProtocolError } from './internal/protocol-error.ts'

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>

/** What a tools/call needs from its session. */
export interface CallSession {
  server: Server
  catalog: ToolCatalog
  settings: McpSettings
  /** The ToolContext fields that are the same for every call of the session. */
  context: Omit<ToolContext, 'signal' | 'progress' | 'client'>
  /** Checks every call against the principal's permissions and limits, and audits it. */
  access: AccessControl
  /** The unscoped registry and store, for the checks. */
  lookup: Lookup
  taskStore: ExecutionTaskStore
  log: SessionLog
  heartbeatMs: number
  /** Aborted when the session closes. */
  closed: AbortSignal
  /** Every execution a call of this session submits (for log forwarding). */
  onSubmit(submitted: Submitted, request: ExecuteRequest): void
  /** Calls answered in the request (not task-augmented) that are still running. */
  inflight: Set<Promise<unknown>>
}

interface RunOptions {
  signal: AbortSignal
  progressToken?: ProgressToken
  sendProgress: (notification: ServerNotification) => Promise<void>
  onFirstSubmit?: (executionId: string) => void
}

type Prepared = { ok: true; entry: ToolEntry; value: unknown } | { ok: false; result: CallToolResult; entry?: ToolEntry }

/** A call that may run, with what the audit line needs; or the refusal to answer (and audit). */
type Authorized =
  | { ok: true; entry: ToolEntry; value: unknown; tasks: string[]; change?: TaskChange }
  | { ok: false; result: CallToolResult; entry?: ToolEntry; tasks: string[]; outcome: 'denied' | 'error'; reason: string }

/** Finds the tool and checks its arguments; a refusal is already the isError result to answer. */
function prepareCall(session: CallSession, name: string, args: Record<string, unknown>): Prepared {
  const resolved = session.catalog.resolve(name)
  if (resolved.kind === 'unknown') return { ok: false, result: errorResult(resolved.message) }
  if (resolved.kind === 'disabled') {
    const how = resolved.switches.map((s) => `${s}: true`).join(' and ')
    return { ok: false, result: errorResult(`${resolved.name} is disabled on this server: set ${how} in the Ratchet config and restart the server to use it.`) }
  }
  const { entry } = resolved
  const prepared = entry.prepare(args)
  if (prepared.ok) return { ok: true, entry, value: prepared.value }
  const fields = prepared.errors.map((e) => `${e.path === '(root)' ? '(arguments)' : e.path.slice(1)}: ${e.message}`)
  const error = new AppError('BAD_INPUT', `Invalid arguments for ${entry.name}: ${fields.join('; ')}`, {
    data: { errors: prepared.errors },
    hint: `Fix the fields listed; tools/list shows the inputSchema of ${entry.name}.`,
  })
  return { ok: false, entry, result: formatAppError(error, { limitBytes: session.settings.responseSizeLimit, textLimitBytes: session.settings.maxToolResultText, outputSchema: entry.outputSchema }) }
}

/** Checks a prepared call against the caller's permissions, task patterns and rate limits. */
async function authorizeCall(session: CallSession, call: Prepared): Promise<Authorized> {
  if (!call.ok) return { ...call, tasks: [], outcome: 'error', reason: firstLine(call.result) }
  const { entry } = call
  const verdict = await session.access.checkTool(session.context.principal, { tool: entry.name, rule: toolRule(entry.builtin), bucket: entry.builtin ?? 'execute_task', ...(entry.builtin === undefined ? { taskName: entry.taskName } : {}), args: call.value }, session.lookup)
  if (!verdict.ok) return { ok: false, entry, result: errorResult(verdict.message), tasks: verdict.tasks, outcome: 'denied', reason: verdict.message }
  return { ok: true, entry, value: verdict.args, tasks: verdict.tasks, ...(verdict.change ? { change: verdict.change } : {}) }
}

/** Writes the audit line of a refused call. */
function auditRefusal(session: CallSession, name: string, call: Extract<Authorized, { ok: false }>, began: number): void {
  // An unknown tool's name comes from the client: keep the audit line short whatever was sent.
  session.access.recordCall(session.context.principal, { tool: call.entry?.name ?? name.slice(0, 128), tasks: call.tasks, outcome: call.outcome, reason: call.reason, durationMs: performance.now() - began })
}

/**
 * Answers tools/call: resolves the tool (ratchet_<name>, ratchet.<name>, task_<name>), validates the
 * arguments and fills their defaults, runs the handler with a ToolContext and shapes the result. Every
 * failure of the tool — unknown or disabled tool, invalid arguments, an error thrown by the handler —
 * is an `isError` result, never a JSON-RPC error. With `task` in the params the call runs in the
 * background and the answer is a CreateTaskResult (see execution-task-store.ts); a refused call then
 * becomes a task that failed at once.
 */
export async function callTool(session: CallSession, request: CallToolRequest, extra: Extra): Promise<CallToolResult | CreateTaskResult> {
  const { name, arguments: args = {}, task } = request.params
  const began = performance.now()
  const prepared = prepareCall(session, name, args)
  const progressToken = request.params._meta?.progressToken
  if (task && prepared.entry?.taskSupport === 'forbidden') {
    throw new ProtocolError(ErrorCode.MethodNotFound, `Tool ${prepared.entry.name} does not run as a task (execution.taskSupport is "forbidden"); call it without "task"`)
  }
  const call = await authorizeCall(session, prepared)
  if (!call.ok) auditRefusal(session, name, call, began)
  if (task) {
    if (call.ok) return startTask(session, call, { ttl: task.ttl, progressToken })
    const id = Bun.randomUUIDv7()
    const created = session.taskStore.open(id, { ttl: task.ttl, abort: new AbortController() })
    session.taskStore.settle(id, 'failed', call.result, firstLine(call.result))
    return { task: (await session.taskStore.getTask(id)) ?? created }
  }
  if (!call.ok) return call.result
  const running = runAudited(session, call, { signal: extra.signal, progressToken, sendProgress: (n) => extra.sendNotification(n) })
  session.inflight.add(running)
  try {
    return await running
  } finally {
    session.inflight.delete(running)
  }
}

/** Runs an authorized call and writes its audit line (and its task changes) when it ends. */
async function runAudited(session: CallSession, call: Extract<Authorized, { ok: true }>, options: RunOptions): Promise<CallToolResult> {
  const began = performance.now()
  let executionId: string | undefined
  const result = await runTool(session, call.entry, call.value, {
    ...options,
    onFirstSubmit: (id) => {
      executionId = id
      options.onFirstSubmit?.(id)
    },
  })
  const imported = call.change === 'import' ? (result.structuredContent as { imported?: Array<{ name?: unknown }> } | undefined)?.imported : undefined
  session.access.recordCall(session.context.principal, {
    tool: call.entry.name,
    tasks: call.tasks,
    outcome: result.isError ? 'error' : 'ok',
    durationMs: performance.now() - began,
    ...(executionId ? { executionId } : {}),
    ...(result.isError ? { reason: firstLine(result) } : {}),
    ...(call.change ? { change: call.change } : {}),
    ...(imported ? { changedTasks: imported.map((i) => String(i.name)) } : {}),
  })
  return result
}

/** Runs a task-augmented call in the background and answers with its task at once. */
async function startTask(session: CallSession, call: Extract<Authorized, { ok: true }>, options: { ttl?: number | null; progressToken?: ProgressToken }): Promise<CreateTaskResult> {
  const { entry } = call
  const abort = new AbortController()
  const submitted = Promise.withResolvers<string>()
  const running = runAudited(session, call, {
    signal: abort.signal,
    progressToken: options.progressToken,
    // The request is answered before the work ends, so progress is not tied to it.
    sendProgress: (n) => session.server.notification(n),
    onFirstSubmit: submitted.resolve,
  })
  const executionId = entry.singleExecution ? await Promise.race([submitted.promise, running.then(() => null)]) : null
  const taskId = executionId ?? Bun.randomUUIDv7()
  const task = session.taskStore.open(taskId, { ttl: options.ttl, abort })
  void running.then(async (result) => {
    // The record only refines the status and message; when it cannot be read the call's own result decides.
    const record = executionId ? await session.context.store.getExecution(executionId).catch(() => null) : null
    const status = abort.signal.aborted || record?.status === 'cancelled' ? 'cancelled' : result.isError ? 'failed' : 'completed'
    const message = record?.error ? `${record.status}: ${record.error.message}` : result.isError ? firstLine(result) : undefined
    session.taskStore.settle(taskId, status, result, message)
  })
  return { task }
}

async function runTool(session: CallSession, entry: ToolEntry, value: unknown, options: RunOptions): Promise<CallToolResult> {
  const { settings, server, context } = session
  const signal = AbortSignal.any([options.signal, session.closed])
  const reporter =
    options.progressToken !== undefined && settings.tools.progress
      ? createProgressReporter((update: ProgressUpdate) => options.sendProgress({ method: 'notifications/progress', params: { progressToken: options.progressToken!, ...update } }), {
          heartbeatMs: session.heartbeatMs,
          onError: (error) => context.logger.debug('could not send a progress notification', { tool: entry.name, error: String(error) }),
        })
      : undefined
  let first = true
  const engine = trackEngine(context.engine, signal, (submitted, request) => {
    session.onSubmit(submitted, request)
    if (first) options.onFirstSubmit?.(submitted.id)
    first = false
  })
  const ctx: ToolContext = { ...context, engine, signal, client: createClientBridge(server, signal), ...(reporter ? { progress: reporter.report } : {}) }
  const format = { limitBytes: settings.responseSizeLimit, textLimitBytes: settings.maxToolResultText, outputSchema: entry.outputSchema }
  try {
    const run = await entry.invoke(value, ctx)
    return formatToolResult(run, format)
  } catch (error) {
    if (isAppError(error)) return formatAppError(error, format)
    const reference = Bun.randomUUIDv7().slice(-12)
    // The stack stays in the server log (stderr or file sinks); the client gets a reference to it.
    context.logger.error('MCP tool failed unexpectedly', { tool: entry.name, reference, error: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined })
    session.log.send('error', 'ratchet', { message: `${entry.name} failed unexpectedly`, reference })
    return errorResult(`${entry.name} failed because of an internal error in the Ratchet server (reference ${reference}); the server log has the details. This is not caused by the arguments.`)
  } finally {
    await reporter?.stop()
  }
}

/** A one-line reason for a failed task: the error message of an AppError result, else the first line. */
function firstLine(result: CallToolResult): string {
  const block = result.content.find((c) => c.type === 'text')
  if (!block || block.type !== 'text') return 'the tool reported an error'
  try {
    const message = (JSON.parse(block.text) as { error?: { message?: unknown } }).error?.message
    if (typeof message === 'string') return message.slice(0, 300)
  } catch {
    // Not an AppError payload: fall back to the text itself.
  }
  return block.text.split('\n')[0].slice(0, 300)
}
