/**
 * `allowed_ips` of an API key: addresses and CIDR ranges, IPv4 and IPv6. An IPv4 client reaching a
 * dual-stack socket shows up as `::ffff:a.b.c.d` and still matches `a.b.c.d` and IPv4 ranges.
 */

interface Parsed {
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: Uint8Array
}

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  const bytes = new Uint8Array(4)
  for (let i = 0; i < 4; i++) {
    if (!/^\d{1,3}$/.test(parts[i]!)) return null
    const value = Number(parts[i])
    if (value > 255) return null
    bytes[i] = value
  }
  return bytes
}

function parseIpv6(text: string): Uint8Array | null {
  let address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  let tail: Uint8Array | null = null
  const lastColon = address.lastIndexOf(':')
  if (address.includes('.', lastColon)) {
    tail = parseIpv4(address.slice(lastColon + 1))
    if (!tail) return null
    address = `${address.slice(0, lastColon + 1)}0:0`
  }
  const halves = address.split('::')
  if (halves.length > 2) return null
  const group = (part: string) => (part === '' ? [] : part.split(':'))
  const head = group(halves[0]!)
  const rest = halves.length === 2 ? group(halves[1]!) : []
  const missing = 8 - head.length - rest.length
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return null
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest]
  const bytes = new Uint8Array(16)
  for (let i = 0; i < 8; i++) {
    if (!/^[0-9a-f]{1,4}$/i.test(groups[i]!)) return null
    const value = Number.parseInt(groups[i]!, 16)
    bytes[i * 2] = value >> 8
    bytes[i * 2 + 1] = value & 0xff
  }
  if (tail) bytes.set(tail, 12)
  return bytes
}

/** An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) as its IPv4 bytes; anything else unchanged. */
function unmap(bytes: Uint8Array): Uint8Array {
  if (bytes.length !== 16) return bytes
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return bytes
  return bytes[10] === 0xff && bytes[11] === 0xff ? bytes.slice(12) : bytes
}

/** Parses an IPv4 or IPv6 address; null when it is neither. */
export function parseIp(text: string): Parsed | null {
  const bytes = text.includes(':') ? parseIpv6(text) : parseIpv4(text)
  return bytes ? { bytes: unmap(bytes) } : null
}

export interface IpRange {
  bytes: Uint8Array
  prefix: number
  text: string
}

/** Parses `a.b.c.d`, `a.b.c.d/nn`, an IPv6 address or `v6/nn`; null when malformed. */
export function parseIpRange(text: string): IpRange | null {
  const [address, bits, extra] = text.trim().split('/')
  if (extra !== undefined || address === undefined) return null
  const parsed = parseIp(address)
  if (!parsed) return null
  const max = parsed.bytes.length * 8
  // A mapped address with a v6 prefix length: count the prefix within the IPv4 part.
  const mappedShift = parsed.bytes.length === 4 && address.includes(':') ? 96 : 0
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) - mappedShift : NaN
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return null
  return { bytes: parsed.bytes, prefix, text: text.trim() }
}

/** True when `address` lies within `range` (IPv4 only matches IPv4 ranges, IPv6 only IPv6 ranges). */
export function ipInRange(address: Parsed, range: IpRange): boolean {
  if (address.bytes.length !== range.bytes.length) return false
  let bits = range.prefix
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff
    if ((address.bytes[i]! & mask) !== (range.bytes[i]! & mask)) return false
  }
  return true
}
