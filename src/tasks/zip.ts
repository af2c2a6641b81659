import { inflateRawSync } from 'node:zlib'
import { AppError } from '../errors.ts'

/**
 * A small .zip writer and reader for task bundles (PKZIP 2.0: stored or deflated entries, UTF-8 names,
 * CRC-32 checked; no ZIP64, no encryption). Deflate is Bun's zlib; reading caps every entry at its
 * declared size and the whole archive at `maxTotalBytes`, so a zip bomb fails instead of filling memory.
 */

export interface ZipEntry {
  /** Forward-slash path inside the archive, e.g. `my-task/main.js`. */
  path: string
  data: Uint8Array
}

export interface ReadZipLimits {
  maxEntries?: number
  /** Sum of uncompressed sizes. */
  maxTotalBytes?: number
}

const LOCAL = 0x04034b50
const CENTRAL = 0x02014b50
const END = 0x06054b50
const UTF8_FLAG = 0x0800
const STORED = 0
const DEFLATED = 8

function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getFullYear())
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  }
}

/** Builds a .zip holding `entries`; each is deflated unless storing it is smaller. */
export function createZip(entries: ZipEntry[], options: { date?: Date } = {}): Uint8Array {
  const stamp = dosDateTime(options.date ?? new Date())
  const encoder = new TextEncoder()
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const entry of entries) {
    const name = encoder.encode(entry.path)
    const crc = Bun.hash.crc32(entry.data)
    // Bun's typings only take ArrayBuffer-backed views; every entry here is one (TextEncoder, readZip).
    const deflated = Bun.deflateSync(entry.data as Uint8Array<ArrayBuffer>)
    const method = deflated.length < entry.data.length ? DEFLATED : STORED
    const body = method === DEFLATED ? deflated : entry.data
    if (body.length > 0xfffffffe || offset > 0xfffffffe) throw new AppError('BAD_INPUT', 'the archive is too large for a .zip without ZIP64')

    const local = new Uint8Array(30 + name.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, LOCAL, true)
    lv.setUint16(4, 20, true)
    lv.setUint16(6, UTF8_FLAG, true)
    lv.setUint16(8, method, true)
    lv.setUint16(10, stamp.time, true)
    lv.setUint16(12, stamp.date, true)
    lv.setUint32(14, crc, true)
    lv.setUint32(18, body.length, true)
    lv.setUint32(22, entry.data.length, true)
    lv.setUint16(26, name.length, true)
    local.set(name, 30)

    const central = new Uint8Array(46 + name.length)
    const cv = new DataView(central.buffer)
    cv.setUint32(0, CENTRAL, true)
    cv.setUint16(4, (3 << 8) | 20, true) // made by: Unix, spec 2.0, so the mode below is honoured
    cv.setUint16(6, 20, true)
    cv.setUint16(8, UTF8_FLAG, true)
    cv.setUint16(10, method, true)
    cv.setUint16(12, stamp.time, true)
    cv.setUint16(14, stamp.date, true)
    cv.setUint32(16, crc, true)
    cv.setUint32(20, body.length, true)
    cv.setUint32(24, entry.data.length, true)
    cv.setUint16(28, name.length, true)
    cv.setUint32(38, (0o100644 << 16) >>> 0, true)
    cv.setUint32(42, offset, true)
    central.set(name, 46)

    locals.push(local, body)
    centrals.push(central)
    offset += local.length + body.length
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0)
  const end = new Uint8Array(22)
  const ev = new DataView(end.buffer)
  ev.setUint32(0, END, true)
  ev.setUint16(8, entries.length, true)
  ev.setUint16(10, entries.length, true)
  ev.setUint32(12, centralSize, true)
  ev.setUint32(16, offset, true)
  return concat([...locals, ...centrals, end])
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

function bad(message: string): AppError {
  return new AppError('BAD_INPUT', `not a readable .zip: ${message}`, { hint: 'Send a .zip made by ratchet_export_tasks or any zip tool (no encryption, no ZIP64), base64-encoded.' })
}

/** Reads every file entry of a .zip (directory entries are skipped), checking sizes and CRC-32. */
export function readZip(bytes: Uint8Array, limits: ReadZipLimits = {}): ZipEntry[] {
  const maxEntries = limits.maxEntries ?? 10_000
  const maxTotal = limits.maxTotalBytes ?? 64 * 1024 * 1024
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let endAt = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END) {
      endAt = i
      break
    }
  }
  if (endAt < 0) throw bad('no end-of-central-directory record')
  const count = view.getUint16(endAt + 10, true)
  const centralOffset = view.getUint32(endAt + 16, true)
  if (count === 0xffff || centralOffset === 0xffffffff) throw bad('ZIP64 archives are not supported')
  if (count > maxEntries) throw bad(`${count} entries, over the limit of ${maxEntries}`)

  const decoder = new TextDecoder()
  const entries: ZipEntry[] = []
  let total = 0
  let at = centralOffset
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw bad(`central directory entry ${n + 1} is damaged`)
    const flags = view.getUint16(at + 8, true)
    const method = view.getUint16(at + 10, true)
    const crc = view.getUint32(at + 16, true)
    const compressedSize = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const localOffset = view.getUint32(at + 42, true)
    const path = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    at += 46 + nameLength + extraLength + commentLength
    if (path.endsWith('/')) continue
    if (flags & 1) throw bad(`${path} is encrypted`)
    if (method !== STORED && method !== DEFLATED) throw bad(`${path} uses compression method ${method} (only stored and deflate are supported)`)
    total += size
    if (total > maxTotal) throw bad(`the files add up to more than ${maxTotal} bytes`)
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL) throw bad(`the local header of ${path} is missing`)
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true)
    if (start + compressedSize > bytes.length) throw bad(`${path} is truncated`)
    const body = bytes.subarray(start, start + compressedSize)
    let data: Uint8Array
    if (method === STORED) data = body.slice()
    else {
      try {
        data = new Uint8Array(inflateRawSync(body, { maxOutputLength: Math.max(1, size) }))
      } catch (error) {
        throw bad(`${path} does not inflate to its declared ${size} bytes (${(error as Error).message})`)
      }
    }
    if (data.length !== size) throw bad(`${path} is ${data.length} bytes, but the archive says ${size}`)
    if (Bun.hash.crc32(data) !== crc) throw bad(`${path} fails its CRC-32 check`)
    entries.push({ path, data })
  }
  return entries
}
