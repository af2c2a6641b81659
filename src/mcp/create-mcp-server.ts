import { Server } from '@modelcontextprotocol/sdk/server/index.js'
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from '@modelcontextprotocol/sdk/types.js'
import pkg from '../../package.json' with { type: 'json' }
import { createAccessControl, type AccessControl, type ReadTarget } from '../auth/access-control.ts'
import { NO_AUDIT } from '../auth/audit-log.ts'
import { readSecuritySettings } from '../auth/settings.ts'
import type { Principal } from '../auth/types.ts'
import { ERROR_TABLE } from '../errors.ts'
import type { Config } from '../config/types.ts'
import type { Engine } from '../engine/engine.ts'
import type { JobService, ScheduleService } from '../jobs/types.ts'
import type { Logger } from '../lib/logger.ts'
import type { Registry } from '../registry/registry.ts'
import type { DoorStore } from '../store/types.ts'
import { callTool } from './call-tool.ts'
import { createCompletions } from './completions.ts'
import { createConfigPrompts } from './config-prompts.ts'
import { createConfigResources } from './config-resources.ts'
import { createExecutionTaskStore } from './execution-task-store.ts'
import { createPrompts } from './prompts.ts'
import { createResources, parseRatchetUri, type RatchetUri } from './resources.ts'
import { createSessionLog } from './session-log.ts'
import { readMcpSettings } from './settings.ts'
import { watchSession } from './watch-session.ts'
import { createToolCatalog, INPUT_CHECKS, TOOL_DEFINITIONS, type ToolDefinition } from './tool-catalog.ts'
import { TOOL_HANDLERS } from './tools/index.ts'
import type { ToolHandlers } from './tools/types.ts'
import { ProtocolError } from './internal/protocol-error.ts'

/** The parts of the runtime (src/cli/runtime.ts) the MCP server uses. */
export interface McpRuntime {
  engine: Engine
  registry: Registry
  store: DoorStore
  config: Config
  logger: Logger
  /** The job queue and schedules, for list_jobs and list_schedules (not offered without them). */
  jobs?: Pick<JobService, 'list'>
  schedules?: Pick<ScheduleService, 'list'>
  /** Enabled and disabled tasks, for list_available_tasks. */
  taskStates?: { isEnabled(name: string): boolean }
}

export interface CreateMcpServerDeps {
  runtime: McpRuntime
  /** Absolute folder where the development tools write task packages. */
  tasksDir: string
  /** Who the client is (an API key, a token subject, `anonymous`, `stdio`) and what it may do. */
  principal: Principal
  /**
   * Authorization, rate limits and audit, shared by every session of the process (so limits count
   * across sessions); default: the config's limits and no audit.
   */
  access?: AccessControl
  /** The tool handlers; default TOOL_HANDLERS. A tool without a handler is not offered. */
  handlers?: Partial<ToolHandlers>
  /** The tool table; default generated/tools.ts. */
  definitions?: readonly ToolDefinition[]
  /** Longest quiet time (ms) before a running tool sends a heartbeat progress notification; default 5000. */
  heartbeatMs?: number
  /** pollInterval of task-augmented calls (ms); default 1000. */
  taskPollIntervalMs?: number
}

export interface McpServerHandle {
  /** The SDK server: connect it to one transport (stdio, or one HTTP session). */
  server: Server
  /** Resolves when no tool call answered in-request is running, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>
  /** Stops what the session runs (its calls and task-augmented calls are cancelled) and closes the transport. */
  close(): Promise<void>
  /** Settles once the session is over: close() was called or the transport closed. */
  closed: Promise<void>
}

const INSTRUCTIONS = [
  'Ratchet runs JavaScript tasks in a pool of sandboxed workers and records every execution (input, output or error, logs, trace).',
  'Find tasks with ratchet_list_available_tasks, run one with ratchet_execute_task (long runs can be task-augmented: tasks/get, tasks/result), and inspect an execution with the monitoring and debugging tools or the ratchet://executions/{id} resources.',
  'A task that fails is a result with isError and the error (type, message, file and line), not a protocol error.',
].join(' ')

const PAGE_SIZE = 100

