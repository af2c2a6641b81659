/**
 * The inspection tools: debugging a run with breakpoints and steps, storing and reading results, the
 * registry seen from outside (discover folders, sync, health), and the developer documentation. Each
 * handler translates between the tool's shapes and the engine/ and registry/ functions doing the work.
 */
import { debugTask } from '../../engine/debug-task.ts'
import { definedOnly, describeOutcome, viewError, viewStoredResult } from '../../engine/execution-views.ts'
import { viewLog } from '../../engine/execution-logs.ts'
import { resolveTask, timeoutCapSeconds } from '../../engine/resolve-task.ts'
import { queryResults, storeExternalResult } from '../../engine/stored-results.ts'
import { AppError } from '../../errors.ts'
import { discoverTasks, loadedDirs, canonicalPath, resolveScanPath, type ScanRoot } from '../../registry/discover-tasks.ts'
import { checkRegistryHealth, effectiveSources, syncRegistry } from '../../registry/registry-status.ts'
import type { ShadowedTask } from '../../registry/registry.ts'
import endpointReference from '../../../docs/tools.md' with { type: 'text' }
import developmentGuide from '../../../docs/mcp-development-guide.md' with { type: 'text' }
import walkthrough from '../../../docs/mcp-walkthrough.md' with { type: 'text' }
import type { ToolContext, ToolHandlers } from './types.ts'

type InspectionToolName =
  | 'debug_task_execution'
  | 'store_result'
  | 'get_results'
  | 'discover_tasks'
  | 'sync_registry'
  | 'registry_health'
  | 'get_developer_endpoint_reference'
  | 'get_developer_integration_guide'
  | 'get_developer_guide_walkthrough'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** "; 1 read-only task overridden by the tasks folder (addition)" for summaries, or nothing. */
const overriddenNote = (shadowed: readonly ShadowedTask[]) =>
  shadowed.length === 0 ? '' : `; ${plural(shadowed.length, 'read-only task')} overridden by the tasks folder (${shadowed.map((s) => s.name).join(', ')})`

/** The folders discover_tasks may scan: the config file's folder, every registry source, the tasks folder. */
function scanRoots(ctx: ToolContext): ScanRoot[] {
  return [
    { label: ctx.config.file ? 'the config file\'s folder' : 'the working folder', path: ctx.config.baseDir },
    ...ctx.config.registry.sources.map((source) => ({ label: `registry source "${source.name}"`, path: source.path })),
    { label: 'the tasks folder', path: ctx.tasksDir },
  ]
}

const documentation = (title: string, content: string) => async () => ({ output: { title, format: 'markdown' as const, content } })

