import { tasksDirFor } from './tasks-dir.ts'
import { createSecurity } from '../../auth/security.ts'
import { readSecuritySettings } from '../../auth/settings.ts'
import { refuseAddressWithStdio, resolveMcpServeTransport } from '../../mcp/http/http-options.ts'
import { checkToolRateLimits } from '../../mcp/tool-operations.ts'
import { serveStdio } from '../../mcp/serve-stdio.ts'
import { loadRuntimeConfig, openRuntime } from '../runtime.ts'
import type { Command } from './index.ts'

export { tasksDirFor } from './tasks-dir.ts'

export const mcpServeCommand: Command = {
  name: 'mcp-serve',
  summary: 'Serve MCP on stdin/stdout for Claude Desktop, Claude Code and other local clients',
  usage: '[--config FILE] [--transport stdio|sse|streamable-http]',
  help: [
    '--transport T        default mcp.transport, else stdio: stdout carries JSON-RPC only, logs go to',
    '                     stderr or the configured log files. sse or streamable-http serve over HTTP',
    '                     exactly like ratchet mcp',
    '--host, --port       the HTTP transports\' address (see ratchet mcp --help); refused with stdio',
    '',
    'The local client is trusted with every permission unless mcp.stdio_permissions narrows them.',
    'Loads registry.sources plus the writable ./tasks folder next to the config file (created when',
    'missing and watched, so tasks created over MCP load at once). Stops cleanly, exit code 0, when the',
    'client closes stdin or on SIGINT/SIGTERM. `ratchet generate mcpservers-json` prints the client config.',
  ],
  options: { transport: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' } },
  async run(values, flags) {
    const config = await loadRuntimeConfig(flags)
    const transport = resolveMcpServeTransport(config, values.transport as string | undefined)
    // The HTTP transports are `ratchet mcp`'s; loaded on demand so stdio starts without the HTTP stack.
    if (transport !== 'stdio') return (await import('./mcp.ts')).runMcpHttp({ ...values, transport }, flags, config)
    refuseAddressWithStdio(transport, { host: values.host as string | undefined, port: values.port as string | undefined }, values.transport !== undefined ? '--transport stdio' : (config.raw.mcp as { transport?: string } | undefined)?.transport === 'stdio' ? 'mcp.transport: stdio' : "mcp-serve's default")
    // stdio takes no credentials (the launching process is trusted), but mcp.stdio_permissions,
    // the rate limits and the audit log apply.
    const settings = readSecuritySettings(config, { credentials: false })
    checkToolRateLimits(settings)
    const tasksDir = tasksDirFor(config.baseDir)
    const runtime = await openRuntime(config, { tasksDir })
    const security = createSecurity(settings, { store: runtime.store, logger: runtime.logger })
    try {
      runtime.logger.info('MCP server ready on stdio', { tasks: runtime.registry.list().length, tasksDir, config: config.file ?? '(defaults)', permissions: settings.stdioPermissions ? 'mcp.stdio_permissions' : 'all' })
      const reason = await serveStdio({ runtime, tasksDir, principal: security.stdioPrincipal, access: security.access })
      runtime.logger.info('MCP server stopping', { reason })
    } finally {
      await security.close()
      await runtime.close()
    }
    return 0
  },
}
