/**
 * The egress proxy: a `Bun.serve({ unix })` in the server through which every real `fetch` of a task
 * goes. A sandboxed worker has no network of its own, so this is the only way out, and the policy is
 * enforced here, in the server, where task code cannot reach it: allowed/denied hosts, one DNS lookup
 * whose addresses must be public (unless the host is listed exactly), a connection to that very address
 * (no second lookup to rebind), redirects followed by hand with every hop checked again, size caps and
 * a deadline.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from '../../lib/logger.ts'
import { createHostPolicy, normalizeHost, type FetchPolicyConfig, type HostPolicy } from './host-policy.ts'
import { classifyAddress } from './classify-address.ts'
import type { EgressReply, EgressRequest } from './protocol.ts'
import { connectChecked, osLookup, type Lookup } from './connect-checked.ts'

export interface EgressLimits {
  maxRequestBytes: number
  maxResponseBytes: number
  timeoutMs: number
  maxRedirects: number
}

export const DEFAULT_EGRESS_LIMITS: EgressLimits = {
  maxRequestBytes: 10 * 1024 * 1024,
  maxResponseBytes: 10 * 1024 * 1024,
  timeoutMs: 30_000,
  maxRedirects: 5,
} satisfies EgressLimits

export type { Lookup }

export interface EgressProxyOptions {
  policy: FetchPolicyConfig
  logger: Logger
  limits?: Partial<EgressLimits>
  /** Name resolution (tests); default: the OS resolver, every address, IPv4 first. */
  lookup?: Lookup
}

export interface EgressProxy {
  /** Absolute path of the Unix socket (mode 0666 in a 0711 folder with a random name). */
  socketPath: string
  close(): Promise<void>
}

