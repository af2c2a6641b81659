/**
 * The security services of one MCP server process, built from its settings: the audit log (file and
 * store), the access control shared by every session, and the principal of the local stdio client.
 * The owner closes it (flushing the audit log) before it closes the store.
 */
import type { Logger } from '../lib/logger.ts'
import type { ExecutionWriter } from '../store/types.ts'
import { createAccessControl, type AccessControl } from './access-control.ts'
import { createAuditLog, type AuditLog } from './audit-log.ts'
import { trustedPrincipal } from './permissions.ts'
import type { SecuritySettings } from './settings.ts'
import type { Principal } from './types.ts'

export interface Security {
  settings: SecuritySettings
  audit: AuditLog
  access: AccessControl
  /** The stdio client: every permission, or exactly mcp.stdio_permissions when set. */
  stdioPrincipal: Principal
  close(): Promise<void>
}

/** Startup warnings for settings that work but are weaker than they look; behaviour is unchanged. */
export function warnAboutWeakSettings(settings: SecuritySettings, logger: Logger): void {
  if (settings.ignoredKeys && settings.ignoredKeys.length > 0) {
    logger.warn(`the top-level security: section is set, so these mcp keys are ignored: ${settings.ignoredKeys.join(', ')}. Move them into security: (same names) or delete them.`, { ignored: [...settings.ignoredKeys] })
  }
  if (settings.authType === 'jwt' && settings.jwt && settings.jwt.audience === undefined) {
    logger.warn('mcp.jwt.audience is not set: any token signed with jwt.secret is accepted, including tokens issued for other services that share the secret. Set jwt.audience to the value your issuer puts in `aud` for this server.', { key: 'mcp.jwt.audience' })
  }
}

export function createSecurity(settings: SecuritySettings, deps: { store: Pick<ExecutionWriter, 'appendAudit'>; logger: Logger }): Security {
  warnAboutWeakSettings(settings, deps.logger)
  const audit = createAuditLog({ ...settings.audit, store: deps.store, logger: deps.logger })
  return {
    settings,
    audit,
    access: createAccessControl({ rateLimits: settings.rateLimits, audit }),
    stdioPrincipal: settings.stdioPermissions ? Object.freeze({ name: 'stdio', kind: 'stdio' as const, permissions: settings.stdioPermissions }) : trustedPrincipal('stdio', 'stdio'),
    close: () => audit.close(),
  }
}
