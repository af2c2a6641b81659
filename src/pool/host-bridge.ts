/**
 * The worker-side functions behind a task context's globals. Each takes and returns primitives only
 * (strings, numbers), so no object of the worker's realm reaches task code; failures come back as a
 * string tagged `\u0000err:` that the prelude rethrows as an error of the task's own realm.
 */
import type { FromWorker, WorkerLog } from './protocol.ts'
import type { HttpMock } from '../tasks/types.ts'
import type { LogLevel } from '../store/types.ts'
import { fetchViaEgress } from './egress/fetch-via-egress.ts'

export interface RunState {
  id: string
  mocks: HttpMock[] | null
  logs: WorkerLog[]
  logCount: number
  /** Bytes of message + serialised data logged so far (MAX_LOG_BYTES_PER_RUN); absent means 0. */
  logBytes?: number
  flushScheduled: boolean
  timers: Map<number, ReturnType<typeof setTimeout>>
  fetches: Map<number, AbortController>
  spanSeq: number
  done: boolean
  uncaught: unknown
  onUncaught: (error: unknown) => void
  /** Questions to the client (context.sample / context.elicit) waiting for an answer, by ask id. */
  asks?: Map<number, (reply: string) => void>
}

const MAX_LOGS_PER_RUN = 10_000
const MAX_LOG_MESSAGE = 64 * 1024
/** Serialised `data` of one entry; larger data is replaced by a note saying so. */
export const MAX_LOG_DATA_BYTES = 64 * 1024
/** Bytes of message + data one run may log in all; entries past it are dropped (one warn entry says so). */
export const MAX_LOG_BYTES_PER_RUN = 10 * 1024 * 1024
const MAX_FETCH_BODY = 10 * 1024 * 1024
const FETCH_TIMEOUT_MS = 30_000

const err = (name: string, message: string) => '\u0000err:' + JSON.stringify({ name, message })

export function flushLogs(state: RunState, send: (m: FromWorker) => void): void {
  state.flushScheduled = false
  if (state.logs.length === 0) return
  const logs = state.logs
  state.logs = []
  send({ t: 'logs', id: state.id, logs })
}

/**
 * `egressSocket`: the server's egress proxy, through which every real fetch goes (the policy lives
 * there); without it (pools built with no sandbox, in unit tests) fetch goes straight out.
 */
