/**
 * The worker sandbox the pool launches workers through: the launch plan chosen for
 * `execution.sandbox` (auto: the strongest available; strict: bwrap or refuse to start; off: none),
 * the optional cgroup layer, and the egress proxy that every task fetch goes through in every mode.
 */
import { rmSync } from 'node:fs'
import { AppError } from '../../errors.ts'
import type { Logger } from '../../lib/logger.ts'
import type { ExecutionError } from '../../store/types.ts'
import { startEgressProxy, type EgressLimits, type Lookup } from '../egress/egress-proxy.ts'
import type { FetchPolicyConfig } from '../egress/host-policy.ts'
import { workerCommand } from '../worker-command.ts'
import { detectCgroups, type CgroupLimits } from './cgroup-limits.ts'
import { detectSandbox } from './detect-sandbox.ts'
import { describePlan, wrapCommand, type LaunchPlan } from './launch-plan.ts'
import { processTree, readRss, treeRss } from './process-tree.ts'

export type SandboxMode = 'auto' | 'strict' | 'off'

export interface WorkerSandbox {
  /** `bwrap`: full OS sandbox; `process`: the fallback (env, cwd, uid, limits); `off`: none. */
  readonly level: 'bwrap' | 'process' | 'off'
  readonly plan: LaunchPlan
  /** The cgroup layer in use (hard memory cap and pids cap per worker), or null. */
  readonly cgroup: 'v1' | 'v2' | null
  /** Absolute path of the egress proxy's socket. */
  readonly egressSocket: string
  /** The command and environment that start one worker whose private folder is `dir`. */
  wrap(command: string[], dir: string, env: Record<string, string>): { cmd: string[]; env: Record<string, string> }
  /**
   * The worker reported ready: puts its whole process tree under the cgroup limits. Under bwrap its
   * host folder (`dir`) is removed now: the worker has its own /tmp, so nothing of it is left on the
   * host even if the server is killed.
   */
  adopt(pid: number, dir: string): void
  /** Resident memory of the worker's process tree, in bytes. */
  rss(pid: number): number
  /** For a worker that exited unasked: the error to record when the sandbox stopped it (cgroup OOM). */
  exitError(pid: number): ExecutionError | null
  /** Frees what adopt() took, once the worker is gone. */
  release(pid: number): void
  close(): Promise<void>
}

export interface CreateSandboxOptions {
  mode: SandboxMode
  fetch: FetchPolicyConfig
  logger: Logger
  /** The pool's soft cap (execution.max_memory_mb); the cgroup's hard cap sits above it. */
  maxMemoryMb: number
  /** The plain worker command (default: workerCommand()). */
  command?: string[]
  /** Egress proxy limits and name resolution (tests). */
  egress?: { limits?: Partial<EgressLimits>; lookup?: Lookup }
}

const PIDS_MAX = 128

/** Probes the host, starts the egress proxy and logs the isolation level; the caller (the pool) closes it. */
export async function createSandbox(options: CreateSandboxOptions): Promise<WorkerSandbox> {
  const { logger } = options
  const command = options.command ?? workerCommand()
  const proxy = startEgressProxy({ policy: options.fetch, logger, limits: options.egress?.limits, lookup: options.egress?.lookup })
  let plan: LaunchPlan = { bwrap: null, setpriv: null, prlimit: null }
  let level: WorkerSandbox['level'] = 'off'
  let cgroup: CgroupLimits | null = null
  const hardCapMb = options.maxMemoryMb + Math.max(64, Math.round(options.maxMemoryMb / 4))
  const fetchRule = `fetch policy enforced by the server's egress proxy (allowed_hosts: ${options.fetch.allowedHosts.length ? options.fetch.allowedHosts.join(', ') : 'any public host'}${options.fetch.deniedHosts.length ? `; denied_hosts: ${options.fetch.deniedHosts.join(', ')}` : ''}; private, loopback and metadata addresses blocked unless listed)`
  if (options.mode === 'off') {
    logger.info(`worker sandbox: off (execution.sandbox = off): scrubbed environment and a private working folder only; ${fetchRule}`)
  } else {
    try {
      const detection = await detectSandbox(command, proxy.socketPath)
      if (!detection.bwrapPlan && options.mode === 'strict') {
        throw new AppError('CONFIG_INVALID', `execution.sandbox is "strict" but the OS sandbox is not available: ${detection.bwrapProblem}`, {
          hint: 'Install bubblewrap (apt-get install bubblewrap, or scripts/install-sandbox.sh as root) and allow user namespaces, or set execution.sandbox to auto to run with the weaker fallback',
          data: { missing: detection.missing },
        })
      }
      plan = detection.bwrapPlan ?? detection.fallbackPlan
      level = detection.bwrapPlan ? 'bwrap' : 'process'
      const missing = [...detection.missing]
      const found = detectCgroups({ memoryBytes: hardCapMb * 1024 * 1024, pidsMax: PIDS_MAX })
      if (found.ok) cgroup = found.limits
      else missing.push(`cgroup limits: ${found.reason}`)
      const layers = [...describePlan(plan), ...(cgroup ? [`cgroup ${cgroup.version} (memory ${hardCapMb} MiB hard cap, pids ${PIDS_MAX})`] : [])]
      const name = level === 'bwrap' ? 'bwrap' : 'fallback (no OS sandbox)'
      logger.info(`worker sandbox: ${name}: ${['scrubbed environment', 'private working folder', ...layers].join(', ')}; ${fetchRule}${missing.length ? `; missing: ${missing.join('; ')}` : ''}`, { mode: options.mode, level })
    } catch (error) {
      await proxy.close()
      throw error
    }
  }

  return {
    level,
    plan,
    cgroup: cgroup?.version ?? null,
    egressSocket: proxy.socketPath,
    wrap: (cmd, dir, env) => wrapCommand(plan, { command: cmd, dir, env, egressSocket: proxy.socketPath }),
    adopt(pid, dir) {
      if (plan.bwrap) rmSync(dir, { recursive: true, force: true })
      if (!cgroup) return
      try {
        cgroup.attach(pid, processTree(pid))
      } catch (error) {
        logger.warn('could not put a worker under its cgroup limits; it runs with the other layers only', { pid, error: (error as Error).message })
      }
    },
    rss: (pid) => (plan.bwrap ? treeRss(pid) : readRss(pid)),
    exitError(pid) {
      if (!cgroup?.oomKilled(pid)) return null
      return {
        type: 'ResourceExhausted',
        code: 'RESOURCE_EXHAUSTED',
        reason: 'resource_exhausted',
        message: `The task used more than the ${hardCapMb} MB hard memory limit (execution.max_memory_mb is ${options.maxMemoryMb} MB), so the kernel stopped its worker. Reduce the data held in memory or raise the cap.`,
        details: { maxMemoryMb: options.maxMemoryMb, hardLimitMb: hardCapMb },
      }
    },
    release: (pid) => cgroup?.release(pid),
    async close() {
      await cgroup?.close()
      await proxy.close()
    },
  }
}
