/**
 * Who is calling and what they may do. Every MCP session has exactly one principal: the API key, JWT
 * subject or OAuth2 client that opened it over HTTP, `anonymous` when `mcp.auth_type` is none, or
 * `stdio` for the local client that launched `ratchet mcp-serve`.
 */

export type PrincipalKind = 'api_key' | 'jwt' | 'oauth2' | 'anonymous' | 'stdio'

/** `permissions.rate_limits` of a key (or of every token, for jwt and oauth2). */
export interface KeyRateLimits {
  executionsPerMinute?: number
  logsPerMinute?: number
  tracesPerMinute?: number
  maxConcurrentExecutions?: number
}

/** What a principal may do; the config's `permissions` block with every value set. */
export interface Permissions {
  canExecuteTasks: boolean
  canReadLogs: boolean
  canReadTraces: boolean
  canAccessSystemInfo: boolean
  /** create/edit/delete/import/version tasks: a code-execution capability, never on by default. */
  canManageTasks: boolean
  /**
   * Read every principal's executions (status, listings, logs, traces, results); without it a principal
   * sees only the executions it started. Off for keys unless granted; on for auth_type none and stdio.
   */
  canReadAllExecutions: boolean
  /** Create, cancel and retry jobs (`jobs.manage`); running them also needs canExecuteTasks. Off unless granted. */
  canManageJobs: boolean
  /** Create, change, delete and trigger cron schedules (`schedules.manage`); also needs canExecuteTasks. Off unless granted. */
  canManageSchedules: boolean
  /** Globs (`*`, `prefix*`, `*suffix`, `a*b`) of the task names this principal may see and use. */
  allowedTaskPatterns: readonly string[]
  /** Globs of task names it may never see or use; checked first. */
  deniedTaskPatterns: readonly string[]
  rateLimits: KeyRateLimits
}

export interface Principal {
  /** The key's `name`, the token's subject, `anonymous` or `stdio`: shown in audit lines and denials. */
  name: string
  kind: PrincipalKind
  permissions: Permissions
}

/** A capability a tool or resource needs, each one a `can_*` switch of the permissions. */
export type Capability = 'execute' | 'logs' | 'traces' | 'system' | 'manage' | 'all_executions' | 'jobs' | 'schedules'
