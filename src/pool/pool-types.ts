/**
 * The pool's contract: what callers pass in (options, run requests), what they get back (outcomes),
 * and the worker/job bookkeeping the pool keeps for each subprocess.
 */
import type { Subprocess } from 'bun'
import type { ExecutionError, TraceSpan } from '../store/types.ts'
import type { HttpMock, TaskPackage } from '../tasks/types.ts'
import type { AskKind, WorkerLog } from './protocol.ts'
import type { Logger } from '../lib/logger.ts'
import type { WorkerSandbox } from './sandbox/create-sandbox.ts'

export interface PoolOptions {
  count: number
  restartOnFailure: boolean
  maxMemoryMb: number
  logger: Logger
  /** Override of the worker command (tests). */
  command?: string[]
  /**
   * How long a dispatched run may wait for the worker's `started` acknowledgement (default 500 ms).
   * A worker that does not answer is still busy with work a previous execution left running: it is
   * killed and the run goes to another worker, its timeout clock not yet started.
   */
  ackTimeoutMs?: number
  /** Grace period between a cancel request and killing the worker. */
  cancelGraceMs?: number
  memoryPollMs?: number
  /**
   * Launches workers through the OS sandbox and the egress proxy (see createSandbox); the pool closes
   * it. Without one, workers start plainly and fetch goes straight out (unit tests only).
   */
  sandbox?: WorkerSandbox
}

export interface RunRequest {
  id: string
  task: TaskPackage
  /** JSON text of the input. */
  input: string
  attempt: number
  timeoutMs: number
  maxOutputBytes: number
  mocks?: HttpMock[]
  onStart?: (startedAt: number) => void
  onLogs?: (logs: WorkerLog[]) => void
  onProgress?: (progress: { progress: number; total?: number; message?: string }) => void
  onSpan?: (span: Omit<TraceSpan, 'executionId'>) => void
  /** Answers a task's context.sample() / context.elicit(); absent when nobody can (CLI, tests). */
  onAsk?: (kind: AskKind, params: unknown) => Promise<unknown>
}

export type RunOutcome =
  | { status: 'completed'; output: unknown; startedAt: number; durationMs: number; loadMs: number }
  | { status: 'failed' | 'timed_out' | 'cancelled'; error: ExecutionError; startedAt: number; durationMs: number; loadMs: number }

export interface Slot {
  n: number
  proc: Subprocess<'ignore', 'ignore', 'pipe'>
  dir: string
  ready: boolean
  loaded: Set<string>
  job: Job | null
  /** Why we are killing it, if we are; `redispatch`: it never took its run, which goes to another worker. */
  killReason: null | { status: 'timed_out' | 'cancelled' | 'failed'; error: ExecutionError; redispatch?: true }
  /** Resolves once onExit has run: the job is settled and the folder removed (`proc.exited` resolves earlier). */
  gone: Promise<void>
  markGone: () => void
}

export interface Job {
  request: RunRequest
  resolve: (outcome: RunOutcome) => void
  /** Dispatch time until the worker acknowledges the run, then the acknowledgement time. */
  startedAt: number
  /** Set once the worker acknowledged the run: the execution's timeout clock. */
  timer?: ReturnType<typeof setTimeout>
  ackTimer?: ReturnType<typeof setTimeout>
  acknowledged?: boolean
  /** How often the run was taken back from a worker that never acknowledged it. */
  redispatches: number
  cancelTimer?: ReturnType<typeof setTimeout>
  cancelled?: string
  onTimeout: () => void
  /** Open context.sample()/elicit() questions; the timeout clock stops while there are any. */
  asking?: number
  remainingMs?: number
  pausedAt?: number
  pausedMs?: number
  /** onStart was called (once, whichever worker took the run). */
  startReported?: boolean
}

export interface Pool {
  /** True when a ready worker is free. */
  hasIdle(): boolean
  /** False once every worker is gone for good (workers.restart_on_failure: false after crashes). */
  canServe(): boolean
  /** Called when the pool can no longer serve (see canServe). */
  onExhausted(listener: () => void): void
  /** Runs on an idle worker; throws if none is idle (the engine's queue decides who goes next). */
  run(request: RunRequest): Promise<RunOutcome>
  /** Asks the task to stop (its context.signal aborts), then kills the worker after a grace period. */
  cancel(id: string, reason: string): boolean
  /** Called whenever a worker becomes free. */
  onIdle(listener: () => void): void
  /** Resolves once `count` workers are ready. */
  ready(): Promise<void>
  stats(): { workers: number; ready: number; busy: number; restarts: number; pids: number[] }
  close(options?: { graceMs?: number }): Promise<void>
}
