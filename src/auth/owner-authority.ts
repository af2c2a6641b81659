/**
 * What the owner of a job or schedule may do NOW, under the auth configured now: background work is
 * checked again when it runs (a job claimed, a slot fired), so a key deleted, deactivated, expired or
 * narrowed after it queued work stops that work instead of running it forever under its old name.
 *
 * An owner is the principal name a job or schedule was created under:
 * - api_key: the key of that name; gone, inactive or expired → no permissions at all;
 * - jwt / oauth2: the configured base permissions (`jwt.permissions` / `oauth2.permissions`), the
 *   ceiling every token of every subject is capped by (a token's scopes are not stored with the job);
 * - none: the anonymous client's full access (`stdio` gets mcp.stdio_permissions when set);
 * - null/absent: the system (the CLI, a test), always allowed and never capped.
 */
import { FULL_ACCESS, hasCapability, CAPABILITIES, permissionsFromConfig } from './permissions.ts'
import { OPERATIONS, type Operation } from './operations.ts'
import type { AccessControl } from './access-control.ts'
import type { ConcurrencyCounter } from './scoped-views.ts'
import type { SecuritySettings } from './settings.ts'
import { checkTaskPatterns, describePrincipal } from './task-patterns.ts'
import type { Permissions, Principal, PrincipalKind } from './types.ts'

/** No capability, no task: what a removed, inactive or expired key may still do. */
const NO_ACCESS: Permissions = Object.freeze({
  ...permissionsFromConfig({}),
  allowedTaskPatterns: Object.freeze([]),
})

export interface OwnerAuthority {
  /** The owner as a principal with its current permissions, plus why it has none (a removed key); null for the system. */
  principalOf(owner: string | null | undefined): { principal: Principal; gone: string | null } | null
  /** Why `owner` may not perform `operations` on task `taskName` now (a sentence); null when it may. */
  refusal(owner: string | null | undefined, operations: readonly Operation[], taskName: string): string | null
  /**
   * Takes one of the owner's `max_concurrent_executions` slots on the counter the doors share; false
   * when the owner is at its limit. Always true for the system and for owners without a limit.
   */
  acquire(owner: string | null | undefined): boolean
  /** Gives back a slot taken by `acquire` (a no-op when acquire took none). */
  release(owner: string | null | undefined): void
  /**
   * Charges `count` executions to the owner's executions_per_minute bucket (the one the doors spend);
   * null when allowed (always for the system, an owner without a limit, or without a limiter), else the refusal.
   */
  chargeExecutions(owner: string | null | undefined, count?: number): string | null
}

export interface OwnerAuthorityOptions {
  /** The concurrency counter of the process's access control (the one REST and MCP submissions use). */
  concurrency?: ConcurrencyCounter
  /** The process's access control (its executions rate buckets): slots are charged to their owner's executions_per_minute. */
  executions?: Pick<AccessControl, 'chargeExecutions'>
  /** Epoch ms for key expiry (tests); default Date.now. */
  now?: () => number
}

export function createOwnerAuthority(settings: SecuritySettings, options: OwnerAuthorityOptions = {}): OwnerAuthority {
  const now = options.now ?? Date.now
  const keys = new Map(settings.apiKeys.map((key) => [key.name, key]))
  const tokenBase = (raw: Parameters<typeof permissionsFromConfig>[0]) => permissionsFromConfig(raw)
  const jwtBase = settings.jwt ? tokenBase(settings.jwt.permissions) : null
  const oauth2Base = settings.oauth2 ? tokenBase(settings.oauth2.permissions) : null
  const principal = (name: string, kind: PrincipalKind, permissions: Permissions): Principal => Object.freeze({ name, kind, permissions })

  const principalOf: OwnerAuthority['principalOf'] = (owner) => {
    if (owner === null || owner === undefined) return null
    switch (settings.authType) {
      case 'api_key': {
        const key = keys.get(owner)
        if (!key) return { principal: principal(owner, 'api_key', NO_ACCESS), gone: `key "${owner}" is no longer configured` }
        if (!key.active) return { principal: principal(owner, 'api_key', NO_ACCESS), gone: `key "${owner}" is inactive (active: false)` }
        if (key.expiresAt !== null && now() >= key.expiresAt) {
          return { principal: principal(owner, 'api_key', NO_ACCESS), gone: `key "${owner}" expired at ${new Date(key.expiresAt).toISOString()}` }
        }
        return { principal: principal(owner, 'api_key', key.permissions), gone: null }
      }
      case 'jwt':
        return { principal: principal(owner, 'jwt', jwtBase ?? NO_ACCESS), gone: jwtBase ? null : 'no jwt section is configured' }
      case 'oauth2':
        return { principal: principal(owner, 'oauth2', oauth2Base ?? NO_ACCESS), gone: oauth2Base ? null : 'no oauth2 section is configured' }
      case 'none':
        if (owner === 'stdio') return { principal: principal(owner, 'stdio', settings.stdioPermissions ?? FULL_ACCESS), gone: null }
        return { principal: principal(owner, 'anonymous', FULL_ACCESS), gone: null }
    }
  }

  return {
    principalOf,

    refusal(owner, operations, taskName) {
      const resolved = principalOf(owner)
      if (!resolved) return null
      const { principal: who, gone } = resolved
      if (gone) return `permission denied: the owner ${describePrincipal(who)} may no longer run work: ${gone}`
      for (const operation of operations) {
        const lacking = OPERATIONS[operation].needs.find((capability) => !hasCapability(who.permissions, capability))
        if (lacking) return `permission denied: ${operation} needs permissions.${CAPABILITIES[lacking].config}, which the owner ${describePrincipal(who)} no longer has`
      }
      const access = checkTaskPatterns(who.permissions, taskName)
      if (!access.allowed) return `permission denied: the owner ${describePrincipal(who)} may no longer use task "${taskName}" (${access.rule})`
      return null
    },

    acquire(owner) {
      const resolved = principalOf(owner)
      if (!resolved || !options.concurrency || resolved.principal.permissions.rateLimits.maxConcurrentExecutions === undefined) return true
      return options.concurrency.acquire(resolved.principal)
    },

    release(owner) {
      const resolved = principalOf(owner)
      if (!resolved || !options.concurrency || resolved.principal.permissions.rateLimits.maxConcurrentExecutions === undefined) return
      options.concurrency.release(resolved.principal)
    },

    chargeExecutions(owner, count = 1) {
      const resolved = principalOf(owner)
      if (!resolved || !options.executions) return null
      const charged = options.executions.chargeExecutions(resolved.principal, count)
      return charged.ok ? null : charged.message
    },
  }
}
