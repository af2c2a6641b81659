/**
 * The one request shape between a worker and the server's egress proxy (over its Unix socket): the
 * worker POSTs an EgressRequest as JSON, the proxy answers with an EgressReply as JSON. Wrapping the
 * task's request in a body (instead of relaying it as-is) keeps the task's headers from ever being read
 * as proxy instructions, and gives back exactly the reply the host bridge hands to the prelude.
 */
export interface EgressRequest {
  /** For the proxy's log lines only. */
  executionId: string
  url: string
  method: string
  headers: [string, string][]
  body: string | null
}

export type EgressReply =
  | {
      status: number
      statusText: string
      headers: [string, string][]
      /** Base64 of the response body. */
      body: string
      /** The final URL after redirects (host name kept, never the resolved IP). */
      url: string
      redirected: boolean
      bytes: number
    }
  | { error: { name: 'NetworkError' | 'TimeoutError'; message: string } }

/** The URL the worker fetches over the socket; the host part is never resolved. */
export const EGRESS_URL = 'http://egress.local/fetch'

/** The worker finds the socket here (set by the pool; absent only for pools built without a sandbox). */
export const EGRESS_SOCKET_ENV = 'RATCHET_EGRESS_SOCKET'
