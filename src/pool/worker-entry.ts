/**
 * The worker subprocess. Each task version is compiled once into its own `node:vm` context whose
 * built-ins are frozen; the module is compiled as a function, so every execution runs its top level
 * afresh in a scope of its own, and after every run the global object is put back as it was (a context
 * that cannot be restored is dropped and rebuilt). Nothing of one run — variables, globals, prototypes,
 * input — reaches the next. One execution at a time; the pool owns timeouts, memory caps and cancellation.
 */
import vm from 'node:vm'
import { rmSync } from 'node:fs'
import type { FromWorker, RunMessage, ToWorker } from './protocol.ts'
import { prelude } from './prelude.ts'
import { createHostBridge, flushLogs, type RunState } from './host-bridge.ts'
import { mapErrorToTask } from './map-error.ts'
import { toScript } from '../tasks/to-script.ts'
import { wrapModule } from './wrap-module.ts'
import { EGRESS_SOCKET_ENV } from './egress/protocol.ts'
import type { ExecutionError } from '../store/types.ts'

const send = (message: FromWorker) => process.send!(message)
const PRELUDE = new vm.Script(`(${prelude.toString()})`, { filename: 'ratchet:prelude' })
const CONTEXT_CACHE_LIMIT = 16
const EGRESS_SOCKET = process.env[EGRESS_SOCKET_ENV]

interface PreparedContext {
  context: vm.Context
  api: { run: Function; describe: (e: unknown) => string; abort: (reason: string) => void; harden: () => void; snapshot: () => void; reset: () => boolean }
  holder: { state: RunState | null }
}

/** A task version loaded into its own context; `factory` runs its module's top level, once per execution. */
interface LoadedTask extends PreparedContext {
  factory: unknown
  lines: string[]
}

const loadedTasks = new Map<string, LoadedTask>()
let active: { id: string; prepared: PreparedContext; state: RunState } | null = null

function prepareContext(): PreparedContext {
  const holder: { state: RunState | null } = { state: null }
  // A null-prototype sandbox: with `{}`, `this.constructor` inside the task is the worker's Object, and
  // `this.constructor.constructor('return process')()` reaches the worker's process.
  const context = vm.createContext(Object.create(null), { name: 'ratchet-task' })
  // A ShadowRealm made inside the context gets Bun's full global (process, Bun.spawn, the file system):
  // `new ShadowRealm().evaluate("Bun.spawnSync(['id'])…")` ran commands as the server's user.
  vm.runInContext('delete globalThis.ShadowRealm', context)
  const install = PRELUDE.runInContext(context)
  const api = install(createHostBridge(holder, send, EGRESS_SOCKET))
  api.harden()
  return { context, api, holder }
}

/** Compiles a task version (syntax errors surface here, before any context exists). */
function compileTask(message: RunMessage): vm.Script {
  if (message.task.code === undefined) throw new Error(`worker has no code for ${message.task.name}@${message.task.checksum}`)
  return new vm.Script(wrapModule(toScript(message.task.code)), { filename: message.task.file })
}

