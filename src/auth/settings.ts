/**
 * The security part of the `mcp` section (config.raw.mcp, already schema-checked), turned into typed,
 * checked settings: the auth type and its credentials, stdio permissions, rate limits and the audit
 * log. Problems the schema cannot see (a key shorter than 16 characters, two keys with the same
 * secret, an unparsable `expires_at` or `allowed_ips` entry, a JWT secret too short for HMAC, an
 * OAuth2 section without issuer, jwks_uri or audience) are CONFIG_INVALID before anything starts.
 */
import { resolve } from 'node:path'
import type { Config } from '../config/types.ts'
import { AppError } from '../errors.ts'
import type { ApiKeyConfig } from './api-keys.ts'
import { parseIpRange, type IpRange } from './ip-match.ts'
import type { JwtSettings } from './jwt.ts'
import type { OAuth2Settings } from './oauth2.ts'
import { permissionsFromConfig, type RawPermissions } from './permissions.ts'
import type { Permissions } from './types.ts'

export type AuthType = 'none' | 'api_key' | 'jwt' | 'oauth2'

export interface RateLimitSettings {
  /** mcp.security.rate_limiting.global_per_minute: HTTP requests of all clients together. */
  globalPerMinute?: number
  /** mcp.rate_limit_per_minute: HTTP requests of one client (key, subject, or address when anonymous). */
  perClientPerMinute?: number
  /** mcp.security.rate_limiting.<op>_per_minute: tool calls (execute_task, batch_execute, logs, traces, any tool) per key. */
  perOperation: Readonly<Record<string, number>>
}

export interface SecuritySettings {
  authType: AuthType
  apiKeys: readonly ApiKeyConfig[]
  jwt: JwtSettings | null
  oauth2: OAuth2Settings | null
  /** mcp.stdio_permissions; null trusts the local client with everything. */
  stdioPermissions: Permissions | null
  rateLimits: RateLimitSettings
  audit: { enabled: boolean; file: string | null }
  /** Which section the settings came from: the top-level `security:` (every door) or `mcp.*`. */
  section?: 'security' | 'mcp'
  /** mcp.* security keys that were ignored because `security:` is set (warned about at start). */
  ignoredKeys?: readonly string[]
}

/** The mcp.* keys a top-level `security:` section replaces. */
export const SECURITY_KEYS = ['auth_type', 'api_keys', 'jwt', 'oauth2', 'rate_limit_per_minute', 'security', 'audit_log_file', 'allow_unauthenticated_remote', 'stdio_permissions'] as const

/**
 * The security keys in force: the top-level `security:` section when it is set (it applies to every
 * door and wins), else the guide's `mcp.*` keys. Also names the mcp.* keys that `security:` overrides.
 */
export function securitySection(config: Config): { raw: Record<string, unknown>; section: 'security' | 'mcp'; ignoredKeys: string[] } {
  const object = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, unknown>) : null)
  const mcp = object(config.raw.mcp) ?? {}
  const security = object(config.raw.security)
  if (!security) return { raw: mcp, section: 'mcp', ignoredKeys: [] }
  return { raw: security, section: 'security', ignoredKeys: SECURITY_KEYS.filter((key) => mcp[key] !== undefined).map((key) => `mcp.${key}`) }
}

interface RawApiKey {
  key: string
  name: string
  permissions?: RawPermissions
  active?: boolean
  expires_at?: string
  allowed_ips?: string[]
}

interface RawMcpSecurity {
  auth_type?: AuthType
  api_keys?: RawApiKey[]
  jwt?: { secret?: string; issuer?: string; audience?: string; expiry?: number; permissions?: RawPermissions }
  oauth2?: { issuer?: string; jwks_uri?: string; audience?: string; required_scopes?: string[]; permissions?: RawPermissions; jwks_cache_seconds?: number }
  stdio_permissions?: RawPermissions
  rate_limit_per_minute?: number
  audit_log_file?: string
  security?: { audit_log_enabled?: boolean; rate_limiting?: Record<string, number> }
}

const MIN_KEY_LENGTH = 16
const MIN_JWT_SECRET_BYTES = 32

function invalid(key: string, message: string, hint: string): AppError {
  return new AppError('CONFIG_INVALID', `${key}: ${message}`, { data: { key }, hint })
}

