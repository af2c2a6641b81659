import { isPlainObject } from './internal/json-value.ts'
import type { JsonSchema, TaskPackage, TaskTestCase } from './types.ts'

/**
 * A task package as data, before it is written: what create_task, import and templates produce and
 * what export reads back. `tests` hold each test file's JSON; `metadata` holds the metadata.json
 * fields other than name, version, description and tags (uuid, category, created_at, ...).
 */
export interface TaskDraft {
  name: string
  version: string
  description: string
  tags: string[]
  code: string
  inputSchema: JsonSchema | null
  outputSchema: JsonSchema | null
  tests: Record<string, unknown>[]
  metadata: Record<string, unknown>
}

/** Fields set from the draft itself, never taken from `metadata`. */
const OWN_FIELDS = ['name', 'label', 'version', 'description', 'tags']
/** meta.yaml-only keys that mean nothing in the metadata.json layout. */
const YAML_FIELDS = ['entrypoint', 'runtime', 'inputs', 'outputs', 'input_schema', 'output_schema', 'test_cases']

/** The draft's metadata fields, without the ones the draft sets itself or that only meta.yaml reads. */
export function extraMetadata(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !OWN_FIELDS.includes(key) && !YAML_FIELDS.includes(key)))
}

/**
 * A test case as given by a client (`expected` accepted for `expected_output`) turned into the JSON
 * of a test file. Keys are kept in a readable order; unknown keys are kept after them.
 */
export function normaliseTestCase(raw: Record<string, unknown>): Record<string, unknown> {
  const { name, description, input, expected_output, expected, should_fail, mock, ...rest } = raw
  const out: Record<string, unknown> = {}
  if (name !== undefined) out.name = name
  if (description !== undefined) out.description = description
  if ('input' in raw) out.input = input
  if ('expected_output' in raw) out.expected_output = expected_output
  else if ('expected' in raw) out.expected_output = expected
  if (should_fail !== undefined) out.should_fail = should_fail
  if (mock !== undefined) out.mock = mock
  return { ...out, ...rest }
}

/** A parsed test case back as test-file JSON (the inverse of parseTestCase). */
export function testCaseToJson(test: TaskTestCase): Record<string, unknown> {
  return {
    name: test.name,
    ...(test.description !== undefined ? { description: test.description } : {}),
    input: test.input,
    ...(test.hasExpected ? { expected_output: test.expectedOutput } : {}),
    ...(test.shouldFail ? { should_fail: true } : {}),
    ...(test.mockHttp.length > 0 ? { mock: { http: test.mockHttp } } : {}),
  }
}

/** A loaded package (either layout) as a draft in the metadata.json layout. */
export function draftFromPackage(pkg: TaskPackage, options: { includeTests?: boolean } = {}): TaskDraft {
  return {
    name: pkg.name,
    version: pkg.version,
    description: pkg.description,
    tags: [...pkg.tags],
    code: pkg.code,
    inputSchema: pkg.inputSchema,
    outputSchema: pkg.outputSchema,
    tests: options.includeTests === false ? [] : pkg.tests.map(testCaseToJson),
    metadata: extraMetadata(pkg.metadata),
  }
}

/**
 * The files of a draft in the metadata.json layout, by path relative to the task folder: metadata.json,
 * main.js, the schemas that are not null, and tests/test-001.json onwards.
 */
export function draftFiles(draft: TaskDraft): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
  const metadata = { name: draft.name, version: draft.version, description: draft.description, tags: draft.tags, ...extraMetadata(draft.metadata) }
  const files: Record<string, string> = {
    'metadata.json': json(metadata),
    'main.js': draft.code.endsWith('\n') ? draft.code : `${draft.code}\n`,
  }
  if (draft.inputSchema !== null) files['input.schema.json'] = json(draft.inputSchema)
  if (draft.outputSchema !== null) files['output.schema.json'] = json(draft.outputSchema)
  draft.tests.forEach((test, index) => {
    files[`tests/test-${String(index + 1).padStart(3, '0')}.json`] = json(isPlainObject(test) ? normaliseTestCase(test) : test)
  })
  return files
}
