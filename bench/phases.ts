/**
 * Where an execution's time goes, phase by phase, measured in isolation in this process:
 * - worker side (mitata): the worker's per-run steps rebuilt from the same modules worker-entry.ts uses
 *   (prelude, host bridge, toScript): a fresh node:vm context, the prelude install, the run itself;
 * - parent side (mitata): JSON, schema validation, record/row encoding;
 * - store (timed loop, real file): one completion commit carrying 1, 2 or 64 executions, FULL vs NORMAL.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import vm from 'node:vm'
import { measure } from 'mitata'
import { prelude } from '../src/pool/prelude.ts'
import { createHostBridge, type RunState } from '../src/pool/host-bridge.ts'
import { toScript } from '../src/tasks/to-script.ts'
import { wrapModule } from '../src/pool/wrap-module.ts'
import { compileSchema } from '../src/tasks/schema.ts'
import { encodeExecution, encodePatchInto, EXECUTION_COLUMNS, type SqlValue } from '../src/store/execution-rows.ts'
import { encodeSpan } from '../src/store/log-span-rows.ts'
import { openSqliteStore } from '../src/store/sqlite-store.ts'
import type { ExecutionRecord, TraceSpan } from '../src/store/types.ts'
import { addTask } from './lib/task.ts'
import { summarize } from './lib/stats.ts'

export interface PhaseResults {
  /** Mean µs per call (mitata, or a timed loop where per-call setup must stay outside the timer). */
  worker: Record<string, number>
  parent: Record<string, number>
  /** Per execution, µs: wall time of the commit and the CPU it used, by synchronous mode and batch size. */
  commit: Record<string, { wallUsPerExec: number; cpuUsPerExec: number; commitWallUsP50: number }>
}

const MIN_CPU_NS = 150e6
/**
 * Mean µs per call from mitata. The mean, not the median: throughput pays for every call, including the
 * garbage collection a fresh realm per run causes, which a median leaves out.
 */
const meanUs = async (fn: () => unknown) => (await measure(fn, { min_cpu_time: MIN_CPU_NS })).avg / 1000

/** Mean µs of `fn(setup())` with the setup outside the timer (mitata cannot exclude per-call setup). */
async function meanUsWithSetup<S>(setup: () => S, fn: (s: S) => unknown, count = 400): Promise<number> {
  let total = 0
  for (let i = 0; i < count + 50; i++) {
    const state = setup()
    const t0 = performance.now()
    await fn(state)
    if (i >= 50) total += performance.now() - t0
  }
  return (total * 1000) / count
}

function workerReplica() {
  const PRELUDE = new vm.Script(`(${prelude.toString()})`, { filename: 'ratchet:prelude' })
  const send = () => {}
  const prepare = () => {
    const holder: { state: RunState | null } = { state: null }
    const context = vm.createContext(Object.create(null), { name: 'ratchet-task' }) // as worker-entry.ts
    const api = PRELUDE.runInContext(context)(createHostBridge(holder, send))
    api.harden()
    return { context, api, holder, factory: null as unknown }
  }
  const task = addTask('/tmp/bench-phases')
  const script = new vm.Script(wrapModule(toScript(task.code)), { filename: task.entryFile })
  const fields = { executionId: 'x', taskId: task.name, taskVersion: '1.0.0', attempt: 1, idempotencyKey: 'x' }
  const newState = (): RunState => ({ id: 'x', mocks: null, logs: [], logCount: 0, flushScheduled: false, timers: new Map(), fetches: new Map(), spanSeq: 0, done: false, uncaught: null, onUncaught: () => {} })
  const runIn = async (prepared: ReturnType<typeof prepare>) => {
    prepared.holder.state = newState()
    // As worker-entry.ts: the module's factory once per context, then run + reset per execution.
    prepared.factory ??= script.runInContext(prepared.context)
    const out = await prepared.api.run(prepared.factory, '{"a":1,"b":2}', fields, 16777216)
    prepared.api.reset()
    if (out !== '{"result":3}') throw new Error(`replica run returned ${out}`)
  }
  return { prepare, runIn }
}

async function workerPhases(): Promise<Record<string, number>> {
  const { prepare, runIn } = workerReplica()
  const reused = prepare()
  await runIn(reused)
  const createContext = await meanUs(() => vm.createContext(Object.create(null), { name: 'ratchet-task' }))
  const prepareContext = await meanUs(() => prepare())
  const runFresh = await meanUs(() => runIn(prepare()))
  const runReused = await meanUs(() => runIn(reused))
  const runPrepared = await meanUsWithSetup(prepare, runIn)
  const abortController = new vm.Script('new AbortController()')
  const firstAbortController = await meanUsWithSetup(prepare, (p) => abortController.runInContext(p.context))
  return {
    'vm.createContext': createContext,
    'prepareContext (createContext + prelude install)': prepareContext,
    'run in a freshly prepared context (preparation not timed)': runPrepared,
    '  of which: first AbortController (lazy global install; run() always makes one)': firstAbortController,
    'run in a reused context (already used once)': runReused,
    'whole run, fresh context (prepare + run), incl. GC': runFresh,
  }
}

