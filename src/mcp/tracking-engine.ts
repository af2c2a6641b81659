import type { Engine, ExecuteRequest, Submitted } from '../engine/engine.ts'

export interface TrackedEngine extends Engine {
  /** Ids of the executions this call submitted, in order. */
  readonly submitted: readonly string[]
}

/**
 * The engine as one tool call sees it: every execution it submits is reported to `onSubmit` (so the
 * session can stream its logs and a task-augmented call can use the execution id as its task id) and
 * is cancelled when `signal` aborts, whether or not the handler listens to the signal itself.
 */
export function trackEngine(engine: Engine, signal: AbortSignal, onSubmit: (submitted: Submitted, request: ExecuteRequest) => void): TrackedEngine {
  const submitted: string[] = []
  const unfinished = new Set<string>()
  const reason = () => (signal.reason instanceof Error ? signal.reason.message : typeof signal.reason === 'string' ? signal.reason : 'the MCP request was cancelled')
  // Cancelling the call's own executions: a scoped engine allows it, and a refusal or a failed owner
  // read would leave nobody to tell (the client has gone), so it is not reported.
  const cancel = (id: string) => void engine.cancel(id, reason()).catch(() => false)
  signal.addEventListener('abort', () => {
    for (const id of unfinished) cancel(id)
  }, { once: true })

  const submit = (request: ExecuteRequest): Submitted => {
    const result = engine.submit(request)
    submitted.push(result.id)
    unfinished.add(result.id)
    void result.done.then(() => unfinished.delete(result.id))
    onSubmit(result, request)
    if (signal.aborted) cancel(result.id)
    return result
  }

  return {
    submitted,
    submit,
    execute: (request) => submit(request).done,
    cancel: (id, why) => engine.cancel(id, why),
    subscribe: (listener) => engine.subscribe(listener),
    stats: () => engine.stats(),
    // The runtime owns the engine; a tool call never shuts it down.
    close: async () => {},
  }
}
