import type { Readable, Writable } from 'node:stream'
import { createMcpServer, type CreateMcpServerDeps } from './create-mcp-server.ts'
import { AnsweringStdioServerTransport } from './internal/answering-stdio-transport.ts'
import { BunStdioServerTransport } from './internal/bun-stdio-transport.ts'

export interface ServeStdioOptions {
  /** Node streams instead of the process's own stdin/stdout (tests); the process's are read with Bun's native streams. */
  stdin?: Readable
  stdout?: Writable
  /** Stop on SIGINT and SIGTERM (default true). */
  handleSignals?: boolean
  /** After stdin ends, how long calls already running may take to answer (default 3000 ms). */
  drainMs?: number
}

export type StdioEnd = 'eof' | 'SIGINT' | 'SIGTERM' | 'closed'

/**
 * Serves one MCP session on stdin/stdout: the process's own streams through Bun's native stdin stream
 * and stdout writer (BunStdioServerTransport), or given Node streams through the SDK's transport; both
 * answer lines that are not JSON-RPC with a JSON-RPC error. stdout carries only JSON-RPC: every log
 * line goes to stderr or a file (src/lib/logger.ts), and workers' stdout is not connected. Ends when
 * stdin closes (calls already running get `drainMs` to answer), on SIGINT or SIGTERM (running calls are
 * cancelled), or when the transport closes; resolves with the reason once the session is closed. The
 * caller closes the runtime.
 */
export async function serveStdio(deps: CreateMcpServerDeps, options: ServeStdioOptions = {}): Promise<StdioEnd> {
  const handle = createMcpServer(deps)
  const end = Promise.withResolvers<StdioEnd>()
  const onEof = () => end.resolve('eof')
  const onSigint = () => end.resolve('SIGINT')
  const onSigterm = () => end.resolve('SIGTERM')
  let transport: BunStdioServerTransport | AnsweringStdioServerTransport
  let unwatch: () => void
  if (options.stdin || options.stdout) {
    const stdin = options.stdin ?? process.stdin
    transport = new AnsweringStdioServerTransport(stdin, options.stdout ?? process.stdout)
    stdin.once('end', onEof)
    stdin.once('close', onEof)
    unwatch = () => {
      stdin.off('end', onEof)
      stdin.off('close', onEof)
    }
  } else {
    const native = new BunStdioServerTransport(Bun.stdin.stream(), Bun.stdout.writer())
    void native.ended.then(onEof)
    transport = native
    unwatch = () => {}
  }
  if (options.handleSignals !== false) {
    process.once('SIGINT', onSigint)
    process.once('SIGTERM', onSigterm)
  }
  void handle.closed.then(() => end.resolve('closed'))
  try {
    await handle.server.connect(transport)
    const reason = await end.promise
    if (reason === 'eof') {
      const drainMs = options.drainMs ?? 3000
      // Every request read before EOF gets its answer (within drainMs), not only the calls already running.
      await Promise.all([handle.drain(drainMs), transport instanceof BunStdioServerTransport ? transport.settled(drainMs) : undefined])
    }
    return reason
  } finally {
    unwatch()
    process.off('SIGINT', onSigint)
    process.off('SIGTERM', onSigterm)
    await handle.close()
  }
}
