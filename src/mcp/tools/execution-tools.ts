/**
 * The execution, monitoring, logging and debugging tools: listing and running tasks (one or a batch),
 * cancelling, and reading an execution's status, logs, trace and error analysis. Each handler only
 * translates between the tool's shapes and the engine/ functions that do the work, which a REST API
 * reuses. Problems before anything runs (unknown task or execution, a bad batch) are thrown as
 * AppError for the server to report; a task that ran and failed is an `isError` result.
 */
import { AppError } from '../../errors.ts'
import { askClient } from '../ask-client.ts'
import { analyzeExecutionError, explanationPrompt, type ErrorAnalysis } from '../../engine/analyze-error.ts'
import { checkBatchPlan, MAX_BATCH_PARALLEL, runBatch, type BatchItem } from '../../engine/batch.ts'
import { cancelExecution, requireExecution } from '../../engine/cancel-execution.ts'
import { formatLogText, readLogPage, viewLog } from '../../engine/execution-logs.ts'
import { viewTrace } from '../../engine/execution-trace.ts'
import { definedOnly, describeOutcome, viewBatchItem, viewBatchStats, viewExecuteResult, viewExecution, viewExecutionSummary } from '../../engine/execution-views.ts'
import { gatherErrorFacts } from '../../engine/gather-error-facts.ts'
import { listTasks } from '../../engine/list-tasks.ts'
import { paginate } from '../../engine/pagination.ts'
import { resolveTask, timeoutCapSeconds } from '../../engine/resolve-task.ts'
import { engineBatchRunner, runExecution } from '../../engine/run-execution.ts'
import type { Config } from '../../config/types.ts'
import type { ExecutionFilter, ExecutionStatus } from '../../store/types.ts'
import type { TaskPackage } from '../../tasks/types.ts'
import type { ToolContext, ToolHandlers } from './types.ts'

type ExecutionToolName =
  | 'list_available_tasks'
  | 'execute_task'
  | 'batch_execute'
  | 'cancel_execution'
  | 'get_execution_status'
  | 'list_executions'
  | 'get_execution_logs'
  | 'get_execution_trace'
  | 'analyze_execution_error'

const SORT_KEYS: Record<string, NonNullable<ExecutionFilter['sortBy']>> = {
  queued_at: 'queuedAt',
  started_at: 'startedAt',
  completed_at: 'completedAt',
  duration_ms: 'durationMs',
  status: 'status',
}

/** A whole number within [min, max], or the default when absent. */
const whole = (value: number | undefined, fallback: number, min: number, max: number) => Math.min(max, Math.max(min, Math.floor(value ?? fallback)))

/** mcp.security.max_log_entries, at most 1000. */
function maxLogEntries(config: Config): number {
  const security = (config.raw.mcp as { security?: { max_log_entries?: unknown } } | undefined)?.security
  const configured = security?.max_log_entries
  return typeof configured === 'number' && configured >= 1 ? Math.min(1000, Math.floor(configured)) : 1000
}

const forwardProgress = (ctx: ToolContext) => (ctx.progress ? (p: { progress: number; total?: number; message?: string }) => ctx.progress!(definedOnly({ progress: p.progress, total: p.total, message: p.message })) : undefined)

interface ModelExplanation {
  status: 'ok' | 'unavailable' | 'failed'
  text?: string
  model?: string
  note?: string
}

/** ask_model: the client's own model explains the analysis, when the client supports sampling. */
async function askModel(ctx: ToolContext, analysis: ErrorAnalysis): Promise<ModelExplanation> {
  if (analysis.category === 'none') return { status: 'unavailable', note: 'There is no failure to explain.' }
  if (!ctx.client.supportsSampling) return { status: 'unavailable', note: 'The connected client does not support MCP sampling, so its model cannot be asked; the analysis above is complete without it.' }
  try {
    const reply = await ctx.client.sample({
      messages: [{ role: 'user', text: explanationPrompt(analysis) }],
      systemPrompt: 'You explain failed task executions to the developer who wrote the task. Be brief and concrete.',
      maxTokens: 400,
    })
    return definedOnly<ModelExplanation>({ status: 'ok', text: reply.text, model: reply.model })
  } catch (error) {
    return { status: 'failed', note: `The client's model could not be asked: ${error instanceof Error ? error.message : String(error)}` }
  }
}

