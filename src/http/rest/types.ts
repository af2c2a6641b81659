/**
 * The shapes of the REST door: its dependencies, the context every route handler gets, and a route
 * group, the unit other files (the task write routes) hand to `createRestApi` to be mounted with the
 * same authentication, operation checks, body rules, error bodies and audit lines.
 */
import type { Principal } from '../../auth/types.ts'
import type { Config } from '../../config/types.ts'
import type { Engine } from '../../engine/engine.ts'
import type { EventStream } from '../events/index.ts'
import type { JobService, ScheduleService } from '../../jobs/types.ts'
import type { ListQuery } from '../../lib/list-query.ts'
import type { Pool } from '../../pool/pool.ts'
import type { Registry } from '../../registry/registry.ts'
import type { DoorStore } from '../../store/types.ts'
import type { DoorServices } from '../types.ts'

export interface RestDeps extends DoorServices {
  registry: Registry
  store: DoorStore
  engine: Engine
  /** Worker figures for GET /executions/stats. */
  pool?: Pool
  jobs: JobService
  schedules: ScheduleService
  /** execution.max_execution_time caps the timeout of POST /executions; the engine caps it too. */
  config?: Pick<Config, 'execution'>
  /** Mounts GET /api/v1/events when given. */
  events?: Pick<EventStream, 'handle'>
  /** Enabled and disabled tasks (the `enabled` field of task views); absent: every task shows enabled. */
  taskStates?: { isEnabled(name: string): boolean }
  /** More route groups to mount under /api/v1 (the task write routes of src/http/rest/task-write-routes.ts). */
  groups?: readonly RestRouteGroup[]
}

export interface RestContext {
  readonly request: Request
  readonly url: URL
  /** Path parameters (`id`), percent-decoded. */
  readonly params: Readonly<Record<string, string>>
  readonly principal: Principal
  readonly ip: string | null
  /** The registry, store and engine as the principal sees them (hidden tasks and others' executions do not exist). */
  readonly view: { registry: Registry; store: DoorStore; engine: Engine }
  readonly deps: RestDeps
  /**
   * Checks the route's operation (src/http/rest/route-operations.ts) for these tasks and execution:
   * permissions, task patterns, ownership and rate limits; throws a 403 or 429 AuthError. Every route
   * calls it exactly once and awaits it, before it touches anything (it may read the execution's owner).
   */
  authorize(target?: { tasks?: readonly string[]; executionId?: string }): Promise<void>
  /** The JSON body checked against the schemas/rest/ schema `name`, aliases renamed; 415, 413, 400 (every invalid JSON path). */
  body<T>(name: string): Promise<T>
  /** The list parameters of a list route (as schemas/rest/ declares its fields) and its other parameters. */
  list(): { query: ListQuery; params: Record<string, string> }
  /** The query parameters of a route that is not a list (those schemas/rest/ declares; others are refused). */
  query(): Record<string, string>
  /** Adds the task or execution the request turned out to concern to its audit line. */
  note(target: { tasks?: readonly string[]; executionId?: string }): void
}

export interface RestRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** Under /api/v1, Elysia form: `/executions/:id/logs`. */
  path: string
  handle(ctx: RestContext): Promise<Response>
}

/** Routes one file contributes; `createRestApi` mounts each with the shared checks. */
export interface RestRouteGroup {
  name: string
  routes: readonly RestRoute[]
}
