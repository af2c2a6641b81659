/**
 * Store throughput check (a script, not a test: `bun test` does not collect it).
 *   bun test/store/perf/store-throughput.ts [count] [FULL|NORMAL]
 * Each execution is what the engine writes for a short run: create (queued), update (running), two log
 * lines, update (completed). Two shapes: "same tick" (all five writes in one turn, so the create and its
 * updates collapse into one INSERT) and "spread" (each step on a later turn, as when runs overlap).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../../src/store/sqlite-store.ts'

const count = Number(process.argv[2] ?? 50_000)
const synchronous = (process.argv[3] ?? 'FULL') as 'FULL' | 'NORMAL'
const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

async function measure(shape: 'same tick' | 'spread'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-throughput-'))
  const store = openSqliteStore({ path: join(dir, 'ratchet.db'), synchronous })
  const input = { url: 'https://example.com/api', retries: 3, tags: ['a', 'b'] }
  const started = performance.now()
  const inFlight: string[][] = [[], []]
  for (let i = 0; i < count; i++) {
    const id = `exec-${i.toString().padStart(8, '0')}`
    const queuedAt = new Date().toISOString()
    store.createExecution({ id, taskName: 'fetch-json', taskVersion: '1.0.0', taskChecksum: 'abc123', input, status: 'queued', queuedAt, attempt: 1, source: 'bench' })
    if (shape === 'same tick') {
      finish(id, queuedAt)
      if (i % 200 === 199) await turn()
    } else {
      inFlight[0]!.push(id)
      if (i % 200 === 199) {
        // Runs queued two turns ago complete now; those queued one turn ago start.
        for (const done of inFlight[1]!) finish(done, queuedAt, false)
        for (const running of inFlight[0]!) store.updateExecution(running, { status: 'running', startedAt: queuedAt })
        inFlight.unshift([])
        inFlight.length = 2
        await turn()
      }
    }
  }
  for (const done of inFlight.flat()) finish(done, new Date().toISOString())
  await store.commit()
  const seconds = (performance.now() - started) / 1000
  console.log(`${shape.padEnd(9)} ${synchronous}: ${count} executions in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} executions/s`)
  store.close()
  rmSync(dir, { recursive: true, force: true })

  function finish(id: string, at: string, start = true): void {
    if (start) store.updateExecution(id, { status: 'running', startedAt: at })
    store.appendLogs([
      { executionId: id, seq: 0, level: 'info', message: 'fetching', data: { attempt: 1 }, ts: at },
      { executionId: id, seq: 1, level: 'info', message: 'done', ts: at },
    ])
    store.updateExecution(id, { status: 'completed', output: { ok: true, items: 3 }, completedAt: at, durationMs: 1.25 })
  }
}

await measure('same tick')
await measure('spread')
