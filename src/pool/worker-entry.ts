/**
 * The worker subprocess: loads each task version once (a compiled `vm.Script` per checksum) and runs
 * every execution in a fresh `node:vm` context prepared ahead of time, so no global or prototype change
 * survives a run. One execution at a time; the pool owns timeouts, memory caps and cancellation.
 */
import vm from 'node:vm'
import { rmSync } from 'node:fs'
import type { FromWorker, RunMessage, ToWorker } from './protocol.ts'
import { prelude } from './prelude.ts'
import { createHostBridge, flushLogs, type RunState } from './host-bridge.ts'
import { mapErrorToTask } from './map-error.ts'
import { toScript } from '../tasks/to-script.ts'
import type { ExecutionError } from '../store/types.ts'

const send = (message: FromWorker) => process.send!(message)
const PRELUDE = new vm.Script(`(${prelude.toString()})`, { filename: 'ratchet:prelude' })
const SCRIPT_CACHE_LIMIT = 64

interface LoadedScript {
  script: vm.Script
  lines: string[]
}

interface PreparedContext {
  context: vm.Context
  api: { run: Function; describe: (e: unknown) => string; abort: (reason: string) => void }
  holder: { state: RunState | null }
}

const scripts = new Map<string, LoadedScript>()
let spare: PreparedContext | null = null
let active: { id: string; prepared: PreparedContext; state: RunState } | null = null

function prepareContext(): PreparedContext {
  const holder: { state: RunState | null } = { state: null }
  // A null-prototype sandbox: with `{}`, `this.constructor` inside the task is the worker's Object, and
  // `this.constructor.constructor('return process')()` reaches the worker's process.
  const context = vm.createContext(Object.create(null), { name: 'ratchet-task' })
  const install = PRELUDE.runInContext(context)
  const api = install(createHostBridge(holder, send))
  return { context, api, holder }
}

function loadScript(message: RunMessage): LoadedScript {
  const cached = scripts.get(message.task.checksum)
  if (cached) {
    scripts.delete(message.task.checksum) // re-insert: the Map's order is the LRU order
    scripts.set(message.task.checksum, cached)
    return cached
  }
  if (message.task.code === undefined) throw new Error(`worker has no code for ${message.task.name}@${message.task.checksum}`)
  const script = new vm.Script(toScript(message.task.code), { filename: message.task.file })
  const loaded = { script, lines: message.task.code.split('\n') }
  scripts.set(message.task.checksum, loaded)
  if (scripts.size > SCRIPT_CACHE_LIMIT) scripts.delete(scripts.keys().next().value!)
  return loaded
}

async function handleRun(message: RunMessage): Promise<void> {
  const began = performance.now()
  const startedAt = Date.now()
  const state: RunState = {
    id: message.id,
    mocks: message.mocks ?? null,
    logs: [],
    logCount: 0,
    flushScheduled: false,
    timers: new Map(),
    fetches: new Map(),
    spanSeq: 0,
    done: false,
    uncaught: null,
    onUncaught: () => {},
  }
  const prepared = spare ?? prepareContext()
  spare = null
  prepared.holder.state = state
  active = { id: message.id, prepared, state }
  let loadMs = 0
  let lines: string[] = []
  let loaded: LoadedScript
  try {
    loaded = loadScript(message)
  } catch (thrown) {
    finish(state)
    const error: ExecutionError = { type: (thrown as Error).name ?? 'Error', code: 'TASK_INVALID', message: `The task's code could not be loaded: ${(thrown as Error).message}` }
    send({ t: 'result', id: message.id, ok: false, error, startedAt, durationMs: performance.now() - began, loadMs })
    active = null
    return
  }
  try {
    lines = loaded.lines
    const completion = loaded.script.runInContext(prepared.context)
    loadMs = performance.now() - began
    const fields = { executionId: message.id, taskId: message.task.name, taskVersion: message.task.version, attempt: message.attempt, idempotencyKey: message.id }
    const uncaught = new Promise<never>((_, reject) => { state.onUncaught = reject })
    const output: string = await Promise.race([prepared.api.run(completion, message.input, fields, message.maxOutputBytes), uncaught])
    finish(state)
    send({ t: 'result', id: message.id, ok: true, output, startedAt, durationMs: performance.now() - began, loadMs })
  } catch (thrown) {
    finish(state)
    const error = describeError(prepared, thrown, message.task.file, lines)
    send({ t: 'result', id: message.id, ok: false, error, startedAt, durationMs: performance.now() - began, loadMs })
  } finally {
    active = null
    // Build the next run's context while idle, off the next request's path.
    setImmediate(() => { if (!spare && !active) spare = prepareContext() })
  }
}

/** Stops everything the run left behind and sends its remaining logs. */
function finish(state: RunState): void {
  state.done = true
  for (const [, handle] of state.timers) clearTimeout(handle)
  state.timers.clear()
  for (const [, controller] of state.fetches) controller.abort()
  state.fetches.clear()
  flushLogs(state, send)
}

function describeError(prepared: PreparedContext, thrown: unknown, file: string, lines: string[]): ExecutionError {
  let raw: { type: string; message: string; stack: string; status?: number; details?: string }
  try {
    raw = JSON.parse(prepared.api.describe(thrown))
  } catch {
    raw = { type: 'Error', message: String(thrown), stack: '' }
  }
  return mapErrorToTask(raw, file, lines)
}

process.on('message', (message: ToWorker) => {
  if (message.t === 'run') {
    void handleRun(message)
  } else if (message.t === 'cancel' && active?.id === message.id) {
    active.prepared.api.abort(message.reason)
  }
})
/** Leaves no trace when the server is gone: the private temp folder is removed with the worker. */
const exitWithServer = () => {
  try {
    if (/\/ratchet-worker-[^/]+$/.test(process.cwd())) rmSync(process.cwd(), { recursive: true, force: true })
  } finally {
    process.exit(0)
  }
}
process.on('disconnect', exitWithServer)
// A task's stray promise or callback must fail its own run, never the worker.
const strayError = (error: unknown) => {
  if (active) active.state.onUncaught(error)
}
process.on('unhandledRejection', strayError)
process.on('uncaughtException', strayError)
// Exit if the server died without closing the channel (kill -9): we were re-parented.
const parent = process.ppid
setInterval(() => { if (process.ppid !== parent) exitWithServer() }, 1000).unref()

spare = prepareContext()
send({ t: 'ready', pid: process.pid })
