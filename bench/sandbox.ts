/**
 * The sandbox's cost: `bun bench/sandbox.ts` (standalone; bench/index.ts can import runSandboxBench()).
 * (1) Warm trivial execution, pool.run round trip and engine.execute, sandbox off vs bwrap, measured
 *     in interleaved rounds of the same process so drift hits both alike.
 * (2) Cold worker start (spawn → ready) for each launch plan, and the one-time probe at pool start.
 * (3) One fetch to a local server: straight out (no sandbox) vs through the egress proxy.
 * Prints a table to stderr and the JSON result to stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEngine } from '../src/engine/engine.ts'
import { createPool, type Pool, type RunRequest } from '../src/pool/pool.ts'
import { createSandbox, wrapCommand, type LaunchPlan, type SandboxMode, type WorkerSandbox } from '../src/pool/sandbox/index.ts'
import { workerCommand } from '../src/pool/worker-command.ts'
import { openSqliteStore } from '../src/store/index.ts'
import { makeTask } from '../test/helpers/make-task.ts'
import { silentLogger } from './lib/silent-logger.ts'
import { summarize, type Summary } from './lib/stats.ts'

export interface SandboxBenchOptions {
  /** Warm executions per mode per round, and rounds. */
  warmRuns?: number
  rounds?: number
  coldStarts?: number
  fetches?: number
}

export interface SandboxBenchResult {
  level: WorkerSandbox['level']
  probeMs: number
  warmPoolRunUs: { off: Summary; sandboxed: Summary; overheadP50Us: number; ratioP50: number }
  warmExecuteUs: { off: Summary; sandboxed: Summary; overheadP50Us: number; ratioP50: number }
  coldStartMs: Record<string, Summary>
  fetchMs: { direct: Summary; egressProxy: Summary; overheadP50Ms: number }
}

const TRIVIAL = makeTask({ name: 'bench-trivial', code: 'function main(input) { return { sum: input.a + input.b } }' })
const FETCHER = makeTask({ name: 'bench-fetch', code: 'async function main(input) { const r = await fetch(input.url); return r.status }' })
const logger = silentLogger()

function poolRequest(i: number): RunRequest {
  return { id: `bench-${i}`, task: TRIVIAL, input: '{"a":1,"b":2}', attempt: 1, timeoutMs: 10_000, maxOutputBytes: 1 << 20 }
}

async function makePool(sandbox: WorkerSandbox | undefined): Promise<Pool> {
  const pool = createPool({ count: 1, restartOnFailure: true, maxMemoryMb: 512, logger, sandbox })
  await pool.ready()
  return pool
}

async function timePoolRuns(pool: Pool, n: number, into: number[]): Promise<void> {
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    const outcome = await pool.run(poolRequest(i))
    const us = (performance.now() - t0) * 1000
    if (outcome.status !== 'completed') throw new Error(`bench run failed: ${JSON.stringify(outcome)}`)
    into.push(us)
  }
}

async function coldStart(plan: LaunchPlan, egressSocket: string, n: number): Promise<Summary> {
  const samples: number[] = []
  const command = workerCommand()
  for (let i = 0; i < n; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-worker-'))
    const { cmd, env } = wrapCommand(plan, { command, dir, env: { PATH: '/usr/bin:/bin', HOME: dir, TMPDIR: dir, LANG: 'C.UTF-8' }, egressSocket })
    const ready = Promise.withResolvers<void>()
    const t0 = performance.now()
    const proc = Bun.spawn({ cmd, env, cwd: dir, stdio: ['ignore', 'ignore', 'ignore'], serialization: 'json', ipc: (m: { t: string }) => { if (m.t === 'ready') ready.resolve() } })
    await Promise.race([ready.promise, proc.exited.then((code) => { throw new Error(`worker exited ${code} before ready`) })])
    samples.push(performance.now() - t0)
    proc.kill('SIGKILL')
    await proc.exited
    rmSync(dir, { recursive: true, force: true })
  }
  return summarize(samples)
}

async function fetchLatency(sandbox: WorkerSandbox | undefined, url: string, n: number): Promise<Summary> {
  const store = openSqliteStore({ path: ':memory:', synchronous: 'NORMAL' })
  const pool = await makePool(sandbox)
  const engine = createEngine({ store, pool, logger }, { maxExecutionTime: 10, maxQueue: 16, validateSchemas: false })
  const samples: number[] = []
  try {
    for (let i = 0; i < n + 10; i++) {
      const t0 = performance.now()
      const record = await engine.execute({ task: FETCHER, input: { url }, source: 'bench', timeout: 5 })
      if (record.status !== 'completed') throw new Error(`fetch bench failed: ${JSON.stringify(record.error)}`)
      if (i >= 10) samples.push(performance.now() - t0)
    }
  } finally {
    await engine.close()
    store.close()
  }
  return summarize(samples)
}

