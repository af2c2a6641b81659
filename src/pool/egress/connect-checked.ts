/**
 * The two steps every egress from the server shares (task `fetch` through the egress proxy, webhook
 * deliveries of jobs): resolve a name once to every address, and connect to an address that was
 * checked, never resolving again (so a second DNS answer cannot rebind the request), keeping the
 * URL's Host header and TLS server name.
 */
import { lookup as dnsLookup } from 'node:dns/promises'

/** Name resolution: every address, IPv4 first; replaceable in tests. */
export type Lookup = (host: string) => Promise<string[]>

export const osLookup: Lookup = async (host) => {
  const found = await dnsLookup(host, { all: true, verbatim: true })
  return found.sort((a, b) => a.family - b.family).map((entry) => entry.address)
}

/** Connects to each checked address in turn; throws the last connection error (or the abort reason). */
export async function connectChecked(url: URL, addresses: readonly string[], init: { method: string; headers: Headers; body: string | null; signal: AbortSignal }): Promise<Response> {
  let lastError: unknown
  for (const address of addresses) {
    const target = new URL(url.href)
    target.hostname = address.includes(':') ? `[${address}]` : address
    const headers = new Headers(init.headers)
    headers.set('host', url.host)
    try {
      return await fetch(target, {
        method: init.method,
        headers,
        body: init.body ?? undefined,
        redirect: 'manual',
        signal: init.signal,
        tls: url.protocol === 'https:' ? { serverName: url.hostname } : undefined,
      })
    } catch (error) {
      if (init.signal.aborted) throw init.signal.reason ?? error
      lastError = error
    }
  }
  throw lastError
}
