/**
 * Puts an HTTP host on a socket with Bun.serve. A port in use is an error (no SO_REUSEPORT sharing);
 * the host's bound port is updated to the one actually bound (for `--port 0` and the Host guard).
 */
import { AppError } from '../errors.ts'
import type { HttpHost } from './host.ts'
import { formatHostPort, isWildcardHost } from './request-guard.ts'

/** Bun's per-connection idle timeout (s). Open streams stay alive through their keep-alives. */
const IDLE_TIMEOUT_S = 30

export interface Listener {
  /** Base URL, e.g. http://127.0.0.1:8080 (a loopback address when bound to every interface). */
  url: string
  port: number
  /** Stops accepting and closes open connections. */
  stop(): Promise<void>
}

export function listen(host: HttpHost, options: { host: string; port: number }): Listener {
  let server: ReturnType<typeof Bun.serve>
  try {
    server = Bun.serve({
      hostname: options.host.replace(/^\[|\]$/g, ''),
      port: options.port,
      idleTimeout: IDLE_TIMEOUT_S,
      reusePort: false,
      development: false,
      fetch: (request, bunServer) => host.fetch(request, bunServer),
    })
  } catch (error) {
    throw new AppError('BAD_INPUT', `Cannot listen on ${formatHostPort(options.host, options.port)}: ${(error as Error)?.message ?? String(error)}`, {
      data: { host: options.host, port: options.port },
      hint: 'Is another server using that port? Pick another with --port (0 picks a free one), or stop the other server.',
      cause: error,
    })
  }
  const port = server.port ?? options.port
  host.bound.port = port
  const urlHost = isWildcardHost(options.host) ? '127.0.0.1' : options.host
  return {
    url: `http://${formatHostPort(urlHost, port)}`,
    port,
    stop: () => server.stop(true),
  }
}
