/**
 * Publishes the engine's execution events on the domain bus, so every door (SSE, metrics, later
 * GraphQL) sees executions the same way. Payloads stay small: log events carry at most a few entries
 * with clipped messages, never the task's input or output.
 */
import type { Engine, EngineEvent } from '../engine/engine.ts'
import type { ExecutionRecord, LogEntry } from '../store/types.ts'
import type { DomainEventInput, EventBus } from './types.ts'

const MAX_LOG_ENTRIES = 20
const MAX_LOG_MESSAGE = 500

function executionData(record: ExecutionRecord): Record<string, unknown> {
  return {
    status: record.status,
    task_version: record.taskVersion,
    attempt: record.attempt,
    source: record.source,
    queued_at: record.queuedAt,
    started_at: record.startedAt ?? null,
    completed_at: record.completedAt ?? null,
    duration_ms: record.durationMs ?? null,
    ...(record.error ? { error: { type: record.error.type, code: record.error.code, message: record.error.message.slice(0, MAX_LOG_MESSAGE), ...(record.error.reason ? { reason: record.error.reason } : {}) } } : {}),
  }
}

function logData(entries: LogEntry[]): Record<string, unknown> {
  const shown = entries.slice(-MAX_LOG_ENTRIES).map((entry) => ({
    seq: entry.seq,
    level: entry.level,
    message: entry.message.length > MAX_LOG_MESSAGE ? `${entry.message.slice(0, MAX_LOG_MESSAGE)}…` : entry.message,
    ts: entry.ts,
  }))
  return { entries: shown, ...(entries.length > shown.length ? { omitted: entries.length - shown.length } : {}) }
}

/**
 * Turns one engine event into a domain event. Progress and log events carry only the execution id, so
 * the task name and owner come from the records seen at `queued`/`started`.
 */
function toDomainEvent(event: EngineEvent, known: Map<string, { taskName: string; owner: string | null }>): DomainEventInput | null {
  switch (event.type) {
    case 'queued':
    case 'started':
    case 'finished': {
      const record = event.execution
      const who = { taskName: record.taskName, owner: record.principal ?? null }
      if (event.type === 'finished') known.delete(record.id)
      else known.set(record.id, who)
      return { type: `execution.${event.type}`, executionId: record.id, ...who, data: executionData(record) }
    }
    case 'progress': {
      const who = known.get(event.executionId)
      const { progress, total, message } = event.progress
      return { type: 'execution.progress', executionId: event.executionId, ...who, data: { progress, ...(total !== undefined ? { total } : {}), ...(message !== undefined ? { message: message.slice(0, MAX_LOG_MESSAGE) } : {}) } }
    }
    case 'log': {
      const who = known.get(event.executionId)
      return { type: 'execution.log', executionId: event.executionId, ...who, data: logData(event.entries) }
    }
    default:
      return null
  }
}

/**
 * Publishes execution.queued/started/progress/log/finished for every engine event while the bus has
 * subscribers (the engine builds its events only when someone listens: with nobody on the bus, as under
 * `ratchet mcp-serve`, executions pay nothing for it); returns the unsubscribe.
 */
export function bridgeEngineEvents(engine: Pick<Engine, 'subscribe'>, bus: EventBus): () => void {
  const known = new Map<string, { taskName: string; owner: string | null }>()
  return bus.whileSubscribed(() => {
    const unsubscribe = engine.subscribe((event) => {
      const domainEvent = toDomainEvent(event, known)
      if (domainEvent) bus.publish(domainEvent)
    })
    return () => {
      unsubscribe()
      known.clear()
    }
  })
}
