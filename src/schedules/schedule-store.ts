/**
 * The schedule store port: plain rows in, plain rows out, every method a promise, so a PostgreSQL
 * implementation fits beside the SQLite one. Slot bookkeeping is compare-and-set: a claim succeeds only
 * if the schedule is still where the caller saw it, which is what makes a slot fire once even when two
 * nodes share the database.
 */
import type { ListPage, ListQuery } from '../lib/list-query.ts'
import type { OwnerScope, ScheduleRecord } from '../jobs/types.ts'

/** A schedule as stored: the public record plus the firing state the service keeps for itself. */
export interface StoredSchedule extends ScheduleRecord {
  /** A claimed slot whose job may not exist yet (the claiming node stopped before creating it). */
  pendingSlot: string | null
  /** Only slots strictly after this instant count: creation, enabling, or a new expression/zone. */
  slotsAfter: string
}

/** The fields `update` may change; anything left out keeps its value. */
export type SchedulePatch = Partial<
  Pick<
    StoredSchedule,
    | 'name'
    | 'description'
    | 'taskName'
    | 'cronExpression'
    | 'inputData'
    | 'timezone'
    | 'enabled'
    | 'catchUp'
    | 'outputDestinations'
    | 'maxRetries'
    | 'priority'
    | 'nextRunAt'
    | 'slotsAfter'
    | 'updatedAt'
  >
>

/** A slot move: from the last slot the caller saw (`expected`, null for none) to `slot`. */
export interface SlotMove {
  id: string
  expected: string | null
  slot: string
  nextRunAt: string | null
}

export interface ScheduleStore {
  /** CONFLICT when the name is taken. */
  insert(schedule: StoredSchedule): Promise<void>
  get(id: string): Promise<StoredSchedule | null>
  list(query: ListQuery, scope?: OwnerScope): Promise<ListPage<StoredSchedule>>
  /** The schedule after the change, or null when it does not exist. CONFLICT when a new name is taken. */
  update(id: string, patch: SchedulePatch): Promise<StoredSchedule | null>
  /** False when it did not exist. */
  delete(id: string): Promise<boolean>
  /** Every enabled schedule, and every schedule with a pending slot, for the timer. */
  listActive(): Promise<StoredSchedule[]>
  /** Marks `slot` fired and pending, if the schedule is enabled and still at `expected` with nothing pending. */
  claimSlot(move: SlotMove): Promise<boolean>
  /** Marks `slot` as passed without a job (catch_up skip), under the same conditions as claimSlot. */
  skipSlot(move: SlotMove): Promise<boolean>
  /** Clears the pending slot; `created` counts a job in run_count and sets last_run_at to `at`. */
  settleSlot(id: string, slot: string, result: { created: boolean; at: string }): Promise<void>
  /** Counts a job created by `trigger` (not a slot). */
  recordTrigger(id: string, at: string): Promise<void>
  stats(scope?: OwnerScope): Promise<{ total: number; enabled: number; disabled: number }>
}
