/**
 * The client address of a request: the socket's address, unless the socket is one of
 * `server.trusted_proxies` — then the right-most X-Forwarded-For entry that is not itself a trusted
 * proxy (the address the last trusted hop saw). X-Forwarded-For from anyone else is ignored, so a
 * client cannot pick its own address for allowed_ips, rate limits or audit lines.
 */
import { AppError } from '../errors.ts'
import { ipInRange, parseIp, parseIpRange, type IpRange } from '../auth/ip-match.ts'

export type ClientIp = (request: Request, socketIp: string | null) => string | null

/** Parses `server.trusted_proxies`; a bad entry is CONFIG_INVALID naming it. */
export function parseTrustedProxies(entries: readonly string[]): IpRange[] {
  return entries.map((entry, index) => {
    const range = parseIpRange(entry)
    if (!range) throw new AppError('CONFIG_INVALID', `server.trusted_proxies[${index}] ${JSON.stringify(entry)} is not an IP address or CIDR range`, { hint: 'Use addresses such as 10.0.0.5 or ranges such as 10.0.0.0/8 or fd00::/8.' })
    return range
  })
}

export function createClientIp(trusted: readonly IpRange[]): ClientIp {
  const isTrusted = (address: string | null) => {
    if (address === null) return false
    const parsed = parseIp(address)
    return parsed !== null && trusted.some((range) => ipInRange(parsed, range))
  }
  return (request, socketIp) => {
    if (trusted.length === 0 || !isTrusted(socketIp)) return socketIp
    const forwarded = request.headers.get('x-forwarded-for')
    if (!forwarded) return socketIp
    const hops = forwarded.split(',').map((hop) => hop.trim()).filter((hop) => hop.length > 0)
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i]!.replace(/^\[|\]$/g, '')
      if (parseIp(hop) === null) return socketIp
      if (!isTrusted(hop)) return hop
    }
    return hops.length > 0 ? hops[0]!.replace(/^\[|\]$/g, '') : socketIp
  }
}
