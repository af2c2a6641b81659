/**
 * Baseline floor: a bare Bun subprocess echo over Bun IPC (`serialization: 'json'`), the transport the
 * pool uses. Latency with one request in flight; throughput with 2 children and 64 in flight (pipelined,
 * as in performance-notes §1b) and with 2 children and 1 in flight per child (the pool's dispatch model).
 */
import { join } from 'node:path'
import type { Subprocess } from 'bun'
import { withCpu } from './lib/proc.ts'
import { closedLoop, sequential, type LoopResult, type Summary } from './lib/stats.ts'

interface Child {
  proc: Subprocess
  pending: Map<number, () => void>
  inflight: number
}

export interface IpcFloorResult {
  latency: Summary
  throughput64: LoopResult & { cpuUsPerMsg: { parent: number; children: number }; foreignShare: number }
  throughputOnePerChild: LoopResult & { cpuUsPerMsg: { parent: number; children: number } }
}

const CHILD = join(import.meta.dir, 'ipc-echo-child.ts')

async function spawnChild(): Promise<Child> {
  let ready!: () => void
  const isReady = new Promise<void>((resolve) => (ready = resolve))
  const child = { pending: new Map(), inflight: 0 } as unknown as Child
  child.proc = Bun.spawn({
    cmd: [process.execPath, CHILD],
    stdio: ['ignore', 'ignore', 'inherit'],
    serialization: 'json',
    ipc(message: { ready?: boolean; id?: number }) {
      if (message.ready) return ready()
      const done = child.pending.get(message.id!)
      child.pending.delete(message.id!)
      child.inflight--
      done?.()
    },
  })
  await Promise.race([isReady, Bun.sleep(10_000).then(() => { throw new Error('IPC echo child did not start') })])
  return child
}

let seq = 0
function roundTrip(child: Child): Promise<void> {
  const id = ++seq
  child.inflight++
  return new Promise<void>((resolve) => {
    child.pending.set(id, resolve)
    // Roughly the size of a real run message for the trivial task.
    child.proc.send({ t: 'run', id, input: '{"a":1,"b":2}', attempt: 1, maxOutputBytes: 16777216 })
  })
}

const leastLoaded = (children: Child[]) => (children[0]!.inflight <= children[1]!.inflight ? children[0]! : children[1]!)

export async function ipcFloor(opts: { latencyCount: number; durationMs: number }): Promise<IpcFloorResult> {
  const children = [await spawnChild(), await spawnChild()]
  try {
    for (let i = 0; i < 2000; i++) await roundTrip(children[i % 2]!) // warm-up
    const latency = await sequential(opts.latencyCount, () => roundTrip(children[0]!))

    await closedLoop(64, 200, 1e6, () => roundTrip(leastLoaded(children)))
    const pids = children.map((c) => c.proc.pid)
    const measured = await withCpu(pids, () => closedLoop(64, opts.durationMs, 2_000_000, () => roundTrip(leastLoaded(children))))
    const ops = measured.result.ops
    const throughput64 = { ...measured.result, cpuUsPerMsg: { parent: (measured.selfMs * 1000) / ops, children: (measured.childMs * 1000) / ops }, foreignShare: measured.foreignShare }

    // One message per child at a time, like the pool (a worker gets its next job only after its result).
    const one = await withCpu(pids, () => closedLoop(2, opts.durationMs, 2_000_000, (_, lane) => roundTrip(children[lane]!)))
    const throughputOnePerChild = { ...one.result, cpuUsPerMsg: { parent: (one.selfMs * 1000) / one.result.ops, children: (one.childMs * 1000) / one.result.ops } }
    return { latency, throughput64, throughputOnePerChild }
  } finally {
    for (const child of children) child.proc.kill()
    await Promise.all(children.map((c) => c.proc.exited))
  }
}
