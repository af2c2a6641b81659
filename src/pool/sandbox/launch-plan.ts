/**
 * A launch plan is the set of OS layers a worker starts under, outermost first:
 * `setpriv` (an unprivileged uid, no new privileges) → `prlimit` (file, size and core limits) →
 * `bwrap` (namespaces, a read-only minimal file system, no network). `wrapCommand` turns a plan and a
 * plain worker command into the command the pool spawns.
 */
import { chownSync } from 'node:fs'
import { basename } from 'node:path'
import { scriptBinds, sharedLibraryBinds, type Bind } from './worker-binds.ts'
import { EGRESS_SOCKET_ENV } from '../egress/protocol.ts'

export interface LaunchPlan {
  bwrap: { path: string; disableUserns: boolean; sizedTmpfs: boolean } | null
  /** setpriv's path; only used when we are root, to drop to SANDBOX_UID. */
  setpriv: string | null
  prlimit: string | null
}

/** `nobody`: owns no file, so a worker can read only what is world-readable and write nothing of ours. */
export const SANDBOX_UID = 65534
/** Where the egress socket appears inside bwrap. */
export const INNER_EGRESS_SOCKET = '/run/ratchet/egress.sock'
/** Size of the worker's private /tmp (and /dev/shm), and the largest file it may write. */
export const TMPFS_BYTES = 64 * 1024 * 1024
const MAX_OPEN_FILES = 256
/** Counted per uid over every worker of the pool, so generous; the pids cgroup is the per-worker cap. */
const MAX_PROCESSES = 512
/** Bun's IPC channel is the child's fd 3; bwrap keeps inherited fds but --clearenv drops the variables. */
const IPC_ENV = { NODE_CHANNEL_FD: '3', NODE_CHANNEL_SERIALIZATION_MODE: 'json' }

export interface WrapInput {
  command: string[]
  /** The worker's private folder on the host (the pool creates and removes it). */
  dir: string
  env: Record<string, string>
  egressSocket: string
}

const bindCache = new Map<string, Bind[]>()

function bindsFor(command: string[]): Bind[] {
  const key = command.join('\0')
  let binds = bindCache.get(key)
  if (!binds) {
    binds = [{ source: command[0], dest: command[0] }, ...sharedLibraryBinds(command[0]), ...scriptBinds(command.slice(1))]
    bindCache.set(key, binds)
  }
  return binds
}

/** Describes a plan for the start-up log line. */
export function describePlan(plan: LaunchPlan): string[] {
  const layers: string[] = []
  if (plan.bwrap) layers.push('bwrap (pid/ipc/uts/net/user namespaces, read-only minimal file system, private /tmp, no network)')
  if (plan.setpriv) layers.push(`uid ${SANDBOX_UID} via setpriv with no_new_privs`)
  else if (plan.bwrap) layers.push(`uid ${SANDBOX_UID} inside the user namespace`)
  if (plan.prlimit) layers.push(`rlimits (nofile ${MAX_OPEN_FILES}, fsize ${TMPFS_BYTES >> 20} MiB, core 0${plan.setpriv ? `, nproc ${MAX_PROCESSES}` : ''})`)
  return layers
}

export function wrapCommand(plan: LaunchPlan, input: WrapInput): { cmd: string[]; env: Record<string, string> } {
  const prefix: string[] = []
  if (plan.setpriv) prefix.push(plan.setpriv, `--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_UID}`, '--clear-groups', '--no-new-privs')
  if (plan.prlimit) {
    prefix.push(plan.prlimit, `--nofile=${MAX_OPEN_FILES}`, `--fsize=${TMPFS_BYTES}`, '--core=0')
    // RLIMIT_NPROC counts every process of the real uid: only meaningful once we have our own.
    if (plan.setpriv) prefix.push(`--nproc=${MAX_PROCESSES}`)
  }
  if (!plan.bwrap) {
    // The worker runs as SANDBOX_UID on the host's file system: its folder must be its own.
    if (plan.setpriv) chownSync(input.dir, SANDBOX_UID, SANDBOX_UID)
    return { cmd: [...prefix, ...input.command], env: { ...input.env, [EGRESS_SOCKET_ENV]: input.egressSocket } }
  }
  const inner = `/tmp/${basename(input.dir)}`
  const env: Record<string, string> = { ...input.env, HOME: inner, TMPDIR: inner, [EGRESS_SOCKET_ENV]: INNER_EGRESS_SOCKET, ...IPC_ENV }
  const args = [plan.bwrap.path, '--unshare-all', '--unshare-user', '--die-with-parent', '--new-session', '--clearenv', '--uid', String(SANDBOX_UID), '--gid', String(SANDBOX_UID), '--as-pid-1']
  if (plan.bwrap.disableUserns) args.push('--disable-userns')
  for (const [key, value] of Object.entries(env)) args.push('--setenv', key, value)
  args.push('--proc', '/proc', '--dev', '/dev')
  const size = plan.bwrap.sizedTmpfs ? ['--size', String(TMPFS_BYTES)] : []
  args.push(...size, '--tmpfs', '/dev/shm', ...size, '--tmpfs', '/tmp')
  // Binds come after the tmpfs mounts: a checkout (or Bun) living under /tmp must stay visible.
  for (const bind of bindsFor(input.command)) args.push('--ro-bind', bind.source, bind.dest)
  args.push('--ro-bind', input.egressSocket, INNER_EGRESS_SOCKET)
  args.push('--dir', inner, '--chdir', inner)
  // bwrap's own root is a writable tmpfs: without this a task could write anywhere outside /tmp.
  args.push('--remount-ro', '/')
  // The environment is passed with --setenv; the outer one only needs to start bwrap.
  return { cmd: [...prefix, ...args, '--', ...input.command], env: { PATH: '/usr/bin:/bin' } }
}
