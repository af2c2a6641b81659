/**
 * The optional cgroup layer: a hard memory cap (the kernel OOM-kills the worker, however fast it
 * allocates, where the pool's RSS poll might be late) and a pids cap (fork and thread bombs). Works with
 * cgroup v1 (memory and pids hierarchies) and v2 (a delegated subtree of our own cgroup); when neither
 * is writable, `detectCgroups` says why and the pool runs without this layer.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = '/sys/fs/cgroup'

export interface CgroupLimits {
  version: 'v1' | 'v2'
  /** Puts these processes into worker `key`'s cgroup(s), created on first use. */
  attach(key: number, pids: number[]): void
  /** Whether the kernel's OOM killer stopped a process of worker `key`. */
  oomKilled(key: number): boolean
  /** Removes worker `key`'s cgroup(s); retried for a while, as the last process may still be exiting. */
  release(key: number): void
  close(): Promise<void>
}

export type CgroupDetection = { ok: true; limits: CgroupLimits } | { ok: false; reason: string }

export interface CgroupOptions {
  memoryBytes: number
  pidsMax: number
}

function tryRmdir(dir: string): boolean {
  try {
    rmdirSync(dir)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
  }
}

function counter(file: string, name: string): number {
  try {
    const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(name + ' '))
    return line ? Number(line.split(' ')[1]) : 0
  } catch {
    return 0
  }
}

/** Removes folders left by servers that died without cleaning up (their pid is in the name). */
function removeStale(parent: string): void {
  try {
    for (const name of readdirSync(parent)) {
      const match = /^ratchet-(\d+)-/.exec(name)
      if (!match || existsSync(`/proc/${match[1]}`)) continue
      const dir = join(parent, name)
      for (const child of readdirSync(dir, { withFileTypes: true })) if (child.isDirectory()) tryRmdir(join(dir, child.name))
      tryRmdir(dir)
    }
  } catch {
    // Best effort.
  }
}

/** One cgroup tree per pool: `<hierarchy>/ratchet-<server pid>-<n>/w<worker pid>`. */
function makeLimits(version: 'v1' | 'v2', bases: { memory: string; pids: string }, options: CgroupOptions): CgroupLimits {
  const dirs = new Map<number, string[]>()
  const pending = new Set<Promise<void>>()
  const workerDirs = (key: number): string[] => {
    let list = dirs.get(key)
    if (list) return list
    list = version === 'v2' ? [join(bases.memory, `w${key}`)] : [join(bases.memory, `w${key}`), join(bases.pids, `w${key}`)]
    for (const dir of list) mkdirSync(dir, { recursive: true })
    if (version === 'v2') {
      writeFileSync(join(list[0], 'memory.max'), String(options.memoryBytes))
      // Without swap accounting the file is missing; the memory cap still holds.
      if (existsSync(join(list[0], 'memory.swap.max'))) writeFileSync(join(list[0], 'memory.swap.max'), '0')
      writeFileSync(join(list[0], 'pids.max'), String(options.pidsMax))
    } else {
      writeFileSync(join(list[0], 'memory.limit_in_bytes'), String(options.memoryBytes))
      writeFileSync(join(list[1], 'pids.max'), String(options.pidsMax))
    }
    dirs.set(key, list)
    return list
  }
  const releaseWithRetry = (list: string[]): Promise<void> => {
    const attempt = async () => {
      for (let i = 0; i < 40; i++) {
        if (list.map(tryRmdir).every(Boolean)) return
        await Bun.sleep(25)
      }
    }
    const p = attempt().finally(() => pending.delete(p))
    pending.add(p)
    return p
  }
  return {
    version,
    attach(key, pids) {
      for (const dir of workerDirs(key)) {
        for (const pid of pids) {
          try {
            writeFileSync(join(dir, 'cgroup.procs'), String(pid))
          } catch (error) {
            // A process that already ended cannot be moved; anything else is a real failure.
            if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
          }
        }
      }
    },
    oomKilled(key) {
      const list = dirs.get(key)
      if (!list) return false
      return version === 'v2' ? counter(join(list[0], 'memory.events'), 'oom_kill') > 0 : counter(join(list[0], 'memory.oom_control'), 'oom_kill') > 0
    },
    release(key) {
      const list = dirs.get(key)
      if (!list) return
      dirs.delete(key)
      void releaseWithRetry(list)
    },
    async close() {
      for (const key of [...dirs.keys()]) this.release(key)
      await Promise.all([...pending])
      await releaseWithRetry(version === 'v2' ? [bases.memory] : [bases.memory, bases.pids])
    },
  }
}

let sequence = 0

/** Creates this pool's cgroup tree if the host lets us, or says why not. */
export function detectCgroups(options: CgroupOptions): CgroupDetection {
  const name = `ratchet-${process.pid}-${++sequence}`
  if (existsSync(join(ROOT, 'cgroup.controllers'))) return detectV2(name, options)
  const memory = join(ROOT, 'memory')
  const pids = join(ROOT, 'pids')
  if (!existsSync(join(memory, 'memory.limit_in_bytes')) || !existsSync(join(pids, 'cgroup.procs'))) {
    return { ok: false, reason: 'no cgroup v2 and no cgroup v1 memory and pids hierarchies under /sys/fs/cgroup' }
  }
  removeStale(memory)
  removeStale(pids)
  const bases = { memory: join(memory, name), pids: join(pids, name) }
  try {
    mkdirSync(bases.memory)
    mkdirSync(bases.pids)
  } catch (error) {
    tryRmdir(bases.memory)
    return { ok: false, reason: `cgroup v1 is not writable (${(error as Error).message})` }
  }
  return { ok: true, limits: makeLimits('v1', bases, options) }
}

function detectV2(name: string, options: CgroupOptions): CgroupDetection {
  const own = readFileSync('/proc/self/cgroup', 'utf8').split('\n').find((l) => l.startsWith('0::'))?.slice(3).trim()
  if (own === undefined) return { ok: false, reason: 'cannot find our cgroup v2 in /proc/self/cgroup' }
  const parent = join(ROOT, own)
  removeStale(parent)
  const base = join(parent, name)
  try {
    mkdirSync(base)
    // The controllers must be enabled in our cgroup for `base` to have them, and in `base` for the
    // per-worker children; a cgroup that holds processes (ours, unless delegated) refuses the first.
    const enabled = readFileSync(join(parent, 'cgroup.subtree_control'), 'utf8')
    if (!/\bmemory\b/.test(enabled) || !/\bpids\b/.test(enabled)) writeFileSync(join(parent, 'cgroup.subtree_control'), '+memory +pids')
    writeFileSync(join(base, 'cgroup.subtree_control'), '+memory +pids')
  } catch (error) {
    tryRmdir(base)
    return { ok: false, reason: `cgroup v2 memory and pids controllers cannot be delegated to ${parent} (${(error as Error).message}); run under systemd with Delegate=yes` }
  }
  return { ok: true, limits: makeLimits('v2', { memory: base, pids: base }, options) }
}
