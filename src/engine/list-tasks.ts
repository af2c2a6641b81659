/**
 * The task catalogue as callers browse it: loaded tasks filtered by text, category and tags, sorted,
 * paged, with the dates each task (and its current content) was first seen, plus the packages that
 * failed to load so a missing task can be explained.
 */
import type { Registry, RegistryProblem } from '../registry/registry.ts'
import type { ExecutionReader } from '../store/types.ts'
import type { TaskPackage } from '../tasks/types.ts'
import { definedOnly } from './execution-views.ts'
import { paginate, type PaginationView } from './pagination.ts'

export interface ListTasksQuery {
  /** Case-insensitive substring of the name or description. */
  filter?: string
  /** Equal (case-insensitive) to the task's category or one of its tags. */
  category?: string
  /** Every one must be among the task's tags (case-insensitive). */
  tags?: string[]
  includeSchemas?: boolean
  page: number
  limit: number
  sortBy?: 'name' | 'version' | 'created_at' | 'updated_at'
  sortOrder?: 'asc' | 'desc'
  /** Whether a task may run (the authoring service's task states); default: every task is enabled. */
  isEnabled?: (name: string) => boolean
}

export interface TaskView {
  id: string
  uuid?: string
  name: string
  version: string
  description: string
  tags: string[]
  category?: string
  enabled: boolean
  test_count: number
  created_at: string | null
  updated_at: string | null
  input_schema?: unknown
  output_schema?: unknown
}

export interface ProblemView {
  source: string
  dir: string
  messages: string[]
}

/** Splits `1.10.0-beta.2` into comparable parts: numbers compare as numbers, the rest as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/)
  const pb = b.split(/[.+-]/)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i]
    const y = pb[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    const nx = /^\d+$/.test(x) ? Number(x) : NaN
    const ny = /^\d+$/.test(y) ? Number(y) : NaN
    const diff = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y)
    if (diff !== 0) return diff
  }
  return 0
}

async function taskDates(store: Pick<ExecutionReader, 'listTaskVersions'>, task: TaskPackage): Promise<{ created: string | null; updated: string | null }> {
  const versions = await store.listTaskVersions(task.name)
  return { created: versions[0]?.firstSeenAt ?? null, updated: versions.find((v) => v.checksum === task.checksum)?.firstSeenAt ?? null }
}

/** Registry load problems as one line per problem: file, cause and hint. */
export function viewProblems(problems: readonly RegistryProblem[]): ProblemView[] {
  return problems.map((p) => ({ source: p.source, dir: p.dir, messages: p.problems.map((q) => `${q.file}: ${q.message}${q.hint ? ` (hint: ${q.hint})` : ''}`) }))
}

/** One page of the loaded tasks matching `query`, plus every package that failed to load. */
export async function listTasks(registry: Registry, store: Pick<ExecutionReader, 'listTaskVersions'>, query: ListTasksQuery): Promise<{ tasks: TaskView[]; pagination: PaginationView; problems: ProblemView[] }> {
  const text = query.filter?.trim().toLowerCase()
  const category = query.category?.trim().toLowerCase()
  const tags = (query.tags ?? []).map((t) => t.toLowerCase())
  let tasks = registry.list().filter((task) => {
    const taskTags = task.tags.map((t) => t.toLowerCase())
    if (text && !task.name.toLowerCase().includes(text) && !task.description.toLowerCase().includes(text)) return false
    if (category && task.category?.toLowerCase() !== category && !taskTags.includes(category)) return false
    return tags.every((tag) => taskTags.includes(tag))
  })
  const dates = new Map<string, Awaited<ReturnType<typeof taskDates>>>()
  // Read the versions of the tasks whose dates are needed (all of them to sort by a date), then sort synchronously.
  const readDates = async (needed: readonly TaskPackage[]) => {
    for (const task of needed) if (!dates.has(task.name)) dates.set(task.name, await taskDates(store, task))
  }
  const datesOf = (task: TaskPackage) => dates.get(task.name)!
  if (query.sortBy === 'created_at' || query.sortBy === 'updated_at') await readDates(tasks)
  if (query.sortBy) {
    const direction = query.sortOrder === 'desc' ? -1 : 1
    const key = query.sortBy
    const compare = (a: TaskPackage, b: TaskPackage): number => {
      if (key === 'version') return compareVersions(a.version, b.version)
      if (key === 'created_at' || key === 'updated_at') {
        const pick = (t: TaskPackage) => (key === 'created_at' ? datesOf(t).created : datesOf(t).updated) ?? ''
        return pick(a).localeCompare(pick(b))
      }
      return a.name.localeCompare(b.name)
    }
    tasks = [...tasks].sort((a, b) => direction * compare(a, b) || a.name.localeCompare(b.name))
  }
  const page = tasks.slice(query.page * query.limit, (query.page + 1) * query.limit)
  await readDates(page)
  return {
    tasks: page.map((task) => {
      const { created, updated } = datesOf(task)
      return definedOnly({
        id: task.uuid ?? task.name,
        uuid: task.uuid,
        name: task.name,
        version: task.version,
        description: task.description,
        tags: task.tags,
        category: task.category,
        enabled: query.isEnabled?.(task.name) ?? true,
        test_count: task.tests.length,
        created_at: created,
        updated_at: updated,
        input_schema: query.includeSchemas ? task.inputSchema : undefined,
        output_schema: query.includeSchemas ? task.outputSchema : undefined,
      })
    }),
    pagination: paginate(query.page, query.limit, tasks.length),
    problems: viewProblems(registry.problems()),
  }
}
