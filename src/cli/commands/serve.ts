import type { Command } from './index.ts'

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the web API: REST under /api/v1, live events, metrics, docs, and MCP at /mcp on one port',
  usage: '[--host 127.0.0.1] [--port 8080] [--config FILE]',
  help: [
    '--host HOST      address to listen on; default server.host, else 127.0.0.1. With auth_type none a',
    '                 non-loopback address needs allow_unauthenticated_remote: true',
    '--port PORT      default server.port, else 8080; 0 picks a free port',
    '',
    'Routes: /api/v1/{tasks,executions,jobs,schedules,results,events}, /health, /ready, /live, /metrics,',
    '/api-docs/openapi.json, /docs, and the MCP endpoints /mcp (Streamable HTTP), /sse + /messages.',
    'Jobs queued in the database run on this server and cron schedules fire here (jobs.enabled).',
    'Security (API keys, JWT, OAuth2, permissions, rate limits, audit) comes from the security: section,',
    'or the mcp.* keys of the guide when it is absent; see README "Security".',
    'Prints the bound URL on stderr. SIGINT/SIGTERM let running work finish briefly, then stop.',
  ],
  options: { host: { type: 'string' }, port: { type: 'string' } },
  async run(values, flags) {
    // The HTTP stack (Elysia, REST, OpenAPI, events, metrics) loads only for this command, so other
    // commands (mcp-serve above all) start without it.
    const [{ waitForSignal }, { loadRuntimeConfig, openRuntime }, { resolveServeOptions }, { serveHttp }, { tasksDirFor }] = await Promise.all([
      import('../../mcp/http/serve-mcp-http.ts'),
      import('../runtime.ts'),
      import('../serve-options.ts'),
      import('../server.ts'),
      import('./tasks-dir.ts'),
    ])
    const until = waitForSignal()
    const config = await loadRuntimeConfig(flags)
    const options = resolveServeOptions(config, { host: values.host as string | undefined, port: values.port as string | undefined })
    const tasksDir = tasksDirFor(config.baseDir)
    // The runtime builds the process's security, so queued jobs and schedule slots are checked against their owners.
    const runtime = await openRuntime(config, { tasksDir, security: options.security })
    runtime.logger.info('HTTP server starting', { tasks: runtime.registry.list().length, tasksDir, config: config.file ?? '(defaults)' })
    return serveHttp(runtime, { ...options, tasksDir }, until)
  },
}
