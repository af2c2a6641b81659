import { readdir, readlink } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import { parseJson } from './parse-json.ts'
import { parseTestCase, type ParsedTestCase } from './parse-test-case.ts'
import { pathKind, readTaskMetadata } from './read-metadata.ts'
import { checkSchema, compileSchema } from './schema.ts'
import { computeTaskChecksum } from './task-checksum.ts'
import { checkSyntax } from './to-script.ts'
import type { JsonSchema, TaskPackage, TaskProblem, TaskTestCase } from './types.ts'

/** Everything learned by reading a task folder: every problem, plus the parts that were readable. */
export interface TaskInspection {
  /** Absolute task folder. */
  dir: string
  layout: TaskPackage['layout'] | null
  /** Every problem found, in file order: metadata, code, schemas, tests. */
  problems: TaskProblem[]
  /** The package, when there are no problems. */
  pkg: TaskPackage | null
  /** Schemas that compiled (null when absent or broken). */
  inputSchema: JsonSchema | null
  outputSchema: JsonSchema | null
  /** Well-formed tests (broken ones are in `problems`). */
  tests: TaskTestCase[]
  /** Advice that does not make the package invalid: test-case keys that are ignored. */
  warnings: TaskProblem[]
  /** The warnings about each well-formed test, so a test report can note them next to the case. */
  testWarnings: Map<TaskTestCase, TaskProblem[]>
  /** Number of test cases written down (inline test_cases plus tests/*.json), well-formed or not. */
  declaredTests: number
  /** Where each schema comes from (`input.schema.json`, `meta.yaml`), or null when there is none. */
  schemaSources: { input: string | null; output: string | null }
}

/**
 * Reads a task folder in either layout and collects every problem instead of stopping at the first:
 * the shared core of loadTaskPackage (which throws) and validateTaskDir (which reports).
 */
export async function inspectTaskDir(dir: string): Promise<TaskInspection> {
  const abs = resolve(dir)
  const inspection: TaskInspection = {
    dir: abs,
    layout: null,
    problems: [],
    pkg: null,
    inputSchema: null,
    outputSchema: null,
    tests: [],
    warnings: [],
    testWarnings: new Map(),
    declaredTests: 0,
    schemaSources: { input: null, output: null },
  }
  if ((await pathKind(abs)) !== 'dir') {
    inspection.problems.push({ file: '.', message: `task folder ${abs} does not exist or is not a folder` })
    return inspection
  }
  const meta = await readTaskMetadata(abs)
  inspection.layout = meta.layout
  const problems = inspection.problems
  problems.push(...meta.problems)

  const code = await readCode(abs, meta.entry, problems)
  for (const kind of ['input', 'output'] as const) {
    const declared = meta[kind]
    const file = `${kind}.schema.json`
    if (declared) inspection.schemaSources[kind] = meta.layout
    else if ((await pathKind(join(abs, file))) === 'file') inspection.schemaSources[kind] = file
    const schema = declared
      ? checkedSchema(declared.schema, meta.layout ?? 'meta.yaml', `${declared.key}: `, problems)
      : await readSchemaFile(abs, file, problems)
    if (kind === 'input') inspection.inputSchema = schema
    else inspection.outputSchema = schema
  }
  meta.inlineTests.forEach((raw, index) => {
    const parsed = parseTestCase(raw, {
      file: join(abs, 'meta.yaml'), relFile: 'meta.yaml', defaultName: `case-${index + 1}`, where: `test_cases[${index}]`,
    })
    addParsedTest(inspection, parsed)
  })
  inspection.declaredTests = meta.inlineTests.length
  if ((await pathKind(join(abs, 'tests'))) === 'dir') {
    const entries = await readdir(join(abs, 'tests'), { withFileTypes: true })
    const names = entries.filter((entry) => entry.isFile() && extname(entry.name) === '.json').map((entry) => entry.name).sort()
    inspection.declaredTests += names.length
    await readTestFiles(inspection, names)
  }

  if (problems.length === 0 && meta.metadata && meta.layout && code !== null) {
    const { raw, ...fields } = meta.metadata
    const parts = { metadata: raw, code, inputSchema: inspection.inputSchema, outputSchema: inspection.outputSchema, tests: inspection.tests, dir: abs }
    inspection.pkg = {
      ...fields,
      dir: abs,
      entryFile: join(abs, meta.entry),
      code,
      inputSchema: parts.inputSchema,
      outputSchema: parts.outputSchema,
      tests: parts.tests,
      checksum: computeTaskChecksum(parts),
      layout: meta.layout,
      metadata: raw,
    }
  }
  return inspection
}