function readApiKeys(raw: RawApiKey[] | undefined): ApiKeyConfig[] {
  if (!raw || raw.length === 0) {
    throw invalid('mcp.api_keys', 'mcp.auth_type is api_key but no key is configured', 'Add keys: api_keys: [{ key: "${MCP_API_KEY}", name: "claude-desktop", permissions: {...} }].')
  }
  const names = new Set<string>()
  const secrets = new Set<string>()
  return raw.map((entry, index) => {
    const at = `mcp.api_keys[${index}]`
    if (entry.key.length < MIN_KEY_LENGTH) {
      throw invalid(`${at}.key`, `the key of "${entry.name}" is shorter than ${MIN_KEY_LENGTH} characters`, 'Use a long random key, e.g. `openssl rand -hex 32`, kept in an environment variable: key: "${MCP_API_KEY}".')
    }
    if (names.has(entry.name)) throw invalid(`${at}.name`, `two keys are named "${entry.name}"`, 'Give every key its own name: it identifies the client in audit lines and denials.')
    if (secrets.has(entry.key)) throw invalid(`${at}.key`, `"${entry.name}" has the same secret as another key`, 'Give every client its own key.')
    names.add(entry.name)
    secrets.add(entry.key)
    let expiresAt: number | null = null
    if (entry.expires_at !== undefined) {
      expiresAt = Date.parse(entry.expires_at)
      if (Number.isNaN(expiresAt)) throw invalid(`${at}.expires_at`, `"${entry.expires_at}" is not a date`, 'Write an ISO-8601 timestamp such as 2026-01-31T00:00:00Z.')
    }
    const allowedIps: IpRange[] = (entry.allowed_ips ?? []).map((text, i) => {
      const range = parseIpRange(text)
      if (!range) throw invalid(`${at}.allowed_ips[${i}]`, `"${text}" is not an IP address or CIDR range`, 'Write addresses such as 10.0.0.7, 10.0.0.0/8, ::1 or fd00::/8.')
      return range
    })
    return { name: entry.name, secret: entry.key, permissions: permissionsFromConfig(entry.permissions), active: entry.active !== false, expiresAt, allowedIps }
  })
}

function readJwt(raw: RawMcpSecurity['jwt']): JwtSettings {
  const secret = raw?.secret
  if (!secret) throw invalid('mcp.jwt.secret', 'mcp.auth_type is jwt but no secret is configured', 'Set jwt.secret: "${JWT_SECRET}" (at least 32 random bytes).')
  if (Buffer.byteLength(secret) < MIN_JWT_SECRET_BYTES) {
    throw invalid('mcp.jwt.secret', `the HMAC secret is shorter than ${MIN_JWT_SECRET_BYTES} bytes, which makes tokens guessable`, 'Use at least 32 random bytes, e.g. `openssl rand -base64 48`.')
  }
  return {
    secret,
    ...(raw.issuer !== undefined ? { issuer: raw.issuer } : {}),
    ...(raw.audience !== undefined ? { audience: raw.audience } : {}),
    ...(raw.expiry !== undefined ? { expirySeconds: raw.expiry } : {}),
    ...(raw.permissions !== undefined ? { permissions: raw.permissions } : {}),
  }
}

