/**
 * An execution's trace as the tool layer shows it: spans with offsets from the start, the HTTP calls,
 * where the time went (queue, load, run, HTTP) and, on request, a flame graph of the spans.
 */
import type { ExecutionRecord, TraceSpan } from '../store/types.ts'
import { definedOnly, isTerminal, msBetween, traceOrigin, viewHttpCalls, viewSpan } from './execution-views.ts'
import { flamegraphSvg, foldedStacks } from './flamegraph.ts'

/** get_execution_trace: spans, HTTP calls and timing of one execution; `flamegraph` adds folded stacks and an SVG. */
export function viewTrace(record: ExecutionRecord, spans: readonly TraceSpan[], options: { includeHttpCalls: boolean; flamegraph: boolean }) {
  const origin = traceOrigin(spans)
  const http = viewHttpCalls(spans, origin)
  const execution = spans.find((s) => s.kind === 'execution')
  const loadMs = execution?.attributes.loadMs
  return definedOnly({
    execution_id: record.id,
    status: record.status,
    task_id: record.taskName,
    task_version: record.taskVersion,
    trace_complete: isTerminal(record.status),
    spans: spans.map((span) => viewSpan(span, origin)),
    http_calls: options.includeHttpCalls ? http : undefined,
    timing: {
      queued_at: record.queuedAt,
      started_at: record.startedAt ?? null,
      completed_at: record.completedAt ?? null,
      total_duration_ms: msBetween(record.queuedAt, record.completedAt),
      queue_duration_ms: msBetween(record.queuedAt, record.startedAt),
      run_duration_ms: record.durationMs ?? null,
      load_duration_ms: typeof loadMs === 'number' ? Math.round(loadMs * 1000) / 1000 : null,
      http_duration_ms: Math.round(http.reduce((sum, call) => sum + call.duration_ms, 0) * 1000) / 1000,
    },
    flamegraph: options.flamegraph
      ? { unit: 'us' as const, folded: foldedStacks(spans), svg: flamegraphSvg(spans, { title: `${record.taskName} v${record.taskVersion} — execution ${record.id} (${record.status})` }) }
      : undefined,
  })
}
