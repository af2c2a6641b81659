/**
 * `bun run bench`: the floors (Bun IPC echo, disk fsync), the engine (latency, throughput, cold paths)
 * and a phase breakdown, in one run of about 40 s. Prints tables and writes bench/results/latest.json.
 * Exits 1 if the data check fails (a benchmark that loses executions is invalid); missed goals do not.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { ipcFloor } from './ipc-floor.ts'
import { fsyncFloor } from './disk-floor.ts'
import { engineLatency, engineThroughput, type ThroughputPoint } from './engine.ts'
import { bareChildStart, newVersionCold, workerColdStart } from './cold.ts'
import { phases } from './phases.ts'
import { installCommitProbe } from './lib/commit-probe.ts'
import { openStack, removeStack, verifyStack, type Stack } from './lib/harness.ts'
import { printReport } from './report-view.ts'
import { round } from './lib/stats.ts'
import { addTask } from './lib/task.ts'
import { runSandboxBench } from './sandbox.ts'

const WATCHDOG_MS = 180_000
/** Two rounds in opposite orders, so slow drift on a shared machine does not favour one level. */
const SWEEP_ROUNDS = [[2, 16, 64, 256], [256, 64, 16, 2]]
const POINT_MS = 1500

const started = performance.now()
const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 1000} s; giving up (workers exit with this process)`)
  process.exit(2)
}, WATCHDOG_MS)
const step = (name: string) => console.error(`… ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`)
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
const loadAtStart = loadavg()

installCommitProbe()

step('floors: Bun IPC echo, disk fsync')
const floor = await ipcFloor({ latencyCount: 5000, durationMs: 2000 })
const fsyncBefore = fsyncFloor(300, 1500)

async function withStack<T>(options: Parameters<typeof openStack>[1], fn: (stack: Stack) => Promise<T>) {
  const stack = await openStack(2, options)
  let result: T
  try {
    result = await fn(stack)
  } finally {
    await stack.close()
  }
  const verification = verifyStack(stack)
  removeStack(stack)
  return { result, verification }
}

step('engine (synchronous = NORMAL, the server default): latency, cold new versions, throughput sweep')
let storeSettings: unknown
const main = await withStack({ synchronous: 'NORMAL' }, async (stack) => {
  storeSettings = stack.store.settings()
  const latency = await engineLatency(stack, 2000)
  const newTask = await newVersionCold(stack, 30, true)
  const newCode = await newVersionCold(stack, 30, false)
  const points: ThroughputPoint[] = []
  for (const round of SWEEP_ROUNDS) for (const inflight of round) points.push(await engineThroughput(stack, inflight, POINT_MS))
  return { latency, newTask, newCode, points }
})
const fsyncAfter = fsyncFloor(300, 1500)
// Per level, the better of its two rounds; the saturating level is the best of those.
const levels = SWEEP_ROUNDS[0]!.map((inflight) => {
  const runs = main.result.points.filter((p) => p.inflight === inflight)
  return { inflight, best: runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a)), runs }
})
const best = levels.map((l) => l.best).reduce((a, b) => (b.perSecond > a.perSecond ? b : a))

step(`engine diagnostic: synchronous = FULL (database.synchronous: full) at ${best.inflight} in flight`)
const normal = await withStack({ synchronous: 'FULL' }, async (stack) => {
  await stack.run(addTask(stack.dir), 0)
  return engineThroughput(stack, best.inflight, POINT_MS * 2)
})

step('worker cold start')
const coldStart = await workerColdStart(10)
const bareStart = await bareChildStart(10)

step('phases')
const phase = await phases()

// ── results ──────────────────────────────────────────────────────────────────────────────────────
const valid = main.verification.valid && normal.verification.valid
const lat = main.result.latency
const cores = cpus().length
const goals = [
  { goal: 'single execution p50 ≤ 1 ms', value: lat.latency.p50, unit: 'ms', pass: lat.latency.p50 <= 1 },
  { goal: '≥ 10,000 persisted executions/s, 2 workers', value: best.perSecond, unit: '/s', pass: valid && best.perSecond >= 10_000 },
  { goal: 'cold first run of a new task < 25 ms (p50)', value: main.result.newTask.latency.p50, unit: 'ms', pass: main.result.newTask.latency.p50 < 25 },
]
const ratios: Record<string, number> = {
  'engine p50 / IPC floor p50 (1 in flight)': lat.latency.p50 / floor.latency.p50,
  'engine p99 / IPC floor p99 (1 in flight)': lat.latency.p99 / floor.latency.p99,
  'engine throughput / IPC throughput (2 children, 64 in flight, pipelined)': best.perSecond / floor.throughput64.perSecond,
  'engine throughput / IPC throughput (2 children, 1 in flight each = pool dispatch)': best.perSecond / floor.throughputOnePerChild.perSecond,
  'parent CPU per execution / parent CPU per IPC message': best.cpuUsPerExec.parent / floor.throughput64.cpuUsPerMsg.parent,
  'worker CPU per execution / child CPU per IPC message': best.cpuUsPerExec.workers / floor.throughput64.cpuUsPerMsg.children,
  'engine throughput / disk durable-commit rate (1 / fsync p50)': best.perSecond * (Math.min(fsyncBefore.p50, fsyncAfter.p50) / 1000),
  'cold new task p50 / warm execution p50': main.result.newTask.latency.p50 / lat.latency.p50,
  'worker cold start p50 / bare Bun IPC child start p50': coldStart.p50 / bareStart.p50,
  'throughput synchronous=FULL / NORMAL (diagnostic)': normal.result.perSecond / best.perSecond,
}
const sandbox = await runSandboxBench({ warmRuns: 300, rounds: 4 })
const seconds = (performance.now() - started) / 1000
const results = {
  meta: { date: new Date().toISOString(), bun: Bun.version, bunRevision: Bun.revision, revision: gitRevision(), cpus: cores, cpuModel: cpus()[0]?.model ?? null, loadavgAtStart: loadAtStart, loadavgAtEnd: loadavg(), seconds: round(seconds, 1), store: storeSettings },
  valid,
  goals,
  ratios,
  floors: { ipc: floor, fsyncBefore, fsyncAfter },
  engine: {
    latency: lat,
    sweep: levels.map((l) => ({ inflight: l.inflight, best: l.best, runs: l.runs })),
    saturating: best,
    cpuCeilingPerSecond: (cores * 1e6) / best.cpuUsPerExec.total,
    normalDiagnostic: normal.result,
    verification: { main: main.verification, normal: normal.verification },
  },
  cold: { newTask: main.result.newTask, newVersionKnownSchemas: main.result.newCode, workerColdStart: coldStart, bareChildStart: bareStart },
  phases: phase,
  sandbox,
}
printReport(results)
console.log('\nSandbox cost (same run):')
console.log(JSON.stringify(sandbox, null, 2))
mkdirSync(join(import.meta.dir, 'results'), { recursive: true })
writeFileSync(join(import.meta.dir, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
console.log(`\nBench took ${seconds.toFixed(1)} s. Results: bench/results/latest.json`)
clearTimeout(watchdog)
process.exitCode = valid ? 0 : 1

export type BenchResults = typeof results

/** The commit of the code measured (with `+dirty` when the work tree differs), so results name what they measured. */
function gitRevision(): string | null {
  const head = Bun.spawnSync(['git', 'rev-parse', 'HEAD'], { cwd: import.meta.dir })
  if (head.exitCode !== 0) return null
  const dirty = Bun.spawnSync(['git', 'status', '--porcelain', '--', 'src', 'bench'], { cwd: import.meta.dir }).stdout.toString().trim() !== ''
  return `${head.stdout.toString().trim()}${dirty ? '+dirty' : ''}`
}
