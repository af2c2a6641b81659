/**
 * Enabled and disabled tasks. The states are read once from the TaskStateStore and kept in memory, so
 * the engine can ask on every submit without a query (TaskGate); a change is written to the store
 * before it takes effect here. A disabled task stays listed; running it is refused (a test run of it
 * is not, so it can be fixed and checked before it is enabled again).
 */
import type { TaskGate } from '../engine/engine.ts'
import { refusal } from './internal/refuse.ts'
import type { TaskStateStore } from './task-state-store.ts'
import type { TaskState } from './types.ts'

export interface TaskStates extends TaskGate {
  isEnabled(name: string): boolean
  /** The recorded state, or null when it was never changed (enabled). */
  get(name: string): TaskState | null
  /** Every recorded state (disabled ones and ones enabled again). */
  list(): TaskState[]
  set(name: string, enabled: boolean, actor?: string): Promise<TaskState>
}

/** The refusal of running a disabled task, naming how to enable it. */
export function disabledError(name: string) {
  return refusal('CONFLICT', 'task_disabled', `task ${name} is disabled; enable it with POST /api/v1/tasks/${name}/enable`, `Enable it with POST /api/v1/tasks/${name}/enable, then run it again.`, { name })
}

export async function openTaskStates(store: TaskStateStore): Promise<TaskStates> {
  const states = new Map((await store.list()).map((state) => [state.name, state]))
  return {
    isEnabled: (name) => states.get(name)?.enabled !== false,
    get: (name) => states.get(name) ?? null,
    list: () => [...states.values()].sort((a, b) => a.name.localeCompare(b.name)),
    async set(name, enabled, actor) {
      const state: TaskState = { name, enabled, changedAt: new Date().toISOString(), changedBy: actor ?? null }
      await store.put(state)
      states.set(name, state)
      return state
    },
    refusal(task, source) {
      if (source === 'test' || states.get(task.name)?.enabled !== false) return null
      return disabledError(task.name)
    },
  }
}
