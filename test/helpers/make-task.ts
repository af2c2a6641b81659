import type { HttpMock, JsonSchema, TaskPackage, TaskTestCase } from '../../src/tasks/types.ts'

export interface MakeTaskOptions {
  code: string
  name?: string
  version?: string
  inputSchema?: JsonSchema | null
  outputSchema?: JsonSchema | null
  tests?: Array<Partial<TaskTestCase> & { input: unknown; mockHttp?: HttpMock[] }>
}

let taskSeq = 0

/**
 * An in-memory TaskPackage (nothing on disk). The entry file is a unique absolute path so error
 * locations can be asserted; the checksum depends on the code, so each distinct code is a new version.
 */
export function makeTask(options: MakeTaskOptions): TaskPackage {
  const name = options.name ?? `task-${++taskSeq}`
  const dir = `/virtual/tasks/${name}`
  const inputSchema = options.inputSchema ?? null
  const outputSchema = options.outputSchema ?? null
  const checksum = new Bun.CryptoHasher('sha256')
    .update(JSON.stringify([name, options.version ?? '1.0.0', options.code, inputSchema, outputSchema]))
    .digest('hex')
  const tests: TaskTestCase[] = (options.tests ?? []).map((t, i) => ({
    name: t.name ?? `case-${i + 1}`,
    input: t.input,
    hasExpected: t.hasExpected ?? 'expectedOutput' in t,
    ...('expectedOutput' in t ? { expectedOutput: t.expectedOutput } : {}),
    shouldFail: t.shouldFail ?? false,
    mockHttp: t.mockHttp ?? [],
    file: t.file ?? `${dir}/tests/case-${i + 1}.json`,
  }))
  return {
    name,
    version: options.version ?? '1.0.0',
    description: `test task ${name}`,
    tags: [],
    dir,
    entryFile: `${dir}/main.js`,
    code: options.code,
    inputSchema,
    outputSchema,
    tests,
    checksum,
    layout: 'metadata.json',
    metadata: { name, version: options.version ?? '1.0.0' },
  }
}
