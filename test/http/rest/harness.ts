/**
 * A REST door on a real engine (one worker), the real job and schedule services on the same SQLite
 * store, mounted on the shared HTTP host with API keys: `admin` (everything), `reader` (no
 * capabilities), `runner` (execute, logs, traces; denied `secret-*`), `limited` (execute, 2 executions a minute),
 * `other` (execute only), `auditor` (reads everyone's executions, jobs and schedules; no execute, no logs),
 * `queuer` (jobs and schedules, 2 executions a minute, 1 at once); `perOperation` sets
 * mcp.security.rate_limiting. Requests go through `host.handle`.
 */
import { createAccessControl, type AccessControl } from '../../../src/auth/access-control.ts'
import { createAuditLog, type AuditLog } from '../../../src/auth/audit-log.ts'
import { createRequestAuthenticator } from '../../../src/auth/authenticate.ts'
import { permissionsFromConfig, type RawPermissions } from '../../../src/auth/permissions.ts'
import type { JwtSettings } from '../../../src/auth/jwt.ts'
import type { SecuritySettings } from '../../../src/auth/settings.ts'
import { createEventBus } from '../../../src/events/index.ts'
import type { EventBus } from '../../../src/events/types.ts'
import { createHttpHost, type HttpHost } from '../../../src/http/host.ts'
import { createHttpAuth } from '../../../src/http/http-auth.ts'
import { createApiDocs, createRestApi, type RestDeps, type RestRouteGroup } from '../../../src/http/rest/index.ts'
import { createOwnerAuthority } from '../../../src/auth/owner-authority.ts'
import { createJobService, createSqliteJobStore } from '../../../src/jobs/index.ts'
import type { JobService, ScheduleService } from '../../../src/jobs/types.ts'
import type { Registry } from '../../../src/registry/registry.ts'
import { createScheduleService, createSqliteScheduleStore } from '../../../src/schedules/index.ts'
import type { TaskPackage } from '../../../src/tasks/types.ts'
import { openHarness, type Harness } from '../../helpers/with-engine.ts'
import { testSettings } from '../../jobs/job-harness.ts'

export const BASE = 'http://127.0.0.1:8080'

export const KEYS = {
  admin: 'admin-key-0123456789abcdef',
  reader: 'reader-key-0123456789abcdef',
  runner: 'runner-key-0123456789abcdef',
  other: 'other-key-0123456789abcdef',
  limited: 'limited-key-0123456789abcdef',
  auditor: 'auditor-key-0123456789abcdef',
  queuer: 'queuer-key-0123456789abcdef',
} as const

const PERMISSIONS: Record<keyof typeof KEYS, RawPermissions> = {
  admin: { can_execute_tasks: true, can_read_logs: true, can_read_traces: true, can_access_system_info: true, can_manage_tasks: true, can_read_all_executions: true, can_manage_jobs: true, can_manage_schedules: true },
  reader: {},
  runner: { can_execute_tasks: true, can_read_logs: true, can_read_traces: true, denied_task_patterns: ['secret-*'] },
  other: { can_execute_tasks: true },
  limited: { can_execute_tasks: true, rate_limits: { executions_per_minute: 2 } },
  auditor: { can_read_all_executions: true },
  queuer: { can_execute_tasks: true, can_manage_jobs: true, can_manage_schedules: true, rate_limits: { executions_per_minute: 2, max_concurrent_executions: 1 } },
}

/** A registry over fixed packages (by name and uuid). */
export function staticRegistry(tasks: readonly TaskPackage[]): Registry {
  const byId = new Map<string, TaskPackage>()
  for (const task of tasks) {
    byId.set(task.name, task)
    if (task.uuid) byId.set(task.uuid, task)
  }
  return {
    load: async () => ({ loaded: tasks.length, problems: [], shadowed: [], changed: [], removed: [] }),
    get: (id) => byId.get(id),
    list: () => [...tasks],
    problems: () => [],
    shadowed: () => [],
    onChange: () => () => {},
    close() {},
  }
}

/** A response whose JSON body the tests read freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonResponse = Omit<Response, 'json'> & { json(): Promise<any> }

export interface RestHarness {
  engine: Harness
  host: HttpHost
  access: AccessControl
  audit: AuditLog
  bus: EventBus
  jobs: JobService
  schedules: ScheduleService
  registry: Registry
  /** A request as `key` (none: no credential); `headers` may carry another credential (a JWT). */
  call(key: keyof typeof KEYS | null, method: string, path: string, options?: { body?: unknown; raw?: string; headers?: Record<string, string> }): Promise<JsonResponse>
  close(): Promise<void>
}

export async function openRestHarness(options: { tasks: TaskPackage[]; maxBodyBytes?: number; groups?: RestRouteGroup[]; perOperation?: Record<string, number>; events?: RestDeps['events']; jwt?: JwtSettings }): Promise<RestHarness> {
  const engine = await openHarness({ pool: { count: 1 } })
  for (const task of options.tasks) (await engine.store.recordTaskVersion(task))
  const registry = staticRegistry(options.tasks)
  const audit = createAuditLog({ enabled: true, file: null, store: engine.store, logger: engine.logger, flushMs: 10 })
  const settings: SecuritySettings = {
    authType: options.jwt ? 'jwt' : 'api_key',
    apiKeys: options.jwt ? [] : Object.entries(KEYS).map(([name, secret]) => ({ name, secret, permissions: permissionsFromConfig(PERMISSIONS[name as keyof typeof KEYS]), active: true, expiresAt: null, allowedIps: [] })),
    jwt: options.jwt ?? null,
    oauth2: null,
    stdioPermissions: null,
    rateLimits: { perOperation: options.perOperation ?? {} },
    audit: { enabled: true, file: null },
  }
  const access = createAccessControl({ rateLimits: settings.rateLimits, audit })
  const host = createHttpHost(
    { logger: engine.logger, auth: createHttpAuth(createRequestAuthenticator(settings), { audit, mcpPath: '/mcp' }), access },
    { bound: { host: '127.0.0.1', port: 8080 }, allowedOrigins: [], maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 },
  )
  const bus = createEventBus()
  // As ratchet serve wires them: jobs and slots run only while their owner may, within its concurrency cap.
  const owners = createOwnerAuthority(settings, { concurrency: access.concurrency })
  const jobs = createJobService({ store: createSqliteJobStore(engine.store), engine: engine.engine, registry, events: bus, logger: engine.logger, owners }, testSettings())
  const schedules = createScheduleService({ store: createSqliteScheduleStore(engine.store.database), jobs, registry, events: bus, logger: engine.logger, owners })
  jobs.start()
  host.use(createRestApi({ ...host.services, registry, store: engine.store, engine: engine.engine, pool: engine.pool, jobs, schedules, groups: options.groups, events: options.events }))
  host.use(createApiDocs())
  return {
    engine,
    host,
    access,
    audit,
    bus,
    jobs,
    schedules,
    registry,
    call(key, method, path, callOptions = {}) {
      const headers: Record<string, string> = { ...(key ? { authorization: `Bearer ${KEYS[key]}` } : {}), ...callOptions.headers }
      let body: string | undefined
      if (callOptions.raw !== undefined) body = callOptions.raw
      else if (callOptions.body !== undefined) {
        body = JSON.stringify(callOptions.body)
        headers['content-type'] ??= 'application/json'
      }
      return host.handle(new Request(`${BASE}${path}`, { method, headers, body }))
    },
    async close() {
      await schedules.close()
      await jobs.close({ graceMs: 200 })
      await audit.close()
      await engine.close()
    },
  }
}
