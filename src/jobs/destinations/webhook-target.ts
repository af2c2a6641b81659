/**
 * Where a webhook may go: the egress policy of task `fetch` (execution.fetch allowed/denied hosts),
 * decided by the proxy's own functions (createHostPolicy, classifyAddress). The name is resolved once,
 * every address must pass (private, loopback, link-local and metadata addresses only for a host listed
 * exactly in allowed_hosts), and the request then goes to a checked address, never resolving again.
 */
import { lookup as dnsLookup } from 'node:dns/promises'
import { classifyAddress } from '../../pool/egress/classify-address.ts'
import { normalizeHost, type HostPolicy } from '../../pool/egress/host-policy.ts'
import { DeliveryRefused } from './delivery-refused.ts'

/** Name resolution: every address, IPv4 first (the egress proxy's default; replaceable in tests). */
export type Lookup = (host: string) => Promise<string[]>

export const osLookup: Lookup = async (host) => {
  const found = await dnsLookup(host, { all: true, verbatim: true })
  return found.sort((a, b) => a.family - b.family).map((entry) => entry.address)
}

/** Why the URL is refused before any lookup (scheme, denied or unlisted host, internal IP literal), or null. */
export function refuseUrl(url: URL, policy: HostPolicy): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https URLs are allowed, not ${url.protocol}`
  const host = normalizeHost(url.hostname)
  const decision = policy.checkHost(host)
  if (!decision.allowed) return decision.reason
  return classifyAddress(host) === null ? null : policy.checkAddress(host, host, decision.explicit)
}

/** The addresses the URL may be sent to; DeliveryRefused when the policy says no, a plain Error when DNS fails. */
export async function resolveTarget(url: URL, policy: HostPolicy, lookup: Lookup): Promise<string[]> {
  const refused = refuseUrl(url, policy)
  if (refused) throw new DeliveryRefused(`egress denied: ${refused}`)
  const host = normalizeHost(url.hostname)
  if (classifyAddress(host) !== null) return [host]
  const decision = policy.checkHost(host)
  let addresses: string[]
  try {
    addresses = await lookup(host)
  } catch (error) {
    throw new Error(`could not resolve ${host} (${(error as Error).message})`)
  }
  if (addresses.length === 0) throw new Error(`could not resolve ${host}`)
  for (const address of addresses) {
    const why = policy.checkAddress(host, address, decision.allowed && decision.explicit)
    if (why) throw new DeliveryRefused(`egress denied: ${why}`)
  }
  return addresses
}

/** Sends to each checked address in turn, keeping the Host header and TLS server name of the URL. */
export async function fetchAddress(url: URL, addresses: string[], init: { method: string; headers: Headers; body: string; signal: AbortSignal }): Promise<Response> {
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
        body: init.body,
        redirect: 'manual',
        signal: init.signal,
        tls: url.protocol === 'https:' ? { serverName: url.hostname } : undefined,
      })
    } catch (error) {
      if (init.signal.aborted) throw error
      lastError = error
    }
  }
  throw lastError
}
