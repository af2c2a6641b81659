/**
 * A real authoring setup: a temp tasks folder as the registry's only source (overriding, unwatched), a
 * SQLite store (a file, so task states can be reopened), a 1-worker pool and an engine whose TaskGate
 * is the task states the service changes — wired as the runtime wires them.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAuthoring, createSqliteTaskStateStore, openTaskStates, type Authoring, type TaskStates } from '../../src/authoring/index.ts'
import { createEngine, type Engine } from '../../src/engine/engine.ts'
import { createPool } from '../../src/pool/pool.ts'
import { createRegistry, type Registry } from '../../src/registry/registry.ts'
import { openSqliteStore, type SqliteStore } from '../../src/store/index.ts'
import { silentLogger } from '../helpers/silent-logger.ts'

export interface AuthoringHarness {
  root: string
  tasksDir: string
  store: SqliteStore
  registry: Registry
  engine: Engine
  states: TaskStates
  authoring: Authoring
  logger: ReturnType<typeof silentLogger>
  close(): Promise<void>
}

export async function openAuthoring(): Promise<AuthoringHarness> {
  const root = await mkdtemp(join(tmpdir(), 'ratchet-authoring-'))
  const tasksDir = join(root, 'tasks')
  const logger = silentLogger()
  const store = openSqliteStore({ path: join(root, 'ratchet.db'), synchronous: 'NORMAL' })
  const states = await openTaskStates(createSqliteTaskStateStore(store.database))
  const pool = createPool({ count: 1, restartOnFailure: true, maxMemoryMb: 512, cancelGraceMs: 300, logger })
  const engine = createEngine({ store, pool, logger, gate: states }, { maxExecutionTime: 10, maxQueue: 16, validateSchemas: true })
  const sources = [{ name: 'tasks', uri: `file://${tasksDir}`, path: tasksDir, watchForChanges: false, autoReload: false, overrides: true }]
  const registry = createRegistry({ sources, store, logger })
  await pool.ready()
  const authoring = createAuthoring({ registry, engine, store, logger, tasksDir, maxTestSeconds: 10, states })
  return {
    root,
    tasksDir,
    store,
    registry,
    engine,
    states,
    authoring,
    logger,
    async close() {
      registry.close()
      await engine.close({ graceMs: 1000 })
      store.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}

export const ADD = {
  code: 'function main(input) {\n  return { sum: input.a + input.b }\n}\n',
  inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] },
  outputSchema: { type: 'object', properties: { sum: { type: 'number' } }, required: ['sum'] },
  tests: [
    { name: 'adds', input: { a: 2, b: 3 }, expected_output: { sum: 5 } },
    { name: 'rejects text', input: { a: 'x', b: 1 }, should_fail: true },
  ],
}

/** The AppError `fn` rejects with (fails the test when it resolves). */
export async function refusalOf(fn: () => Promise<unknown>): Promise<{ code: string; message: string; hint?: string; data?: Record<string, unknown> }> {
  try {
    await fn()
  } catch (error) {
    return error as { code: string; message: string; hint?: string; data?: Record<string, unknown> }
  }
  throw new Error('expected a refusal, but the call succeeded')
}
