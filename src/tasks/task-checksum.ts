import { relative } from 'node:path'
import type { JsonSchema, TaskTestCase } from './types.ts'

/** The parts of a task package that define its version content. */
export interface ChecksumParts {
  metadata: Record<string, unknown>
  code: string
  inputSchema: JsonSchema | null
  outputSchema: JsonSchema | null
  tests: TaskTestCase[]
  /** Absolute task folder; test file paths are hashed relative to it so moving the folder changes nothing. */
  dir: string
}

/**
 * sha256 (hex) over a stable serialisation (sorted object keys) of metadata, code, both schemas and
 * the tests. Equal content gives an equal checksum whatever the key order or folder location.
 */
export function computeTaskChecksum(parts: ChecksumParts): string {
  const tests = parts.tests.map((test) => ({ ...test, file: relative(parts.dir, test.file) }))
  const payload = stableStringify({
    metadata: parts.metadata,
    code: parts.code,
    inputSchema: parts.inputSchema,
    outputSchema: parts.outputSchema,
    tests,
  })
  return new Bun.CryptoHasher('sha256').update(payload).digest('hex')
}

/** JSON.stringify with object keys sorted at every level; undefined values are dropped like JSON does. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((item) => stableStringify(item === undefined ? null : item)).join(',')}]`
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`)
  return `{${entries.join(',')}}`
}
