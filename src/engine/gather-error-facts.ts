/**
 * Collects what analyze-error needs about one execution: its spans, warn/error logs, the task as
 * loaded now and the text of the failing file. The file is read only when it belongs to that task's
 * folder, so a stored path can never make the server read anything else.
 */
import { relative, isAbsolute } from 'node:path'
import type { Registry } from '../registry/registry.ts'
import type { ExecutionReader, ExecutionRecord } from '../store/types.ts'
import type { TaskPackage } from '../tasks/types.ts'
import type { ErrorFacts } from './analyze-error.ts'

async function readTaskFile(task: TaskPackage | undefined, file: string): Promise<string | null> {
  if (!task) return null
  const inside = relative(task.dir, file)
  if (!isAbsolute(file) || inside.startsWith('..') || isAbsolute(inside)) return null
  try {
    return await Bun.file(file).text()
  } catch {
    return null
  }
}

/** Everything analyzeExecutionError needs about `record`, read from the store, the registry and the task's folder. */
export async function gatherErrorFacts(deps: { store: Pick<ExecutionReader, 'getSpans' | 'getLogs'>; registry: Registry }, record: ExecutionRecord, timeoutCapSeconds: number): Promise<ErrorFacts> {
  const task = deps.registry.get(record.taskName)
  const location = record.error?.location
  return {
    record,
    spans: await deps.store.getSpans(record.id),
    logs: await deps.store.getLogs(record.id, { minLevel: 'warn' }),
    task,
    fileText: location ? await readTaskFile(task, location.file) : null,
    timeoutCapSeconds,
  }
}
