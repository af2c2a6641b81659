import { describe, expect, test } from 'bun:test'
import { TOOL_DEFINITIONS } from '../../generated/tools.ts'
import { TOOL_PERMISSIONS, type ToolRule } from '../../src/auth/tool-permissions.ts'

const needs = (name: keyof typeof TOOL_PERMISSIONS, args: Record<string, unknown>) => {
  const rule = TOOL_PERMISSIONS[name] as ToolRule<unknown>
  return typeof rule.needs === 'function' ? rule.needs(args) : rule.needs
}

describe('the tool → permission table', () => {
  test('has a row for every tool in generated/tools.ts, and nothing else', () => {
    expect(Object.keys(TOOL_PERMISSIONS).sort()).toEqual(TOOL_DEFINITIONS.map((d) => d.name).sort())
  })

  test('every tool that writes task files needs can_manage_tasks', () => {
    for (const name of ['create_task', 'edit_task', 'delete_task', 'import_tasks', 'create_task_version'] as const) expect(needs(name, {})).toContain('manage')
    expect(needs('generate_from_template', { save: true })).toContain('manage')
    expect(needs('generate_from_template', { save: false })).toEqual([])
  })

  test('running caller-supplied code is management; testing a saved task is execution', () => {
    expect(needs('validate_task', { code: 'function main() {}' })).toEqual(['manage'])
    expect(needs('validate_task', { code: 'function main() {}', syntax_only: true })).toEqual([])
    expect(needs('validate_task', { task_id: 'addition' })).toEqual(['execute'])
    expect(needs('run_task_tests', { task_id: 'addition' })).toEqual(['execute'])
  })

  test('logs, traces and system information each need their permission', () => {
    expect(needs('get_execution_logs', { execution_id: 'x' })).toEqual(['logs'])
    expect(needs('get_execution_trace', { execution_id: 'x' })).toEqual(['traces'])
    for (const name of ['registry_health', 'sync_registry', 'discover_tasks'] as const) expect(needs(name, {})).toEqual(['system'])
  })

  test('a batch names every item\'s task and counts every item as an execution', async () => {
    const rule = TOOL_PERMISSIONS.batch_execute
    const args = { requests: [{ id: 'a', task_id: 'x', input: {} }, { id: 'b', task_id: 'y', input: {} }] }
    expect(await rule.tasks!(args)).toEqual(['x', 'y'])
    expect(rule.executions!(args)).toBe(2)
  })

  test('an import names the tasks its bundle would create, with the prefix', async () => {
    const data = { format: 'ratchet-bundle', version: 1, tasks: [{ name: 'alpha', version: '1.0.0', code: 'function main() { return 1 }' }] }
    const names = await TOOL_PERMISSIONS.import_tasks.tasks!({ data, options: { name_prefix: 'x-' } })
    expect(names).toEqual(['x-alpha'])
  })
})
