/**
 * Where a webhook may go: the egress policy of task `fetch` (execution.fetch allowed/denied hosts),
 * decided by the proxy's own functions (createHostPolicy, classifyAddress). The name is resolved once,
 * every address must pass (private, loopback, link-local and metadata addresses only for a host listed
 * exactly in allowed_hosts), and the request then goes to a checked address, never resolving again.
 */
import { classifyAddress } from '../../pool/egress/classify-address.ts'
import { connectChecked, osLookup, type Lookup } from '../../pool/egress/connect-checked.ts'
import { normalizeHost, type HostPolicy } from '../../pool/egress/host-policy.ts'
import { DeliveryRefused } from './delivery-refused.ts'

export { osLookup, type Lookup }

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
export function fetchAddress(url: URL, addresses: string[], init: { method: string; headers: Headers; body: string; signal: AbortSignal }): Promise<Response> {
  return connectChecked(url, addresses, init)
}
