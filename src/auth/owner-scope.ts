/**
 * The OwnerScope of a principal for job and schedule listings: the same rule as executions
 * (scoped-views' `executionVisible`): tasks within its task patterns, and only its own records unless
 * it holds can_read_all_executions. Every door passes it to the job and schedule services.
 */
import type { OwnerScope } from '../jobs/types.ts'
import { restrictsTasks } from './task-patterns.ts'
import type { Principal } from './types.ts'

export function ownerScope(principal: Principal): OwnerScope {
  const { permissions } = principal
  return {
    ...(permissions.canReadAllExecutions ? {} : { owner: principal.name }),
    ...(restrictsTasks(permissions) ? { taskGlobs: { include: permissions.allowedTaskPatterns, exclude: permissions.deniedTaskPatterns } } : {}),
  }
}