/** What reading a ratchet:// resource touches, for the access check. */
function readTarget(uri: string, parsed: RatchetUri): ReadTarget {
  switch (parsed.kind) {
    case 'task':
    case 'task-source':
      return { what: uri, task: parsed.name }
    case 'execution':
      return { what: uri, executionId: parsed.id }
    case 'execution-logs':
      return { what: uri, executionId: parsed.id, reads: 'logs' }
    case 'execution-trace':
      return { what: uri, executionId: parsed.id, reads: 'traces' }
  }
}

/**
 * One MCP server for one client session over the shared runtime: the SDK's low-level Server with
 * Ratchet's tools, resources, prompts, completions, logging and 2025-11-25 task-augmented tools/call.
 * The runtime is not closed by close(): its owner (the CLI command, the HTTP server) does that.
 */
export function createMcpServer(deps: CreateMcpServerDeps): McpServerHandle {
  const { runtime, principal } = deps
  const settings = readMcpSettings(runtime.config)
  const access = deps.access ?? createAccessControl({ rateLimits: readSecuritySettings(runtime.config, { credentials: false }).rateLimits, audit: NO_AUDIT })
  // Everything the session reads goes through the principal's views; checks that explain a refusal
  // look at the whole runtime.
  const view = access.scope(principal, runtime)
  const lookup = { registry: runtime.registry, store: runtime.store }
  const taskStore = createExecutionTaskStore({ engine: view.engine, store: view.store, pollIntervalMs: deps.taskPollIntervalMs })
  const server = new Server(
    { name: 'ratchet', title: 'Ratchet', version: pkg.version },
    {
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        prompts: { listChanged: true },
        logging: {},
        completions: {},
        tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } },
      },
      instructions: INSTRUCTIONS,
      taskStore,
    },
  )
  const logger = runtime.logger.child({ component: 'mcp', principal: principal.name })
  const log = createSessionLog(server, { onError: (error) => logger.debug('could not send a log message to the client', { error: String(error) }) })
  const catalog = createToolCatalog({
    definitions: deps.definitions ?? TOOL_DEFINITIONS,
    handlers: deps.handlers ?? TOOL_HANDLERS,
    inputChecks: INPUT_CHECKS,
    settings,
    registry: view.registry,
  })
  // mcp.resources and mcp.prompts from the config come first, next to the built-in ones.
  const configResources = createConfigResources(runtime.config)
  const configPrompts = createConfigPrompts(runtime.config)
  const resources = createResources({ registry: view.registry, store: view.store, maxLogEntries: settings.maxLogEntries, extra: configResources.list })
  const prompts = createPrompts({ store: view.store, maxLogEntries: settings.maxLogEntries, isToolOffered: (name) => catalog.resolve(name).kind === 'tool' })
  const completions = createCompletions({ registry: view.registry, store: view.store })
  const closing = new AbortController()
  const inflight = new Set<Promise<unknown>>()
  const watcher = watchSession({ server, runtime: { ...runtime, ...view }, settings, catalog, log, logger })
  // A refused read is a JSON-RPC error naming the permission or pattern (and an audit line).
  const authorizeRead = async (target: ReadTarget) => {
    const refusal = await access.checkRead(principal, target, lookup)
    if (refusal === null) return
    access.audit.record({ event: 'resource_read', principal: principal.name, principalKind: principal.kind, outcome: 'denied', reason: refusal, detail: { uri: target.what } })
    throw new ProtocolError(ERROR_TABLE.FORBIDDEN.jsonRpc, refusal, { uri: target.what })
  }
  const authorizeUri = async (uri: string) => {
    const parsed = parseRatchetUri(uri)
    if (parsed) await authorizeRead(readTarget(uri, parsed))
  }

  const page = <T>(items: T[], cursor: string | undefined) => {
    const start = cursor === undefined ? 0 : Number.parseInt(Buffer.from(cursor, 'base64url').toString('utf8'), 10)
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw new ProtocolError(ErrorCode.InvalidParams, `Invalid cursor "${cursor}"`)
    const next = start + PAGE_SIZE
    return { items: items.slice(start, next), ...(next < items.length ? { nextCursor: Buffer.from(String(next)).toString('base64url') } : {}) }
  }

  server.setRequestHandler(ListToolsRequestSchema, async (request) => {
    const { items, nextCursor } = page(catalog.list().map((entry) => entry.tool), request.params?.cursor)
    return { tools: items, ...(nextCursor ? { nextCursor } : {}) }
  })
  server.setRequestHandler(CallToolRequestSchema, (request, extra) =>
    callTool(
      {
        server,
        catalog,
        settings,
        context: { engine: view.engine, registry: view.registry, store: view.store, config: runtime.config, logger: runtime.logger, tasksDir: deps.tasksDir, principal, ...(runtime.jobs ? { jobs: runtime.jobs } : {}), ...(runtime.schedules ? { schedules: runtime.schedules } : {}), ...(runtime.taskStates ? { taskStates: runtime.taskStates } : {}) },
        access,
        lookup,
        taskStore,
        log,
        heartbeatMs: deps.heartbeatMs ?? 5000,
        closed: closing.signal,
        // Task log lines stream to the client only when it may read logs.
        onSubmit: principal.permissions.canReadLogs ? watcher.trackExecution : () => {},
        inflight,
      },
      request,
      extra,
    ),
  )
  server.setRequestHandler(ListResourcesRequestSchema, async (request) => resources.list(request.params?.cursor))
  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({ resourceTemplates: [...configResources.templates(), ...resources.templates()] }))
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    const { uri } = request.params
    if (configResources.owns(uri)) return configResources.read(uri)
    await authorizeUri(uri)
    return resources.read(uri)
  })
  server.setRequestHandler(SubscribeRequestSchema, async (request) => {
    const { uri } = request.params
    if (configResources.owns(uri)) {
      configResources.subscribe(uri, () => void (server.transport ? server.sendResourceUpdated({ uri }).catch(() => {}) : undefined))
      return {}
    }
    if (!parseRatchetUri(request.params.uri)) throw new ProtocolError(ErrorCode.InvalidParams, `Cannot subscribe to ${request.params.uri}: not a ratchet:// resource (see resources/templates/list)`)
    await authorizeUri(request.params.uri)
    watcher.subscribe(request.params.uri)
    return {}
  })
  server.setRequestHandler(UnsubscribeRequestSchema, async (request) => {
    configResources.unsubscribe(request.params.uri)
    watcher.unsubscribe(request.params.uri)
    return {}
  })
  server.setRequestHandler(ListPromptsRequestSchema, async () => ({ prompts: [...configPrompts.list(), ...prompts.list()] }))
  server.setRequestHandler(GetPromptRequestSchema, async (request) => {
    const { name, arguments: args } = request.params
    if (configPrompts.has(name)) return configPrompts.get(name, args)
    // debug_execution puts the execution's record and logs in the prompt.
    const executionId = name === 'debug_execution' ? args?.execution_id?.trim() : undefined
    if (executionId) await authorizeRead({ what: `prompt debug_execution for execution "${executionId}"`, executionId, reads: 'logs' })
    return prompts.get(name, args)
  })
  server.setRequestHandler(CompleteRequestSchema, async ({ params }) => configPrompts.complete(params) ?? (params.ref.type === 'ref/resource' ? configResources.complete(params.ref.uri) : null) ?? completions.complete(params))

  taskStore.onStatus((task) => {
    if (server.transport) server.notification({ method: 'notifications/tasks/status', params: task }).catch(() => {})
  })
  server.onerror = (error) => logger.warn('MCP protocol error', { error: error.message })

  let closed: Promise<void> | null = null
  const ended = Promise.withResolvers<void>()
  const close = () => {
    closed ??= (async () => {
      closing.abort('the MCP session closed')
      watcher.close()
      configResources.close()
      taskStore.close()
      await server.close()
      ended.resolve()
    })()
    return closed
  }
  // A client that goes away closes the transport: stop this session's work too.
  server.onclose = () => void close()

  return {
    server,
    close,
    closed: ended.promise,
    async drain(timeoutMs) {
      const deadline = Date.now() + timeoutMs
      while (inflight.size > 0 && Date.now() < deadline) {
        let timer: ReturnType<typeof setTimeout> | undefined
        const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))))
        // A pending timer would keep the process alive after the session ended.
        await Promise.race([Promise.allSettled([...inflight]), timeout]).finally(() => clearTimeout(timer))
      }
    },
  }
}
