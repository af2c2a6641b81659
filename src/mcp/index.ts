/** The MCP front door: one server per client session over the shared runtime. */
export { createMcpServer, type CreateMcpServerDeps, type McpRuntime, type McpServerHandle } from './create-mcp-server.ts'
export { serveStdio, type ServeStdioOptions } from './serve-stdio.ts'
export { readMcpSettings, type McpSettings } from './settings.ts'
