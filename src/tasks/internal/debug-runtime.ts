/**
 * The debugger's runtime, placed by instrumentTask on the task's first line (after any directive). It runs INSIDE
 * the execution's sandboxed context, so it is turned into source with `Function.prototype.toString` and
 * must not reference anything outside its own body. Which statements are hits is decided when
 * instrumenting: `__ratchet_dbg(line, read?)` is a breakpoint hit (with a function that reads the visible
 * variables), `__ratchet_dbg.s(line)` a plain step. The runtime counts steps, snapshots the
 * variables into bounded JSON-safe previews and emits one event per call through `console.debug`, which
 * the engine stores as an execution log entry. Past `maxSteps` it throws, stopping runaway loops.
 */
export interface DebugRuntimeConfig {
  /** Prefix of every event's log message (control characters keep it apart from task output). */
  marker: string
  captureVariables: boolean
  maxSteps: number
  /** Hits per breakpoint line that carry a variables snapshot; later hits are counted only. */
  maxCapturedHits: number
}

/** Bounds of one variables snapshot: it must fit in one log entry (64 KiB). */
export const PREVIEW_LIMITS = { depth: 3, items: 25, stringChars: 160, nodes: 250, eventChars: 60_000 }

/* eslint-disable */
export function debugRuntime(cfg: DebugRuntimeConfig, limits: typeof PREVIEW_LIMITS): any {
  'use strict'
  // Captured before the task runs, so a task that replaces console or JSON cannot break the debugger.
  const emit = console.debug
  const stringify = JSON.stringify
  const ownKeys = Object.keys
  const describeProperty = Object.getOwnPropertyDescriptor
  const isArray = Array.isArray
  const TDZ = {}
  const hits: Record<number, number> = Object.create(null)
  let steps = 0
  let stopped = false

  const cut = (text: string) => (text.length > limits.stringChars ? text.slice(0, limits.stringChars) + '… (' + text.length + ' chars)' : text)
  const functionLabel = (fn: any) => {
    let name = ''
    try { name = typeof fn.name === 'string' ? fn.name : '' } catch {}
    return '[Function ' + (name || '(anonymous)') + ']'
  }
  const className = (value: any) => {
    try {
      const proto = Object.getPrototypeOf(value)
      if (proto === null) return 'Object'
      const ctor = proto.constructor
      return typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name ? ctor.name : 'Object'
    } catch { return 'Object' }
  }

  const preview = (value: any, depth: number, stack: any[], budget: { nodes: number }): any => {
    budget.nodes--
    if (value === null) return null
    const type = typeof value
    if (type === 'string') return cut(value)
    if (type === 'number') return value === value && value !== Infinity && value !== -Infinity ? value : String(value)
    if (type === 'boolean') return value
    if (type === 'undefined') return '[undefined]'
    if (type === 'bigint') return String(value) + 'n'
    if (type === 'symbol') return '[' + String(value) + ']'
    if (type === 'function') return functionLabel(value)
    for (let i = 0; i < stack.length; i++) if (stack[i] === value) return '[Circular]'
    if (budget.nodes <= 0) return '[…]'
    try {
      if (value instanceof Date) return isNaN(value.getTime()) ? '[Invalid Date]' : value.toISOString()
      if (value instanceof RegExp) return String(value)
      if (value instanceof Error) return '[' + cut(String(value.name) + ': ' + String(value.message)) + ']'
      if (value instanceof Promise) return '[Promise]'
      if (value instanceof WeakMap || value instanceof WeakSet) return '[' + className(value) + ']'
      if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return '[' + className(value) + '(' + ((value as any).length ?? value.byteLength) + ')]'
      const name = className(value)
      if (value instanceof Map || value instanceof Set) {
        if (depth >= limits.depth) return '[' + name + '(' + value.size + ')]'
        const items: any[] = []
        stack.push(value)
        for (const entry of value instanceof Map ? value.entries() : value.values()) {
          if (items.length >= limits.items || budget.nodes <= 0) break
          items.push(value instanceof Map ? [preview(entry[0], depth + 1, stack, budget), preview(entry[1], depth + 1, stack, budget)] : preview(entry, depth + 1, stack, budget))
        }
        stack.pop()
        return value instanceof Map ? { '[Map]': items, size: value.size } : { '[Set]': items, size: value.size }
      }
      if (isArray(value)) {
        if (depth >= limits.depth) return '[Array(' + value.length + ')]'
        const out: any[] = []
        stack.push(value)
        const shown = Math.min(value.length, limits.items)
        for (let i = 0; i < shown && budget.nodes > 0; i++) out.push(preview(value[i], depth + 1, stack, budget))
        stack.pop()
        if (out.length < value.length) out.push('… ' + (value.length - out.length) + ' more items')
        return out
      }
      if (depth >= limits.depth) return '[' + name + ']'
      const out: Record<string, any> = {}
      const keys = ownKeys(value)
      stack.push(value)
      let shown = 0
      for (let i = 0; i < keys.length && shown < limits.items && budget.nodes > 0; i++, shown++) {
        const property = describeProperty(value, keys[i])
        const key = cut(keys[i])
        if (!property) continue
        if ('value' in property) out[key] = preview(property.value, depth + 1, stack, budget)
        else out[key] = property.get && property.set ? '[Getter/Setter]' : property.get ? '[Getter]' : '[Setter]'
      }
      stack.pop()
      if (shown < keys.length) out['…'] = keys.length - shown + ' more keys'
      if (name !== 'Object' && out['[class]'] === undefined) return { '[class]': name, ...out }
      return out
    } catch {
      return '[Unreadable]'
    }
  }

  const snapshot = (read: () => Record<string, unknown>) => {
    const values = read()
    const budget = { nodes: limits.nodes }
    const out: Record<string, unknown> = {}
    const names = ownKeys(values)
    for (let i = 0; i < names.length; i++) {
      const value = values[names[i]]
      out[names[i]] = value === TDZ ? '<uninitialised>' : preview(value, 0, [], budget)
    }
    return out
  }

  const step = (line: number) => {
    steps++
    if (steps > cfg.maxSteps) {
      if (!stopped) {
        stopped = true
        emit(cfg.marker + stringify({ limit: cfg.maxSteps, l: line }))
      }
      const error = new Error('Debugging stopped before line ' + line + ': the run reached max_steps (' + cfg.maxSteps + ' statements executed). Raise max_steps, or debug with breakpoints instead of step_mode.')
      error.name = 'StepLimitExceeded'
      throw error
    }
  }

  /** A breakpoint line's first statement: a hit, with the variables when asked for. */
  const dbg: any = function __ratchet_dbg(line: number, read?: () => Record<string, unknown>) {
    step(line)
    const hit = (hits[line] = (hits[line] || 0) + 1)
    const event: Record<string, unknown> = { s: steps, l: line, h: hit }
    if (read && cfg.captureVariables && hit <= cfg.maxCapturedHits) {
      try {
        event.v = snapshot(read)
      } catch (error) {
        event.v = { '<error>': 'the variables could not be read: ' + String(error) }
      }
    }
    let text = stringify(event)
    if (text.length > limits.eventChars) {
      event.v = { '<too large>': 'the variables snapshot is over ' + limits.eventChars + ' characters' }
      text = stringify(event)
    }
    emit(cfg.marker + text)
  }
  /** Any other instrumented statement (step mode): a step only. */
  dbg.s = (line: number) => {
    step(line)
    emit(cfg.marker + stringify({ s: steps, l: line }))
  }
  dbg.v = (read: () => unknown) => {
    try {
      return read()
    } catch {
      return TDZ
    }
  }
  return dbg
}
