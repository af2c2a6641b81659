/**
 * Finds the strongest launch plan this host can run, by starting a real worker under each candidate
 * (strongest first) and waiting for its `ready` message: that one probe checks bwrap, user namespaces,
 * the uid switch, the read-only binds and Bun's IPC across bwrap together. Results are cached per
 * worker command for the life of the process.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { wrapCommand, type LaunchPlan } from './launch-plan.ts'

export interface SandboxDetection {
  /** The strongest working plan that includes bwrap, or null. */
  bwrapPlan: LaunchPlan | null
  /** Why bwrap cannot be used (when bwrapPlan is null), with how to fix it. */
  bwrapProblem: string | null
  /** The strongest working plan without bwrap (the fallback). */
  fallbackPlan: LaunchPlan
  /** Layers that are not available, each with the reason. */
  missing: string[]
}

const PROBE_TIMEOUT_MS = 10_000
const cache = new Map<string, Promise<SandboxDetection>>()

function which(name: string): string | null {
  const found = Bun.which(name, { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' })
  return found && existsSync(found) ? found : null
}

/**
 * Starts one worker under `plan` and resolves to null once it reports ready, or to why it did not.
 * `egressSocket` must exist (bwrap binds it).
 */
export async function probePlan(plan: LaunchPlan, command: string[], egressSocket: string): Promise<string | null> {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-worker-'))
  try {
    const { cmd, env } = wrapCommand(plan, { command, dir, env: { PATH: '/usr/bin:/bin', HOME: dir, TMPDIR: dir, LANG: 'C.UTF-8' }, egressSocket })
    const ready = Promise.withResolvers<null>()
    const proc = Bun.spawn({
      cmd,
      cwd: dir,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      serialization: 'json',
      ipc: (message: { t?: string }) => { if (message?.t === 'ready') ready.resolve(null) },
    })
    const exited = proc.exited.then(async (code) => {
      const stderr = (await new Response(proc.stderr).text()).trim().split('\n').slice(-3).join(' | ')
      return `the worker exited with code ${code} before it was ready${stderr ? `: ${stderr}` : ''}`
    })
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<string>((resolve) => { timer = setTimeout(() => resolve(`no ready message within ${PROBE_TIMEOUT_MS / 1000} s`), PROBE_TIMEOUT_MS) })
    const outcome = await Promise.race([ready.promise, exited, timeout])
    clearTimeout(timer)
    proc.kill('SIGKILL')
    await proc.exited
    return outcome
  } catch (error) {
    return (error as Error).message
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function detect(command: string[], egressSocket: string): Promise<SandboxDetection> {
  const missing: string[] = []
  const isRoot = process.getuid?.() === 0
  const bwrap = which('bwrap')
  const setpriv = isRoot ? which('setpriv') : null
  const prlimit = which('prlimit')
  if (isRoot && !setpriv) missing.push('setpriv (util-linux) not found: workers keep the server\'s uid outside their namespace')
  if (!prlimit) missing.push('prlimit (util-linux) not found: no nofile/fsize/core limits')

  let bwrapPlan: LaunchPlan | null = null
  let bwrapProblem: string | null = null
  if (!bwrap) {
    bwrapProblem = 'bwrap is not installed (Debian/Ubuntu: apt-get install bubblewrap, or run scripts/install-sandbox.sh as root)'
  } else {
    const help = Bun.spawnSync([bwrap, '--help'], { stdout: 'pipe', stderr: 'pipe' }).stdout.toString()
    const features = { path: bwrap, disableUserns: help.includes('--disable-userns'), sizedTmpfs: help.includes('--size') }
    const candidates: LaunchPlan[] = []
    if (setpriv) candidates.push({ bwrap: features, setpriv, prlimit })
    candidates.push({ bwrap: features, setpriv: null, prlimit })
    if (prlimit) candidates.push({ bwrap: features, setpriv: null, prlimit: null })
    for (const plan of candidates) {
      const problem = await probePlan(plan, command, egressSocket)
      if (problem === null) {
        bwrapPlan = plan
        break
      }
      // The weakest bwrap plan's failure is the one that says why bwrap cannot run at all.
      bwrapProblem = `bwrap is installed but could not start a worker (${problem}); check that user namespaces are allowed (sysctl kernel.unprivileged_userns_clone=1, or a container that permits them) and that the Bun executable and the worker code are readable`
    }
    if (bwrapPlan) {
      bwrapProblem = null
      if (setpriv && !bwrapPlan.setpriv) missing.push('setpriv could not start a worker as uid 65534 (are the Bun executable and the worker code world-readable?)')
    }
  }
  if (bwrapProblem) missing.unshift(bwrapProblem)

  let fallbackPlan: LaunchPlan = { bwrap: null, setpriv: null, prlimit: null }
  if (!bwrapPlan) {
    const candidates: LaunchPlan[] = []
    if (setpriv) candidates.push({ bwrap: null, setpriv, prlimit })
    if (prlimit) candidates.push({ bwrap: null, setpriv: null, prlimit })
    for (const plan of candidates) {
      if ((await probePlan(plan, command, egressSocket)) === null) {
        fallbackPlan = plan
        break
      }
    }
  }
  return { bwrapPlan, bwrapProblem, fallbackPlan, missing }
}

/** The detection for this worker command, probed once per process. */
export function detectSandbox(command: string[], egressSocket: string): Promise<SandboxDetection> {
  const key = command.join('\0')
  let found = cache.get(key)
  if (!found) {
    found = detect(command, egressSocket)
    cache.set(key, found)
  }
  return found
}
