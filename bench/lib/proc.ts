import { cpus } from 'node:os'
import { readFileSync } from 'node:fs'

/** Clock ticks per second of /proc (getconf CLK_TCK; 100 on Linux/x86). */
const CLK_TCK = 100
const TICK_MS = 1000 / CLK_TCK

/** CPU time (user + system) a process has used so far, in ms (10 ms resolution); 0 if it is gone. */
export function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 (1-based).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(rest[11]) + Number(rest[12])) * TICK_MS
  } catch {
    return 0
  }
}

/** CPU time of this process (all threads), in ms, with µs resolution. */
export function selfCpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** Whole-machine busy and steal time so far, ms summed over all CPUs (from /proc/stat). */
export function machineCpuMs(): { busy: number; steal: number } {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/)
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number)
    return { busy: (user! + nice! + system! + irq! + softirq!) * TICK_MS, steal: (steal ?? 0) * TICK_MS }
  } catch {
    return { busy: NaN, steal: NaN }
  }
}

export interface CpuMeasure<T> {
  result: T
  selfMs: number
  childMs: number
  wallMs: number
  /** Share of the machine's CPU capacity used by processes other than this one and `pids` (noise). */
  foreignShare: number
  /** Share of the machine's CPU capacity stolen by the hypervisor. */
  stealShare: number
}

/** Measures the CPU used by this process, by `pids`, and by everything else on the machine while `fn` runs. */
export async function withCpu<T>(pids: number[], fn: () => Promise<T>): Promise<CpuMeasure<T>> {
  const machine0 = machineCpuMs()
  const self0 = selfCpuMs()
  const kids0 = pids.map(procCpuMs)
  const t0 = performance.now()
  const result = await fn()
  const wallMs = performance.now() - t0
  const selfMs = selfCpuMs() - self0
  const childMs = pids.map(procCpuMs).reduce((sum, v, i) => sum + v - kids0[i]!, 0)
  const machine1 = machineCpuMs()
  const capacity = wallMs * cpus().length
  const foreign = machine1.busy - machine0.busy - selfMs - childMs
  return { result, selfMs, childMs, wallMs, foreignShare: Math.max(0, foreign) / capacity, stealShare: (machine1.steal - machine0.steal) / capacity }
}