async function readCode(dir: string, entry: string, problems: TaskProblem[]): Promise<string | null> {
  const path = join(dir, entry)
  const missing = await whyNotAFile(path, entry)
  if (missing) {
    problems.push({ file: entry, message: missing, hint: `Create ${entry} defining function main(input, context) { ... }.` })
    return null
  }
  let code: string
  try {
    code = await Bun.file(path).text()
  } catch (error) {
    problems.push({ file: entry, message: `cannot read the code file ${entry}: ${(error as Error).message}`, hint: 'Check the file permissions.' })
    return null
  }
  if (code.trim() === '') {
    problems.push({ file: entry, message: 'the code file is empty', hint: 'Define function main(input, context) { ... }.' })
    return null
  }
  const problem = checkSyntax(code, entry)
  if (problem) problems.push(problem)
  return problem ? null : code
}

/** Null when `path` is a readable-looking file; otherwise why the code file cannot be used. */
async function whyNotAFile(path: string, entry: string): Promise<string | null> {
  const kind = await pathKind(path)
  if (kind === 'file') return null
  if (kind === 'dir') return `the code file ${entry} is a folder, not a file`
  const link = await readlink(path).catch(() => null)
  if (link !== null) return `the code file ${entry} is a symbolic link to ${link}, which does not exist`
  return `missing code file ${entry}`
}

async function readSchemaFile(dir: string, file: string, problems: TaskProblem[]): Promise<JsonSchema | null> {
  if ((await pathKind(join(dir, file))) !== 'file') return null
  const parsed = parseJson(await Bun.file(join(dir, file)).text())
  if (!parsed.ok) {
    problems.push({ file, message: parsed.message, hint: 'Fix the JSON syntax.' })
    return null
  }
  return checkedSchema(parsed.value, file, '', problems)
}

/** Returns the schema when it passes checkSchema and compiles; otherwise records why and returns null. */
function checkedSchema(schema: unknown, file: string, prefix: string, problems: TaskProblem[]): JsonSchema | null {
  const found = checkSchema(schema)
  if (found.length > 0) {
    for (const message of found) {
      problems.push({ file, message: `${prefix}invalid JSON Schema at ${message}`, hint: 'Fix the schema at the JSON pointer shown.' })
    }
    return null
  }
  try {
    compileSchema(schema as JsonSchema)
    return schema as JsonSchema
  } catch (error) {
    problems.push({ file, message: `${prefix}${error instanceof Error ? error.message : String(error)}` })
    return null
  }
}

async function readTestFiles(inspection: TaskInspection, names: string[]): Promise<void> {
  for (const name of names) {
    const relFile = `tests/${name}`
    const parsed = parseJson(await Bun.file(join(inspection.dir, relFile)).text())
    if (!parsed.ok) {
      inspection.problems.push({ file: relFile, message: parsed.message, hint: 'Fix the JSON syntax.' })
      continue
    }
    addParsedTest(inspection, parseTestCase(parsed.value, { file: join(inspection.dir, relFile), relFile, defaultName: basename(name, '.json') }))
  }
}

function addParsedTest(inspection: TaskInspection, parsed: ParsedTestCase): void {
  inspection.problems.push(...parsed.problems)
  inspection.warnings.push(...parsed.warnings)
  if (!parsed.test) return
  inspection.tests.push(parsed.test)
  if (parsed.warnings.length > 0) inspection.testWarnings.set(parsed.test, parsed.warnings)
}
