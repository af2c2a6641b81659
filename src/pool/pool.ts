/**
 * A warm pool of Bun worker subprocesses. Each worker runs one execution at a time; the pool enforces
 * the per-execution timeout (SIGKILL), the per-worker memory cap (RSS polled from /proc), cancellation,
 * and replaces any worker that dies, so one bad task never takes the pool down. A run starts (onStart,
 * timeout clock) when the worker acknowledges it; a worker that does not within `ackTimeoutMs` is still
 * busy with what an earlier execution left behind, and is replaced without charging the new run.
 */
import { mkdtempSync, rmSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExecutionError } from '../store/types.ts'
import type { AskKind, FromWorker } from './protocol.ts'
import { workerCommand } from './worker-command.ts'
import type { Job, Pool, PoolOptions, RunOutcome, RunRequest, Slot } from './pool-types.ts'

export type { Pool, PoolOptions, RunOutcome, RunRequest } from './pool-types.ts'

export function createPool(options: PoolOptions): Pool {
  const { logger } = options
  const command = options.command ?? workerCommand()
  const cancelGraceMs = options.cancelGraceMs ?? 500
  const ackTimeoutMs = options.ackTimeoutMs ?? 500
  const slots: Slot[] = []
  /** Runs taken back from stuck workers; they go before anything the engine sends. */
  const waiting: Job[] = []
  const exhaustedListeners: Array<() => void> = []
  let exhausted = false
  const idleListeners: Array<() => void> = []
  let readyWaiters: Array<() => void> = []
  let restarts = 0
  let closing = false
  let spawnFailures = 0
  let seq = 0

  const notifyIdle = () => {
    for (const listener of idleListeners) listener()
  }

  const spawnWorker = (): Slot => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-worker-'))
    const gone = Promise.withResolvers<void>()
    const slot = { n: ++seq, gone: gone.promise, markGone: gone.resolve } as Slot
    // The worker sees none of the server's environment.
    const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: dir, TMPDIR: dir, LANG: 'C.UTF-8' }
    const launch = options.sandbox ? options.sandbox.wrap(command, dir, env) : { cmd: command, env }
    const proc = Bun.spawn({
      cmd: launch.cmd,
      cwd: dir,
      env: launch.env,
      stdio: ['ignore', 'ignore', 'pipe'],
      serialization: 'json',
      ipc: (message: FromWorker) => onMessage(slot, message),
      onExit: (_proc, exitCode, signalCode) => onExit(slot, exitCode, signalCode),
    })
    Object.assign(slot, { proc, dir, ready: false, loaded: new Set<string>(), job: null, killReason: null })
    void pipeStderr(slot)
    slots.push(slot)
    return slot
  }

  const pipeStderr = async (slot: Slot) => {
    const decoder = new TextDecoder()
    try {
      for await (const chunk of slot.proc.stderr) {
        const text = decoder.decode(chunk).trimEnd()
        if (text) logger.debug('worker stderr', { worker: slot.proc.pid, text: text.slice(0, 4000) })
      }
    } catch {
      // The stream closes with the process.
    }
  }

  const onMessage = (slot: Slot, message: FromWorker) => {
    if (message.t === 'ready') {
      options.sandbox?.adopt(slot.proc.pid, slot.dir)
      slot.ready = true
      spawnFailures = 0
      if (slots.filter((s) => s.ready).length >= options.count) {
        const waiters = readyWaiters
        readyWaiters = []
        for (const w of waiters) w()
      }
      dispatchWaiting()
      notifyIdle()
      return
    }
    const job = slot.job
    if (!job || job.request.id !== message.id) return
    switch (message.t) {
      case 'started':
        acknowledge(slot, job)
        break
      case 'logs':
        job.request.onLogs?.(message.logs)
        break
      case 'progress':
        job.request.onProgress?.({ progress: message.progress, total: message.total, message: message.message })
        break
      case 'span':
        job.request.onSpan?.(message.span)
        break
      case 'ask':
        void answerAsk(slot, job, message.askId, message.kind, message.params)
        break
      case 'result': {
        if (!message.ok && message.error.code === 'WORKER_NEEDS_CODE') {
          slot.loaded.delete(job.request.task.checksum)
          sendRun(slot, job.request)
          break
        }
        slot.loaded.add(job.request.task.checksum)
        let outcome: RunOutcome
        if (job.cancelled) {
          outcome = { status: 'cancelled', error: cancelledError(job.cancelled), startedAt: message.startedAt, durationMs: message.durationMs, loadMs: message.loadMs }
        } else if (message.ok) {
          outcome = { status: 'completed', output: JSON.parse(message.output), startedAt: message.startedAt, durationMs: message.durationMs, loadMs: message.loadMs }
        } else {
          outcome = { status: 'failed', error: message.error, startedAt: message.startedAt, durationMs: message.durationMs, loadMs: message.loadMs }
        }
        settle(slot, outcome)
        dispatchWaiting()
        notifyIdle()
        break
      }
    }
  }

  /** The worker took the run: only now does the execution start and its timeout clock run. */
  const acknowledge = (slot: Slot, job: Job) => {
    if (job.acknowledged || slot.killReason) return
    job.acknowledged = true
    clearTimeout(job.ackTimer)
    job.startedAt = Date.now()
    job.timer = setTimeout(job.onTimeout, job.request.timeoutMs)
    // Reported once, by the worker that actually runs it (a code resend acknowledges again).
    if (!job.startReported) job.request.onStart?.(job.startedAt)
    job.startReported = true
  }

  /** No acknowledgement: the worker's loop is held by what an earlier execution left running. */
  const onAckTimeout = (slot: Slot, job: Job) => {
    if (slot.job !== job || job.acknowledged || slot.killReason) return
    if (job.cancelled) {
      kill(slot, { status: 'cancelled', error: cancelledError(job.cancelled) })
      return
    }
    logger.warn('worker did not take a run: a previous execution left work running; replacing the worker and re-dispatching the run', { pid: slot.proc.pid, executionId: job.request.id, ackTimeoutMs })
    kill(slot, {
      status: 'failed',
      redispatch: true,
      error: { type: 'WorkerStuck', code: 'WORKER_CRASHED', reason: 'worker_stuck', message: 'A previous execution left work running in the worker, so it could not take this run.' },
    })
  }

  /** Hands runs taken back from stuck workers to idle workers, oldest first. */
  const dispatchWaiting = () => {
    while (waiting.length > 0 && !closing) {
      const slot = slots.find((s) => s.ready && !s.job && !s.killReason)
      if (!slot) return
      dispatch(slot, waiting.shift()!)
    }
  }

  const dispatch = (slot: Slot, job: Job) => {
    job.startedAt = Date.now()
    job.acknowledged = false
    job.ackTimer = setTimeout(() => onAckTimeout(slot, job), ackTimeoutMs)
    slot.job = job
    sendRun(slot, job.request)
  }

  const settle = (slot: Slot, outcome: RunOutcome) => {
    const job = slot.job
    if (!job) return
    clearTimeout(job.timer)
    clearTimeout(job.ackTimer)
    if (job.cancelTimer) clearTimeout(job.cancelTimer)
    slot.job = null
    job.resolve(outcome)
  }

  const onExit = (slot: Slot, exitCode: number | null, signalCode: number | string | null) => {
    slots.splice(slots.indexOf(slot), 1)
    rmSync(slot.dir, { recursive: true, force: true })
    const stoppedBySandbox = slot.killReason ? null : options.sandbox?.exitError(slot.proc.pid) ?? null
    options.sandbox?.release(slot.proc.pid)
    const job = slot.job
    if (job && slot.killReason?.redispatch && !closing && job.redispatches < MAX_REDISPATCHES) {
      // Not this run's fault: it never started. It keeps its attempt number and goes to the next worker.
      clearTimeout(job.ackTimer)
      if (job.cancelTimer) clearTimeout(job.cancelTimer)
      slot.job = null
      job.redispatches++
      waiting.push(job)
      dispatchWaiting()
    } else if (job) {
      const elapsed = Date.now() - job.startedAt
      const outcome: RunOutcome = slot.killReason
        ? { status: slot.killReason.status, error: slot.killReason.error, startedAt: job.startedAt, durationMs: elapsed, loadMs: 0 }
        : stoppedBySandbox
        ? { status: 'failed', error: stoppedBySandbox, startedAt: job.startedAt, durationMs: elapsed, loadMs: 0 }
        : {
            status: 'failed',
            error: {
              type: 'WorkerCrashed',
              code: 'WORKER_CRASHED',
              reason: 'worker_crashed',
              message: `The worker process running this task exited unexpectedly (${signalCode ? `signal ${signalCode}` : `exit code ${exitCode}`}). Other executions were not affected; a new worker replaced it.`,
            },
            startedAt: job.startedAt,
            durationMs: elapsed,
            loadMs: 0,
          }
      settle(slot, outcome)
    }
    slot.markGone()
    if (closing) return
    if (!slot.ready) spawnFailures++
    if (!slot.killReason) logger.warn('worker exited', { pid: slot.proc.pid, exitCode, signal: signalCode, busy: Boolean(job) })
    if (!options.restartOnFailure && !slot.killReason) {
      if (slots.length === 0) {
        exhausted = true
        logger.error('every worker has exited and workers.restart_on_failure is false: no execution can run until the server restarts')
        for (const listener of exhaustedListeners) listener()
      }
      return
    }
    restarts++
    // A worker that cannot even start must not turn into a spawn loop.
    const delay = spawnFailures === 0 ? 0 : Math.min(5000, 50 * 2 ** spawnFailures)
    if (spawnFailures > 0) logger.error('worker failed to start; retrying', { attempt: spawnFailures, delayMs: delay, command: command.join(' ') })
    setTimeout(() => { if (!closing) spawnWorker() }, delay)
  }

  const cancelWaiting = (id: string, reason: string): boolean => {
    const index = waiting.findIndex((job) => job.request.id === id)
    if (index < 0) return false
    const [job] = waiting.splice(index, 1)
    job!.resolve({ status: 'cancelled', error: cancelledError(reason), startedAt: job!.startedAt, durationMs: 0, loadMs: 0 })
    return true
  }

  /** Asks the caller; the execution's timeout is paused while a person or a model answers. */
  const answerAsk = async (slot: Slot, job: Job, askId: number, kind: AskKind, params: unknown) => {
    const reply = (body: { ok: boolean; result?: string; error?: { name: string; message: string } }) => {
      if (slot.job === job) slot.proc.send({ t: 'answer', id: job.request.id, askId, ...body })
    }
    if (!job.request.onAsk) {
      reply({ ok: false, error: { name: 'ConfigurationError', message: `context.${kind}() needs an MCP client that supports ${kind === 'sample' ? 'sampling' : 'elicitation'}; this execution has none (it was started from the CLI, a test run, or a client without that capability)` } })
      return
    }
    job.asking = (job.asking ?? 0) + 1
    if (job.asking === 1) {
      if (job.timer) clearTimeout(job.timer)
      job.remainingMs = Math.max(0, job.request.timeoutMs - (Date.now() - job.startedAt - (job.pausedMs ?? 0)))
      job.pausedAt = Date.now()
    }
    try {
      const result = await job.request.onAsk(kind, params)
      reply({ ok: true, result: JSON.stringify(result ?? null) })
    } catch (error) {
      reply({ ok: false, error: { name: (error as Error).name === 'AppError' ? 'ConfigurationError' : String((error as Error).name ?? 'Error'), message: (error as Error).message ?? String(error) } })
    } finally {
      job.asking--
      if (job.asking === 0 && slot.job === job) {
        job.pausedMs = (job.pausedMs ?? 0) + (Date.now() - job.pausedAt!)
        job.timer = setTimeout(job.onTimeout, job.remainingMs!)
      }
    }
  }

  const sendRun = (slot: Slot, request: RunRequest) => {
    slot.proc.send({
      t: 'run',
      id: request.id,
      task: { checksum: request.task.checksum, name: request.task.name, version: request.task.version, file: request.task.entryFile, code: slot.loaded.has(request.task.checksum) ? undefined : request.task.code },
      input: request.input,
      attempt: request.attempt,
      mocks: request.mocks,
      maxOutputBytes: request.maxOutputBytes,
    })
  }

  const kill = (slot: Slot, reason: NonNullable<Slot['killReason']>) => {
    if (slot.killReason) return
    slot.killReason = reason
    slot.proc.kill('SIGKILL')
  }

  const pollMemory = setInterval(() => {
    const limit = options.maxMemoryMb * 1024 * 1024
    for (const slot of slots) {
      const rss = options.sandbox ? options.sandbox.rss(slot.proc.pid) : readRss(slot.proc.pid)
      if (rss > limit && !slot.killReason) {
        logger.warn('worker over its memory cap; killing it', { pid: slot.proc.pid, rssMb: Math.round(rss / 1048576), maxMemoryMb: options.maxMemoryMb })
        kill(slot, {
          status: 'failed',
          error: {
            type: 'ResourceExhausted',
            code: 'RESOURCE_EXHAUSTED',
            reason: 'resource_exhausted',
            message: `The task used more than the ${options.maxMemoryMb} MB memory cap (execution.max_memory_mb), so its worker was stopped. Reduce the data held in memory or raise the cap.`,
            details: { rssMb: Math.round(rss / 1048576), maxMemoryMb: options.maxMemoryMb },
          },
        })
      }
    }
  }, options.memoryPollMs ?? 50)

  for (let i = 0; i < options.count; i++) spawnWorker()

  return {
    hasIdle: () => !closing && waiting.length === 0 && slots.some((s) => s.ready && !s.job && !s.killReason),
    canServe: () => !closing && !exhausted,
    onExhausted(listener) {
      exhaustedListeners.push(listener)
    },
    run(request) {
      const slot = slots.find((s) => s.ready && !s.job && !s.killReason)
      if (!slot || closing) throw new Error('no idle worker')
      return new Promise<RunOutcome>((resolve) => {
        const onTimeout = () => {
          const slot = slots.find((s) => s.job?.request.id === request.id)
          if (!slot) return
          kill(slot, {
            status: 'timed_out',
            error: {
              type: 'TimeoutError',
              code: 'TIMED_OUT',
              reason: 'timeout',
              message: `The task did not finish within ${request.timeoutMs / 1000} s, so its worker was stopped. Pass a larger timeout (capped by execution.max_execution_time) or make the task faster.`,
              details: { timeoutMs: request.timeoutMs },
            },
          })
        }
        // onStart and the timeout clock wait for the worker's acknowledgement (see acknowledge).
        dispatch(slot, { request, resolve, startedAt: Date.now(), onTimeout, redispatches: 0 })
      })
    },
    cancel(id, reason) {
      if (cancelWaiting(id, reason)) return true
      const slot = slots.find((s) => s.job?.request.id === id)
      if (!slot || !slot.job) return false
      const job = slot.job
      if (job.cancelled) return true
      job.cancelled = reason
      slot.proc.send({ t: 'cancel', id, reason })
      job.cancelTimer = setTimeout(() => kill(slot, { status: 'cancelled', error: cancelledError(reason) }), cancelGraceMs)
      return true
    },
    onIdle(listener) {
      idleListeners.push(listener)
    },
    ready() {
      if (slots.filter((s) => s.ready).length >= options.count) return Promise.resolve()
      return new Promise<void>((resolve) => readyWaiters.push(resolve))
    },
    stats() {
      return { workers: slots.length, ready: slots.filter((s) => s.ready).length, busy: slots.filter((s) => s.job).length, restarts, pids: slots.map((s) => s.proc.pid) }
    },
    async close({ graceMs = 5000 } = {}) {
      closing = true
      clearInterval(pollMemory)
      for (const job of waiting.splice(0)) job.resolve({ status: 'failed', error: { type: 'ShuttingDown', code: 'INTERRUPTED', reason: 'interrupted', message: 'The server shut down before this execution started.' }, startedAt: job.startedAt, durationMs: 0, loadMs: 0 })
      const deadline = Date.now() + graceMs
      while (slots.some((s) => s.job) && Date.now() < deadline) await Bun.sleep(10)
      const exits = slots.map((s) => s.gone)
      for (const slot of [...slots]) {
        if (slot.job) kill(slot, { status: 'failed', error: { type: 'ShuttingDown', code: 'INTERRUPTED', reason: 'interrupted', message: 'The server shut down before this execution finished.' } })
        else slot.proc.kill('SIGTERM')
      }
      await Promise.all(exits)
      await options.sandbox?.close()
    },
  }
}

/** A run is taken back from stuck workers at most this often; then it fails as a crashed worker. */
const MAX_REDISPATCHES = 3

function cancelledError(reason: string): ExecutionError {
  return { type: 'Cancelled', code: 'CANCELLED', reason: 'cancelled', message: `The execution was cancelled: ${reason}` }
}

function readRss(pid: number): number {
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, 'utf8')
    return Number(statm.split(' ')[1]) * 4096
  } catch {
    return 0
  }
}
