/**
 * Reads a process tree from /proc. Under bwrap the pool's child is bwrap itself and the worker is its
 * child, so memory must be summed over the tree, and cgroup limits go to every process in it.
 */
import { readdirSync, readFileSync } from 'node:fs'

/** Direct children of `pid` (from /proc/PID/task/*\/children, or a scan of /proc where that is missing). */
export function childPids(pid: number): number[] {
  try {
    const out: number[] = []
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim()
      if (text) for (const child of text.split(' ')) out.push(Number(child))
    }
    return out
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return []
    return scanForChildren(pid)
  }
}

function scanForChildren(pid: number): number[] {
  const out: number[] = []
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return out
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Field 4 (ppid) follows the command name, which is in parentheses and may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) out.push(Number(entry))
    } catch {
      // The process ended while we looked.
    }
  }
  return out
}

/** `pid` and all its descendants. */
export function processTree(pid: number): number[] {
  const out = [pid]
  for (let i = 0; i < out.length && out.length < 256; i++) out.push(...childPids(out[i]))
  return out
}

/** Resident set size of one process in bytes (0 once it is gone). */
export function readRss(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096
  } catch {
    return 0
  }
}

/** Resident memory of `pid` and its descendants, in bytes. */
export function treeRss(pid: number): number {
  let total = 0
  for (const p of processTree(pid)) total += readRss(p)
  return total
}
