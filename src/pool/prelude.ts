/**
 * The part of the worker that runs INSIDE each execution's fresh `node:vm` context. It is turned into
 * source with `Function.prototype.toString` and evaluated in the context, so it must not reference
 * anything outside its own body. It builds the task's globals (console, fetch, URL, timers, typed error
 * classes, ...) out of the context's own intrinsics and talks to the worker only through `host`, whose
 * functions take and return primitives: no object of the worker's realm ever reaches task code, so
 * `x.constructor.constructor('return process')()` finds nothing but this context. (The process and, with
 * issue #4, the OS sandbox stay the security boundary; this keeps runs from leaking into each other.)
 */
/* eslint-disable */
export function prelude(host: any): any {
  'use strict'
  const G: any = globalThis
  const define = (name: string, value: unknown) => {
    // The compiled binary minifies identifiers: a class or function keeps its global's name, so
    // `new HttpError(...)` reports `HttpError` (its `name` is `new.target.name`), not a one-letter one.
    if (typeof value === 'function' && value.name !== name) Object.defineProperty(value, 'name', { value: name, configurable: true })
    return Object.defineProperty(G, name, { value, writable: true, configurable: true, enumerable: false })
  }
  const toText = (value: unknown): string => {
    if (typeof value === 'string') return value
    if (value instanceof Error) return value.stack || String(value)
    try {
      const text = JSON.stringify(value)
      return text === undefined ? String(value) : text
    } catch {
      return String(value)
    }
  }
  const fail = (encoded: string): never => {
    const { name, message } = JSON.parse(encoded)
    const Ctor = G[name] && typeof G[name] === 'function' && G[name].prototype instanceof Error ? G[name] : Error
    throw new Ctor(message)
  }
  const call = (result: unknown): any => {
    if (typeof result === 'string' && result.startsWith('\u0000err:')) fail(result.slice(5))
    return result
  }

  // A host function that throws (a bad argument, a stack overflow) must not hand task code an error of
  // the worker's realm, whose constructor chain reaches the worker's `process`: rethrow it as our own.
  const ownError = (error: any): Error => {
    let name = 'Error'
    let message = 'internal error'
    try { name = String(error?.name); message = String(error?.message) } catch {}
    const Ctor = ['TypeError', 'RangeError', 'SyntaxError'].includes(name) ? G[name] : Error
    return new Ctor(message)
  }
  const rawHost = host
  host = {}
  for (const key of Object.keys(rawHost)) {
    const fn = rawHost[key]
    host[key] = (...args: unknown[]) => {
      let result: any
      try { result = fn(...args) } catch (error) { throw ownError(error) }
      if (result && typeof result.then === 'function') return new Promise((resolve, reject) => result.then(resolve, (error: unknown) => reject(ownError(error))))
      return result
    }
  }

  // Globals come in groups; every group is installed when the context is created (a context serves
  // every run of one task version, so this is paid once per version and worker).
  const lazyGroup = (_names: string[], install: () => void) => install()

  lazyGroup(['RatchetError','NetworkError','ValidationError','TimeoutError','AuthenticationError','AuthorizationError','RateLimitError','ConfigurationError','ServiceUnavailableError','DataError','HttpError'], () => {
  // Typed errors of the predecessor, so its tasks run unchanged.
  class RatchetError extends Error {
    details: unknown
    constructor(message?: unknown, details?: unknown) {
      super(message === undefined ? undefined : String(message))
      this.name = new.target.name
      if (details !== undefined) this.details = details
    }
  }
  define('RatchetError', RatchetError)
  for (const name of ['NetworkError', 'ValidationError', 'TimeoutError', 'AuthenticationError', 'AuthorizationError',
    'RateLimitError', 'ConfigurationError', 'ServiceUnavailableError', 'DataError']) {
    define(name, ({ [name]: class extends RatchetError {} } as any)[name])
  }
  class HttpError extends RatchetError {
    status: number | undefined
    constructor(a?: unknown, b?: unknown, details?: unknown) {
      // Both `new HttpError(404, 'Not found')` (predecessor) and `new HttpError('Not found', 404)`.
      const status = typeof a === 'number' ? a : typeof b === 'number' ? b : undefined
      const message = typeof a === 'number' ? b : a
      super(message ?? (status ? `HTTP ${status}` : undefined), details)
      this.status = status
    }
  }
  define('HttpError', HttpError)
  })

  lazyGroup(['AbortSignal','AbortController','DOMException'], () => {
  // Cancellation: a minimal EventTarget-style AbortSignal built from this realm's intrinsics.
  class AbortSignal {
    aborted = false
    reason: unknown = undefined
    onabort: ((event: unknown) => void) | null = null
    #listeners: Array<(event: unknown) => void> = []
    addEventListener(type: string, fn: (event: unknown) => void) { if (type === 'abort' && typeof fn === 'function') this.#listeners.push(fn) }
    removeEventListener(type: string, fn: (event: unknown) => void) { this.#listeners = this.#listeners.filter((f) => f !== fn) }
    throwIfAborted() { if (this.aborted) throw this.reason }
    static abort(reason?: unknown) { const c = new AbortController(); c.abort(reason); return c.signal }
    static timeout(ms: number) { const c = new AbortController(); G.setTimeout(() => c.abort(new G.TimeoutError(`signal timed out after ${ms} ms`)), ms); return c.signal }
    _fire(reason: unknown) {
      if (this.aborted) return
      this.aborted = true
      this.reason = reason
      const event = { type: 'abort', target: this }
      for (const fn of [this.onabort, ...this.#listeners]) { try { fn?.call(this, event) } catch {} }
    }
  }
  class AbortController {
    signal = new AbortSignal()
    abort(reason?: unknown) { this.signal._fire(reason ?? new G.DOMException('This operation was aborted', 'AbortError')) }
  }
  class DOMException extends Error {
    constructor(message?: string, name = 'Error') { super(message); this.name = name }
  }
  define('AbortSignal', AbortSignal)
  define('AbortController', AbortController)
  define('DOMException', DOMException)
  })

  // console and timers: every call is attributed to the run that owns this context.
  const consoleObj: any = {}
  const levels: Record<string, string> = { log: 'info', info: 'info', debug: 'debug', trace: 'trace', warn: 'warn', error: 'error' }
  for (const method of Object.keys(levels)) {
    consoleObj[method] = (...args: unknown[]) => { host.log(levels[method], args.map(toText).join(' ')) }
  }
  consoleObj.dir = consoleObj.log
  consoleObj.table = consoleObj.log
  consoleObj.assert = (cond: unknown, ...args: unknown[]) => { if (!cond) host.log('error', 'Assertion failed' + (args.length ? ': ' + args.map(toText).join(' ') : '')) }
  define('console', consoleObj)

  const timer = (repeat: boolean) => (fn: unknown, ms?: number, ...args: unknown[]) => {
    if (typeof fn !== 'function') throw new TypeError('timer callback must be a function')
    return host.setTimer(() => fn(...args), Number(ms) || 0, repeat)
  }
  define('setTimeout', timer(false))
  define('setInterval', timer(true))
  define('clearTimeout', (id: number) => host.clearTimer(id))
  define('clearInterval', (id: number) => host.clearTimer(id))
  define('setImmediate', (fn: (...a: unknown[]) => void, ...args: unknown[]) => host.setTimer(() => fn(...args), 0, false))
  define('queueMicrotask', (fn: () => void) => { Promise.resolve().then(fn) })
  define('performance', { now: () => host.now(), timeOrigin: host.timeOrigin() })
  define('atob', (s: string) => call(host.atob(String(s))))
  define('btoa', (s: string) => call(host.btoa(String(s))))
  define('crypto', {
    randomUUID: () => host.randomUUID(),
    getRandomValues: (array: any) => { host.getRandomValues(array); return array },
  })
  define('structuredClone', (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value))))

  lazyGroup(['TextEncoder','TextDecoder','URL','URLSearchParams','Headers','Response','fetch'], () => {
  // UTF-8 text codecs in plain JS.
  class TextEncoder {
    encoding = 'utf-8'
    encode(input = '') {
      const bytes: number[] = []
      for (const ch of String(input)) {
        let cp = ch.codePointAt(0)!
        if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd
        if (cp < 0x80) bytes.push(cp)
        else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
        else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
        else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
      }
      return new Uint8Array(bytes)
    }
  }
  class TextDecoder {
    encoding = 'utf-8'
    decode(input?: ArrayBuffer | ArrayBufferView) {
      if (!input) return ''
      const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array((input as any).buffer, (input as any).byteOffset, (input as any).byteLength)
      return host.decodeUtf8(Array.prototype.join.call(bytes, ','))
    }
  }
  define('TextEncoder', TextEncoder)
  define('TextDecoder', TextDecoder)

  // URL and URLSearchParams: parsing is done by the worker's WHATWG parser, state lives here.
  const encodeForm = (s: string) => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
  const decodeForm = (s: string) => { try { return decodeURIComponent(s.replace(/\+/g, ' ')) } catch { return s } }
  class URLSearchParams {
    #pairs: [string, string][] = []
    #onChange: (() => void) | null = null
    constructor(init?: unknown) {
      if (typeof init === 'string') this._parse(init)
      else if (init instanceof URLSearchParams) this.#pairs = [...init] as [string, string][]
      else if (Array.isArray(init)) this.#pairs = init.map(([k, v]) => [String(k), String(v)])
      else if (init && typeof init === 'object') this.#pairs = Object.entries(init).map(([k, v]) => [k, String(v)])
    }
    _parse(text: string) { this.#pairs = text.replace(/^\?/, '').split('&').filter(Boolean).map((p) => { const i = p.indexOf('='); return i < 0 ? [decodeForm(p), ''] : [decodeForm(p.slice(0, i)), decodeForm(p.slice(i + 1))] }) }
    _bind(fn: () => void) { this.#onChange = fn }
    #changed() { this.#onChange?.() }
    append(k: string, v: unknown) { this.#pairs.push([String(k), String(v)]); this.#changed() }
    set(k: string, v: unknown) { const i = this.#pairs.findIndex(([x]) => x === k); this.#pairs = this.#pairs.filter(([x], j) => x !== k || j === i); if (i < 0) this.#pairs.push([String(k), String(v)]); else this.#pairs[i] = [String(k), String(v)]; this.#changed() }
    delete(k: string) { this.#pairs = this.#pairs.filter(([x]) => x !== k); this.#changed() }
    get(k: string) { return this.#pairs.find(([x]) => x === k)?.[1] ?? null }
    getAll(k: string) { return this.#pairs.filter(([x]) => x === k).map(([, v]) => v) }
    has(k: string) { return this.#pairs.some(([x]) => x === k) }
    sort() { this.#pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); this.#changed() }
    forEach(fn: (v: string, k: string, p: URLSearchParams) => void) { for (const [k, v] of this.#pairs) fn(v, k, this) }
    keys() { return this.#pairs.map(([k]) => k)[Symbol.iterator]() }
    values() { return this.#pairs.map(([, v]) => v)[Symbol.iterator]() }
    entries() { return this.#pairs.map(([k, v]) => [k, v])[Symbol.iterator]() }
    [Symbol.iterator]() { return this.entries() }
    get size() { return this.#pairs.length }
    toString() { return this.#pairs.map(([k, v]) => encodeForm(k) + '=' + encodeForm(v)).join('&') }
  }
  const URL_PARTS = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash']
  const urlState = new WeakMap<object, { parts: Record<string, string>; params: URLSearchParams }>()
  class URL {
    constructor(url: unknown, base?: unknown) {
      setUrl(this, call(host.urlParse(String(url), base === undefined ? undefined : String(base))))
    }
    get searchParams() { return urlState.get(this)!.params }
    toString() { return urlState.get(this)!.parts.href }
    toJSON() { return urlState.get(this)!.parts.href }
    static canParse(url: unknown, base?: unknown) { try { new URL(url, base); return true } catch { return false } }
  }
  const setUrl = (url: URL, json: string) => {
    const parts = JSON.parse(json)
    const params = new URLSearchParams(parts.search)
    params._bind(() => { const q = params.toString(); setUrl(url, call(host.urlSet(parts.href, 'search', q ? '?' + q : ''))) })
    urlState.set(url, { parts, params })
  }
  for (const part of URL_PARTS) {
    Object.defineProperty(URL.prototype, part, {
      get(this: URL) { return urlState.get(this)!.parts[part] },
      set(this: URL, value: unknown) { if (part !== 'origin') setUrl(this, call(host.urlSet(urlState.get(this)!.parts.href, part, String(value)))) },
      configurable: true,
    })
  }
  define('URL', URL)
  define('URLSearchParams', URLSearchParams)

  class Headers {
    #map = new Map<string, string>()
    constructor(init?: unknown) {
      const entries = init instanceof Headers ? [...init] : Array.isArray(init) ? init : init && typeof init === 'object' ? Object.entries(init) : []
      for (const [k, v] of entries as [string, unknown][]) this.append(k, v)
    }
    append(k: string, v: unknown) { const key = String(k).toLowerCase(); const old = this.#map.get(key); this.#map.set(key, old === undefined ? String(v) : old + ', ' + String(v)) }
    set(k: string, v: unknown) { this.#map.set(String(k).toLowerCase(), String(v)) }
    get(k: string) { return this.#map.get(String(k).toLowerCase()) ?? null }
    has(k: string) { return this.#map.has(String(k).toLowerCase()) }
    delete(k: string) { this.#map.delete(String(k).toLowerCase()) }
    forEach(fn: (v: string, k: string, h: Headers) => void) { for (const [k, v] of this.#map) fn(v, k, this) }
    entries() { return this.#map.entries() }
    keys() { return this.#map.keys() }
    values() { return this.#map.values() }
    [Symbol.iterator]() { return this.#map.entries() }
  }
  define('Headers', Headers)

  class Response {
    #body: string | null
    #base64: boolean
    bodyUsed = false
    readonly status: number
    readonly statusText: string
    readonly headers: Headers
    readonly url: string
    readonly redirected: boolean
    constructor(body?: unknown, init: any = {}, meta: any = {}) {
      this.#body = body == null ? null : String(body)
      this.#base64 = Boolean(meta.base64)
      this.status = init.status ?? 200
      this.statusText = init.statusText ?? ''
      this.headers = new Headers(init.headers)
      this.url = meta.url ?? ''
      this.redirected = Boolean(meta.redirected)
    }
    get ok() { return this.status >= 200 && this.status < 300 }
    #take(): string {
      if (this.bodyUsed) throw new TypeError('Body already used: read a response body only once (keep the result of .text() or .json())')
      this.bodyUsed = true
      if (this.#body === null) return ''
      return this.#base64 ? host.decodeBase64Utf8(this.#body) : this.#body
    }
    async text() { return this.#take() }
    async json() {
      const text = this.#take()
      try { return JSON.parse(text) } catch (e: any) { throw new SyntaxError(`Response from ${this.url || 'fetch'} is not valid JSON (${e.message}); body starts with: ${text.slice(0, 80)}`) }
    }
    async arrayBuffer() {
      if (this.bodyUsed) throw new TypeError('Body already used')
      this.bodyUsed = true
      const b64 = this.#body === null ? '' : this.#base64 ? this.#body : host.btoaUtf8(this.#body)
      const bytes = call(host.atob(b64))
      const out = new Uint8Array(bytes.length)
      for (let i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i)
      return out.buffer
    }
    clone() {
      if (this.bodyUsed) throw new TypeError('Body already used')
      return new Response(this.#body, { status: this.status, statusText: this.statusText, headers: this.headers }, { base64: this.#base64, url: this.url, redirected: this.redirected })
    }
    static json(data: unknown, init: any = {}) { return new Response(JSON.stringify(data), { ...init, headers: { 'content-type': 'application/json', ...(init.headers || {}) } }) }
  }
  define('Response', Response)

  let fetchSeq = 0
  define('fetch', async function fetch(resource: unknown, init: any = {}) {
    const url = typeof resource === 'string' ? resource : resource instanceof URL ? resource.toJSON() : String((resource as any)?.url ?? resource)
    const method = String(init.method ?? (resource as any)?.method ?? 'GET').toUpperCase()
    const headers = new Headers(init.headers)
    let body: string | null = null
    if (init.body != null) {
      if (typeof init.body === 'string') body = init.body
      else if (init.body instanceof URLSearchParams) { body = init.body.toString(); if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8') }
      else if (init.body instanceof ArrayBuffer || ArrayBuffer.isView(init.body)) body = new TextDecoder().decode(init.body)
      else { body = JSON.stringify(init.body); if (!headers.has('content-type')) headers.set('content-type', 'application/json') }
    }
    const id = ++fetchSeq
    const signal = init.signal
    if (signal?.aborted) throw signal.reason ?? new G.DOMException('This operation was aborted', 'AbortError')
    const onAbort = () => host.fetchAbort(id)
    signal?.addEventListener?.('abort', onAbort)
    try {
      const reply = JSON.parse(await host.fetch(id, url, method, JSON.stringify([...headers]), body))
      if (reply.error) {
        if (signal?.aborted) throw signal.reason
        const Ctor = G[reply.error.name] ?? G.NetworkError
        throw new Ctor(reply.error.message)
      }
      return new Response(reply.body, { status: reply.status, statusText: reply.statusText, headers: reply.headers }, { base64: true, url: reply.url, redirected: reply.redirected })
    } finally {
      signal?.removeEventListener?.('abort', onAbort)
    }
  })
  })

  define('require', (name: string) => {
    throw new G.ConfigurationError(`require('${name}') is not available: tasks run sandboxed without modules. Use the globals fetch, console, URL, crypto and the context argument instead.`)
  })

  /** Finds the task's entry point among the accepted code forms. */
  const resolveMain = (local: unknown, module: { exports: any }, exports: any): ((input: unknown, context: unknown) => unknown) | null => {
    if (typeof local === 'function') return local as any
    const exp = module.exports
    if (typeof exp === 'function') return exp
    if (exp && typeof exp.main === 'function') return exp.main
    if (exp && typeof exp.default === 'function') return exp.default
    if (exp && exp.default && typeof exp.default.main === 'function') return exp.default.main
    if (exports !== exp && exports && typeof exports.main === 'function') return exports.main
    return null
  }

  /**
   * Runs the task; resolves to the output's JSON text. Rejections carry this realm's error object.
   * `factory` is the task's module compiled as a function: calling it runs the module's top level
   * afresh, so its `let`/`const`/closures belong to this execution alone.
   */
  const run = async (factory: (module: unknown, exports: unknown, require: unknown) => unknown, inputJson: string, fields: any, maxOutputBytes: number) => {
    // Task code starts on a microtask of its own: no frame of the worker (and so none of the server's
    // file paths) is on the stack that `new Error().stack` shows the task.
    await undefined
    const module = { exports: {} as any }
    const exports = module.exports
    const local = factory.call(G, module, exports, G.require)
    const main = resolveMain(local, module, exports)
    if (!main) {
      throw new G.ConfigurationError('No entry point found: define `function main(input, context)`, `module.exports = { main }`, `export default function`, or make the file a single function expression')
    }
    const controller = new G.AbortController()
    const log: any = {}
    for (const level of ['trace', 'debug', 'info', 'warn', 'error']) {
      log[level] = (message: unknown, data?: unknown) => host.log(level, toText(message), data === undefined ? undefined : toText(data))
    }
    const ask = async (kind: 'sample' | 'elicit', request: unknown) => {
      let params: string
      try {
        params = JSON.stringify(request ?? {})
      } catch (e: any) {
        throw new TypeError(`context.${kind}() needs a JSON request: ${e.message}`)
      }
      const reply = JSON.parse(await host.ask(kind, params))
      if (reply.error) {
        const Ctor = G[reply.error.name] && G[reply.error.name].prototype instanceof Error ? G[reply.error.name] : G.ConfigurationError
        throw new Ctor(reply.error.message)
      }
      return reply.result
    }
    const context = Object.freeze({
      ...fields,
      /** Asks the MCP client's model: `{ messages: [{ role, text }], systemPrompt?, maxTokens? }` → `{ text, model }`. */
      sample: (request: unknown) => ask('sample', request),
      /** Asks the user through the MCP client: `{ message, requestedSchema }` → `{ action, content? }`. */
      elicit: (request: unknown) => ask('elicit', request),
      signal: controller.signal,
      log: Object.freeze(log),
      progress(value: unknown, total?: unknown, message?: unknown) {
        const p: any = typeof value === 'object' && value !== null ? value : { progress: value, total, message }
        const progress = Number(p.progress)
        if (!Number.isFinite(progress)) throw new TypeError('context.progress() needs a number: a fraction (0.5) or { progress, total?, message? }')
        host.progress(progress, p.total === undefined ? (typeof value === 'number' && total === undefined ? 1 : undefined) : Number(p.total), p.message === undefined ? undefined : String(p.message))
      },
    })
    abortRun = (reason: string) => controller.abort(new G.TimeoutError(reason))
    const output = await main(JSON.parse(inputJson), context)
    let text: string | undefined
    try {
      text = JSON.stringify(output === undefined ? null : output)
    } catch (e: any) {
      throw new G.DataError(`The task's output is not JSON-serialisable: ${e.message}. Return plain objects, arrays, strings, numbers, booleans or null.`)
    }
    if (text === undefined) text = 'null'
    if (text.length > maxOutputBytes) {
      throw new G.DataError(`The task's output is ${text.length} bytes, over the ${maxOutputBytes}-byte limit; return a smaller result or store large data elsewhere.`)
    }
    return text
  }
  let abortRun: (reason: string) => void = () => {}

  /** Reads a thrown value of this realm into plain fields. */
  const describe = (error: any) => {
    if (error instanceof Error || (error && typeof error === 'object' && 'message' in error)) {
      let details: string | undefined
      try { details = error.details === undefined ? undefined : JSON.stringify(error.details) } catch {}
      return JSON.stringify({ type: String(error.name || 'Error'), message: String(error.message), stack: String(error.stack || ''), status: typeof error.status === 'number' ? error.status : undefined, details })
    }
    return JSON.stringify({ type: 'Error', message: `A non-Error value was thrown: ${toText(error)}`, stack: '' })
  }

  /**
   * Freezes every built-in reachable from the global object (intrinsics, and the globals above) so no
   * run can change them for the next one. Assigning an inherited property such as `this.name` in an
   * Error subclass would then fail (the "override mistake"), so those common names become accessors
   * that define the property on the receiver instead, as SES does.
   */
  const TAMED = new Set(['constructor', 'toString', 'toLocaleString', 'valueOf', 'name', 'message', 'toJSON', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable'])
  const harden = () => {
    const seen = new WeakSet<object>([G])
    const pending: unknown[] = [...Reflect.ownKeys(G).map((key) => Object.getOwnPropertyDescriptor(G, key)), ...hiddenIntrinsics()]
    while (pending.length > 0) {
      const item: any = pending.pop()
      if (item && typeof item === 'object' && !seen.has(item) && Object.getPrototypeOf(item) === Object.prototype && ('value' in item || 'get' in item) && ('configurable' in item)) {
        // A property descriptor: visit what it holds.
        pending.push(item.value, item.get, item.set)
        continue
      }
      if ((typeof item !== 'object' && typeof item !== 'function') || item === null || seen.has(item)) continue
      seen.add(item)
      for (const key of Reflect.ownKeys(item)) {
        const desc = Object.getOwnPropertyDescriptor(item, key)!
        if (typeof key === 'string' && TAMED.has(key) && 'value' in desc && desc.configurable && typeof item === 'object') {
          const value = desc.value
          const owner = item
          Object.defineProperty(item, key, {
            get() { return value },
            set(this: object, next: unknown) {
              if (this === owner) throw new TypeError(`Cannot change the built-in property '${key}': built-ins are frozen so that one execution cannot affect the next`)
              Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true })
            },
            enumerable: desc.enumerable,
            configurable: false,
          })
        }
        pending.push(desc.value, desc.get, desc.set)
      }
      pending.push(Object.getPrototypeOf(item))
      Object.freeze(item)
    }
  }

  /**
   * Intrinsics no global property leads to (reached through instances instead), so the walk from the
   * global object misses them: the iterator prototypes, the generator and async function families,
   * %TypedArray% and %ThrowTypeError%. The walk also visits their prototypes and constructors.
   */
  function hiddenIntrinsics(): unknown[] {
    const proto = Object.getPrototypeOf
    const found: unknown[] = [
      proto([][Symbol.iterator]()),
      proto(proto([][Symbol.iterator]())),
      proto(new Map()[Symbol.iterator]()),
      proto(new Set()[Symbol.iterator]()),
      proto(''[Symbol.iterator]()),
      proto(/(?:)/g[Symbol.matchAll]('')),
      proto(function* () {}),
      proto(function* () {}).prototype,
      proto(async function () {}),
      proto(async function* () {}),
      proto(async function* () {}).prototype,
      proto(proto(async function* () {}).prototype),
      proto(Uint8Array),
      proto(Uint8Array.prototype),
      Object.getOwnPropertyDescriptor((function (this: unknown) { 'use strict'; return arguments })(), 'callee')?.get,
    ]
    const segmenter = (G as { Intl?: { Segmenter?: new () => { segment(text: string): object } } }).Intl?.Segmenter
    if (typeof segmenter === 'function') {
      const segments = new segmenter().segment('')
      found.push(proto(segments), proto((segments as Iterable<unknown>)[Symbol.iterator]()))
    }
    return found
  }

  const clearRegExpStatics = new RegExp('(?:)')

  /** The global object after the task's module loaded: every run starts from it. */
  let baseline: Map<PropertyKey, PropertyDescriptor> | null = null
  const snapshot = () => {
    baseline = new Map(Reflect.ownKeys(G).map((key) => [key, Object.getOwnPropertyDescriptor(G, key)!]))
  }
  /** Puts the global object back as the module left it; false when it cannot (the context is then dropped). */
  const reset = (): boolean => {
    // The legacy RegExp statics (RegExp.$1, lastMatch, input, …) hold the last match of this realm:
    // a dummy match overwrites what the run matched.
    clearRegExpStatics.exec('')
    if (!baseline) return false
    try {
      for (const key of Reflect.ownKeys(G)) {
        if (!baseline.has(key) && !Reflect.deleteProperty(G, key)) return false
      }
      for (const [key, desc] of baseline) {
        const now = Object.getOwnPropertyDescriptor(G, key)
        if (now && now.value === desc.value && now.get === desc.get && now.set === desc.set && now.writable === desc.writable) continue
        if (!Reflect.defineProperty(G, key, desc)) return false
      }
      return true
    } catch {
      return false
    }
  }

  return { run, describe, abort: (reason: string) => abortRun(reason), harden, snapshot, reset }
}
