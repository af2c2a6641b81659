export type KeyPath = Array<string | number>

/** `['registry', 'sources', 0, 'uri']` → `registry.sources[0].uri`; the root is `(root)`. */
export function formatKeyPath(path: readonly (string | number)[]): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out ? `.${segment}` : segment
    else out += `[${JSON.stringify(segment)}]`
  }
  return out || '(root)'
}

/** Splits a JSON Pointer (`/registry/sources/0`) into segments, making indexes into arrays numbers. */
export function parseInstancePath(pointer: string, root: unknown): KeyPath {
  const path: KeyPath = []
  let node = root
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    const segment = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key
    path.push(segment)
    node = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[segment] : undefined
  }
  return path
}

/** Reads the value at `path`, or undefined when any step is missing. */
export function getAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string | number, unknown>)[segment]
  }
  return node
}

/**
 * Writes `value` at `path`, creating mappings for missing (or null) steps. A step that holds some
 * other value is left alone, so that validation still reports it; returns whether it wrote.
 */
export function setAt(root: Record<string, unknown>, path: readonly string[], value: unknown): boolean {
  let node = root
  for (const segment of path.slice(0, -1)) {
    const next = node[segment]
    if (next === undefined || next === null) node[segment] = {}
    else if (typeof next !== 'object' || Array.isArray(next)) return false
    node = node[segment] as Record<string, unknown>
  }
  node[path[path.length - 1]] = value
  return true
}
