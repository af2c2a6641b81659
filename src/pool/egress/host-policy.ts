/**
 * The host part of the egress policy (execution.fetch.allowed_hosts / denied_hosts): which names a
 * task may reach, and which of them may resolve to non-public addresses. Pure: DNS and sockets live in
 * the proxy.
 */
import { classifyAddress, normalizeIpv4, type AddressClass } from './classify-address.ts'

export interface FetchPolicyConfig {
  /** When non-empty, only these hosts may be fetched: exact names, IP literals or `*.example.com`. */
  allowedHosts: string[]
  /** Hosts that may never be fetched (same forms); checked before allowedHosts. */
  deniedHosts: string[]
}

export type HostDecision =
  | { allowed: true; /** The host is listed exactly, so it may resolve to a private or loopback address. */ explicit: boolean }
  | { allowed: false; reason: string }

/** Lower case, no trailing dot, no IPv6 brackets, IPv4 literals in dotted-quad form. */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase()
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1)
  if (h.endsWith('.')) h = h.slice(0, -1)
  return normalizeIpv4(h)
}

/** True when `host` matches `pattern`: exact, or `*.example.com` for any subdomain (not the apex). */
export function matchesHost(host: string, pattern: string): boolean {
  const p = normalizeHost(pattern)
  if (p === '*') return true
  if (p.startsWith('*.')) return host.endsWith(p.slice(1)) && host.length > p.length - 1
  return host === p
}

export interface HostPolicy {
  checkHost(host: string): HostDecision
  /** Null when `address` may be connected to for a host with this decision, else why not. */
  checkAddress(host: string, address: string, explicit: boolean): string | null
}

export function createHostPolicy(config: FetchPolicyConfig): HostPolicy {
  const allowed = config.allowedHosts.map(normalizeHost)
  const denied = config.deniedHosts.map(normalizeHost)
  return {
    checkHost(rawHost) {
      const host = normalizeHost(rawHost)
      if (denied.some((p) => matchesHost(host, p))) {
        return { allowed: false, reason: `${host} is listed in execution.fetch.denied_hosts` }
      }
      if (allowed.length > 0 && !allowed.some((p) => matchesHost(host, p))) {
        return { allowed: false, reason: `${host} is not in execution.fetch.allowed_hosts; add it there to allow it` }
      }
      // Only an exact entry unlocks internal addresses: a `*.example.com` glob must not let a name an
      // attacker controls under it point at 127.0.0.1 or the metadata endpoint.
      return { allowed: true, explicit: allowed.includes(host) }
    },
    checkAddress(rawHost, address, explicit) {
      const kind: AddressClass | null = classifyAddress(address)
      if (kind === null) return `${address} is not an IP address`
      if (kind === 'public' || explicit) return null
      const host = normalizeHost(rawHost)
      const via = host === normalizeHost(address) ? host : `${host} resolves to ${address}, which`
      return `${via} is a ${kind} address; tasks may reach it only when execution.fetch.allowed_hosts lists "${host}" exactly`
    },
  }
}