export const executionHandlers: Pick<ToolHandlers, ExecutionToolName> = {
  async list_available_tasks(input, ctx) {
    const sortOrder = input.sort_order ?? 'asc'
    const { tasks, pagination, problems } = await listTasks(ctx.registry, ctx.store, {
      filter: input.filter,
      category: input.category,
      tags: input.tags,
      includeSchemas: input.include_schemas ?? false,
      page: whole(input.page, 0, 0, Number.MAX_SAFE_INTEGER),
      limit: whole(input.limit, 50, 1, 1000),
      sortBy: input.sort_by,
      sortOrder,
      ...(ctx.taskStates ? { isEnabled: (name: string) => ctx.taskStates!.isEnabled(name) } : {}),
    })
    return {
      output: definedOnly({
        tasks,
        pagination,
        sorting: { sort_by: input.sort_by ?? null, sort_order: sortOrder },
        filters: definedOnly({ filter: input.filter, category: input.category, tags: input.tags }),
        problems: problems.length > 0 ? problems : undefined,
      }),
      summary: `${pagination.total_count} task${pagination.total_count === 1 ? '' : 's'} match (page ${pagination.page + 1} of ${Math.max(1, pagination.total_pages)})${problems.length > 0 ? `; ${problems.length} package(s) failed to load, see problems` : ''}`,
    }
  },

  async execute_task(input, ctx) {
    const task = resolveTask(ctx.registry, input.task_id)
    const cap = timeoutCapSeconds(ctx.config)
    const record = await runExecution(ctx.engine, {
      task,
      input: input.input ?? {},
      timeout: Math.min(input.timeout ?? cap, cap),
      source: 'mcp',
      signal: ctx.signal,
      onProgress: forwardProgress(ctx),
      onAsk: askClient(ctx.client),
    })
    const spans = input.trace === false ? undefined : await ctx.store.getSpans(record.id)
    return { output: viewExecuteResult(record, spans), isError: record.status !== 'completed', summary: describeOutcome(record) }
  },

  async batch_execute(input, ctx) {
    if (input.requests && input.tasks) throw new AppError('BAD_INPUT', 'Give either requests or tasks (its alias), not both')
    const requests = input.requests ?? input.tasks
    if (!requests) throw new AppError('BAD_INPUT', 'The batch needs requests: [{ task_id, input, id?, dependencies? }]', { hint: '`tasks` is accepted as an alias of `requests`.' })
    // An item without an id gets its index, so the guide's `tasks: [{ task_id, input }]` works; a
    // dependency on an id that is not in the batch is still rejected by checkBatchPlan.
    const items: BatchItem[] = requests.map((r, index) => ({ id: r.id ?? String(index), taskId: r.task_id, input: r.input ?? {}, dependencies: r.dependencies ?? [], timeoutMs: r.timeout_ms, priority: r.priority ?? 0 }))
    checkBatchPlan(items)
    const tasks = new Map<string, TaskPackage>()
    for (const item of items) {
      try {
        tasks.set(item.id, resolveTask(ctx.registry, item.taskId))
      } catch (error) {
        if (error instanceof AppError) throw new AppError(error.code, `Request "${item.id}": ${error.message}`, { data: { id: item.id, ...error.data }, hint: error.hint })
        throw error
      }
    }
    const mode = input.execution_mode ?? 'parallel'
    const maxParallel = whole(input.max_parallel, Math.min(MAX_BATCH_PARALLEL, ctx.config.workers.count), 1, MAX_BATCH_PARALLEL)
    const progress = ctx.progress
    const { results, stats } = await runBatch(items, engineBatchRunner(ctx.engine, tasks, { capSeconds: timeoutCapSeconds(ctx.config), source: 'mcp' }), {
      mode,
      maxParallel,
      failFast: Boolean(input.fail_fast || input.stop_on_error),
      timeoutMs: input.timeout_ms,
      signal: ctx.signal,
      onItemDone: progress ? (result, done, total) => progress({ progress: done, total, message: `${result.id}: ${result.status}${result.skippedReason ? ` (${result.skippedReason})` : ''}` }) : undefined,
    })
    return {
      output: definedOnly({ results: results.map(viewBatchItem), stats: viewBatchStats(stats), execution_mode: mode, max_parallel: maxParallel, correlation_token: input.correlation_token }),
      isError: stats.completed < stats.total,
      summary: `batch of ${stats.total}: ${stats.completed} completed, ${stats.failed} failed, ${stats.skipped} skipped in ${Math.round(stats.totalDurationMs)} ms`,
    }
  },

  async cancel_execution(input, ctx) {
    const outcome = await cancelExecution(ctx.engine, ctx.store, input.execution_id, { reason: input.reason })
    return {
      output: { execution_id: outcome.executionId, cancelled: outcome.cancelled, status: outcome.status, previous_status: outcome.previousStatus, message: outcome.message },
      summary: outcome.message,
    }
  },

  async get_execution_status(input, ctx) {
    const record = await requireExecution(ctx.store, input.execution_id)
    return { output: viewExecution(record, { includeInput: input.include_input ?? true, includeOutput: input.include_output ?? true }), summary: describeOutcome(record) }
  },

  async list_executions(input, ctx) {
    const page = whole(input.page, 0, 0, Number.MAX_SAFE_INTEGER)
    const limit = whole(input.limit, 50, 1, 1000)
    const sortBy = input.sort_by ?? 'queued_at'
    const sortOrder = input.sort_order ?? 'desc'
    const status: ExecutionStatus | undefined = input.status === 'pending' ? 'queued' : input.status
    const taskName = input.task_id === undefined ? undefined : (ctx.registry.get(input.task_id)?.name ?? input.task_id)
    const { items, total } = await ctx.store.listExecutions({ taskName, status, limit, offset: page * limit, sortBy: SORT_KEYS[sortBy], sortOrder })
    return {
      output: {
        executions: items.map((record) => viewExecutionSummary(record, { includeOutput: input.include_output ?? false })),
        pagination: paginate(page, limit, total),
        sorting: { sort_by: sortBy, sort_order: sortOrder },
        filters: definedOnly({ task_id: taskName, status }),
      },
      summary: `${total} execution${total === 1 ? '' : 's'} match`,
    }
  },

  async get_execution_logs(input, ctx) {
    const record = await requireExecution(ctx.store, input.execution_id)
    const level = input.level ?? 'info'
    const limit = Math.min(whole(input.limit, 100, 1, 1000), maxLogEntries(ctx.config))
    const offset = whole(input.offset, 0, 0, Number.MAX_SAFE_INTEGER)
    const page = await readLogPage(ctx.store, record.id, { minLevel: level, offset, limit })
    return {
      output: definedOnly({
        execution_id: record.id,
        status: record.status,
        level,
        logs: page.entries.map(viewLog),
        total: page.total,
        offset,
        limit,
        has_more: page.hasMore,
        text: input.format === 'text' ? formatLogText(page.entries) : undefined,
      }),
      summary: `${page.entries.length} of ${page.total} log entries at ${level} or above${page.below > 0 ? `; ${page.below} more below ${level} (level: "trace" shows them)` : ''}`,
    }
  },

  async get_execution_trace(input, ctx) {
    const record = await requireExecution(ctx.store, input.execution_id)
    const spans = await ctx.store.getSpans(record.id)
    const view = viewTrace(record, spans, { includeHttpCalls: input.include_http_calls ?? true, flamegraph: input.format === 'flamegraph' })
    return { output: view, summary: `${spans.length} span${spans.length === 1 ? '' : 's'}, ${spans.filter((s) => s.kind === 'http').length} HTTP call(s)` }
  },

  async analyze_execution_error(input, ctx) {
    const record = await requireExecution(ctx.store, input.execution_id)
    const facts = await gatherErrorFacts(ctx, record, timeoutCapSeconds(ctx.config))
    const analysis = analyzeExecutionError(facts, { includeSuggestions: input.include_suggestions ?? true, includeContext: input.include_context ?? true })
    const modelExplanation = input.ask_model ? await askModel(ctx, analysis) : undefined
    return { output: definedOnly({ ...analysis, model_explanation: modelExplanation }), summary: analysis.root_cause }
  },
}
