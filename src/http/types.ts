/**
 * The contract between the shared HTTP host (src/http/host.ts) and the doors mounted on it (REST,
 * MCP, events, metrics, later GraphQL and the console). The host has already applied the Host/Origin
 * guard and CORS before a door sees a request; a door calls `identify` for the principal (which also
 * applies the HTTP rate limits) and `access.checkOperation` for each operation, and maps errors to its
 * own body format in its own onError.
 */
import type { AccessControl } from '../auth/access-control.ts'
import type { Principal } from '../auth/types.ts'
import type { Logger } from '../lib/logger.ts'

export interface RequestIdentity {
  principal: Principal
  /** The client address: the socket's, or X-Forwarded-For's when the socket is a trusted proxy. */
  ip: string | null
}

export interface DoorServices {
  /**
   * Authenticates the request and applies the HTTP rate limits. Throws an AuthError (an AppError with
   * status 401, 403, 429 or 503, `headers` for WWW-Authenticate / Retry-After, and `data.reason`).
   */
  identify(request: Request): Promise<RequestIdentity>
  /** Permissions, task patterns, execution ownership and per-operation rate limits; shared by every door. */
  access: AccessControl
  logger: Logger
  /** Largest request body in bytes; larger ones are 413 before they are read whole. */
  maxBodyBytes: number
}
