/**
 * Fires the due slots of one schedule. A slot is claimed in the store first (compare-and-set on the last
 * fired slot), then its job is created with the idempotency key `schedule:<id>:<slot>`; the claim stays
 * pending until the job exists, so a crash in between re-creates the same job on start instead of
 * losing or doubling the slot. Missed slots (the server was down) collapse into one run of the latest
 * with catch_up run_once, or are skipped with a schedule.skipped event with skip. A slot is charged to
 * its owner's executions_per_minute (over it: skipped, reason rate_limited); a slot of an owner who may
 * no longer schedule the task is skipped and the schedule disabled (schedule.updated, enabled false).
 */
import { isAppError } from '../errors.ts'
import type { EventBus } from '../events/types.ts'
import type { JobService, OwnerGate } from '../jobs/types.ts'
import type { Logger } from '../lib/logger.ts'
import { parseCron } from './cron.ts'
import type { ScheduleStore, StoredSchedule } from './schedule-store.ts'

/**
 * Codes that creating the job again will not fix: the slot is given up (schedule.skipped). CONFLICT is
 * a disabled task (reason task_disabled) or a key taken: retrying the same slot would never end, and a
 * task enabled later must not fire a stale slot.
 */
const PERMANENT = new Set(['TASK_NOT_FOUND', 'BAD_INPUT', 'INPUT_INVALID', 'FORBIDDEN', 'TASK_INVALID', 'CONFLICT'])

export interface SlotFirerDeps {
  store: ScheduleStore
  jobs: JobService
  events: EventBus
  logger: Logger
  /** The owner's current permissions: a slot of an owner who may no longer schedule the task is skipped. */
  owners?: OwnerGate
  now: () => number
  /** How late a slot may be and still count as on time (not missed) for catch_up skip. */
  misfireGraceMs: number
}

export const slotKey = (id: string, slot: string) => `schedule:${id}:${slot}`

/** The instant after which a schedule's next slot lies: its last fired slot or its `slotsAfter`, whichever is later. */
export function slotsFrom(schedule: StoredSchedule): Date {
  const after = Date.parse(schedule.slotsAfter)
  const last = schedule.lastFiredSlot ? Date.parse(schedule.lastFiredSlot) : Number.NEGATIVE_INFINITY
  return new Date(Math.max(after, last))
}

