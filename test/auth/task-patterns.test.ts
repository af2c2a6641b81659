import { describe, expect, test } from 'bun:test'
import { permissionsFromConfig } from '../../src/auth/permissions.ts'
import { checkTaskPatterns, matchesGlob, restrictsTasks } from '../../src/auth/task-patterns.ts'

describe('task-name globs', () => {
  test.each([
    ['*', 'anything', true],
    ['*', '', true],
    ['safe-*', 'safe-report', true],
    ['safe-*', 'safe-', true],
    ['safe-*', 'unsafe-report', false],
    ['*-report', 'daily-report', true],
    ['*-report', 'daily-reports', false],
    ['api-*-v2', 'api-users-v2', true],
    ['api-*-v2', 'api--v2', true],
    ['api-*-v2', 'api-users-v3', false],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'acb', false],
    ['exact', 'exact', true],
    ['exact', 'exactly', false],
    ['Safe-*', 'safe-x', false],
    ['data.v1*', 'data.v1.2', true],
    ['data.v1*', 'dataXv1', false],
    ['[a]*', '[a]b', true],
    ['a?c', 'abc', false],
  ])('%p matches %p: %p', (pattern, name, expected) => {
    expect(matchesGlob(pattern, name)).toBe(expected)
  })
})

describe('allowed and denied task patterns', () => {
  const permissions = permissionsFromConfig({ allowed_task_patterns: ['safe-*', 'api-*'], denied_task_patterns: ['api-admin*'] })

  test('a task must match an allowed pattern', () => {
    expect(checkTaskPatterns(permissions, 'safe-report')).toEqual({ allowed: true })
    expect(checkTaskPatterns(permissions, 'weather')).toEqual({ allowed: false, rule: 'allowed_task_patterns ["safe-*","api-*"]' })
  })

  test('a denied pattern wins over an allowed one', () => {
    expect(checkTaskPatterns(permissions, 'api-users')).toEqual({ allowed: true })
    expect(checkTaskPatterns(permissions, 'api-admin-reset')).toEqual({ allowed: false, rule: 'denied_task_patterns entry "api-admin*"' })
  })

  test('without patterns every task is allowed; an empty allow list allows none', () => {
    expect(checkTaskPatterns(permissionsFromConfig({}), 'x').allowed).toBe(true)
    expect(restrictsTasks(permissionsFromConfig({}))).toBe(false)
    expect(checkTaskPatterns(permissionsFromConfig({ allowed_task_patterns: [] }), 'x').allowed).toBe(false)
    expect(restrictsTasks(permissionsFromConfig({ denied_task_patterns: ['x'] }))).toBe(true)
  })
})
