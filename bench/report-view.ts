/** Prints the bench results as tables (the same data goes to results/latest.json). */
import type { BenchResults } from './index.ts'
import type { ThroughputPoint } from './engine.ts'
import { ms, rate, table, times, usf } from './lib/report.ts'

const pct = (share: number) => `${Math.round(share * 100)}%`

function pointRow(label: string, p: ThroughputPoint): string[] {
  return [label, ms(p.latency.p50), ms(p.latency.p99), rate(p.perSecond), usf(p.cpuUsPerExec.parent), usf(p.cpuUsPerExec.workers), p.commits.perExec.toFixed(2), pct(p.commits.blockedShare), pct(p.noise.foreignShare)]
}

export function printReport(r: BenchResults): void {
  const out: string[] = []
  const { ipc, fsyncBefore, fsyncAfter } = r.floors
  out.push(`Ratchet bench — ${r.meta.date}, Bun ${r.meta.bun}, ${r.meta.cpus} × ${r.meta.cpuModel}, load average at start ${r.meta.loadavgAtStart}`)
  out.push(table('Floors', ['measure', 'p50', 'p99', 'throughput', 'other load'], [
    ['Bun IPC echo, 1 child, 1 in flight', ms(ipc.latency.p50), ms(ipc.latency.p99), '', ''],
    ['Bun IPC echo, 2 children, 64 in flight (pipelined)', ms(ipc.throughput64.latency.p50), ms(ipc.throughput64.latency.p99), rate(ipc.throughput64.perSecond), pct(ipc.throughput64.foreignShare)],
    ['Bun IPC echo, 2 children, 1 in flight each', ms(ipc.throughputOnePerChild.latency.p50), ms(ipc.throughputOnePerChild.latency.p99), rate(ipc.throughputOnePerChild.perSecond), ''],
    ['disk: 8 KiB append + fdatasync, before the engine', ms(fsyncBefore.p50), ms(fsyncBefore.p99), rate(1000 / fsyncBefore.mean), ''],
    ['disk: 8 KiB append + fdatasync, after the sweep', ms(fsyncAfter.p50), ms(fsyncAfter.p99), rate(1000 / fsyncAfter.mean), ''],
  ]))
  out.push(`IPC CPU per message: 64 in flight: parent ${usf(ipc.throughput64.cpuUsPerMsg.parent)}, children ${usf(ipc.throughput64.cpuUsPerMsg.children)}; 1 in flight per child: parent ${usf(ipc.throughputOnePerChild.cpuUsPerMsg.parent)}, children ${usf(ipc.throughputOnePerChild.cpuUsPerMsg.children)}`)

  const e = r.engine
  out.push(table(`Engine: trivial task, every execution committed to SQLite on a file (${JSON.stringify(r.meta.store)}), 2 workers`,
    ['measure', 'p50', 'p99', 'persisted/s', 'parent CPU/exec', 'workers CPU/exec', 'commits/exec', 'loop blocked in commit', 'other load'], [
      ['1 in flight (latency)', ms(e.latency.latency.p50), ms(e.latency.latency.p99), '', '', '', '', '', ''],
      ...e.sweep.flatMap((level) => level.runs.map((p, i) => pointRow(`${level.inflight} in flight, round ${i + 1}${p === level.best ? ' *' : ''}`, p))),
      pointRow(`synchronous=FULL, ${e.normalDiagnostic.inflight} in flight (diagnostic)`, e.normalDiagnostic),
    ]))
  out.push(`* better round of a level. Saturating: ${e.saturating.inflight} in flight, ${rate(e.saturating.perSecond)}. Worker-measured run time at 1 in flight: p50 ${ms(e.latency.workerMs.p50)}.`)
  out.push(`CPU-bound ceiling there: ${r.meta.cpus} cores / ${usf(e.saturating.cpuUsPerExec.total)} CPU per execution ≈ ${rate(e.cpuCeilingPerSecond)} (10,000/s needs ≤ ${usf((r.meta.cpus * 1e6) / 10_000)} in total).`)

  const c = r.cold
  out.push(table('Cold paths', ['measure', 'p50', 'p99', 'worker load p50'], [
    ['first run of a new task (new code + schemas), warm pool, n=30', ms(c.newTask.latency.p50), ms(c.newTask.latency.p99), ms(c.newTask.loadMs.p50)],
    ['first run of a new version (new code, known schemas), n=30', ms(c.newVersionKnownSchemas.latency.p50), ms(c.newVersionKnownSchemas.latency.p99), ms(c.newVersionKnownSchemas.loadMs.p50)],
    ['worker cold start: createPool({count:1}) → ready(), n=10', ms(c.workerColdStart.p50), ms(c.workerColdStart.p99), ''],
    ['bare Bun IPC child: spawn → first message, n=10', ms(c.bareChildStart.p50), ms(c.bareChildStart.p99), ''],
  ]))

  const p = r.phases
  out.push(table('Phases in isolation (µs per execution; worker and parent rows are means)', ['phase', 'µs'], [
    ...Object.entries(p.worker).map(([k, v]) => [`worker: ${k}`, v.toFixed(1)]),
    ...Object.entries(p.parent).map(([k, v]) => [`parent: ${k}`, v.toFixed(1)]),
    ...Object.entries(p.commit).map(([k, v]) => [`store: completion commit, ${k}: wall / CPU per execution (commit p50)`, `${v.wallUsPerExec.toFixed(1)} / ${v.cpuUsPerExec.toFixed(1)} (${v.commitWallUsP50.toFixed(0)})`]),
  ]))
  out.push(table('Ratios (same run)', ['ratio', 'value'], Object.entries(r.ratios).map(([k, v]) => [k, times(v)])))
  out.push(table('Goals', ['goal', 'measured', 'result'], r.goals.map((g) => [g.goal, g.unit === 'ms' ? ms(g.value) : rate(g.value), g.pass ? 'pass' : 'MISS'])))
  const checks = Object.entries(r.engine.verification).map(([name, v]) => `${name} store: ${v.valid ? 'OK' : 'INVALID'}: ${v.expected} executions seen completed; on disk ${JSON.stringify(v.byStatus)}, ${v.spans} execution spans${v.problems.length ? `; ${v.problems.join('; ')}` : ''}`)
  out.push(`\nData check (database file reopened read-only after close):\n  ${checks.join('\n  ')}`)
  console.log(out.join('\n'))
}