export function createSlotFirer(deps: SlotFirerDeps) {
  const { store, jobs, events, logger } = deps
  const eventBase = (s: StoredSchedule) => ({ taskName: s.taskName, scheduleId: s.id, owner: s.principal ?? null })

  /** Slots already charged to their owner's executions_per_minute, so a slot retried after a transient failure is not charged twice. */
  const charged = new Set<string>()

  /** Gives up a claimed slot: settles the claim without a job, with a warning and a schedule.skipped event. */
  const skip = async (s: StoredSchedule, slot: string, reason: string, error: { code: string; message: string }): Promise<true> => {
    charged.delete(slotKey(s.id, slot))
    await store.settleSlot(s.id, slot, { created: false, at: new Date(deps.now()).toISOString() })
    if (reason !== 'owner_not_allowed') logger.warn('a schedule slot could not create its job and was skipped', { scheduleId: s.id, slot, reason, error: error.message })
    events.publish({ ...eventBase(s), type: 'schedule.skipped', data: { slot, reason, error } })
    return true
  }

  /**
   * An owner who may no longer schedule the task would skip every slot forever (a warning and an event
   * per slot): the schedule is disabled instead, once, with one warning saying how to enable it again.
   */
  const disableForOwner = async (s: StoredSchedule, slot: string, refusal: string): Promise<true> => {
    await skip(s, slot, 'owner_not_allowed', { code: 'FORBIDDEN', message: refusal })
    const at = new Date(deps.now()).toISOString()
    const updated = await store.update(s.id, { enabled: false, nextRunAt: null, updatedAt: at })
    if (!updated) return true
    const owner = s.principal ?? null
    const reason = `disabled: its owner ${owner === null ? '(the system)' : JSON.stringify(owner)} may no longer run it (${refusal})`
    const howToEnable = `its owner must enable it again (POST /api/v1/schedules/${s.id}/enable) once it may schedule task "${s.taskName}"; if that owner is gone, an allowed client must create the schedule anew`
    logger.warn(`schedule "${s.name}" was disabled because its owner ${owner === null ? '(the system)' : JSON.stringify(owner)} may no longer run it; ${howToEnable}`, { scheduleId: s.id, owner, slot, error: refusal })
    events.publish({
      ...eventBase(updated),
      type: 'schedule.updated',
      data: { name: updated.name, task_name: updated.taskName, cron_expression: updated.cronExpression, timezone: updated.timezone, enabled: false, next_run_at: null, reason: 'owner_not_allowed', message: `${reason}; ${howToEnable}` },
    })
    return true
  }

  /** Creates the job of a claimed slot and settles the claim; false when it must be tried again later. */
  const createJob = async (s: StoredSchedule, slot: string, extra: Record<string, unknown> = {}): Promise<boolean> => {
    const refused = deps.owners?.refusal(s.principal, ['schedules.manage'], s.taskName) ?? null
    if (refused) return disableForOwner(s, slot, refused)
    const key = slotKey(s.id, slot)
    if (!charged.has(key)) {
      // The slot starts an execution in its owner's name: it spends the owner's executions_per_minute like POST /executions.
      const limited = deps.owners?.chargeExecutions?.(s.principal, 1) ?? null
      if (limited) return skip(s, slot, 'rate_limited', { code: 'RATE_LIMITED', message: limited })
      charged.add(key)
    }
    try {
      const { job, created } = await jobs.create({
        taskName: s.taskName,
        input: s.inputData,
        scheduleId: s.id,
        idempotencyKey: slotKey(s.id, slot),
        outputDestinations: s.outputDestinations,
        ...(s.maxRetries !== null && s.maxRetries !== undefined ? { maxRetries: s.maxRetries } : {}),
        ...(s.priority ? { priority: s.priority } : {}),
        principal: s.principal ?? null,
      })
      await store.settleSlot(s.id, slot, { created: true, at: new Date(deps.now()).toISOString() })
      charged.delete(key)
      events.publish({ ...eventBase(s), jobId: job.id, type: 'schedule.fired', data: { slot, job_id: job.id, job_created: created, trigger: false, ...extra } })
      return true
    } catch (error) {
      const code = isAppError(error) ? error.code : null
      if (code !== null && PERMANENT.has(code)) {
        const reason = (error as { data?: { reason?: unknown } }).data?.reason
        return skip(s, slot, typeof reason === 'string' ? reason : 'job_rejected', { code, message: (error as Error).message })
      }
      logger.warn('a schedule slot could not create its job yet; retrying', { scheduleId: s.id, slot, error: String(error) })
      return false
    }
  }

  /**
   * Handles one schedule at the current time: settles a pending slot, then fires or skips due slots.
   * Returns when it next needs attention (epoch ms), or null for never (disabled, expression exhausted).
   */
  const process = async (s: StoredSchedule, retryMs: number): Promise<number | null> => {
    const now = deps.now()
    if (s.pendingSlot && !s.enabled) {
      // Disabled since the slot was claimed: the slot is dropped, not fired when the schedule is enabled again.
      await store.settleSlot(s.id, s.pendingSlot, { created: false, at: new Date(now).toISOString() })
      logger.info('a disabled schedule dropped its pending slot', { scheduleId: s.id, slot: s.pendingSlot })
      events.publish({ ...eventBase(s), type: 'schedule.skipped', data: { slot: s.pendingSlot, reason: 'schedule_disabled' } })
      return null
    }
    if (s.pendingSlot) {
      if (!(await createJob(s, s.pendingSlot))) return now + retryMs
      const fresh = await store.get(s.id)
      if (!fresh) return null
      s = fresh
    }
    if (!s.enabled) return null
    const cron = parseCron(s.cronExpression, s.timezone)
    const first = cron.nextAfter(slotsFrom(s))
    if (!first) return null
    if (first.getTime() > now) return first.getTime()

    const latest = cron.latestAtOrBefore(new Date(now)) ?? first
    const slot = latest.toISOString()
    const next = cron.nextAfter(latest)
    const move = { id: s.id, expected: s.lastFiredSlot ?? null, slot, nextRunAt: next?.toISOString() ?? null }
    const missed = latest.getTime() > first.getTime()
    const late = now - latest.getTime() > deps.misfireGraceMs

    if (s.catchUp === 'skip' && late) {
      if (await store.skipSlot(move)) {
        events.publish({ ...eventBase(s), type: 'schedule.skipped', data: { reason: 'missed', first_slot: first.toISOString(), last_slot: slot } })
      }
      return next?.getTime() ?? null
    }
    // Another node or an edit moved the schedule since it was read: look again shortly.
    if (!(await store.claimSlot(move))) return now + 50
    if (missed && s.catchUp === 'skip') {
      const before = cron.latestAtOrBefore(new Date(latest.getTime() - 1))
      events.publish({ ...eventBase(s), type: 'schedule.skipped', data: { reason: 'missed', first_slot: first.toISOString(), last_slot: before?.toISOString() ?? first.toISOString() } })
    }
    const extra = missed ? { caught_up: true, missed_from: first.toISOString() } : {}
    if (!(await createJob(s, slot, extra))) return now + retryMs
    return next?.getTime() ?? null
  }

  return { process, createJob }
}
