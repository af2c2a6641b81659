/**
 * The MCP sessions one HTTP server holds, of both transports. It enforces `mcp.max_connections`:
 * when full, a new session first replaces a session past its idle expiry (anyone's: the sweep would
 * close it anyway), else the caller's own longest-idle session; a caller never evicts another
 * principal's live session, and gets BUSY (503 with Retry-After) instead. It expires sessions nobody has used for `idleMs` while no
 * stream of theirs is open, and closes them all on shutdown. A session's `close()` ends its transport
 * and its MCP server instance.
 */
import { AppError } from '../../errors.ts'
import type { Logger } from '../../lib/logger.ts'

export type SessionKind = 'streamable-http' | 'sse'

export interface SessionEntry {
  id: string
  kind: SessionKind
  /** Who opened the session (principalKey: kind, name and rights); later requests must match it. */
  principal: string
  createdAt: number
  lastSeen: number
  /** Response streams (SSE) of this session still open; a session with one open is never idle. */
  openStreams: number
  close(reason: string): Promise<void>
  /** Resolves when the session's running calls are done, or after `timeoutMs`. */
  drain?(timeoutMs: number): Promise<void>
}

export interface SessionRegistryOptions {
  logger: Logger
  /** A session unused this long (and with no open stream) is closed. 0 disables expiry. */
  idleMs: number
  /** Most sessions at once (`mcp.max_connections`); undefined is unlimited. */
  maxSessions?: number
  /** How often expiry runs; default idleMs / 4, between 1 s and 60 s. */
  sweepMs?: number
  now?: () => number
}

export interface SessionRegistry {
  /**
   * Makes room for one more session of `principal` (a principalKey): when full it evicts an expired
   * session or one of the caller's own idle sessions; throws BUSY when it cannot.
   */
  reserve(principal: string): Promise<void>
  /** Gives back a reservation whose session never came to be (its initialize failed). */
  release(): void
  /** Registers a session, using up one reservation. */
  add(entry: SessionEntry): void
  /** The session of that id and kind (and marks it used), or undefined. */
  get(id: string, kind: SessionKind): SessionEntry | undefined
  /** Forgets a session that closed by itself (client DELETE, stream ended). Does not close it. */
  remove(id: string): void
  /** Wraps a response so the session counts its body as an open stream until it ends. */
  trackStream(entry: SessionEntry, response: Response): Response
  /** Closes sessions that have been idle for longer than idleMs; returns how many. */
  sweep(): Promise<number>
  counts(): Record<SessionKind | 'total', number>
  /** Refuses new sessions from now on (SHUTTING_DOWN) and waits up to `graceMs` for running calls. */
  drain(graceMs: number): Promise<void>
  /** Closes every session and stops the expiry timer. */
  closeAll(reason: string): Promise<void>
}

/** The client behind a principalKey (`kind:name#rights`): its sessions with any rights are its own. */
const identity = (principal: string) => principal.replace(/#[^#]*$/, '')

export function createSessionRegistry(options: SessionRegistryOptions): SessionRegistry {
  const { logger, idleMs, maxSessions } = options
  const now = options.now ?? Date.now
  const sessions = new Map<string, SessionEntry>()
  let reserved = 0
  let draining = false

  const closeEntry = async (entry: SessionEntry, reason: string) => {
    sessions.delete(entry.id)
    logger.info('MCP session closed', { sessionId: entry.id, transport: entry.kind, reason })
    try {
      await entry.close(reason)
    } catch (error) {
      logger.warn('closing an MCP session failed', { sessionId: entry.id, error: String(error) })
    }
  }

  const isIdle = (entry: SessionEntry, at: number) => entry.openStreams === 0 && at - entry.lastSeen >= idleMs

  const sweep = async () => {
    if (idleMs <= 0) return 0
    const at = now()
    const expired = [...sessions.values()].filter((entry) => isIdle(entry, at))
    for (const entry of expired) await closeEntry(entry, `idle for more than ${Math.round(idleMs / 1000)} s`)
    return expired.length
  }

  const sweepMs = options.sweepMs ?? Math.min(60_000, Math.max(1000, Math.floor(idleMs / 4)))
  const timer = idleMs > 0 ? setInterval(() => void sweep(), sweepMs) : null
  timer?.unref?.()

  return {
    async reserve(principal) {
      if (draining) throw new AppError('SHUTTING_DOWN', 'The MCP server is shutting down and opens no new sessions')
      if (maxSessions === undefined || sessions.size + reserved < maxSessions) {
        reserved++
        return
      }
      const at = now()
      const caller = identity(principal)
      const byIdleness = [...sessions.values()].filter((entry) => entry.openStreams === 0).sort((a, b) => a.lastSeen - b.lastSeen)
      const expired = idleMs > 0 ? byIdleness.find((entry) => isIdle(entry, at)) : undefined
      const victim = expired ?? byIdleness.find((entry) => identity(entry.principal) === caller)
      if (!victim) {
        throw new AppError('BUSY', `This server already holds ${maxSessions} MCP sessions (mcp.max_connections) and none of them is an idle session of this client`, {
          data: { maxSessions },
          hint: 'Retry later, close unused sessions of this client, or raise mcp.max_connections.',
        })
      }
      reserved++
      await closeEntry(victim, victim === expired ? `idle for more than ${Math.round(idleMs / 1000)} s` : 'evicted to make room for a new session of the same client (mcp.max_connections)')
    },
    release() {
      reserved = Math.max(0, reserved - 1)
    },
    add(entry) {
      reserved = Math.max(0, reserved - 1)
      sessions.set(entry.id, entry)
      logger.info('MCP session opened', { sessionId: entry.id, transport: entry.kind, principal: entry.principal })
    },
    get(id, kind) {
      const entry = sessions.get(id)
      if (!entry || entry.kind !== kind) return undefined
      entry.lastSeen = now()
      return entry
    },
    remove(id) {
      sessions.delete(id)
    },
    trackStream(entry, response) {
      if (!response.body) return response
      entry.openStreams++
      let ended = false
      const end = () => {
        if (ended) return
        ended = true
        entry.openStreams--
        entry.lastSeen = now()
      }
      const reader = response.body.getReader()
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const { value, done } = await reader.read()
            if (done) {
              end()
              controller.close()
            } else {
              controller.enqueue(value)
            }
          } catch (error) {
            end()
            controller.error(error)
          }
        },
        async cancel(reason) {
          end()
          await reader.cancel(reason)
        },
      })
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
    },
    sweep,
    counts() {
      const counts = { total: sessions.size, 'streamable-http': 0, sse: 0 }
      for (const entry of sessions.values()) counts[entry.kind]++
      return counts
    },
    async drain(graceMs) {
      draining = true
      await Promise.all([...sessions.values()].map((entry) => entry.drain?.(graceMs)))
    },
    async closeAll(reason) {
      draining = true
      if (timer) clearInterval(timer)
      await Promise.all([...sessions.values()].map((entry) => closeEntry(entry, reason)))
    },
  }
}
