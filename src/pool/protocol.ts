/**
 * Messages between the pool (parent) and a worker subprocess, over Bun IPC with JSON serialisation
 * (the fastest transport measured here for small payloads). Values are plain JSON.
 */
import type { ExecutionError, LogLevel, TraceSpan } from '../store/types.ts'
import type { HttpMock } from '../tasks/types.ts'

export interface RunTaskRef {
  checksum: string
  name: string
  version: string
  /** Absolute path of the task's code file: stack frames are mapped to it. */
  file: string
  /** Present when this worker has not loaded this checksum yet. */
  code?: string
}

export interface RunMessage {
  t: 'run'
  id: string
  task: RunTaskRef
  /** JSON text of the input, parsed inside the task's own realm. */
  input: string
  attempt: number
  /** When set, fetch answers only from these mocks (test runs). */
  mocks?: HttpMock[]
  /** Maximum bytes of the serialised output. */
  maxOutputBytes: number
}

export interface CancelMessage {
  t: 'cancel'
  id: string
  reason: string
}

/** The client's answer to a task's `context.sample()` / `context.elicit()`. */
export interface AnswerMessage {
  t: 'answer'
  id: string
  askId: number
  ok: boolean
  /** JSON text of the result (ok) */
  result?: string
  error?: { name: string; message: string }
}

export type AskKind = 'sample' | 'elicit'

export type ToWorker = RunMessage | CancelMessage | AnswerMessage

export interface WorkerLog {
  level: LogLevel
  message: string
  data?: unknown
  ts: string
}

export type FromWorker =
  | { t: 'ready'; pid: number }
  /** Sent from the message handler the moment a run arrives: the worker's event loop is free. */
  | { t: 'started'; id: string }
  | { t: 'logs'; id: string; logs: WorkerLog[] }
  | { t: 'progress'; id: string; progress: number; total?: number; message?: string }
  | { t: 'span'; id: string; span: Omit<TraceSpan, 'executionId'> }
  | { t: 'ask'; id: string; askId: number; kind: AskKind; params: unknown }
  | { t: 'result'; id: string; ok: true; output: string; startedAt: number; durationMs: number; loadMs: number }
  | { t: 'result'; id: string; ok: false; error: ExecutionError; startedAt: number; durationMs: number; loadMs: number }
