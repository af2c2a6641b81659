/**
 * CPU profiles of the engine at saturation (not part of `bun run bench`):
 *   node_modules/.bin/bun --cpu-prof-md --cpu-prof-dir=bench/results/profile bench/profile/engine-profile.ts [inflight] [seconds]
 * writes one markdown profile for the parent and one per worker (workers run worker-with-exit.ts under
 * --cpu-prof-md) into bench/results/profile/. Note that Bun's profiler samples wall time while JS is on
 * the stack, so time blocked inside a native call (SQLite's COMMIT waiting on fsync) shows as `run`.
 */
import { join } from 'node:path'
import { openStack, removeStack, verifyStack } from '../lib/harness.ts'
import { closedLoop } from '../lib/stats.ts'
import { addTask } from '../lib/task.ts'

const inflight = Number(process.argv[2] ?? 64)
const seconds = Number(process.argv[3] ?? 4)
const profDir = join(import.meta.dir, '..', 'results', 'profile')
const stack = await openStack(2, { command: [process.execPath, '--cpu-prof-md', `--cpu-prof-dir=${profDir}`, join(import.meta.dir, 'worker-with-exit.ts')] })
try {
  const task = addTask(stack.dir)
  const result = await closedLoop(inflight, seconds * 1000, 1_000_000, async (i) => void (await stack.run(task, i)))
  console.log(`${inflight} in flight: ${Math.round(result.perSecond)} persisted executions/s (${result.ops} in ${result.seconds.toFixed(1)} s)`)
} finally {
  await stack.close()
}
const check = verifyStack(stack)
removeStack(stack)
console.log(check.valid ? `data check OK (${check.expected} completed)` : `data check FAILED: ${check.problems.join('; ')}`)
console.log(`profiles: ${profDir}`)
