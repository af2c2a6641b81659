import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createMemoryTaskStateStore, createSqliteTaskStateStore, openTaskStates } from '../../src/authoring/index.ts'
import { trustedPrincipal } from '../../src/auth/permissions.ts'
import { defaultConfig } from '../../src/config/index.ts'
import { listTasks } from '../../src/engine/list-tasks.ts'
import { AppError } from '../../src/errors.ts'
import { executionHandlers } from '../../src/mcp/tools/execution-tools.ts'
import type { ToolContext } from '../../src/mcp/tools/types.ts'
import { silentLogger } from '../helpers/silent-logger.ts'
import { ADD, openAuthoring, refusalOf, type AuthoringHarness } from './harness.ts'

let h: AuthoringHarness

beforeAll(async () => {
  h = await openAuthoring()
  await h.authoring.createTask({ name: 'adder', ...ADD })
})
afterAll(async () => {
  await h.close()
})

describe('enabling and disabling', () => {
  test('a disabled task is refused by the engine with how to enable it, and stays listed as disabled', async () => {
    const change = await h.authoring.setEnabled('adder', false, { actor: 'ops' })
    expect(change).toMatchObject({ name: 'adder', enabled: false, changed: true, changedBy: 'ops' })
    const task = h.registry.get('adder')!
    const refused = await refusalOf(() => h.engine.execute({ task, input: { a: 1, b: 2 }, source: 'http' }))
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'task adder is disabled; enable it with POST /api/v1/tasks/adder/enable', data: { reason: 'task_disabled', name: 'adder' } })
    expect(() => h.engine.submit({ task, input: {}, source: 'mcp' })).toThrow('task adder is disabled')
    const { tasks } = await listTasks(h.registry, h.store, { page: 0, limit: 10, isEnabled: h.authoring.isEnabled })
    expect(tasks.find((t) => t.name === 'adder')?.enabled).toBe(false)
  })

  test('the MCP door is refused the same way: execute_task answers the disabled error', async () => {
    const noClient = async (): Promise<never> => {
      throw new AppError('BAD_INPUT', 'no client features in this test')
    }
    const ctx: ToolContext = {
      engine: h.engine,
      registry: h.registry,
      store: h.store,
      config: defaultConfig(h.root),
      logger: silentLogger(),
      tasksDir: h.tasksDir,
      signal: new AbortController().signal,
      client: { supportsSampling: false, supportsElicitation: false, sample: noClient, elicit: noClient },
      principal: trustedPrincipal('test'),
    }
    const refused = await refusalOf(() => executionHandlers.execute_task({ task_id: 'adder', input: { a: 1, b: 2 } }, ctx))
    expect(refused.message).toBe('task adder is disabled; enable it with POST /api/v1/tasks/adder/enable')
  })

  test('the tests of a disabled task still run, so it can be fixed before it is enabled', async () => {
    const run = await h.authoring.runTests('adder')
    expect(run.report).toMatchObject({ total: 2, passed: 2 })
  })

  test('the state is persisted: states reopened over the same database still refuse the task', async () => {
    const reopened = await openTaskStates(createSqliteTaskStateStore(h.store))
    expect(reopened.isEnabled('adder')).toBe(false)
    expect(reopened.get('adder')).toMatchObject({ enabled: false, changedBy: 'ops' })
    expect(reopened.refusal(h.registry.get('adder')!, 'cli')?.message).toContain('is disabled')
  })

  test('disabling twice changes nothing; enabling lets it run again', async () => {
    expect((await h.authoring.setEnabled('adder', false)).changed).toBe(false)
    const change = await h.authoring.setEnabled(h.registry.get('adder')!.uuid!, true)
    expect(change).toMatchObject({ name: 'adder', enabled: true, changed: true })
    const record = await h.engine.execute({ task: h.registry.get('adder')!, input: { a: 1, b: 2 }, source: 'http' })
    expect(record.output).toEqual({ sum: 3 })
  })

  test('a task never disabled is enabled, in memory stores too', async () => {
    const states = await openTaskStates(createMemoryTaskStateStore())
    expect(states.isEnabled('anything')).toBe(true)
    expect(states.get('anything')).toBeNull()
    await states.set('anything', false)
    expect(states.list()).toMatchObject([{ name: 'anything', enabled: false, changedBy: null }])
  })
})

describe('registry sync', () => {
  const writePackage = async (name: string, code: string) => {
    const dir = join(h.tasksDir, name)
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'metadata.json'), JSON.stringify({ name, version: '1.0.0', description: name }))
    await writeFile(join(dir, 'main.js'), code)
  }

  test('reports tasks added, updated and removed on disk since the last load, and packages that do not load', async () => {
    await writePackage('echo', 'function main(input) {\n  return input\n}\n')
    await writePackage('broken', 'function main(input) {\n  return {\n}\n')
    const first = await h.authoring.sync()
    expect(first.added).toEqual(['echo'])
    expect(first.updated).toEqual([])
    expect(first.errors.map((e) => e.dir)).toEqual([join(h.tasksDir, 'broken')])
    expect(first.errors[0]!.message).toContain('line')
    expect(first.totalTasks).toBe(2)

    await writeFile(join(h.tasksDir, 'echo', 'main.js'), 'function main(input) {\n  return { echoed: input }\n}\n')
    await rm(join(h.tasksDir, 'broken'), { recursive: true })
    await rm(join(h.tasksDir, 'adder'), { recursive: true })
    const second = await h.authoring.sync()
    expect(second).toMatchObject({ added: [], updated: ['echo'], removed: ['adder'], errors: [], totalTasks: 1 })
    expect(second.message).toBe('Synced: 1 task loaded, 0 added, 1 updated, 1 removed, 0 load problems.')
  })
})
