/**
 * Cold paths. (1) The first run of a task version the warm workers have never seen: the code travels
 * with the run message, the worker converts and compiles it, the parent compiles its schemas.
 * (2) Worker cold start: createPool({ count: 1 }) until ready(), against a bare Bun IPC child's start.
 */
import { join } from 'node:path'
import { createPool } from '../src/pool/pool.ts'
import type { Stack } from './lib/harness.ts'
import { silentLogger } from './lib/silent-logger.ts'
import { summarize, type Summary } from './lib/stats.ts'
import { addTask } from './lib/task.ts'

export interface NewVersionResult {
  /** Submit → committed result, ms. */
  latency: Summary
  /** The worker's time to convert + compile + first-run the code (span attribute loadMs), ms. */
  loadMs: Summary
}

let generation = 0

/** `newSchemas`: a brand-new task (code and schemas unseen); otherwise a new code version with known schemas. */
export async function newVersionCold(stack: Stack, count: number, newSchemas: boolean): Promise<NewVersionResult> {
  const samples: number[] = []
  const loads: number[] = []
  const run = `${process.pid}-${++generation}`
  for (let i = 0; i < count; i++) {
    const task = addTask(stack.dir, `${run}-${i}`, newSchemas)
    await Bun.sleep(2) // the worker prepares its spare context while idle, as between real requests
    const t0 = performance.now()
    const record = await stack.run(task, i)
    samples.push(performance.now() - t0)
    const span = (await stack.store.getSpans(record.id)).find((s) => s.spanId === 'execution')
    loads.push(Number(span?.attributes.loadMs ?? NaN))
  }
  return { latency: summarize(samples), loadMs: summarize(loads) }
}

export async function workerColdStart(count: number): Promise<Summary> {
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    const t0 = performance.now()
    const pool = createPool({ count: 1, restartOnFailure: false, maxMemoryMb: 512, logger: silentLogger() })
    try {
      await Promise.race([pool.ready(), Bun.sleep(10_000).then(() => { throw new Error('worker did not become ready in 10 s') })])
      samples.push(performance.now() - t0)
    } finally {
      await pool.close({ graceMs: 0 })
    }
  }
  return summarize(samples)
}

/** The floor for the above: spawn a bare Bun child that says hello over IPC. */
export async function bareChildStart(count: number): Promise<Summary> {
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    const t0 = performance.now()
    let ready!: () => void
    const isReady = new Promise<void>((resolve) => (ready = resolve))
    const proc = Bun.spawn({ cmd: [process.execPath, join(import.meta.dir, 'ipc-echo-child.ts')], stdio: ['ignore', 'ignore', 'inherit'], serialization: 'json', ipc: () => ready() })
    try {
      await Promise.race([isReady, Bun.sleep(10_000).then(() => { throw new Error('bare child did not start in 10 s') })])
      samples.push(performance.now() - t0)
    } finally {
      proc.kill()
      await proc.exited
    }
  }
  return summarize(samples)
}
