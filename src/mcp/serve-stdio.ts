import type { Readable, Writable } from 'node:stream'
import { createMcpServer, type CreateMcpServerDeps } from './create-mcp-server.ts'
import { AnsweringStdioServerTransport } from './internal/answering-stdio-transport.ts'

export interface ServeStdioOptions {
  stdin?: Readable
  stdout?: Writable
  /** Stop on SIGINT and SIGTERM (default true). */
  handleSignals?: boolean
  /** After stdin ends, how long calls already running may take to answer (default 3000 ms). */
  drainMs?: number
}

export type StdioEnd = 'eof' | 'SIGINT' | 'SIGTERM' | 'closed'

/**
 * Serves one MCP session on stdin/stdout with the SDK's StdioServerTransport (answering lines that
 * are not JSON-RPC with a JSON-RPC error). stdout carries only
 * JSON-RPC: every log line goes to stderr or a file (src/lib/logger.ts), and workers' stdout is not
 * connected. Ends when stdin closes (calls already running get `drainMs` to answer), on SIGINT or
 * SIGTERM (running calls are cancelled), or when the transport closes; resolves with the reason once
 * the session is closed. The caller closes the runtime.
 */
export async function serveStdio(deps: CreateMcpServerDeps, options: ServeStdioOptions = {}): Promise<StdioEnd> {
  const stdin = options.stdin ?? process.stdin
  const handle = createMcpServer(deps)
  const transport = new AnsweringStdioServerTransport(stdin, options.stdout ?? process.stdout)
  const end = Promise.withResolvers<StdioEnd>()
  const onEof = () => end.resolve('eof')
  const onSigint = () => end.resolve('SIGINT')
  const onSigterm = () => end.resolve('SIGTERM')
  stdin.once('end', onEof)
  stdin.once('close', onEof)
  if (options.handleSignals !== false) {
    process.once('SIGINT', onSigint)
    process.once('SIGTERM', onSigterm)
  }
  void handle.closed.then(() => end.resolve('closed'))
  try {
    await handle.server.connect(transport)
    const reason = await end.promise
    if (reason === 'eof') await handle.drain(options.drainMs ?? 3000)
    return reason
  } finally {
    stdin.off('end', onEof)
    stdin.off('close', onEof)
    process.off('SIGINT', onSigint)
    process.off('SIGTERM', onSigterm)
    await handle.close()
  }
}
