import type { Server } from '@modelcontextprotocol/sdk/server/index.js'
import type { ExecuteRequest, Submitted } from '../engine/engine.ts'
import type { Logger } from '../lib/logger.ts'
import type { McpRuntime } from './create-mcp-server.ts'
import { executionUri, taskUri } from './resources.ts'
import { MCP_LEVEL, type SessionLog } from './session-log.ts'
import type { McpSettings } from './settings.ts'
import type { ToolCatalog } from './tool-catalog.ts'

export interface SessionWatcher {
  /** Remembers an execution a call of this session started: its log lines go to the client. */
  trackExecution(submitted: Submitted, request: ExecuteRequest): void
  subscribe(uri: string): void
  unsubscribe(uri: string): void
  close(): void
}

/**
 * What the session hears from the runtime and passes on to its client:
 * - task log lines of the executions this session started, as `notifications/message` (logger
 *   `task:<name>`, at the level the client set with logging/setLevel);
 * - `notifications/resources/updated` for subscribed executions when they start and finish, and for
 *   subscribed tasks when they change;
 * - on a registry reload: `notifications/resources/list_changed`, `notifications/tools/list_changed`
 *   when tasks are offered as tools, and an info log line.
 * Nothing is sent before the client finished initializing.
 */
export function watchSession(deps: { server: Server; runtime: McpRuntime; settings: McpSettings; catalog: ToolCatalog; log: SessionLog; logger: Logger }): SessionWatcher {
  const { server, runtime, log, logger } = deps
  const subscribed = new Set<string>()
  const executions = new Map<string, string>()
  let initialized = false
  const previous = server.oninitialized
  server.oninitialized = () => {
    initialized = true
    previous?.()
  }
  const ready = () => initialized && server.transport !== undefined
  const send = (what: string, promise: Promise<void>) => promise.catch((error) => logger.debug(`could not send ${what}`, { error: String(error) }))
  const updated = (uri: string) => {
    if (subscribed.has(uri) && ready()) void send('a resource update', server.sendResourceUpdated({ uri }))
  }

  const stopEngine = runtime.engine.subscribe((event) => {
    if (event.type === 'log') {
      const task = executions.get(event.executionId)
      if (task === undefined) return
      for (const entry of event.entries) {
        log.send(MCP_LEVEL[entry.level], `task:${task}`, { execution_id: event.executionId, message: entry.message, ...(entry.data !== undefined ? { data: entry.data } : {}) })
      }
    } else if (event.type === 'started') {
      updated(executionUri(event.execution.id))
    } else if (event.type === 'finished') {
      const uri = executionUri(event.execution.id)
      for (const each of [uri, `${uri}/logs`, `${uri}/trace`]) updated(each)
      if (executions.delete(event.execution.id)) {
        log.send('debug', 'ratchet', { message: `execution of ${event.execution.taskName} ${event.execution.status}`, execution_id: event.execution.id, status: event.execution.status })
      }
    }
  })

  const stopRegistry = runtime.registry.onChange((report) => {
    deps.catalog.invalidate()
    for (const name of [...report.changed, ...report.removed]) {
      updated(taskUri(name))
      updated(`${taskUri(name)}/source`)
    }
    if (!ready()) return
    void send('resources/list_changed', server.sendResourceListChanged())
    if (deps.settings.exposeTasksAsTools) void send('tools/list_changed', server.sendToolListChanged())
    log.send('info', 'ratchet.registry', { message: 'task registry reloaded', tasks: report.loaded, changed: report.changed, removed: report.removed, problems: report.problems.length })
  })

  return {
    trackExecution(submitted, request) {
      executions.set(submitted.id, request.task.name)
    },
    subscribe: (uri) => void subscribed.add(uri),
    unsubscribe: (uri) => void subscribed.delete(uri),
    close() {
      stopEngine()
      stopRegistry()
      subscribed.clear()
      executions.clear()
    },
  }
}