export function createHostBridge(holder: { state: RunState | null }, send: (m: FromWorker) => void, egressSocket?: string) {
  const live = () => (holder.state && !holder.state.done ? holder.state : null)
  let timerSeq = 0

  const log = (level: LogLevel, message: string, data?: string) => {
    const state = live()
    if (!state) return
    state.logCount++
    if (state.logCount > MAX_LOGS_PER_RUN) {
      if (state.logCount === MAX_LOGS_PER_RUN + 1) state.logs.push({ level: 'warn', message: `log limit of ${MAX_LOGS_PER_RUN} entries reached; later entries of this execution were dropped`, ts: new Date().toISOString() })
      return
    }
    if (state.logBytes !== undefined && state.logBytes > MAX_LOG_BYTES_PER_RUN) return
    const text = message.length > MAX_LOG_MESSAGE ? message.slice(0, MAX_LOG_MESSAGE) + `… (${message.length - MAX_LOG_MESSAGE} more characters)` : message
    let dataBytes = 0
    let dataValue: unknown
    if (data !== undefined) {
      dataBytes = Buffer.byteLength(data)
      if (dataBytes > MAX_LOG_DATA_BYTES) {
        dataValue = `[log data of ${dataBytes} bytes truncated: one log entry may carry at most ${MAX_LOG_DATA_BYTES} bytes of data]`
        dataBytes = (dataValue as string).length
      } else {
        dataValue = safeParse(data)
      }
    }
    const bytes = Buffer.byteLength(text) + dataBytes
    state.logBytes = (state.logBytes ?? 0) + bytes
    if (state.logBytes > MAX_LOG_BYTES_PER_RUN) {
      state.logs.push({ level: 'warn', message: `log budget of ${MAX_LOG_BYTES_PER_RUN} bytes (messages and data) reached; later entries of this execution were dropped`, ts: new Date().toISOString() })
      scheduleFlush(state)
      return
    }
    const entry: WorkerLog = { level, message: text, ts: new Date().toISOString() }
    if (data !== undefined) entry.data = dataValue
    state.logs.push(entry)
    scheduleFlush(state)
  }
  const scheduleFlush = (state: RunState) => {
    if (state.flushScheduled) return
    state.flushScheduled = true
    setImmediate(() => flushLogs(state, send))
  }

  let askSeq = 0
  return {
    log,
    /** Sends a task's question to the client through the pool; resolves to JSON `{ok, result}` or `{error}`. */
    ask(kind: 'sample' | 'elicit', paramsJson: string): Promise<string> {
      const state = live()
      if (!state) return Promise.resolve(JSON.stringify({ error: { name: 'ConfigurationError', message: `context.${kind}() called after the execution finished` } }))
      const askId = ++askSeq
      state.asks ??= new Map()
      return new Promise<string>((resolve) => {
        state.asks!.set(askId, resolve)
        send({ t: 'ask', id: state.id, askId, kind, params: JSON.parse(paramsJson) })
      })
    },
    progress(progress: number, total?: number, message?: string) {
      const state = live()
      if (state) send({ t: 'progress', id: state.id, progress, total, message })
    },
    setTimer(fn: () => void, ms: number, repeat: boolean): number {
      const state = live()
      if (!state) return 0
      const id = ++timerSeq
      const run = () => {
        if (!repeat) state.timers.delete(id)
        if (state.done) return
        try {
          fn()
        } catch (error) {
          state.onUncaught(error)
        }
      }
      state.timers.set(id, repeat ? setInterval(run, Math.max(1, ms)) : setTimeout(run, ms))
      return id
    },
    clearTimer(id: number) {
      const state = holder.state
      const handle = state?.timers.get(id)
      if (handle !== undefined) {
        clearTimeout(handle)
        state!.timers.delete(id)
      }
    },
    now: () => performance.now(),
    timeOrigin: () => performance.timeOrigin,
    atob: (s: string) => { try { return atob(s) } catch (e) { return err('DOMException', (e as Error).message) } },
    btoa: (s: string) => { try { return btoa(s) } catch (e) { return err('DOMException', (e as Error).message) } },
    btoaUtf8: (s: string) => Buffer.from(s, 'utf8').toString('base64'),
    decodeBase64Utf8: (s: string) => Buffer.from(s, 'base64').toString('utf8'),
    decodeUtf8: (csv: string) => (csv ? Buffer.from(csv.split(',').map(Number)).toString('utf8') : ''),
    randomUUID: () => crypto.randomUUID(),
    getRandomValues(array: ArrayBufferView) {
      crypto.getRandomValues(new Uint8Array(array.buffer, array.byteOffset, Math.min(array.byteLength, 65536)))
    },
    urlParse(url: string, base?: string) {
      try {
        return urlParts(new URL(url, base))
      } catch {
        return err('TypeError', `Invalid URL: ${JSON.stringify(url)}${base === undefined ? '' : ` (base ${JSON.stringify(base)})`}`)
      }
    },
    urlSet(href: string, part: string, value: string) {
      try {
        const url = new URL(href)
        ;(url as unknown as Record<string, string>)[part] = value
        return urlParts(url)
      } catch (e) {
        return err('TypeError', (e as Error).message)
      }
    },
    fetchAbort(id: number) {
      holder.state?.fetches.get(id)?.abort()
    },
    async fetch(id: number, url: string, method: string, headersJson: string, body: string | null): Promise<string> {
      const state = live()
      if (!state) return JSON.stringify({ error: { name: 'NetworkError', message: 'fetch called after the execution finished' } })
      const started = performance.now()
      const startMs = Date.now()
      const spanId = `http-${++state.spanSeq}`
      const attributes: Record<string, unknown> = { method, url, bytes_out: body === null ? 0 : Buffer.byteLength(body) }
      const finishSpan = (status: 'ok' | 'error') => {
        if (holder.state !== state) return
        send({ t: 'span', id: state.id, span: { spanId, parentId: null, name: `HTTP ${method} ${hostOf(url)}`, kind: 'http', startMs, durationMs: performance.now() - started, status, attributes } })
      }
      let reply: Record<string, unknown>
      try {
        reply = state.mocks ? answerFromMocks(state.mocks, url, method) : await realFetch(state, id, url, method, headersJson, body, egressSocket)
        attributes.status = reply.status
        attributes.bytes_in = reply.bytes
        if (state.mocks) attributes.mocked = true
        delete reply.bytes
        finishSpan((reply.status as number) >= 400 ? 'error' : 'ok')
      } catch (e) {
        const error = e as Error
        attributes.error = error.message
        finishSpan('error')
        reply = { error: { name: error.name === 'TimeoutError' ? 'TimeoutError' : 'NetworkError', message: `${method} ${url} failed: ${error.message}` } }
      }
      return JSON.stringify(reply)
    },
  }
}

