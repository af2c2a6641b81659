/**
 * Runs one REST request through the checks every route shares: identify the caller (401, and the
 * HTTP rate limits), refuse non-JSON bodies on state-changing routes (415) and bodies of routes that
 * take none, hand the handler a context whose `authorize` checks the route's operation (403 / 429),
 * map whatever it throws to the error body, and write the request's audit line (ok, error, denied).
 */
import { AuthError } from '../../auth/auth-error.ts'
import { AppError } from '../../errors.ts'
import type { ListQuery } from '../../lib/list-query.ts'
import { isJsonContentType, readJson } from '../read-json.ts'
import { normaliseBody } from './aliases.ts'
import { bodyErrors, bodySchema, routeDefinition } from './catalog.ts'
import { parseListQuery, parseParams } from './list-query.ts'
import { restErrorResponse } from './rest-error.ts'
import type { RouteOperation } from './route-operations.ts'
import type { RestContext, RestDeps, RestRoute } from './types.ts'

const invalidBody = (name: string, errors: Array<{ path: string; message: string }>) =>
  new AppError('BAD_INPUT', `The request body is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, {
    data: { errors, schema: name },
    hint: `Fix each field listed in details.errors (a JSON pointer into the body); the ${name} schema in /api-docs/openapi.json describes every field.`,
  })

export function runRoute(deps: RestDeps, route: RestRoute, rule: RouteOperation, request: Request, rawParams: Record<string, string>): Promise<Response> {
  const what = `${route.method} /api/v1${route.path}`
  const definition = routeDefinition(route.method, route.path)
  return (async () => {
    const started = performance.now()
    const url = new URL(request.url)
    // Elysia has already percent-decoded the path parameters.
    const params = { ...rawParams }
    let principal: RestContext['principal'] | null = null
    let ip: string | null = null
    let authorized = false
    // The outcome of the operation check: null when allowed, else what refused it.
    let authorization: Promise<unknown> | undefined
    let denied: string | null = null
    let tasks: readonly string[] = []
    let executionId: string | undefined = rule.executionParam ? params.id : undefined
    let bodyRead = false
    let response: Response
    let failed: unknown = null
    try {
      const identity = await deps.identify(request)
      principal = identity.principal
      ip = identity.ip
      const state = request.method !== 'GET' && request.method !== 'HEAD'
      const contentType = request.headers.get('content-type')
      if (state && contentType !== null && !isJsonContentType(contentType)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Unsupported Media Type: ${what} takes application/json, got ${JSON.stringify(contentType)}`, { hint: 'Send the body as JSON with Content-Type: application/json (or no body at all where the route takes none).' })
      }
      if (state && definition && definition.body === undefined) {
        const body = await readJson(request, deps.maxBodyBytes, { optional: true })
        const empty = body === undefined || (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0)
        if (!empty) throw new AppError('BAD_INPUT', `${what} takes no request body`, { hint: 'Send no body (or {}).' })
      }
      const who = principal
      const check = async (target: { tasks?: readonly string[]; executionId?: string }): Promise<void> => {
        if (authorized) throw new AppError('INTERNAL', `${what} checked its operation twice`)
        authorized = true
        executionId = target.executionId ?? executionId
        const verdict = await deps.access.checkOperation(who, { operation: rule.operation, what, tasks: target.tasks, executionId, bucket: rule.bucket, executions: rule.executions }, { registry: deps.registry, store: deps.store })
        tasks = verdict.tasks
        if (verdict.ok) return
        denied = verdict.reason
        if (verdict.reason === 'rate_limit') {
          const retryAfter = verdict.retryAfterS ?? 1
          throw new AuthError('RATE_LIMITED', verdict.message, { reason: 'rate_limited', headers: { 'Retry-After': String(retryAfter) }, data: { retry_after_s: retryAfter, operation: rule.operation } })
        }
        throw new AuthError('FORBIDDEN', verdict.message, { reason: verdict.reason, data: { operation: rule.operation } })
      }
      const ctx: RestContext = {
        request,
        url,
        params,
        principal: who,
        ip,
        view: deps.access.scope(who, deps),
        deps,
        authorize(target = {}) {
          const checked = check(target)
          // Checked again once the handler returns, so one that forgot to await cannot answer past a refusal.
          authorization ??= checked.then(() => null, (error: unknown) => error)
          return checked
        },
        async body<T>(name: string): Promise<T> {
          if (bodyRead) throw new AppError('INTERNAL', `${what} read its body twice`)
          bodyRead = true
          const raw = await readJson(request, deps.maxBodyBytes, { optional: definition?.bodyOptional === true })
          const value = normaliseBody(name, bodySchema(name), raw === undefined ? {} : raw)
          const errors = bodyErrors(name, value)
          if (errors.length > 0) throw invalidBody(name, errors)
          return value as T
        },
        list(): { query: ListQuery; params: Record<string, string> } {
          if (!definition?.list) throw new AppError('INTERNAL', `${what} is not a list route in schemas/rest/`)
          return parseListQuery(url, { fields: definition.list.fields, defaultSort: definition.list.defaultSort, params: definition.query.map((q) => q.name) })
        },
        query() {
          const params = parseParams(url, (definition?.query ?? []).map((q) => q.name))
          for (const q of definition?.query ?? []) {
            if (q.required && params[q.name] === undefined) throw new AppError('BAD_INPUT', `Query parameter ${q.name} is required`, { data: { parameter: q.name }, hint: `${q.description}` })
            const value = params[q.name]
            if (value === undefined) continue
            if (q.type === 'boolean' && value !== 'true' && value !== 'false') throw new AppError('BAD_INPUT', `Query parameter ${q.name} must be true or false, got ${JSON.stringify(value)}`, { data: { parameter: q.name }, hint: `Pass ${q.name}=true or ${q.name}=false.` })
            if (q.type === 'integer' && !/^\d+$/.test(value)) throw new AppError('BAD_INPUT', `Query parameter ${q.name} must be a whole number, got ${JSON.stringify(value)}`, { data: { parameter: q.name }, hint: q.description })
            if (q.enum && !q.enum.includes(value)) throw new AppError('BAD_INPUT', `Query parameter ${q.name} must be one of ${q.enum.join(', ')}, got ${JSON.stringify(value)}`, { data: { parameter: q.name, allowed: q.enum }, hint: q.description })
          }
          return params
        },
        note(target) {
          if (target.tasks) tasks = [...new Set([...tasks, ...target.tasks])]
          if (target.executionId) executionId = target.executionId
        },
      }
      response = await route.handle(ctx)
      if (!authorized || authorization === undefined) throw new AppError('INTERNAL', `${what} answered without checking its operation`)
      const refusal = await authorization
      if (refusal) throw refusal
    } catch (error) {
      failed = error
      response = restErrorResponse(error, { logger: deps.logger, request })
    }
    if (principal && deps.access.audit.enabled) {
      const reason = denied ?? (failed instanceof AppError ? failed.code : failed ? 'internal' : null)
      deps.access.audit.record({
        event: 'tool_call',
        principal: principal.name,
        principalKind: principal.kind,
        outcome: denied ? 'denied' : failed ? 'error' : 'ok',
        ip,
        tool: what,
        task: tasks[0] ?? null,
        executionId: executionId ?? null,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        reason,
        detail: { door: 'rest', operation: rule.operation, status: response.status, ...(tasks.length > 1 ? { tasks: [...tasks] } : {}) },
      })
    }
    return response
  })()
}