/** The task version's context, loading its module first when this worker has not yet (or dropped it). */
function loadTask(message: RunMessage, script: vm.Script | null, state: RunState): LoadedTask {
  const cached = loadedTasks.get(message.task.checksum)
  if (cached) {
    loadedTasks.delete(message.task.checksum) // re-insert: the Map's order is the LRU order
    loadedTasks.set(message.task.checksum, cached)
    return cached
  }
  const prepared = prepareContext()
  prepared.holder.state = state
  const factory = (script ?? compileTask(message)).runInContext(prepared.context)
  prepared.api.snapshot()
  const loaded: LoadedTask = { ...prepared, factory, lines: message.task.code!.split('\n') }
  loadedTasks.set(message.task.checksum, loaded)
  if (loadedTasks.size > CONTEXT_CACHE_LIMIT) loadedTasks.delete(loadedTasks.keys().next().value!)
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
  let loadMs = 0
  let script: vm.Script | null = null
  if (!loadedTasks.has(message.task.checksum)) {
    try {
      script = compileTask(message)
    } catch (thrown) {
      finish(state)
      // A version this worker dropped (LRU, or a context it could not restore): the pool resends the code.
      const error: ExecutionError = message.task.code === undefined
        ? { type: 'WorkerNeedsCode', code: 'WORKER_NEEDS_CODE', message: `worker has no code for ${message.task.name}@${message.task.checksum}` }
        : { type: (thrown as Error).name ?? 'Error', code: 'TASK_INVALID', message: `The task's code could not be loaded: ${(thrown as Error).message}` }
      send({ t: 'result', id: message.id, ok: false, error, startedAt, durationMs: performance.now() - began, loadMs })
      return
    }
  }
  let prepared: PreparedContext | null = null
  let lines: string[] = message.task.code?.split('\n') ?? []
  try {
    const loaded = loadTask(message, script, state)
    prepared = loaded
    lines = loaded.lines
    loaded.holder.state = state
    active = { id: message.id, prepared: loaded, state }
    loadMs = performance.now() - began
    const fields = { executionId: message.id, taskId: message.task.name, taskVersion: message.task.version, attempt: message.attempt, idempotencyKey: message.id }
    const uncaught = new Promise<never>((_, reject) => { state.onUncaught = reject })
    const output: string = await Promise.race([loaded.api.run(loaded.factory, message.input, fields, message.maxOutputBytes), uncaught])
    finish(state)
    send({ t: 'result', id: message.id, ok: true, output, startedAt, durationMs: performance.now() - began, loadMs })
  } catch (thrown) {
    finish(state)
    const error = prepared ? describeError(prepared, thrown, message.task.file, lines) : describeLoadError(thrown, message.task.file, lines)
    send({ t: 'result', id: message.id, ok: false, error, startedAt, durationMs: performance.now() - began, loadMs })
  } finally {
    active = null
    const loaded = loadedTasks.get(message.task.checksum)
    if (loaded) {
      loaded.holder.state = null
      // A run that made its globals unrestorable costs its version a fresh context next time.
      if (!loaded.api.reset()) loadedTasks.delete(message.task.checksum)
    }
  }
}

/** Stops everything the run left behind and sends its remaining logs. */
function finish(state: RunState): void {
  state.done = true
  for (const [, handle] of state.timers) clearTimeout(handle)
  state.timers.clear()
  for (const [, controller] of state.fetches) controller.abort()
  state.fetches.clear()
  for (const [, resolve] of state.asks ?? []) resolve(JSON.stringify({ error: { name: 'ConfigurationError', message: 'the execution finished before the client answered' } }))
  state.asks?.clear()
  flushLogs(state, send)
}

/** The module's top level threw: the context was never cached. */
function describeLoadError(thrown: unknown, file: string, lines: string[]): ExecutionError {
  const error = thrown as { name?: string; message?: string; stack?: string }
  return mapErrorToTask({ type: String(error?.name ?? 'Error'), message: String(error?.message ?? thrown), stack: String(error?.stack ?? '') }, file, lines)
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
    // Acknowledged before anything else: a worker whose loop is still held by a previous run's
    // leftover work never gets here, and the pool replaces it instead of charging this run.
    send({ t: 'started', id: message.id })
    void handleRun(message)
  } else if (message.t === 'cancel' && active?.id === message.id) {
    active.prepared.api.abort(message.reason)
  } else if (message.t === 'answer' && active?.id === message.id) {
    const resolve = active.state.asks?.get(message.askId)
    active.state.asks?.delete(message.askId)
    resolve?.(JSON.stringify(message.ok ? { ok: true, result: JSON.parse(message.result ?? 'null') } : { error: message.error }))
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

send({ t: 'ready', pid: process.pid })
