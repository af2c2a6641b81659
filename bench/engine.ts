/**
 * The engine end to end: createEngine + createPool + the SQLite store on a file, every execution
 * persisted (engine.execute resolves after commit). Single-execution latency with one in flight, then a
 * closed-loop sweep over the number in flight to find what saturates 2 workers. For every throughput
 * point it also records the CPU the parent and the workers used per execution and how many store
 * transactions were committed (see lib/commit-probe.ts), which is what the analysis is built on.
 */
import { commitDelta, commitSnapshot } from './lib/commit-probe.ts'
import type { Stack } from './lib/harness.ts'
import { withCpu } from './lib/proc.ts'
import { closedLoop, sequential, summarize, type LoopResult, type Summary } from './lib/stats.ts'
import { addTask } from './lib/task.ts'

export interface ThroughputPoint extends LoopResult {
  inflight: number
  cpuUsPerExec: { parent: number; workers: number; total: number }
  /** Store transactions per execution, ops per transaction, and event-loop time blocked in them. */
  commits: { perExec: number; opsPerCommit: number; blockedUsPerExec: number; blockedShare: number }
  /** Share of the machine's CPU used by other processes (noise) and stolen by the hypervisor meanwhile. */
  noise: { foreignShare: number; stealShare: number }
}

export interface EngineLatency {
  latency: Summary
  /** The worker's own measure of each run (context + code + JSON), from the record's durationMs. */
  workerMs: Summary
}

export async function engineLatency(stack: Stack, count: number): Promise<EngineLatency> {
  const task = addTask(stack.dir)
  for (let i = 0; i < 300; i++) await stack.run(task, i) // warm-up: JIT, schema cache, both workers
  const worker: number[] = []
  const latency = await sequential(count, async (i) => {
    const record = await stack.run(task, i)
    worker.push(record.durationMs ?? NaN)
  })
  return { latency, workerMs: summarize(worker) }
}

export async function engineThroughput(stack: Stack, inflight: number, durationMs: number): Promise<ThroughputPoint> {
  const task = addTask(stack.dir)
  await closedLoop(inflight, 150, 1e6, async (i) => void (await stack.run(task, i))) // settle at this level
  const before = commitSnapshot()
  const measured = await withCpu(stack.pool.stats().pids, () => closedLoop(inflight, durationMs, 1_000_000, async (i) => void (await stack.run(task, i))))
  const commits = commitDelta(before)
  const ops = measured.result.ops
  return {
    inflight,
    ...measured.result,
    cpuUsPerExec: { parent: (measured.selfMs * 1000) / ops, workers: (measured.childMs * 1000) / ops, total: ((measured.selfMs + measured.childMs) * 1000) / ops },
    commits: {
      perExec: commits.flushes / ops,
      opsPerCommit: commits.ops / Math.max(1, commits.flushes),
      blockedUsPerExec: (commits.blockedMs * 1000) / ops,
      blockedShare: commits.blockedMs / measured.wallMs,
    },
    noise: { foreignShare: measured.foreignShare, stealShare: measured.stealShare },
  }
}
