import { describe, expect, test } from 'bun:test'
import { TOOL_DEFINITIONS } from '../../generated/tools.ts'
import type { CallRule } from '../../src/auth/call-rule.ts'
import { readSecuritySettings } from '../../src/auth/settings.ts'
import type { Config } from '../../src/config/types.ts'
import { checkToolRateLimits, TASK_TOOL_RULE, TOOL_OPERATIONS, toolRule, UNLISTED_RULE } from '../../src/mcp/tool-operations.ts'

const operations = (name: keyof typeof TOOL_OPERATIONS, args: Record<string, unknown>) => {
  const rule = TOOL_OPERATIONS[name] as CallRule<unknown>
  return typeof rule.operations === 'function' ? rule.operations(args) : rule.operations
}

describe('the MCP tool → operation table', () => {
  test('has a row for every tool in generated/tools.ts, and nothing else', () => {
    expect(Object.keys(TOOL_OPERATIONS).sort()).toEqual(TOOL_DEFINITIONS.map((d) => d.name).sort())
  })

  test('every tool that writes task files is task.write', () => {
    for (const name of ['create_task', 'edit_task', 'delete_task', 'import_tasks', 'create_task_version'] as const) expect(operations(name, {})).toEqual(['task.write'])
    expect(operations('generate_from_template', { save: true })).toEqual(['task.write'])
    expect(operations('generate_from_template', { save: false })).toEqual(['task.read'])
  })

  test('running caller-supplied code is task.write; testing a saved task is execution.create', () => {
    expect(operations('validate_task', { code: 'function main() {}' })).toEqual(['task.write'])
    expect(operations('validate_task', { code: 'function main() {}', syntax_only: true })).toEqual(['task.read'])
    expect(operations('validate_task', { task_id: 'addition' })).toEqual(['execution.create'])
    expect(operations('run_task_tests', { task_id: 'addition' })).toEqual(['execution.create'])
  })

  test("running a saved task's tests counts as an execution (executions_per_minute); a syntax check or caller-supplied code does not", () => {
    const executions = (name: 'validate_task' | 'run_task_tests', args: Record<string, unknown>) => (TOOL_OPERATIONS[name] as CallRule<unknown>).executions?.(args) ?? 0
    expect(executions('run_task_tests', { task_id: 'addition' })).toBe(1)
    expect(executions('validate_task', { task_id: 'addition' })).toBe(1)
    expect(executions('validate_task', { task_id: 'addition', syntax_only: true })).toBe(0)
    expect(executions('validate_task', { task_id: 'addition', run_tests: false })).toBe(0)
    expect(executions('validate_task', { code: 'function main() {}' })).toBe(0)
  })

  test('logs, traces and system information are their own operations; reading executions is execution.read', () => {
    expect(operations('get_execution_logs', { execution_id: 'x' })).toEqual(['logs.read'])
    expect(operations('get_execution_trace', { execution_id: 'x' })).toEqual(['traces.read'])
    expect(operations('analyze_execution_error', { execution_id: 'x' })).toEqual(['logs.read', 'traces.read'])
    for (const name of ['registry_health', 'sync_registry', 'discover_tasks'] as const) expect(operations(name, {})).toEqual(['system.read'])
    for (const name of ['list_executions', 'get_execution_status', 'get_results', 'list_jobs', 'list_schedules'] as const) expect(operations(name, {})).toEqual(['execution.read'])
  })

  test('a batch names every item\'s task, counts every item as an execution and runs at most max_concurrent_executions at once', async () => {
    const rule = TOOL_OPERATIONS.batch_execute
    const args = { requests: [{ id: 'a', task_id: 'x', input: {} }, { id: 'b', task_id: 'y', input: {} }] }
    expect(await rule.tasks!(args)).toEqual(['x', 'y'])
    expect(rule.executions!(args)).toBe(2)
    expect(rule.narrow!({ ...args, max_parallel: 8 }, { maxConcurrentExecutions: 3 })).toMatchObject({ max_parallel: 3 })
    expect(rule.narrow!(args, {})).toBe(args)
  })

  test('an import names the tasks its bundle would create, with the prefix', async () => {
    const data = { format: 'ratchet-bundle', version: 1, tasks: [{ name: 'alpha', version: '1.0.0', code: 'function main() { return 1 }' }] }
    const names = await TOOL_OPERATIONS.import_tasks.tasks!({ data, options: { name_prefix: 'x-' } })
    expect(names).toEqual(['x-alpha'])
  })

  test('task tools run like execute_task; a built-in without a row needs every operation', () => {
    expect(toolRule(undefined)).toBe(TASK_TOOL_RULE)
    expect(toolRule('execute_task')).toBe(TOOL_OPERATIONS.execute_task as CallRule<unknown>)
    expect(toolRule('no_such_tool' as never)).toBe(UNLISTED_RULE)
    expect(UNLISTED_RULE.operations).toContain('schedules.manage')
  })

  test('a rate limit for no tool is a configuration error naming the key, in the section in force', () => {
    const settings = (raw: Record<string, unknown>) => readSecuritySettings({ raw, baseDir: '/srv/ratchet' } as unknown as Config)
    expect(() => checkToolRateLimits(settings({ mcp: { security: { rate_limiting: { exeucte_task_per_minute: 5 } } } }))).toThrow('mcp.security.rate_limiting.exeucte_task_per_minute: "exeucte_task" is neither a tool nor logs or traces, so this limit would never apply')
    expect(() => checkToolRateLimits(settings({ security: { security: { rate_limiting: { exeucte_task_per_minute: 5 } } } }))).toThrow('security.security.rate_limiting.exeucte_task_per_minute')
    expect(() => checkToolRateLimits(settings({ mcp: { security: { rate_limiting: { execute_task_per_minute: 5, logs_per_minute: 2, list_jobs_per_minute: 1 } } } }))).not.toThrow()
  })
})
