/** Small timing helpers shared by the bench sections. All durations are milliseconds unless named `Us`. */

export interface Summary {
  n: number
  p50: number
  p99: number
  min: number
  max: number
  mean: number
}

/** Nearest-rank percentile of an already sorted array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const sum = sorted.reduce((a, b) => a + b, 0)
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  }
}

export interface LoopResult {
  ops: number
  seconds: number
  perSecond: number
  latency: Summary
}

/**
 * Closed loop: `lanes` callers each await `op()` back to back until `durationMs` has passed or `maxOps`
 * were started (both bounds always hold). Returns completed ops/s and per-op latency.
 */
export async function closedLoop(lanes: number, durationMs: number, maxOps: number, op: (i: number, lane: number) => Promise<void>): Promise<LoopResult> {
  const latencies: number[] = []
  let started = 0
  const t0 = performance.now()
  const deadline = t0 + durationMs
  const lane = async (_: unknown, laneNo: number) => {
    while (started < maxOps && performance.now() < deadline) {
      const i = started++
      const s = performance.now()
      await op(i, laneNo)
      latencies.push(performance.now() - s)
    }
  }
  await Promise.all(Array.from({ length: lanes }, lane))
  const seconds = (performance.now() - t0) / 1000
  return { ops: latencies.length, seconds, perSecond: latencies.length / seconds, latency: summarize(latencies) }
}

/** Sequential samples of an async op (one in flight). */
export async function sequential(count: number, op: (i: number) => Promise<void>): Promise<Summary> {
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    const s = performance.now()
    await op(i)
    samples.push(performance.now() - s)
  }
  return summarize(samples)
}

export const round = (value: number, digits = 2): number => {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
