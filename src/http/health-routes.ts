/**
 * Health and discovery routes every server has: `/health` (up or not for anyone; the details —
 * tasks, workers, queue, sessions — need can_access_system_info unless auth_type is none), `/live`
 * (the process answers), `/ready` (503 until the store takes writes and the pool has a ready worker),
 * and the OAuth Protected Resource Metadata under `/.well-known/oauth-protected-resource` (and its
 * `/mcp` form) when auth_type is oauth2.
 */
import { Elysia } from 'elysia'
import { PRM_PATH } from '../auth/protected-resource.ts'
import { errorResponse, hostErrorResponse } from './error-response.ts'
import type { HttpAuth } from './http-auth.ts'
import type { DoorServices } from './types.ts'

export const HEALTH_PATH = '/health'
export const LIVE_PATH = '/live'
export const READY_PATH = '/ready'

export interface ReadyCheck {
  ok: boolean
  detail?: string
}

export interface HealthRoutesDeps {
  services: DoorServices
  auth: HttpAuth
  /** The body of GET /health; `status` is shown to everyone, the rest only with system access. */
  health: () => Record<string, unknown>
  /** Named readiness checks (store, pool); absent: ready whenever live. */
  ready?: () => Promise<Record<string, ReadyCheck>> | Record<string, ReadyCheck>
}

const NO_STORE = { 'Cache-Control': 'no-store' }

export function createHealthRoutes(deps: HealthRoutesDeps) {
  const { services, auth } = deps
  const started = Date.now()

  const health = async ({ request }: { request: Request }) => {
    try {
      let detailed = auth.authType === 'none'
      if (!detailed && auth.presentsCredential(request)) detailed = (await services.identify(request)).principal.permissions.canAccessSystemInfo
      const body = deps.health()
      return Response.json(detailed ? body : { status: body.status }, { headers: NO_STORE })
    } catch (error) {
      return errorResponse('rest', error, { logger: services.logger, request })
    }
  }

  const ready = async () => {
    const checks = (await deps.ready?.()) ?? {}
    const ok = Object.values(checks).every((check) => check.ok)
    return Response.json({ status: ok ? 'ready' : 'not_ready', checks }, { status: ok ? 200 : 503, headers: NO_STORE })
  }

  const protectedResource = () => {
    const metadata = auth.protectedResource()
    if (!metadata) return hostErrorResponse('rest', 'NOT_FOUND', `Not found: this server does not use OAuth (auth_type is ${auth.authType})`)
    return Response.json(metadata, { headers: { 'Cache-Control': 'max-age=300' } })
  }

  return new Elysia({ name: 'ratchet-health' })
    .get(HEALTH_PATH, health)
    .get(LIVE_PATH, () => Response.json({ status: 'alive', uptime_s: Math.round((Date.now() - started) / 1000) }, { headers: NO_STORE }))
    .get(READY_PATH, ready)
    .get(PRM_PATH, protectedResource)
    .get(`${PRM_PATH}/mcp`, protectedResource)
}