const HOP_HEADERS = new Set(['connection', 'keep-alive', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', 'content-length'])
const REDIRECTS = new Set([301, 302, 303, 307, 308])

class EgressError extends Error {
  constructor(message: string, name: 'NetworkError' | 'TimeoutError' = 'NetworkError') {
    super(message)
    this.name = name
  }
}


export function startEgressProxy(options: EgressProxyOptions): EgressProxy {
  const limits = { ...DEFAULT_EGRESS_LIMITS, ...options.limits }
  const policy = createHostPolicy(options.policy)
  const lookup = options.lookup ?? osLookup
  const log = options.logger
  removeStaleSocketDirs()
  const dir = mkdtempSync(join(tmpdir(), `ratchet-egress-${process.pid}-`))
  // The folder can be crossed but not listed, and the socket name is random: only the workers we tell
  // the path to can connect (the sandboxed worker runs as another uid, so the socket itself is 0666).
  chmodSync(dir, 0o711)
  // Short: a Unix socket path must fit in 104 bytes (macOS) even under a long TMPDIR.
  const socketPath = join(dir, `egress-${Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex')}.sock`)
  const server = Bun.serve({
    unix: socketPath,
    maxRequestBodySize: limits.maxRequestBytes * 2 + 64 * 1024,
    async fetch(request, server) {
      // Our own deadline (limits.timeoutMs) bounds the request; Bun's 10 s idle timeout must not.
      server.timeout(request, 0)
      let job: EgressRequest | null = null
      const deadline = AbortSignal.timeout(limits.timeoutMs)
      try {
        job = (await request.json()) as EgressRequest
        const reply = await forward(job, policy, lookup, limits, log, AbortSignal.any([request.signal, deadline]))
        return Response.json(reply satisfies EgressReply)
      } catch (thrown) {
        const error = deadline.aborted ? new EgressError(`no response within ${limits.timeoutMs} ms`, 'TimeoutError') : (thrown as Error)
        if (!(error instanceof EgressError)) log.debug('egress failed', { executionId: job?.executionId, url: job?.url, error: error.message })
        return Response.json({ error: { name: error.name === 'TimeoutError' ? 'TimeoutError' : 'NetworkError', message: error.message } } satisfies EgressReply)
      }
    },
  })
  chmodSync(socketPath, 0o666)
  return {
    socketPath,
    async close() {
      await server.stop(true)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes the socket folders of servers that were killed before they could (their pid is in the name). */
function removeStaleSocketDirs(): void {
  try {
    for (const name of readdirSync(tmpdir())) {
      const match = /^ratchet-egress-(\d+)-/.exec(name)
      if (match && !isAlive(Number(match[1]))) rmSync(join(tmpdir(), name), { recursive: true, force: true })
    }
  } catch {
    // Best effort: a leftover folder holds only a dead socket.
  }
}

async function forward(job: EgressRequest, policy: HostPolicy, lookup: Lookup, limits: EgressLimits, log: Logger, signal: AbortSignal): Promise<EgressReply> {
  const fail = (reason: string, url: string): never => {
    log.debug('egress denied', { executionId: job.executionId, method: job.method, url, reason })
    throw new EgressError(`egress denied: ${reason}`)
  }
  let url: URL
  try {
    url = new URL(job.url)
  } catch {
    throw new EgressError(`invalid URL ${JSON.stringify(job.url)}`)
  }
  let method = job.method.toUpperCase()
  let body = job.body
  if (body !== null && Buffer.byteLength(body) > limits.maxRequestBytes) {
    throw new EgressError(`request body of ${Buffer.byteLength(body)} bytes is over the ${limits.maxRequestBytes}-byte limit`)
  }
  const headers = new Headers()
  for (const [key, value] of job.headers) if (!HOP_HEADERS.has(key.toLowerCase())) headers.append(key, value)
  let redirected = false
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(`only http and https URLs may be fetched, not ${url.protocol}`, url.href)
    const host = normalizeHost(url.hostname)
    const decision = policy.checkHost(host)
    if (!decision.allowed) return fail(decision.reason, url.href)
    const addresses = classifyAddress(host) === null ? await resolve(host, lookup) : [host]
    for (const address of addresses) {
      const why = policy.checkAddress(host, address, decision.explicit)
      if (why) fail(why, url.href)
    }
    log.debug('egress allowed', { executionId: job.executionId, method, url: url.href, address: addresses[0] })
    const response = await connectChecked(url, addresses, { method, headers, body, signal })
    const location = response.headers.get('location')
    if (REDIRECTS.has(response.status) && location !== null) {
      await response.body?.cancel()
      if (hop >= limits.maxRedirects) throw new EgressError(`more than ${limits.maxRedirects} redirects (last to ${location})`)
      const next = new URL(location, url)
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        if (method !== 'HEAD') method = 'GET'
        body = null
        headers.delete('content-type')
      }
      if (next.origin !== url.origin) {
        headers.delete('authorization')
        headers.delete('cookie')
      }
      url = next
      redirected = true
      continue
    }
    const bytes = await readCapped(response, limits.maxResponseBytes)
    return { status: response.status, statusText: response.statusText, headers: [...response.headers], body: bytes.toString('base64'), url: url.href, redirected, bytes: bytes.byteLength }
  }
}

async function resolve(host: string, lookup: Lookup): Promise<string[]> {
  let addresses: string[]
  try {
    addresses = await lookup(host)
  } catch (error) {
    throw new EgressError(`could not resolve ${host} (${(error as Error).message})`)
  }
  if (addresses.length === 0) throw new EgressError(`could not resolve ${host}`)
  return addresses
}

async function readCapped(response: Response, limit: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > limit) {
    await response.body?.cancel()
    throw new EgressError(`response body of ${declared} bytes is over the ${limit}-byte limit`)
  }
  if (!response.body) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of response.body) {
    total += chunk.byteLength
    // Leaving the loop by throwing cancels the stream, which stops the download.
    if (total > limit) throw new EgressError(`response body is over the ${limit}-byte limit`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