function urlParts(url: URL): string {
  const { href, origin, protocol, username, password, host, hostname, port, pathname, search, hash } = url
  return JSON.stringify({ href, origin, protocol, username, password, host, hostname, port, pathname, search, hash })
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** A test's `mock.http`: exact URL first, then the longest mock URL that prefixes the request. */
function answerFromMocks(mocks: HttpMock[], url: string, method: string): Record<string, unknown> {
  const candidates = mocks.filter((m) => !m.method || m.method.toUpperCase() === method)
  const mock = candidates.find((m) => m.url === url) ?? candidates.filter((m) => url.startsWith(m.url)).sort((a, b) => b.url.length - a.url.length)[0]
  if (!mock) {
    const known = mocks.map((m) => `${m.method ?? '*'} ${m.url}`).join(', ')
    throw Object.assign(new Error(`no mock.http entry matches ${method} ${url} (mocked: ${known || 'none'}); add one to the test file`), { name: 'NetworkError' })
  }
  const { status, headers = {}, body } = mock.response
  const text = body === undefined || body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body)
  const finalHeaders: Record<string, string> = { ...headers }
  if (typeof body === 'object' && body !== null && !Object.keys(finalHeaders).some((k) => k.toLowerCase() === 'content-type')) finalHeaders['content-type'] = 'application/json'
  return { status, statusText: '', headers: Object.entries(finalHeaders), body: Buffer.from(text).toString('base64'), url, redirected: false, bytes: Buffer.byteLength(text) }
}

async function realFetch(state: RunState, id: number, url: string, method: string, headersJson: string, body: string | null, egressSocket: string | undefined): Promise<Record<string, unknown>> {
  const controller = new AbortController()
  state.fetches.set(id, controller)
  const timeout = setTimeout(() => controller.abort(Object.assign(new Error(`no response within ${FETCH_TIMEOUT_MS} ms`), { name: 'TimeoutError' })), FETCH_TIMEOUT_MS)
  try {
    if (egressSocket) return await fetchViaEgress(egressSocket, { executionId: state.id, url, method, headersJson, body }, controller.signal)
    const response = await fetch(url, { method, headers: JSON.parse(headersJson), body: body ?? undefined, signal: controller.signal, redirect: 'follow' })
    const declared = Number(response.headers.get('content-length') ?? 0)
    if (declared > MAX_FETCH_BODY) throw new Error(`response body of ${declared} bytes is over the ${MAX_FETCH_BODY}-byte limit`)
    const bytes = Buffer.from(await response.arrayBuffer())
    if (bytes.byteLength > MAX_FETCH_BODY) throw new Error(`response body of ${bytes.byteLength} bytes is over the ${MAX_FETCH_BODY}-byte limit`)
    return { status: response.status, statusText: response.statusText, headers: [...response.headers], body: bytes.toString('base64'), url: response.url, redirected: response.redirected, bytes: bytes.byteLength }
  } finally {
    clearTimeout(timeout)
    state.fetches.delete(id)
  }
}
