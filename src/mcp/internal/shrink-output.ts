/**
 * Makes a tool's structured output fit a byte budget without dropping it: a successful call of a tool
 * with an output schema must carry structuredContent, and an `isError` result for a call that worked
 * invites the client to retry a side-effecting task.
 *
 * First, execution payloads (`output` and `input` next to an `execution_id`) are swapped, largest
 * first, for a placeholder naming the resource that holds them in full. Then, if that is not enough,
 * the largest strings are shortened and the largest arrays lose items from the end. The caller checks
 * the result against the output schema and falls back when the cuts broke it.
 */

/** What replaces an execution's `output` (or `input`) that did not fit. */
export interface TruncatedPlaceholder {
  truncated: true
  /** Size of the value as compact JSON. */
  bytes: number
  /** Where the whole value can be read (resources/read). */
  resource: string
}

export interface ShrinkResult {
  value: unknown
  /** One line per cut, for the note in the text content (`/output: …`). */
  cuts: string[]
  /** Execution ids whose payloads were replaced by a placeholder. */
  executionIds: string[]
}

type Node = Record<string, unknown> | unknown[]
interface Candidate {
  parent: Node
  key: string | number
  path: string
  bytes: number
}

const MAX_ROUNDS = 64
/** Shorter strings are not worth cutting: the marker alone is about this long. */
const MIN_CUT_STRING = 48
const PAYLOAD_KEYS = ['output', 'input'] as const

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8')
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null
const pointer = (path: string, key: string | number) => `${path}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`

/** Every value below `root` that `pick` selects, with its parent, JSON pointer and size. */
function collect(root: unknown, pick: (value: unknown, parent: Node, key: string | number) => boolean): Candidate[] {
  const found: Candidate[] = []
  const walk = (node: Node, path: string) => {
    const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node)
    for (const [key, value] of entries) {
      const at = pointer(path, key)
      if (pick(value, node, key)) found.push({ parent: node, key, path: at, bytes: bytesOf(value) })
      if (isNode(value)) walk(value, at)
    }
  }
  if (isNode(root)) walk(root, '')
  return found.sort((a, b) => b.bytes - a.bytes)
}

const get = (c: Candidate) => (c.parent as Record<string | number, unknown>)[c.key]
const set = (c: Candidate, value: unknown) => {
  ;(c.parent as Record<string | number, unknown>)[c.key] = value
}

/** Replaces execution payloads, largest first, until the whole fits or none is left. */
function replacePayloads(root: unknown, limitBytes: number, result: ShrinkResult): void {
  const payloads = collect(root, (value, parent, key) => {
    if (Array.isArray(parent) || !PAYLOAD_KEYS.includes(key as (typeof PAYLOAD_KEYS)[number])) return false
    return typeof (parent as Record<string, unknown>).execution_id === 'string' && value !== undefined && !isPlaceholder(value)
  })
  for (const payload of payloads) {
    if (bytesOf(root) <= limitBytes) return
    const id = (payload.parent as Record<string, unknown>).execution_id as string
    const placeholder: TruncatedPlaceholder = { truncated: true, bytes: payload.bytes, resource: `ratchet://executions/${id}` }
    if (bytesOf(placeholder) >= payload.bytes) continue
    set(payload, placeholder)
    result.cuts.push(`${payload.path} (${payload.bytes} bytes) → placeholder`)
    if (!result.executionIds.includes(id)) result.executionIds.push(id)
  }
}

/** Shortens the largest string or array by about the excess; false when nothing can be cut. */
function cutLargest(root: unknown, excess: number, result: ShrinkResult): boolean {
  const [largest] = collect(root, (value) => (typeof value === 'string' && value.length > MIN_CUT_STRING) || (Array.isArray(value) && value.length > 0))
  if (!largest) return false
  const value = get(largest)
  if (typeof value === 'string') {
    const marker = ` … [cut: ${largest.bytes} bytes]`
    // Characters, not bytes: cutting by the byte excess can only take away more than needed.
    let keep = Math.max(0, value.length - excess - Buffer.byteLength(marker))
    if (keep > 0 && /[\uD800-\uDBFF]/.test(value[keep - 1])) keep -= 1
    set(largest, value.slice(0, keep) + marker)
    result.cuts.push(`${largest.path} is cut to ${keep} of ${value.length} characters`)
    return true
  }
  const items = value as unknown[]
  let kept = items.length
  let removed = 0
  while (kept > 0 && removed < excess) removed += bytesOf(items[--kept]) + 1
  set(largest, items.slice(0, kept))
  result.cuts.push(`${largest.path} is cut to its first ${kept} of ${items.length} items`)
  return true
}

export function isPlaceholder(value: unknown): value is TruncatedPlaceholder {
  return isNode(value) && !Array.isArray(value) && value.truncated === true && typeof value.resource === 'string'
}

/**
 * A copy of `output` whose compact JSON is at most `limitBytes`, with what was cut; null when even
 * cutting every string and array does not get it there.
 */
export function shrinkOutput(output: unknown, limitBytes: number): ShrinkResult | null {
  const result: ShrinkResult = { value: structuredClone(output), cuts: [], executionIds: [] }
  replacePayloads(result.value, limitBytes, result)
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const excess = bytesOf(result.value) - limitBytes
    if (excess <= 0) return result
    if (!cutLargest(result.value, excess, result)) return null
  }
  return bytesOf(result.value) <= limitBytes ? result : null
}
