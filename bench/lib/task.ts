import { computeTaskChecksum } from '../../src/tasks/task-checksum.ts'
import type { JsonSchema, TaskPackage } from '../../src/tasks/types.ts'

export const ADD_CODE = 'function main(input) { return { result: input.a + input.b } }\n'

const inputSchema = (tag?: string): JsonSchema => ({
  type: 'object',
  properties: { a: { type: 'number' }, b: { type: 'number' } },
  required: ['a', 'b'],
  ...(tag ? { description: tag } : {}),
})
const outputSchema = (tag?: string): JsonSchema => ({
  type: 'object',
  properties: { result: { type: 'number' } },
  required: ['result'],
  ...(tag ? { description: tag } : {}),
})

/**
 * The trivial `{a,b} → {result: a+b}` task as a loaded package. `variant` makes a distinct version:
 * different code (a trailing comment) and, with `newSchemas`, different schemas too, so a different checksum.
 */
export function addTask(dir: string, variant?: string, newSchemas = false): TaskPackage {
  const name = variant ? `bench-add-${variant}` : 'bench-add'
  const code = variant ? `${ADD_CODE}// variant ${variant}\n` : ADD_CODE
  const metadata = { name, version: '1.0.0', description: 'bench: adds two numbers' }
  const schemaTag = newSchemas ? variant : undefined
  const parts = { metadata, code, inputSchema: inputSchema(schemaTag), outputSchema: outputSchema(schemaTag), tests: [], dir }
  return {
    name,
    version: '1.0.0',
    description: metadata.description,
    tags: ['bench'],
    dir,
    entryFile: `${dir}/${name}/main.js`,
    code,
    inputSchema: parts.inputSchema,
    outputSchema: parts.outputSchema,
    tests: [],
    checksum: computeTaskChecksum(parts),
    layout: 'metadata.json',
    metadata,
  }
}
