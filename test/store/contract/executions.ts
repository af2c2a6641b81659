/** The Store contract: creating, updating and reading executions, and a write that cannot be saved. */
import { describe, expect, test } from 'bun:test'
import { isAppError } from '../../../src/errors.ts'
import type { ExecutionStatus } from '../../../src/store/types.ts'
import { makeExecution } from '../helpers.ts'
import { FINISHED, log, rejectionOf, type ContractContext } from './fixtures.ts'

export function executionContract({ name, withStore }: ContractContext): void {
  describe(`Store contract: ${name}: executions`, () => {
    test('round-trips every field of an execution', withStore(async (store) => {
      store.createExecution(FINISHED)
      await store.commit()
      expect(await store.getExecution('exec-full')).toStrictEqual(FINISHED)
      expect(await store.getExecution('missing')).toBeNull()
    }))

    test('updates change only the fields they name; principal and node are not patchable', withStore(async (store) => {
      store.createExecution(makeExecution({ principal: 'alice', nodeId: 'node-a' }))
      await store.commit()
      store.updateExecution('exec-1', { status: 'running', startedAt: '2026-01-01T00:00:01.000Z', progress: { progress: 1 } })
      await store.commit()
      store.updateExecution('exec-1', {
        status: 'completed',
        output: [1, 2, 3],
        completedAt: '2026-01-01T00:00:03.000Z',
        durationMs: 2000,
        progress: null,
        taskVersion: '1.0.1',
        taskChecksum: 'sha-2',
        attempt: 2,
        ...({ principal: 'mallory', nodeId: 'node-z' } as object),
      })
      await store.commit()
      expect(await store.getExecution('exec-1')).toStrictEqual({
        ...makeExecution(),
        taskVersion: '1.0.1',
        taskChecksum: 'sha-2',
        output: [1, 2, 3],
        status: 'completed',
        error: null,
        startedAt: '2026-01-01T00:00:01.000Z',
        completedAt: '2026-01-01T00:00:03.000Z',
        durationMs: 2000,
        attempt: 2,
        progress: null,
        principal: 'alice',
        nodeId: 'node-a',
      })
    }))

    test('leaves output undefined when it was never set, and keeps an explicit null output', withStore(async (store) => {
      store.createExecution(makeExecution({ id: 'never' }))
      store.createExecution(makeExecution({ id: 'null-output' }))
      store.updateExecution('null-output', { status: 'completed', output: null })
      const never = (await store.getExecution('never'))!
      expect('output' in never).toBe(false)
      expect('principal' in never).toBe(false)
      expect('nodeId' in never).toBe(false)
      expect((await store.getExecution('null-output'))!.output).toBeNull()
    }))

    test('reads see earlier writes without an explicit commit', withStore(async (store) => {
      store.createExecution(makeExecution())
      store.updateExecution('exec-1', { status: 'running' })
      store.appendLogs([{ executionId: 'exec-1', seq: 0, level: 'info', message: 'started', ts: '2026-01-01T00:00:01.000Z' }])
      expect((await store.getExecution('exec-1'))?.status).toBe('running')
      expect((await store.listExecutions({ status: 'running' })).total).toBe(1)
      expect(await store.getLogs('exec-1')).toHaveLength(1)
      store.updateExecution('exec-1', { status: 'completed' })
      expect((await store.getExecution('exec-1'))?.status).toBe('completed')
    }))

    test('later updates of one execution win, in the order they were issued', withStore(async (store) => {
      store.createExecution(makeExecution())
      store.updateExecution('exec-1', { status: 'running', progress: { progress: 1 } })
      store.updateExecution('exec-1', { progress: { progress: 2 } })
      store.updateExecution('exec-1', { status: 'completed' })
      const record = (await store.getExecution('exec-1'))!
      expect(record.status).toBe('completed')
      expect(record.progress).toEqual({ progress: 2 })
    }))

    test('stores a copy: mutating the record after createExecution changes nothing', withStore(async (store) => {
      const record = makeExecution({ input: { n: 1 } })
      store.createExecution(record)
      ;(record.input as { n: number }).n = 2
      record.status = 'running'
      expect(await store.getExecution('exec-1')).toMatchObject({ input: { n: 1 }, status: 'queued' })
    }))

    test('refuses an unknown status and a value that is not JSON at the call, storing nothing', withStore(async (store) => {
      expect(() => store.createExecution(makeExecution({ status: 'done' as ExecutionStatus }))).toThrow(/status/)
      const cyclic: Record<string, unknown> = {}
      cyclic.self = cyclic
      expect(() => store.createExecution(makeExecution({ input: cyclic }))).toThrow(/input/)
      expect(() => store.updateExecution('exec-1', { output: 10n })).toThrow(/output/)
      expect((await store.listExecutions()).total).toBe(0)
    }))

    test('a write that cannot be saved rejects the next commit; its valid neighbours are saved', withStore(async (store) => {
      store.createExecution(makeExecution())
      await store.commit()
      store.appendLogs([{ ...log(0, 'info'), executionId: 'ghost' }, log(0, 'info')])
      const error = await rejectionOf(store.commit())
      expect(isAppError(error) && error.code).toBe('INTERNAL')
      expect(await store.getLogs('exec-1')).toHaveLength(1)
      // Reported once: the next commit has nothing new to report.
      expect(await rejectionOf(store.commit())).toBeUndefined()
    }))
  })
}
