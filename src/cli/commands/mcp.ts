import { createSecurity } from '../../auth/security.ts'
import { readSecuritySettings } from '../../auth/settings.ts'
import type { Config } from '../../config/types.ts'
import { refuseAddressWithStdio, resolveMcpHttpOptions, resolveMcpTransport } from '../../mcp/http/http-options.ts'
import { loadRuntimeConfig, openRuntime, type GlobalFlags } from '../runtime.ts'
import type { Command } from './index.ts'
import { mcpServeCommand, tasksDirFor } from './mcp-serve.ts'

/**
 * Serves MCP over HTTP until SIGINT/SIGTERM: `sse` (both transports) or `streamable-http`. Shared by
 * `ratchet mcp` and `ratchet mcp-serve --transport sse|streamable-http`. Settings are checked before
 * the runtime opens, so a refused bind fails fast without starting workers.
 */
export async function runMcpHttp(values: Record<string, string | boolean | undefined>, flags: GlobalFlags, loaded?: Config): Promise<number> {
  // The HTTP stack loads only when an HTTP transport is served.
  const { serveMcpHttp, waitForSignal } = await import('../../mcp/http/serve-mcp-http.ts')
  const until = waitForSignal()
  const config = loaded ?? (await loadRuntimeConfig(flags))
  const options = resolveMcpHttpOptions(config, { transport: values.transport as string | undefined, host: values.host as string | undefined, port: values.port as string | undefined })
  const tasksDir = tasksDirFor(config.baseDir)
  const runtime = await openRuntime(config, { tasksDir })
  runtime.logger.info('MCP HTTP server starting', { transport: options.transport, tasks: runtime.registry.list().length, tasksDir, config: config.file ?? '(defaults)' })
  // One security for the process: every session shares its access control, rate limiter and audit log.
  const securityServices = createSecurity(options.security ?? readSecuritySettings(config), { store: runtime.store, logger: runtime.logger })
  return serveMcpHttp(runtime, { ...options, tasksDir, until, securityServices })
}

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'Serve MCP to network clients: Streamable HTTP at /mcp and legacy SSE at /sse',
  usage: '[--transport sse|streamable-http|stdio] [--host 127.0.0.1] [--port 8090] [--config FILE]',
  help: [
    '--transport T    sse, the default whatever mcp.transport says (Streamable HTTP at /mcp and the legacy',
    '                 /sse + /messages endpoints), streamable-http (only /mcp), or stdio (exactly',
    '                 ratchet mcp-serve; refused together with --host or --port). mcp.transport only sets',
    '                 ratchet mcp-serve\'s default',
    '--host HOST      address to listen on; default mcp.host, else 127.0.0.1. With mcp.auth_type none a',
    '                 non-loopback address needs mcp.allow_unauthenticated_remote: true',
    '--port PORT      default mcp.port, else 8090; 0 picks a free port',
    '',
    'mcp.auth_type api_key, jwt or oauth2 makes every request carry a credential in Authorization: Bearer',
    '(API keys also as X-API-Key), never in the query string; without a valid one the answer is 401 with',
    'WWW-Authenticate. Permissions, task patterns and rate limits apply per key; see README "Security".',
    '',
    'Prints the bound URL on stderr. GET /health reports tasks, workers, the queue and sessions.',
    'Requests must name this server in Host (DNS-rebinding protection) and come from an allowed Origin',
    '(mcp.cors.allowed_origins, the same origin, or a localhost page when bound to loopback), else 403.',
    'SIGINT/SIGTERM let running calls finish briefly, close every session, then stop.',
  ],
  options: { transport: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' } },
  async run(values, flags) {
    const transport = resolveMcpTransport(values.transport as string | undefined)
    if (transport === 'stdio') {
      refuseAddressWithStdio(transport, { host: values.host as string | undefined, port: values.port as string | undefined }, '--transport stdio')
      return mcpServeCommand.run({ ...values, transport: 'stdio' }, flags)
    }
    return runMcpHttp({ ...values, transport }, flags)
  },
}