function readOAuth2(raw: RawMcpSecurity['oauth2']): OAuth2Settings {
  for (const key of ['issuer', 'jwks_uri', 'audience'] as const) {
    if (!raw?.[key]) throw invalid(`mcp.oauth2.${key}`, `mcp.auth_type is oauth2 but oauth2.${key} is not set`, 'oauth2 needs issuer (the authorization server), jwks_uri (its signing keys) and audience (this server\'s URL, e.g. https://mcp.example.com/mcp).')
  }
  let jwks: URL
  try {
    jwks = new URL(raw!.jwks_uri!)
  } catch {
    throw invalid('mcp.oauth2.jwks_uri', `"${raw!.jwks_uri}" is not a URL`, 'Use the jwks_uri from the issuer\'s /.well-known/openid-configuration.')
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(jwks.hostname)
  if (jwks.protocol !== 'https:' && !(jwks.protocol === 'http:' && loopback)) {
    throw invalid('mcp.oauth2.jwks_uri', 'signing keys must be fetched over https (http only from localhost)', 'Use the https jwks_uri of the authorization server.')
  }
  return {
    issuer: raw!.issuer!,
    jwksUri: jwks.href,
    audience: raw!.audience!,
    requiredScopes: [...(raw!.required_scopes ?? [])],
    ...(raw!.permissions !== undefined ? { permissions: raw!.permissions } : {}),
    ...(raw!.jwks_cache_seconds !== undefined ? { jwksCacheSeconds: raw!.jwks_cache_seconds } : {}),
  }
}

/**
 * Reads and checks mcp.auth_type and everything it needs; throws CONFIG_INVALID naming the key. With
 * `credentials: false` (stdio, which takes no credentials) the keys, JWT and OAuth2 sections are not
 * read at all.
 */
export function readSecuritySettings(config: Config, options: { credentials?: boolean } = {}): SecuritySettings {
  const { raw, section, ignoredKeys } = securitySection(config)
  try {
    return Object.freeze({ ...readSection(config, raw as RawMcpSecurity, options), section, ignoredKeys: Object.freeze(ignoredKeys) })
  } catch (error) {
    // Messages name mcp.* keys; under a top-level security: section the same keys live there.
    if (section === 'security' && error instanceof AppError && error.code === 'CONFIG_INVALID') {
      const rename = (text: string) => text.replaceAll('mcp.', 'security.')
      throw new AppError('CONFIG_INVALID', rename(error.message), { data: { key: rename(String(error.data?.key ?? '')) }, hint: error.hint })
    }
    throw error
  }
}

function readSection(config: Config, raw: RawMcpSecurity, options: { credentials?: boolean }): SecuritySettings {
  const credentials = options.credentials !== false
  const authType = raw.auth_type ?? 'none'
  const limits = { ...(raw.security?.rate_limiting ?? {}) }
  const globalPerMinute = limits.global_per_minute
  delete limits.global_per_minute
  const perOperation = Object.fromEntries(Object.entries(limits).map(([key, value]) => [key.replace(/_per_minute$/, ''), value]))
  const auditFile = raw.audit_log_file === undefined ? null : resolve(config.baseDir, raw.audit_log_file)
  return Object.freeze({
    authType,
    apiKeys: credentials && authType === 'api_key' ? readApiKeys(raw.api_keys) : [],
    jwt: credentials && authType === 'jwt' ? readJwt(raw.jwt) : null,
    oauth2: credentials && authType === 'oauth2' ? readOAuth2(raw.oauth2) : null,
    stdioPermissions: raw.stdio_permissions === undefined ? null : permissionsFromConfig(raw.stdio_permissions),
    rateLimits: Object.freeze({
      ...(globalPerMinute !== undefined ? { globalPerMinute } : {}),
      ...(raw.rate_limit_per_minute !== undefined ? { perClientPerMinute: raw.rate_limit_per_minute } : {}),
      perOperation: Object.freeze(perOperation),
    }),
    // An audit file given without audit_log_enabled turns auditing on; audit_log_enabled: false wins.
    audit: Object.freeze({ enabled: raw.security?.audit_log_enabled ?? auditFile !== null, file: auditFile }),
  })
}

/**
 * Refuses `<name>_per_minute` limits that would never apply: `known` are the rate-limit buckets the
 * doors spend (every MCP tool's name, which REST routes share, plus logs and traces). The door that
 * owns the names calls it (src/mcp/tool-operations.ts checkToolRateLimits) before serving.
 */
export function checkRateLimitBuckets(settings: SecuritySettings, known: Iterable<string>): void {
  const names = new Set(known)
  const section = settings.section ?? 'mcp'
  for (const bucket of Object.keys(settings.rateLimits.perOperation)) {
    if (!names.has(bucket)) {
      throw new AppError('CONFIG_INVALID', `${section}.security.rate_limiting.${bucket}_per_minute: "${bucket}" is neither a tool nor logs or traces, so this limit would never apply`, {
        data: { key: `${section}.security.rate_limiting.${bucket}_per_minute` },
        hint: 'Use <tool>_per_minute with a tool name (execute_task_per_minute, get_execution_trace_per_minute, ...), logs_per_minute, traces_per_minute or global_per_minute.',
      })
    }
  }
}
