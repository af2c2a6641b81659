/**
 * Finds the task a caller named (by name or uuid) and, when there is none, says what they probably
 * meant: similar task names, or the package that exists on disk but failed to load.
 */
import { basename } from 'node:path'
import { AppError } from '../errors.ts'
import type { Config } from '../config/types.ts'
import type { Registry } from '../registry/registry.ts'
import type { TaskPackage } from '../tasks/types.ts'
import { NEXT_STEPS } from './next-steps.ts'

const normalise = (word: string) => word.toLowerCase().replace(/[-_.\s]/g, '')

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length]
}

/**
 * Up to `max` candidates close to `wanted`, best first: the same word in another spelling, names that
 * contain it (or are contained in it), then typos within about a third of the word's length.
 */
export function similarNames(wanted: string, candidates: readonly string[], max = 3): string[] {
  const w = normalise(wanted)
  if (!w) return []
  const scored: Array<{ name: string; score: number }> = []
  for (const name of candidates) {
    const c = normalise(name)
    const distance = editDistance(w, c)
    let score: number
    if (c === w) score = 0
    else if (c.includes(w) || w.includes(c)) score = 1 + Math.abs(c.length - w.length) / 100
    else if (distance <= Math.max(2, Math.floor(w.length / 3))) score = 2 + distance
    else continue
    scored.push({ name, score })
  }
  return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name)).slice(0, max).map((s) => s.name)
}

/** The task named `taskId` (name or uuid); throws AppError TASK_NOT_FOUND with suggestions otherwise. */
export function resolveTask(registry: Registry, taskId: string): TaskPackage {
  const task = registry.get(taskId)
  if (task) return task
  const names = registry.list().map((t) => t.name)
  const similar = similarNames(taskId, names)
  const broken = registry.problems().filter((p) => basename(p.dir) === taskId || p.problems.some((q) => q.message.includes(`"${taskId}"`)))
  const parts = [`Task "${taskId}" not found`]
  if (similar.length > 0) parts.push(`did you mean ${similar.map((n) => `"${n}"`).join(', ')}?`)
  if (broken.length > 0) parts.push(`a package at ${broken[0].dir} failed to load: ${broken[0].problems.map((p) => p.message).join('; ')}`)
  throw new AppError('TASK_NOT_FOUND', parts.join('; '), {
    data: { taskId, similar, ...(broken.length > 0 ? { loadProblems: broken.map((b) => ({ dir: b.dir, messages: b.problems.map((p) => `${p.file}: ${p.message}`) })) } : {}) },
    hint: names.length === 0 ? 'No tasks are loaded: check registry.sources in the configuration.' : NEXT_STEPS.listTasks,
  })
}

/** The longest an execution started over MCP may run, in seconds: the smaller of the two configured caps. */
export function timeoutCapSeconds(config: Pick<Config, 'execution' | 'mcp'>): number {
  return Math.min(config.execution.maxExecutionTime, config.mcp.maxExecutionTime)
}
