/** The Store contract: reclaiming a node's unfinished executions, commit, close, reopen and health. */
import { describe, expect, test } from 'bun:test'
import { isAppError } from '../../../src/errors.ts'
import type { ExecutionStatus } from '../../../src/store/types.ts'
import { makeExecution, makeTaskPackage } from '../helpers.ts'
import { audit, FINISHED, INTERRUPTED, log, rejectionOf, thrownBy, type ContractContext } from './fixtures.ts'

export function lifecycleContract({ name, makeStore, options, withStore }: ContractContext): void {
  describe(`Store contract: ${name}: interrupted executions per node`, () => {
    test('markInterrupted fails only the queued and running executions of that node and of no node', withStore(async (store) => {
      const statuses: ExecutionStatus[] = ['queued', 'running', 'completed', 'failed', 'cancelled', 'timed_out']
      for (const status of statuses) {
        store.createExecution(makeExecution({ id: `a-${status}`, status, nodeId: 'node-a' }))
        store.createExecution(makeExecution({ id: `b-${status}`, status, nodeId: 'node-b' }))
      }
      store.createExecution(makeExecution({ id: 'legacy-running', status: 'running' }))
      const before = Date.now()
      expect(await store.markInterrupted('node-a')).toBe(3)

      for (const id of ['a-queued', 'a-running', 'legacy-running']) {
        const record = (await store.getExecution(id))!
        expect(record.status).toBe('failed')
        expect(record.error).toEqual(INTERRUPTED)
        expect(Date.parse(record.completedAt!)).toBeGreaterThanOrEqual(before - 1)
      }
      for (const status of statuses) {
        expect(await store.getExecution(`b-${status}`)).toMatchObject({ status, error: null, completedAt: null, nodeId: 'node-b' })
        if (status !== 'queued' && status !== 'running') expect(await store.getExecution(`a-${status}`)).toMatchObject({ status, error: null, completedAt: null })
      }
      expect(await store.markInterrupted('node-a')).toBe(0)
      expect(await store.markInterrupted('node-b')).toBe(2)
    }))

    test('markInterrupted refuses to run without a node id', withStore(async (store) => {
      store.createExecution(makeExecution({ status: 'running', nodeId: 'node-b' }))
      const error = await rejectionOf(store.markInterrupted(''))
      expect(isAppError(error) && error.code).toBe('INTERNAL')
      expect((await store.getExecution('exec-1'))?.status).toBe('running')
    }))
  })

  describe(`Store contract: ${name}: commit, close and health`, () => {
    test('checkWritable resolves on a healthy store', withStore(async (store) => {
      await store.checkWritable()
      store.createExecution(makeExecution())
      await store.checkWritable()
      expect((await store.getExecution('exec-1'))?.status).toBe('queued')
    }))

    test('commit resolves at once when nothing is pending', withStore(async (store) => {
      await store.commit()
      store.createExecution(makeExecution())
      await store.commit()
      await store.commit()
    }))

    test('a closed store refuses further use', async () => {
      const store = await makeStore()
      store.createExecution(makeExecution())
      await store.close()
      const refused = thrownBy(() => store.createExecution(makeExecution({ id: 'late' })))
      expect(isAppError(refused) && refused.code).toBe('INTERNAL')
      expect((refused as Error).message).toMatch(/closed/)
      const read = await rejectionOf(store.getExecution('exec-1'))
      expect(isAppError(read) && read.code).toBe('INTERNAL')
      await store.close()
    })

    const reopen = options.reopen
    if (reopen) {
      test('committed writes of every kind are there after close and reopen', async () => {
        let store = await makeStore()
        try {
          store.createExecution(FINISHED)
          store.createExecution(makeExecution({ status: 'running', nodeId: 'node-a' }))
          store.updateExecution('exec-1', { progress: { progress: 1 } })
          store.appendLogs([log(0, 'info', { data: { ok: true } })])
          store.appendSpans([{ executionId: 'exec-1', spanId: 'execution', parentId: null, name: 'execute', kind: 'execution', startMs: 1, durationMs: 2, status: 'ok', attributes: {} }])
          store.appendAudit([audit('2026-01-01T00:00:00.000Z')])
          await store.recordTaskVersion(makeTaskPackage())
          await store.commit()
          await store.close()
          store = await reopen()
          expect(await store.getExecution('exec-full')).toStrictEqual(FINISHED)
          expect(await store.getExecution('exec-1')).toMatchObject({ status: 'running', nodeId: 'node-a', progress: { progress: 1 } })
          expect(await store.getLogs('exec-1')).toStrictEqual([log(0, 'info', { data: { ok: true } })])
          expect(await store.getSpans('exec-1')).toHaveLength(1)
          expect(await store.listAudit()).toHaveLength(1)
          expect(await store.listTaskVersions('fetch-json')).toHaveLength(1)
        } finally {
          await store.close()
        }
      })

      test('close saves what was still buffered', async () => {
        let store = await makeStore()
        try {
          store.createExecution(makeExecution())
          store.appendLogs([log(0, 'info')])
          await store.close()
          await store.commit()
          store = await reopen()
          expect((await store.getExecution('exec-1'))?.status).toBe('queued')
          expect(await store.getLogs('exec-1')).toHaveLength(1)
        } finally {
          await store.close()
        }
      })
    }
  })
}
