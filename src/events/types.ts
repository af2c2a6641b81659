/**
 * Domain events: what happened to executions, jobs and schedules, in one shape every door can stream
 * (REST SSE today; GraphQL subscriptions and MCP resource updates later). Events are plain data, so a
 * networked bus (PostgreSQL LISTEN/NOTIFY) can carry them between nodes.
 */

export type DomainEventType =
  | 'execution.queued'
  | 'execution.started'
  | 'execution.progress'
  | 'execution.log'
  | 'execution.finished'
  | 'job.created'
  | 'job.started'
  | 'job.retry_scheduled'
  | 'job.completed'
  | 'job.dead_letter'
  | 'job.cancelled'
  | 'job.delivery'
  | 'schedule.created'
  | 'schedule.updated'
  | 'schedule.deleted'
  | 'schedule.fired'
  | 'schedule.skipped'

/** What a publisher hands the bus. */
export interface DomainEventInput {
  type: DomainEventType
  /** The task concerned (for filters and task-pattern checks). */
  taskName?: string
  executionId?: string
  jobId?: string
  scheduleId?: string
  /** The principal that owns the execution/job/schedule (for ownership checks); null or absent: nobody's. */
  owner?: string | null
  /** The event's payload (snake_case keys, JSON-safe). */
  data: Record<string, unknown>
}

/**
 * An event as the bus delivers it: numbered in publish order (ids grow by one per event, starting at
 * the run's `firstId()`, so they never repeat across runs).
 */
export interface DomainEvent extends DomainEventInput {
  id: number
  /** ISO-8601 publish time. */
  ts: string
}

export interface EventBus {
  /** Numbers and timestamps the event, then delivers it synchronously to every subscriber. */
  publish(event: DomainEventInput): DomainEvent
  /** Calls `listener` for every later event; returns the unsubscribe function. */
  subscribe(listener: (event: DomainEvent) => void): () => void
  /**
   * Runs `start` while the bus has subscribers: when the first one arrives (at once if there is one) and
   * again after a pause, calling the function it returns when the last one leaves. A source whose events
   * cost something to build (the engine bridge) runs only while someone listens. Returns the unregister.
   */
  whileSubscribed(start: () => () => void): () => void
  /** The id the next event will get minus one (`firstId() - 1` before any event). */
  lastId(): number
  /** The id of this run's first event: a Last-Event-ID below it is from an earlier run of the server. */
  firstId(): number
}
