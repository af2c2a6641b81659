/**
 * Permissions from the config's `permissions` blocks and from token scopes. A flag left out is off:
 * a key gets only what its block grants. `can_manage_tasks` (create, edit, delete, import tasks) runs
 * code the caller wrote, so it is never implied by anything but an explicit grant or the `admin` scope.
 */
import { createHash } from 'node:crypto'
import type { Capability, KeyRateLimits, Permissions, Principal, PrincipalKind } from './types.ts'

/** A `permissions` block as written in the config (already schema-checked). */
export interface RawPermissions {
  can_execute_tasks?: boolean
  can_read_logs?: boolean
  can_read_traces?: boolean
  can_access_system_info?: boolean
  can_manage_tasks?: boolean
  can_read_all_executions?: boolean
  can_manage_jobs?: boolean
  can_manage_schedules?: boolean
  allowed_task_patterns?: string[]
  denied_task_patterns?: string[]
  rate_limits?: {
    executions_per_minute?: number
    logs_per_minute?: number
    traces_per_minute?: number
    max_concurrent_executions?: number
  }
}

/** Each capability's permission flag and its name in the config. */
export const CAPABILITIES: Record<Capability, { flag: 'canExecuteTasks' | 'canReadLogs' | 'canReadTraces' | 'canAccessSystemInfo' | 'canManageTasks' | 'canReadAllExecutions' | 'canManageJobs' | 'canManageSchedules'; config: string }> = {
  execute: { flag: 'canExecuteTasks', config: 'can_execute_tasks' },
  logs: { flag: 'canReadLogs', config: 'can_read_logs' },
  traces: { flag: 'canReadTraces', config: 'can_read_traces' },
  system: { flag: 'canAccessSystemInfo', config: 'can_access_system_info' },
  manage: { flag: 'canManageTasks', config: 'can_manage_tasks' },
  all_executions: { flag: 'canReadAllExecutions', config: 'can_read_all_executions' },
  jobs: { flag: 'canManageJobs', config: 'can_manage_jobs' },
  schedules: { flag: 'canManageSchedules', config: 'can_manage_schedules' },
}

/** Everything, on every task: the local stdio client (without mcp.stdio_permissions) and auth_type none. */
export const FULL_ACCESS: Permissions = Object.freeze({
  canExecuteTasks: true,
  canReadLogs: true,
  canReadTraces: true,
  canAccessSystemInfo: true,
  canManageTasks: true,
  canReadAllExecutions: true,
  canManageJobs: true,
  canManageSchedules: true,
  allowedTaskPatterns: Object.freeze(['*']),
  deniedTaskPatterns: Object.freeze([]),
  rateLimits: Object.freeze({}),
})

function rateLimitsFrom(raw: RawPermissions['rate_limits']): KeyRateLimits {
  const limits: KeyRateLimits = {}
  if (raw?.executions_per_minute !== undefined) limits.executionsPerMinute = raw.executions_per_minute
  if (raw?.logs_per_minute !== undefined) limits.logsPerMinute = raw.logs_per_minute
  if (raw?.traces_per_minute !== undefined) limits.tracesPerMinute = raw.traces_per_minute
  if (raw?.max_concurrent_executions !== undefined) limits.maxConcurrentExecutions = raw.max_concurrent_executions
  return limits
}

/** A config `permissions` block with every value set: flags left out are off, every task is allowed. */
export function permissionsFromConfig(raw: RawPermissions | undefined): Permissions {
  return Object.freeze({
    canExecuteTasks: raw?.can_execute_tasks === true,
    canReadLogs: raw?.can_read_logs === true,
    canReadTraces: raw?.can_read_traces === true,
    canAccessSystemInfo: raw?.can_access_system_info === true,
    canManageTasks: raw?.can_manage_tasks === true,
    canReadAllExecutions: raw?.can_read_all_executions === true,
    canManageJobs: raw?.can_manage_jobs === true,
    canManageSchedules: raw?.can_manage_schedules === true,
    allowedTaskPatterns: Object.freeze([...(raw?.allowed_task_patterns ?? ['*'])]),
    deniedTaskPatterns: Object.freeze([...(raw?.denied_task_patterns ?? [])]),
    rateLimits: Object.freeze(rateLimitsFrom(raw?.rate_limits)),
  })
}

/** The token scopes Ratchet understands, and the capabilities each grants. */
export const SCOPES: Record<string, readonly Capability[]> = {
  'tasks:read': [],
  'tasks:run': ['execute'],
  'logs:read': ['logs'],
  'traces:read': ['traces'],
  'system:read': ['system'],
  'tasks:write': ['manage'],
  'jobs:write': ['jobs'],
  'schedules:write': ['schedules'],
  admin: ['execute', 'logs', 'traces', 'system', 'manage', 'all_executions', 'jobs', 'schedules'],
}

/**
 * The permissions of a JWT or OAuth2 token. `base` is `jwt.permissions` / `oauth2.permissions` from the
 * config: its task patterns and rate limits always apply. A token without a scope claim gets the base
 * flags; a token with one gets the capabilities its scopes grant AND the base grants (`true`): the
 * configured block is a ceiling, so a scope (even `admin`) never adds a flag the config left out.
 */
export function permissionsFromToken(scopes: readonly string[] | null, base: RawPermissions | undefined): Permissions {
  const fromBase = permissionsFromConfig(base)
  if (scopes === null) return fromBase
  const granted = new Set(scopes.flatMap((scope) => SCOPES[scope] ?? []))
  const allowed = (capability: Capability) => {
    const configured = base?.[CAPABILITIES[capability].config as keyof RawPermissions]
    return granted.has(capability) && configured === true
  }
  return Object.freeze({
    ...fromBase,
    canExecuteTasks: allowed('execute'),
    canReadLogs: allowed('logs'),
    canReadTraces: allowed('traces'),
    canAccessSystemInfo: allowed('system'),
    canManageTasks: allowed('manage'),
    canReadAllExecutions: allowed('all_executions'),
    canManageJobs: allowed('jobs'),
    canManageSchedules: allowed('schedules'),
  })
}

export function hasCapability(permissions: Permissions, capability: Capability): boolean {
  return permissions[CAPABILITIES[capability].flag]
}

/** A principal with every permission (stdio without mcp.stdio_permissions, auth_type none, tests). */
export function trustedPrincipal(name: string, kind: PrincipalKind = 'stdio'): Principal {
  return Object.freeze({ name, kind, permissions: FULL_ACCESS })
}

/**
 * Identifies a principal for session ownership: the same kind, name and permissions. A later request
 * of a session must come from the same identity with the same rights (a token with other scopes must
 * open a new session).
 */
export function principalKey(principal: Principal): string {
  const rights = createHash('sha256').update(JSON.stringify(principal.permissions)).digest('hex').slice(0, 12)
  return `${principal.kind}:${principal.name}#${rights}`
}
