/**
 * Listener settings every HTTP server of Ratchet shares (`ratchet serve`, `ratchet mcp`): the port
 * flag, the request size limit and the refusal to serve unauthenticated on a non-loopback address.
 */
import { securitySection } from '../auth/settings.ts'
import type { Config } from '../config/types.ts'
import { AppError } from '../errors.ts'
import { isLoopbackHost } from './request-guard.ts'

/** The largest request body when security.request_size_limit is not set: 4 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024

export function parsePort(value: string | number, label: string): number {
  const port = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('BAD_INPUT', `${label} must be a port number from 0 to 65535, got "${value}"`)
  return port
}

/** security.security.request_size_limit (or mcp.security.request_size_limit): the largest request body. */
export function requestSizeLimit(config: Config): number {
  const section = securitySection(config).raw as { security?: { request_size_limit?: number } }
  return section.security?.request_size_limit ?? DEFAULT_MAX_BODY_BYTES
}

/**
 * Refuses to listen on a non-loopback address without authentication unless allow_unauthenticated_remote
 * is true (in the security section in force): everyone who can reach the port could run tasks.
 */
export function refuseUnauthenticatedRemote(config: Config, host: string, what: string): void {
  const { raw, section } = securitySection(config)
  const authType = (raw as { auth_type?: string }).auth_type ?? 'none'
  if (authType === 'none' && !isLoopbackHost(host) && (raw as { allow_unauthenticated_remote?: boolean }).allow_unauthenticated_remote !== true) {
    throw new AppError('CONFIG_INVALID', `Refusing to serve ${what} without authentication on the non-loopback host "${host}": ${section}.auth_type is none and ${section}.allow_unauthenticated_remote is not true`, {
      data: { host, authType },
      hint: `Bind to 127.0.0.1 (--host 127.0.0.1), set ${section}.auth_type to api_key, jwt or oauth2, or set ${section}.allow_unauthenticated_remote: true if everyone who can reach this port may run tasks.`,
    })
  }
}

