import { readFileSync } from 'node:fs'

/** Clock ticks per second of /proc/<pid>/stat (getconf CLK_TCK; 100 on Linux/x86). */
const CLK_TCK = 100

/** CPU time (user + system) a process has used so far, in ms (10 ms resolution); 0 if it is gone. */
export function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 (1-based).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(rest[11]) + Number(rest[12])) * 1000) / CLK_TCK
  } catch {
    return 0
  }
}

/** CPU time of this process (all threads), in ms, with µs resolution. */
export function selfCpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** Measures the CPU used by this process and by `pids` while `fn` runs. */
export async function withCpu<T>(pids: number[], fn: () => Promise<T>): Promise<{ result: T; selfMs: number; childMs: number; wallMs: number }> {
  const self0 = selfCpuMs()
  const kids0 = pids.map(procCpuMs)
  const t0 = performance.now()
  const result = await fn()
  const wallMs = performance.now() - t0
  const selfMs = selfCpuMs() - self0
  const childMs = pids.map(procCpuMs).reduce((sum, v, i) => sum + v - kids0[i]!, 0)
  return { result, selfMs, childMs, wallMs }
}