async function parentPhases(): Promise<Record<string, number>> {
  const task = addTask('/tmp/bench-phases')
  const input = { a: 1, b: 2 }
  const record: ExecutionRecord = { id: Bun.randomUUIDv7(), taskName: task.name, taskVersion: task.version, taskChecksum: task.checksum, input, status: 'queued', error: null, queuedAt: new Date().toISOString(), attempt: 1, source: 'bench' }
  const runMessage = { t: 'run', id: record.id, task: { checksum: task.checksum, name: task.name, version: task.version, file: task.entryFile }, input: '{"a":1,"b":2}', attempt: 1, maxOutputBytes: 16777216 }
  const resultText = JSON.stringify({ t: 'result', id: record.id, ok: true, output: '{"result":3}', startedAt: Date.now(), durationMs: 0.2, loadMs: 0.01 })
  const span: TraceSpan = { executionId: record.id, spanId: 'execution', parentId: null, name: `execute ${task.name}`, kind: 'execution', startMs: Date.now(), durationMs: 0.2, status: 'ok', attributes: { task: task.name, version: '1.0.0', attempt: 1, status: 'completed', loadMs: 0.01 } }
  compileSchema(task.inputSchema!)
  compileSchema(task.outputSchema!)
  const json = await meanUs(() => {
    JSON.stringify(input) // engine inputJson
    JSON.stringify(input) // encodeExecution's input column
    JSON.stringify(runMessage) // IPC serialisation (done natively by Bun, same work)
    const message = JSON.parse(resultText) // IPC deserialisation
    const output = JSON.parse(message.output) // pool: the output text
    JSON.stringify(output) // output column
    return JSON.stringify(span.attributes) // span attributes column
  })
  const validation = await meanUs(() => compileSchema(task.inputSchema!).check(input) && compileSchema(task.outputSchema!).check({ result: 3 }))
  const bookkeeping = await meanUs(() => {
    const r = { ...record, id: Bun.randomUUIDv7(), queuedAt: new Date().toISOString() }
    const copies = [{ ...r }, { ...r }, { ...r }, { ...r }] // queued, started, finished events + resolved value
    const row = encodeExecution(r)
    const values: (SqlValue | undefined)[] = new Array(EXECUTION_COLUMNS.length)
    encodePatchInto(values, { status: 'running', startedAt: new Date().toISOString() })
    encodePatchInto(values, { status: 'completed', output: { result: 3 }, error: null, startedAt: r.queuedAt, completedAt: new Date().toISOString(), durationMs: 0.2, progress: null })
    return [copies, row, encodeSpan(span)]
  })
  return { 'JSON (in/out, IPC message, columns)': json, 'schema validation (input + output)': validation, 'ids, timestamps, record copies, row encoding': bookkeeping }
}

async function commitPhases(): Promise<PhaseResults['commit']> {
  const out: PhaseResults['commit'] = {}
  for (const synchronous of ['FULL', 'NORMAL'] as const) {
    for (const batch of [1, 2, 64]) {
      const dir = mkdtempSync(join(tmpdir(), 'ratchet-bench-commit-'))
      const store = openSqliteStore({ path: join(dir, 'ratchet.db'), synchronous })
      try {
        const rounds = batch === 64 ? 60 : 250
        const wall: number[] = []
        let cpuMs = 0
        let n = 0
        let wallTotal = 0
        for (let r = 0; r < rounds; r++) {
          const ids: string[] = []
          for (let b = 0; b < batch; b++) {
            const id = `e${n++}`
            ids.push(id)
            const now = new Date().toISOString()
            store.createExecution({ id, taskName: 'bench-add', taskVersion: '1.0.0', taskChecksum: 'c', input: { a: 1, b: 2 }, status: 'queued', queuedAt: now, attempt: 1, source: 'bench' })
            store.updateExecution(id, { status: 'running', startedAt: now })
          }
          store.flush() // the create commit; only the completion commit is timed
          for (const id of ids) {
            store.updateExecution(id, { status: 'completed', output: { result: 3 }, error: null, completedAt: new Date().toISOString(), durationMs: 0.2, progress: null })
            store.appendSpans([{ executionId: id, spanId: 'execution', parentId: null, name: 'execute bench-add', kind: 'execution', startMs: Date.now(), durationMs: 0.2, status: 'ok', attributes: { task: 'bench-add', version: '1.0.0', attempt: 1, status: 'completed', loadMs: 0.01 } }])
          }
          const c0 = process.cpuUsage()
          const t0 = performance.now()
          store.flush()
          const t = performance.now() - t0
          const c = process.cpuUsage(c0)
          if (r >= 10) {
            wall.push(t)
            wallTotal += t
            cpuMs += (c.user + c.system) / 1000
          }
        }
        const execs = (rounds - 10) * batch
        out[`${synchronous} batch ${batch}`] = { wallUsPerExec: (wallTotal * 1000) / execs, cpuUsPerExec: (cpuMs * 1000) / execs, commitWallUsP50: summarize(wall).p50 * 1000 }
      } finally {
        store.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
  return out
}

export async function phases(): Promise<PhaseResults> {
  return { worker: await workerPhases(), parent: await parentPhases(), commit: await commitPhases() }
}