export async function runSandboxBench(options: SandboxBenchOptions = {}): Promise<SandboxBenchResult> {
  const warmRuns = options.warmRuns ?? 500
  const rounds = options.rounds ?? 6
  const fetchPolicy = { allowedHosts: ['127.0.0.1'], deniedHosts: [] }
  const t0 = performance.now()
  const sandbox = await createSandbox({ mode: 'auto' satisfies SandboxMode, fetch: fetchPolicy, logger, maxMemoryMb: 512 })
  const probeMs = performance.now() - t0
  const off = await createSandbox({ mode: 'off', fetch: fetchPolicy, logger, maxMemoryMb: 512 })

  // (1) warm round trips, interleaved
  const pools = { off: await makePool(off), sandboxed: await makePool(sandbox) }
  const poolSamples = { off: [] as number[], sandboxed: [] as number[] }
  await timePoolRuns(pools.off, 200, [])
  await timePoolRuns(pools.sandboxed, 200, [])
  // Alternate which mode goes first in each round, so warm-up and drift do not favour one.
  const order = (r: number) => (r % 2 === 0 ? (['off', 'sandboxed'] as const) : (['sandboxed', 'off'] as const))
  for (let r = 0; r < rounds; r++) {
    for (const key of order(r)) await timePoolRuns(pools[key], warmRuns, poolSamples[key])
  }
  const stores = { off: openSqliteStore({ path: ':memory:', synchronous: 'NORMAL' }), sandboxed: openSqliteStore({ path: ':memory:', synchronous: 'NORMAL' }) }
  const engines = {
    off: createEngine({ store: stores.off, pool: pools.off, logger }, { maxExecutionTime: 10, maxQueue: 16, validateSchemas: false }),
    sandboxed: createEngine({ store: stores.sandboxed, pool: pools.sandboxed, logger }, { maxExecutionTime: 10, maxQueue: 16, validateSchemas: false }),
  }
  const executeSamples = { off: [] as number[], sandboxed: [] as number[] }
  for (let r = 0; r < rounds; r++) {
    for (const key of order(r)) {
      for (let i = 0; i < warmRuns; i++) {
        const t = performance.now()
        await engines[key].execute({ task: TRIVIAL, input: { a: 1, b: 2 }, source: 'bench', timeout: 10 })
        if (r > 0 || i >= 100) executeSamples[key].push((performance.now() - t) * 1000)
      }
    }
  }
  await engines.off.close()
  await engines.sandboxed.close()
  stores.off.close()
  stores.sandboxed.close()

  // (2) cold starts per plan (bare sockets: the probe already proved they work)
  const coldStarts = options.coldStarts ?? 15
  const socketOwner = await createSandbox({ mode: 'off', fetch: fetchPolicy, logger, maxMemoryMb: 512 })
  const egressSocket = socketOwner.egressSocket
  const plans: Record<string, LaunchPlan> = { off: { bwrap: null, setpriv: null, prlimit: null } }
  if (sandbox.plan.setpriv || sandbox.plan.prlimit) plans['setpriv+prlimit'] = { ...sandbox.plan, bwrap: null }
  if (sandbox.plan.bwrap) {
    plans['bwrap only'] = { bwrap: sandbox.plan.bwrap, setpriv: null, prlimit: null }
    plans['full (as chosen by auto)'] = sandbox.plan
  }
  const coldStartMs: Record<string, Summary> = {}
  for (const [name, plan] of Object.entries(plans)) coldStartMs[name] = await coldStart(plan, egressSocket, coldStarts)
  await socketOwner.close()

  // (3) fetch: direct vs egress proxy
  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response('ok') })
  const url = `http://127.0.0.1:${server.port}/`
  const fetches = options.fetches ?? 200
  const direct = await fetchLatency(undefined, url, fetches)
  const egressSandbox = await createSandbox({ mode: 'auto', fetch: fetchPolicy, logger, maxMemoryMb: 512 })
  const egressProxy = await fetchLatency(egressSandbox, url, fetches)
  server.stop(true)

  const poolOff = summarize(poolSamples.off)
  const poolSandboxed = summarize(poolSamples.sandboxed)
  const execOff = summarize(executeSamples.off)
  const execSandboxed = summarize(executeSamples.sandboxed)
  return {
    level: sandbox.level,
    probeMs,
    warmPoolRunUs: { off: poolOff, sandboxed: poolSandboxed, overheadP50Us: poolSandboxed.p50 - poolOff.p50, ratioP50: poolSandboxed.p50 / poolOff.p50 },
    warmExecuteUs: { off: execOff, sandboxed: execSandboxed, overheadP50Us: execSandboxed.p50 - execOff.p50, ratioP50: execSandboxed.p50 / execOff.p50 },
    coldStartMs,
    fetchMs: { direct, egressProxy, overheadP50Ms: egressProxy.p50 - direct.p50 },
  }
}

function printTable(result: SandboxBenchResult): void {
  const f = (n: number, d = 1) => n.toFixed(d)
  const lines = [
    `sandbox level chosen by auto: ${result.level} (probe at pool start: ${f(result.probeMs)} ms, once per process)`,
    '',
    'warm trivial execution          off p50     sandboxed p50   overhead p50   ratio',
    `  pool.run round trip (µs)      ${f(result.warmPoolRunUs.off.p50).padStart(8)}    ${f(result.warmPoolRunUs.sandboxed.p50).padStart(8)}        ${f(result.warmPoolRunUs.overheadP50Us).padStart(8)}     ${f(result.warmPoolRunUs.ratioP50, 3)}`,
    `  engine.execute (µs)           ${f(result.warmExecuteUs.off.p50).padStart(8)}    ${f(result.warmExecuteUs.sandboxed.p50).padStart(8)}        ${f(result.warmExecuteUs.overheadP50Us).padStart(8)}     ${f(result.warmExecuteUs.ratioP50, 3)}`,
    '',
    'cold worker start, spawn → ready (ms)      p50      min      max',
    ...Object.entries(result.coldStartMs).map(([name, s]) => `  ${name.padEnd(38)} ${f(s.p50).padStart(6)}   ${f(s.min).padStart(6)}   ${f(s.max).padStart(6)}`),
    '',
    `one local fetch, execute p50 (ms): direct ${f(result.fetchMs.direct.p50, 2)}, via egress proxy ${f(result.fetchMs.egressProxy.p50, 2)} (+${f(result.fetchMs.overheadP50Ms, 2)})`,
  ]
  console.error(lines.join('\n'))
}

if (import.meta.main) {
  const result = await runSandboxBench()
  printTable(result)
  console.log(JSON.stringify(result, null, 2))
  process.exit(0)
}
