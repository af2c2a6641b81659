import { type ReadResourceResult, type Resource, type ResourceTemplate } from '@modelcontextprotocol/sdk/types.js'
import type { Registry } from '../registry/registry.ts'
import type { ExecutionReader } from '../store/types.ts'
import type { TaskPackage } from '../tasks/types.ts'
import { executionJson, logJson, spanJson } from './execution-json.ts'
import { ProtocolError } from './internal/protocol-error.ts'

/** MCP's "resource not found" code (spec 2025-06-18 and 2025-11-25). */
export const RESOURCE_NOT_FOUND = -32002
const PAGE_SIZE = 100
const RECENT_EXECUTIONS = 50

export type RatchetUri =
  | { kind: 'task' | 'task-source'; name: string }
  | { kind: 'execution' | 'execution-logs' | 'execution-trace'; id: string }

export const taskUri = (name: string) => `ratchet://tasks/${encodeURIComponent(name)}`
export const executionUri = (id: string) => `ratchet://executions/${encodeURIComponent(id)}`

export const RESOURCE_TEMPLATES: ResourceTemplate[] = [
  { uriTemplate: 'ratchet://tasks/{name}', name: 'task', title: 'Task', description: "A task's metadata, input and output JSON Schemas and test cases.", mimeType: 'application/json' },
  { uriTemplate: 'ratchet://tasks/{name}/source', name: 'task-source', title: 'Task source code', description: "The task's JavaScript code as written.", mimeType: 'text/javascript' },
  { uriTemplate: 'ratchet://executions/{id}', name: 'execution', title: 'Execution', description: 'One execution: status, input, output or error, timing.', mimeType: 'application/json' },
  { uriTemplate: 'ratchet://executions/{id}/logs', name: 'execution-logs', title: 'Execution logs', description: "The log lines the task wrote during one execution (first mcp.security.max_log_entries).", mimeType: 'application/json' },
  { uriTemplate: 'ratchet://executions/{id}/trace', name: 'execution-trace', title: 'Execution trace', description: 'Spans of one execution: the run and every HTTP call, with timing.', mimeType: 'application/json' },
]

/** Parses a `ratchet://` URI; null for anything else. */
export function parseRatchetUri(uri: string): RatchetUri | null {
  const match = /^ratchet:\/\/(tasks|executions)\/([^/?#]+)(?:\/(source|logs|trace))?$/.exec(uri)
  if (!match) return null
  let value: string
  try {
    value = decodeURIComponent(match[2])
  } catch {
    return null
  }
  const [, collection, , sub] = match
  if (collection === 'tasks') return sub === undefined ? { kind: 'task', name: value } : sub === 'source' ? { kind: 'task-source', name: value } : null
  return sub === undefined ? { kind: 'execution', id: value } : sub === 'logs' ? { kind: 'execution-logs', id: value } : sub === 'trace' ? { kind: 'execution-trace', id: value } : null
}

function taskJson(task: TaskPackage): Record<string, unknown> {
  return {
    name: task.name,
    version: task.version,
    description: task.description,
    tags: task.tags,
    ...(task.uuid ? { uuid: task.uuid } : {}),
    ...(task.category ? { category: task.category } : {}),
    checksum: task.checksum,
    layout: task.layout,
    path: task.dir,
    input_schema: task.inputSchema,
    output_schema: task.outputSchema,
    tests: task.tests.map((t) => ({ name: t.name, ...(t.description ? { description: t.description } : {}), should_fail: t.shouldFail })),
    metadata: task.metadata,
    source_uri: `${taskUri(task.name)}/source`,
  }
}

const json = (uri: string, value: unknown): ReadResourceResult => ({ contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(value, null, 2) }] })
const notFound = (uri: string, what: string) => new ProtocolError(RESOURCE_NOT_FOUND, `Resource not found: ${what}`, { uri })

/** The `ratchet://` resources: tasks (metadata and source) and executions (record, logs, trace). */
export function createResources(deps: { registry: Registry; store: ExecutionReader; maxLogEntries: number; /** Listed first (mcp.resources from the config). */ extra?: () => Resource[] }) {
  const { registry, store } = deps
  const findTask = (uri: string, name: string) => registry.get(name) ?? (() => { throw notFound(uri, `no task named "${name}"`) })()
  const findExecution = async (uri: string, id: string) => (await store.getExecution(id)) ?? (() => { throw notFound(uri, `no execution with id "${id}"`) })()

  return {
    templates: () => RESOURCE_TEMPLATES,

    /** Every task (metadata and source) and the latest executions, 100 a page. */
    async list(cursor?: string): Promise<{ resources: Resource[]; nextCursor?: string }> {
      const all: Resource[] = [...(deps.extra?.() ?? [])]
      for (const task of registry.list()) {
        all.push({ uri: taskUri(task.name), name: task.name, title: `${task.name}@${task.version}`, description: task.description || `Task ${task.name}`, mimeType: 'application/json' })
        all.push({ uri: `${taskUri(task.name)}/source`, name: `${task.name}/source`, title: `${task.name} source`, description: `JavaScript code of ${task.name}`, mimeType: 'text/javascript' })
      }
      for (const record of (await store.listExecutions({ limit: RECENT_EXECUTIONS })).items) {
        all.push({ uri: executionUri(record.id), name: `execution ${record.id}`, title: `${record.taskName} ${record.status} (${record.queuedAt})`, mimeType: 'application/json' })
      }
      const start = cursor === undefined ? 0 : Number.parseInt(Buffer.from(cursor, 'base64url').toString('utf8'), 10)
      if (!Number.isInteger(start) || start < 0 || start > all.length) throw new ProtocolError(-32602, `Invalid cursor "${cursor}"`)
      const next = start + PAGE_SIZE
      return { resources: all.slice(start, next), ...(next < all.length ? { nextCursor: Buffer.from(String(next)).toString('base64url') } : {}) }
    },

    async read(uri: string): Promise<ReadResourceResult> {
      const parsed = parseRatchetUri(uri)
      if (!parsed) throw notFound(uri, `${uri} is not a ratchet:// resource (see resources/templates/list)`)
      switch (parsed.kind) {
        case 'task':
          return json(uri, taskJson(findTask(uri, parsed.name)))
        case 'task-source': {
          const task = findTask(uri, parsed.name)
          return { contents: [{ uri, mimeType: 'text/javascript', text: task.code }] }
        }
        case 'execution':
          return json(uri, { ...executionJson(await findExecution(uri, parsed.id)), logs_uri: `${uri}/logs`, trace_uri: `${uri}/trace` })
        case 'execution-logs': {
          await findExecution(uri, parsed.id)
          const entries = await store.getLogs(parsed.id, { limit: deps.maxLogEntries + 1 })
          const truncated = entries.length > deps.maxLogEntries
          return json(uri, { execution_id: parsed.id, entries: entries.slice(0, deps.maxLogEntries).map(logJson), truncated, ...(truncated ? { note: `Only the first ${deps.maxLogEntries} entries (mcp.security.max_log_entries); page with ratchet_get_execution_logs.` } : {}) })
        }
        case 'execution-trace':
          await findExecution(uri, parsed.id)
          return json(uri, { execution_id: parsed.id, spans: (await store.getSpans(parsed.id)).map(spanJson) })
      }
    },
  }
}

export type Resources = ReturnType<typeof createResources>
