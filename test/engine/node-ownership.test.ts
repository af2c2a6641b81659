/**
 * Executions belong to the node that ran them: the engine stamps its node id, and a node that restarts
 * (openRuntime) marks only its own unfinished executions interrupted, never the live work of another
 * node on the same database.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openRuntime } from '../../src/cli/runtime.ts'
import { loadConfig } from '../../src/config/index.ts'
import { stableNodeId } from '../../src/lib/node-id.ts'
import { openSqliteStore } from '../../src/store/index.ts'
import { makeTask } from '../helpers/make-task.ts'
import { waitFor } from '../helpers/process.ts'
import { withEngine } from '../helpers/with-engine.ts'

const quick = makeTask({ name: 'quick', code: 'function main(input) {\n  return input\n}\n' })
const sleeper = makeTask({ name: 'sleeper', code: 'async function main(input) {\n  await new Promise((resolve) => setTimeout(resolve, input.ms))\n  return "slept"\n}\n' })

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ratchet-node-ownership-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('the engine stamps its node id on every execution, by default the stable node id', async () => {
  await withEngine(async (h) => {
    const record = await h.engine.execute({ task: quick, input: 1, source: 'test' })
    expect(record.nodeId).toBe('node-x')
    expect((await h.store.getExecution(record.id))?.nodeId).toBe('node-x')
  }, { engine: { nodeId: 'node-x' } })
  await withEngine(async (h) => {
    const record = await h.engine.execute({ task: quick, input: 2, source: 'test' })
    expect((await h.store.getExecution(record.id))?.nodeId).toBe(stableNodeId())
  })
})

test('a restart of node A marks its own unfinished executions interrupted and leaves node B running', async () => {
  const file = join(dir, 'config.yaml')
  writeFileSync(file, ['database:', '  url: "sqlite:shared.db"', 'logging:', '  sinks: []', 'registry:', '  sources: []', 'workers:', '  count: 1'].join('\n'))
  const config = await loadConfig({ file })

  // Node A crashed while it ran one execution and had another queued.
  const crashed = openSqliteStore({ path: join(dir, 'shared.db') })
  crashed.createExecution({ id: 'a-running', taskName: 'sleeper', taskVersion: '1.0.0', taskChecksum: 'x', input: {}, status: 'running', queuedAt: new Date().toISOString(), attempt: 1, source: 'test', nodeId: 'node-a' })
  crashed.createExecution({ id: 'a-queued', taskName: 'sleeper', taskVersion: '1.0.0', taskChecksum: 'x', input: {}, status: 'queued', queuedAt: new Date().toISOString(), attempt: 1, source: 'test', nodeId: 'node-a' })
  await crashed.commit()
  await crashed.close()

  const nodeB = await openRuntime(config, { nodeId: 'node-b', skipRegistry: true })
  try {
    const { id, done } = nodeB.engine.submit({ task: sleeper, input: { ms: 1500 }, source: 'test' })
    expect(await waitFor(async () => (await nodeB.store.getExecution(id))?.status === 'running')).toBe(true)

    const nodeA = await openRuntime(config, { nodeId: 'node-a', skipRegistry: true })
    try {
      expect(nodeA.nodeId).toBe('node-a')
      for (const stale of ['a-running', 'a-queued']) {
        expect(await nodeA.store.getExecution(stale)).toMatchObject({ status: 'failed', error: { code: 'INTERRUPTED', reason: 'interrupted' }, nodeId: 'node-a' })
      }
      expect(await nodeA.store.getExecution(id)).toMatchObject({ status: 'running', error: null, nodeId: 'node-b' })
    } finally {
      await nodeA.close()
    }
    expect((await done).status).toBe('completed')
    expect(await nodeB.store.getExecution(id)).toMatchObject({ status: 'completed', output: 'slept', nodeId: 'node-b' })
  } finally {
    await nodeB.close()
  }
}, 20_000)
