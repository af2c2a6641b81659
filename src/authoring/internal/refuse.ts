import { similarNames } from '../../engine/resolve-task.ts'
import { AppError, type ErrorCode } from '../../errors.ts'
import type { Registry } from '../../registry/registry.ts'
import type { AuthoringRefusal } from '../types.ts'

/**
 * The AppError of a refused authoring request: `data.reason` says which refusal it is (so a door can
 * word its own hint), the rest of `data` what it concerns. The hint here is door-neutral.
 */
export function refusal(code: ErrorCode, reason: AuthoringRefusal, message: string, hint: string, data: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { hint, data: { reason, ...data } })
}

/** The refusal reason of an error thrown by the authoring service, or null for any other error. */
export function refusalOf(error: unknown): AuthoringRefusal | null {
  return error instanceof AppError && typeof error.data?.reason === 'string' ? (error.data.reason as AuthoringRefusal) : null
}

/** No loaded task has this name or uuid; names the close matches among `registry`'s tasks. */
export function notFound(taskId: string, registry: Pick<Registry, 'list'>): AppError {
  const similar = similarNames(taskId, registry.list().map((task) => task.name))
  const guess = similar.length > 0 ? `; did you mean ${similar.map((name) => JSON.stringify(name)).join(', ')}?` : ''
  return refusal('TASK_NOT_FOUND', 'not_found', `No task named or with the uuid ${JSON.stringify(taskId)} is loaded${guess}`, 'List the tasks to see their names (names are case-sensitive).', { taskId, similar })
}
