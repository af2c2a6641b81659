/**
 * Classifies IP addresses for the egress policy. Only `public` addresses may be fetched unless the host
 * is explicitly listed in execution.fetch.allowed_hosts: everything else reaches the server itself, its
 * network or a cloud metadata endpoint (169.254.169.254).
 */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'unspecified'
  | 'carrier-nat'
  | 'multicast'
  | 'reserved'

/**
 * Parses an IPv4 literal in any form `inet_aton` (and so the OS resolver) accepts: dotted quad,
 * fewer parts (`127.1`), decimal (`2130706433`), octal (`0177.0.0.1`) and hex (`0x7f000001`) parts.
 * Returns the 32-bit value, or null when `text` is not such a literal.
 */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.')
  if (parts.length === 0 || parts.length > 4) return null
  const values: number[] = []
  for (const part of parts) {
    let value: number
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : parseInt(part.slice(2), 16)
    else if (/^0[0-7]+$/.test(part)) value = parseInt(part, 8)
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part)
    else return null
    if (!Number.isSafeInteger(value)) return null
    values.push(value)
  }
  // The last part fills the remaining bytes: a.b.c.d, a.b.(16 bits), a.(24 bits), (32 bits).
  const last = values.pop()!
  if (values.some((v) => v > 255)) return null
  if (last >= 2 ** (8 * (4 - values.length))) return null
  let result = 0
  for (const v of values) result = result * 256 + v
  return result * 2 ** (8 * (4 - values.length)) + last
}

/** The 16 hextets of an IPv6 literal (brackets and a zone id allowed), or null. Embedded IPv4 allowed. */
export function parseIpv6(text: string): number[] | null {
  let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text
  const zone = s.indexOf('%')
  if (zone >= 0) s = s.slice(0, zone)
  if (!s.includes(':')) return null
  const halves = s.split('::')
  if (halves.length > 2) return null
  const parseHalf = (half: string): number[] | null => {
    if (half === '') return []
    const out: number[] = []
    const groups = half.split(':')
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i]
      if (i === groups.length - 1 && group.includes('.')) {
        if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(group)) return null
        const v4 = group.split('.').map(Number)
        if (v4.some((n) => n > 255)) return null
        out.push(v4[0] * 256 + v4[1], v4[2] * 256 + v4[3])
      } else if (/^[0-9a-f]{1,4}$/i.test(group)) {
        out.push(parseInt(group, 16))
      } else {
        return null
      }
    }
    return out
  }
  const head = parseHalf(halves[0])
  const tail = halves.length === 2 ? parseHalf(halves[1]) : []
  if (!head || !tail) return null
  if (halves.length === 1) return head.length === 8 ? head : null
  if (head.length + tail.length > 7) return null
  return [...head, ...new Array(8 - head.length - tail.length).fill(0), ...tail]
}

function classifyV4(n: number): AddressClass {
  const a = Math.floor(n / 2 ** 24)
  const b = Math.floor(n / 2 ** 16) % 256
  if (a === 0) return 'unspecified' // 0.0.0.0/8: "this network"; 0.0.0.0 reaches the local host
  if (a === 127) return 'loopback'
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private'
  if (a === 169 && b === 254) return 'link-local'
  if (a === 100 && b >= 64 && b <= 127) return 'carrier-nat'
  if (a >= 224 && a <= 239) return 'multicast'
  if (a >= 240) return 'reserved' // includes 255.255.255.255
  if (a === 192 && b === 0 && Math.floor(n / 256) % 256 === 0) return 'reserved' // 192.0.0.0/24 IETF
  if (a === 198 && (b === 18 || b === 19)) return 'reserved' // benchmarking
  return 'public'
}

function classifyV6(h: number[]): AddressClass {
  if (h.every((x) => x === 0)) return 'unspecified'
  if (h.slice(0, 7).every((x) => x === 0) && h[7] === 1) return 'loopback'
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses reach the IPv4 address.
  if (h.slice(0, 5).every((x) => x === 0) && (h[5] === 0xffff || h[5] === 0)) return classifyV4(h[6] * 65536 + h[7])
  // NAT64 (64:ff9b::/96) embeds an IPv4 address too.
  if (h[0] === 0x64 && h[1] === 0xff9b && h.slice(2, 6).every((x) => x === 0)) return classifyV4(h[6] * 65536 + h[7])
  if ((h[0] & 0xfe00) === 0xfc00) return 'unique-local'
  if ((h[0] & 0xffc0) === 0xfe80) return 'link-local'
  if ((h[0] & 0xffc0) === 0xfec0) return 'private' // deprecated site-local
  if ((h[0] & 0xff00) === 0xff00) return 'multicast'
  if (h[0] === 0x2001 && h[1] === 0x0db8) return 'reserved' // documentation
  return 'public'
}

/** The class of an IP literal, or null when `address` is not one (it is a host name). */
export function classifyAddress(address: string): AddressClass | null {
  const v4 = parseIpv4(address)
  if (v4 !== null) return classifyV4(v4)
  const v6 = parseIpv6(address)
  if (v6 !== null) return classifyV6(v6)
  return null
}

/** Dotted-quad form of an IPv4 literal in any accepted form, or the input unchanged. */
export function normalizeIpv4(address: string): string {
  const n = parseIpv4(address)
  if (n === null) return address
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.')
}