export const inspectionHandlers: Pick<ToolHandlers, InspectionToolName> = {
  async debug_task_execution(input, ctx) {
    const task = resolveTask(ctx.registry, input.task_id)
    const cap = timeoutCapSeconds(ctx.config)
    const report = await debugTask(
      { engine: ctx.engine, store: ctx.store },
      {
        task,
        input: input.input ?? {},
        breakpoints: input.breakpoints ?? [],
        stepMode: input.step_mode ?? false,
        captureVariables: input.capture_variables ?? true,
        maxSteps: input.max_steps ?? 1000,
        timeout: input.timeout_ms === undefined ? cap : Math.min(input.timeout_ms / 1000, cap),
        signal: ctx.signal,
      },
    )
    const { record } = report
    const output = definedOnly({
      session_id: record.id,
      execution_id: record.id,
      task_id: record.taskName,
      task_version: record.taskVersion,
      status: record.status,
      output: record.status === 'completed' ? record.output : undefined,
      error: record.error ? viewError(record.error) : undefined,
      breakpoints_hit: report.breakpoints.map((b) => definedOnly({ line: b.line, source: b.source, hit_count: b.hitCount, variables: b.variables, hits: b.hits })),
      steps: report.steps,
      steps_executed: report.stepsExecuted,
      step_limit_reached: report.stepLimitReached,
      logs: report.logs.map(viewLog),
      warnings: report.warnings,
      duration_ms: record.durationMs ?? 0,
    })
    const observed = [plural(report.breakpoints.length, 'breakpoint line') + ' hit', plural(report.stepsExecuted, 'step')]
    return { output, isError: record.status !== 'completed', summary: `Debug run: ${describeOutcome(record)}; ${observed.join(', ')}.` }
  },

  async store_result(input, ctx) {
    const status = input.status ?? 'completed'
    const { record, knownTask } = await storeExternalResult(ctx, {
      taskId: input.task_id,
      input: input.input,
      output: input.output,
      status,
      errorMessage: input.error_message,
      errorDetails: input.error_details,
      durationMs: input.duration_ms,
    })
    const message = knownTask
      ? `Stored a ${status} result of ${record.taskName} ${record.taskVersion} as execution ${record.id}.`
      : `Stored a ${status} result of "${record.taskName}" as execution ${record.id}; no such task is loaded, so its version is recorded as "external".`
    return {
      output: { execution_id: record.id, task_id: record.taskName, task_version: record.taskVersion, known_task: knownTask, status, stored_at: record.completedAt!, message },
      summary: message,
    }
  },

  async get_results(input, ctx) {
    const limit = input.limit ?? 50
    const offset = input.offset ?? 0
    const { items, total } = await queryResults(ctx, { executionId: input.execution_id, taskId: input.task_id, status: input.status, limit, offset })
    const options = { data: input.include_data ?? true, errors: input.include_errors ?? true }
    return {
      output: {
        executions: items.map((record) => viewStoredResult(record, options)),
        total_count: total,
        returned_count: items.length,
        offset,
        limit,
        has_more: offset + items.length < total,
        retrieved_at: new Date().toISOString(),
      },
      summary: `${plural(total, 'result')} match; ${items.length} returned from offset ${offset}.`,
    }
  },

  async discover_tasks(input, ctx) {
    const root = await resolveScanPath(input.path, ctx.config.baseDir, scanRoots(ctx))
    const maxDepth = input.recursive === false ? Math.min(1, input.max_depth ?? 10) : (input.max_depth ?? 10)
    const [found, loaded] = await Promise.all([discoverTasks(root, { maxDepth }), loadedDirs(ctx.registry.list())])
    const tasks = []
    for (const task of found) {
      tasks.push(
        definedOnly({
          name: task.name,
          path: task.path,
          layout: task.layout,
          valid: task.valid,
          problems: task.problems,
          warnings: task.warnings,
          version: task.version,
          description: task.description,
          has_tests: task.testCount > 0,
          test_count: task.testCount,
          loaded: loaded.has(await canonicalPath(task.path)),
        }),
      )
    }
    const valid = tasks.filter((t) => t.valid).length
    return {
      output: { discovered_tasks: tasks, scan_path: root, total_found: tasks.length, valid_count: valid, invalid_count: tasks.length - valid, scanned_at: new Date().toISOString() },
      summary: `${plural(tasks.length, 'task package')} under ${root}: ${valid} valid, ${tasks.length - valid} with problems.`,
    }
  },

  async sync_registry(input, ctx) {
    const sources = effectiveSources(ctx.config.registry.sources, ctx.tasksDir)
    let only
    if (input.source_name !== undefined) {
      only = sources.find((source) => source.name === input.source_name)
      if (!only) {
        throw new AppError('BAD_INPUT', `No registry source is named "${input.source_name}"`, {
          data: { sources: sources.map((source) => source.name) },
          hint: sources.length > 0 ? `Use one of: ${sources.map((source) => source.name).join(', ')}, or leave source_name out.` : 'No registry sources are configured (registry.sources).',
        })
      }
    }
    const began = performance.now()
    const result = await syncRegistry(ctx.registry, sources, { only, validate: input.validate_tasks ?? true })
    return {
      output: {
        sources: result.sources.map((s) => definedOnly({ name: s.name, uri: s.uri, path: s.path, reachable: s.reachable, tasks_loaded: s.tasks.length, tasks: s.tasks, problems: s.problems, validation: s.validation })),
        changed: result.changed,
        removed: result.removed,
        total_tasks: result.totalTasks,
        total_problems: result.totalProblems,
        synced_at: new Date().toISOString(),
        duration_ms: Math.round((performance.now() - began) * 1000) / 1000,
      },
      summary: `Synced: ${plural(result.totalTasks, 'task')} loaded, ${result.changed.length} changed, ${result.removed.length} removed, ${plural(result.totalProblems, 'problem')}${overriddenNote(ctx.registry.shadowed())}.`,
    }
  },

  async registry_health(_input, ctx) {
    const health = await checkRegistryHealth(ctx.registry, effectiveSources(ctx.config.registry.sources, ctx.tasksDir))
    return {
      output: {
        overall_status: health.overall,
        sources: health.sources.map((s) =>
          definedOnly({ name: s.name, uri: s.uri, path: s.path, status: s.status, reachable: s.reachable, task_count: s.taskCount, problem_count: s.problemCount, watching: s.watching, in_sync: s.inSync, new_dirs: s.newDirs, missing_dirs: s.missingDirs, error: s.error }),
        ),
        total_tasks: health.totalTasks,
        total_problems: health.totalProblems,
        problems: health.problems,
        checked_at: new Date().toISOString(),
      },
      summary: `Registry ${health.overall}: ${plural(health.totalTasks, 'task')}, ${plural(health.totalProblems, 'problem')}, ${plural(health.sources.length, 'source')}${overriddenNote(ctx.registry.shadowed())}.`,
    }
  },

  get_developer_endpoint_reference: documentation('Ratchet MCP tool reference', endpointReference),
  get_developer_integration_guide: documentation('Developing Ratchet tasks over MCP', developmentGuide),
  get_developer_guide_walkthrough: documentation('Ratchet MCP walkthrough', walkthrough),
}
