/**
 * Task-name globs of `allowed_task_patterns` / `denied_task_patterns`: `*` matches any run of
 * characters (also none), everything else matches itself, case-sensitively. `*`, `safe-*`, `*-report`
 * and `api-*-v2` are all globs; a name without `*` matches only itself. A denied pattern wins.
 */
import type { Permissions, Principal } from './types.ts'

const compiled = new Map<string, RegExp>()

function regexFor(pattern: string): RegExp {
  let regex = compiled.get(pattern)
  if (!regex) {
    const body = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&')).join('.*')
    regex = new RegExp(`^${body}$`, 's')
    if (compiled.size > 1000) compiled.clear()
    compiled.set(pattern, regex)
  }
  return regex
}

/** True when `name` matches the glob `pattern`. */
export function matchesGlob(pattern: string, name: string): boolean {
  if (pattern === '*') return true
  if (!pattern.includes('*')) return pattern === name
  return regexFor(pattern).test(name)
}

export type TaskAccess = { allowed: true } | { allowed: false; rule: string }

/**
 * Whether the permissions let their holder see and use the task `name`; if not, `rule` names the
 * pattern that says no: `denied_task_patterns entry "admin-*"` or `allowed_task_patterns ["safe-*"]`.
 */
export function checkTaskPatterns(permissions: Permissions, name: string): TaskAccess {
  const denied = permissions.deniedTaskPatterns.find((pattern) => matchesGlob(pattern, name))
  if (denied !== undefined) return { allowed: false, rule: `denied_task_patterns entry "${denied}"` }
  if (permissions.allowedTaskPatterns.some((pattern) => matchesGlob(pattern, name))) return { allowed: true }
  return { allowed: false, rule: `allowed_task_patterns ${JSON.stringify(permissions.allowedTaskPatterns)}` }
}

/** True when the task `name` passes the permissions' patterns. */
export function taskVisible(permissions: Permissions, name: string): boolean {
  return checkTaskPatterns(permissions, name).allowed
}

/** True when the permissions restrict tasks at all (anything but allowed `*` and nothing denied). */
export function restrictsTasks(permissions: Permissions): boolean {
  return permissions.deniedTaskPatterns.length > 0 || !permissions.allowedTaskPatterns.includes('*')
}

/** How denials name the caller: `key "ci"`, `token subject "alice"`, `the stdio client`, ... */
export function describePrincipal(principal: Principal): string {
  switch (principal.kind) {
    case 'api_key':
      return `key "${principal.name}"`
    case 'jwt':
      return `JWT subject "${principal.name}"`
    case 'oauth2':
      return `OAuth2 subject "${principal.name}"`
    case 'stdio':
      return 'the stdio client'
    case 'anonymous':
      return 'the anonymous client'
  }
}

