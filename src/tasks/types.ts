/** A JSON Schema as written by users: an object (or boolean) we compile with TypeBox. */
export type JsonSchema = Record<string, unknown> | boolean

export interface HttpMock {
  url: string
  /** Upper-case HTTP method; undefined matches any method. */
  method?: string
  response: { status: number; headers?: Record<string, string>; body?: unknown }
}

export interface TaskTestCase {
  name: string
  description?: string
  input: unknown
  /** True when the file had `expected_output` or `expected`. */
  hasExpected: boolean
  expectedOutput?: unknown
  shouldFail: boolean
  mockHttp: HttpMock[]
  /** Absolute path of the test file (or of meta.yaml for inline test_cases). */
  file: string
}

/** A loaded, validated task package. Immutable once loaded; `checksum` identifies the version content. */
export interface TaskPackage {
  name: string
  version: string
  description: string
  tags: string[]
  uuid?: string
  category?: string
  /** Absolute path of the task folder. */
  dir: string
  /** Absolute path of the code file (main.js, or meta.yaml's entrypoint). */
  entryFile: string
  /** The code as written by the user. */
  code: string
  inputSchema: JsonSchema | null
  outputSchema: JsonSchema | null
  tests: TaskTestCase[]
  /** sha256 (hex) over metadata, code and schemas: a new value means a new task version. */
  checksum: string
  layout: 'metadata.json' | 'meta.yaml'
  /** The metadata file's whole content, for display. */
  metadata: Record<string, unknown>
}

/** One thing wrong with a task package, naming the file and the cause. */
export interface TaskProblem {
  file: string
  message: string
  /** How to fix it. */
  hint?: string
}
