import { existsSync } from 'node:fs'
import { securitySection } from '../../auth/settings.ts'
import type { Config } from '../../config/types.ts'
import { AppError } from '../../errors.ts'
import { openStoreFromUrl } from '../../store/open-store-from-url.ts'
import type { AuditRecord } from '../../store/types.ts'
import { loadRuntimeConfig } from '../runtime.ts'
import type { Command } from './index.ts'

const EVENTS: readonly AuditRecord['event'][] = ['auth', 'tool_call', 'task_change', 'resource_read']

/** One entry as a line: time, event, outcome, who, then what (tool, task, execution, duration, reason). */
export function formatAuditRecord(entry: AuditRecord): string {
  const who = entry.principal === null ? '(unknown)' : entry.principalKind ? `${entry.principal} (${entry.principalKind})` : entry.principal
  const parts = [entry.ts, entry.event.padEnd(13), entry.outcome.padEnd(7), who]
  if (entry.tool) parts.push(`tool=${entry.tool}`)
  if (entry.task) parts.push(`task=${entry.task}`)
  if (entry.executionId) parts.push(`execution=${entry.executionId}`)
  if (entry.durationMs !== undefined && entry.durationMs !== null) parts.push(`${entry.durationMs} ms`)
  if (entry.ip) parts.push(`ip=${entry.ip}`)
  if (entry.detail) parts.push(JSON.stringify(entry.detail))
  if (entry.reason) parts.push(`— ${entry.reason}`)
  return parts.join('  ')
}

function wholeNumber(value: string | boolean | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new AppError('BAD_INPUT', `${flag} must be a whole number, got "${String(value)}"`)
  return Number(value)
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Print recent audit log entries: authentication results, tool calls and task changes',
  usage: '[--config FILE] [--limit N] [--principal NAME] [--event auth|tool_call|task_change|resource_read] [--json]',
  help: [
    '--limit N          how many entries, newest first (default 50)',
    '--principal NAME   only entries of this key name, token subject, anonymous or stdio',
    '--event E          only auth, tool_call, task_change or resource_read entries',
    '--json             one JSON object per line instead of text',
    '',
    'Reads the audit_log table of the configured database (mcp.security.audit_log_enabled or',
    'mcp.audit_log_file turn auditing on). Entries never hold secrets or input values.',
  ],
  options: { limit: { type: 'string' }, principal: { type: 'string' }, event: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, flags) {
    const limit = wholeNumber(values.limit, '--limit', 50)
    const event = values.event as string | undefined
    if (event !== undefined && !EVENTS.includes(event as AuditRecord['event'])) throw new AppError('BAD_INPUT', `--event must be one of ${EVENTS.join(', ')}, got "${event}"`)
    const config = await loadRuntimeConfig(flags)
    if (config.database.path === ':memory:') {
      throw new AppError('BAD_INPUT', `The configured database (${config.database.url}) is in memory, so there is no audit log to read`, { hint: 'Point database.url at a file (sqlite:ratchet.db) for the server and this command.' })
    }
    const out = (line: string) => process.stdout.write(line + '\n')
    // Reading must not create a database as a side effect.
    if (!existsSync(config.database.path)) {
      out(`No audit entries: the database ${config.database.path} does not exist yet.`)
      return 0
    }
    const store = openStoreFromUrl(config.database.url, config.baseDir)
    try {
      const entries = await store.listAudit({ limit, ...(values.principal !== undefined ? { principal: String(values.principal) } : {}), ...(event ? { event: event as AuditRecord['event'] } : {}) })
      if (values.json) for (const entry of entries) out(JSON.stringify(entry))
      else if (entries.length === 0) out(auditEnabledNote(config))
      else for (const entry of entries) out(formatAuditRecord(entry))
    } finally {
      await store.close()
    }
    return 0
  },
}

function auditEnabledNote(config: Config): string {
  const { raw, section } = securitySection(config)
  const keys = raw as { audit_log_file?: string; security?: { audit_log_enabled?: boolean } }
  const on = keys.security?.audit_log_enabled ?? keys.audit_log_file !== undefined
  return on ? 'No audit entries match.' : `No audit entries: auditing is off (set ${section}.security.audit_log_enabled: true or ${section}.audit_log_file).`
}
