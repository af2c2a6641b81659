import { mkdir, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { exampleValue } from './example-value.ts'
import { inspectTaskDir, type TaskInspection } from './inspect-task.ts'
import { pathKind, readTaskMetadata, TASK_NAME_PATTERN } from './read-metadata.ts'
import { compileSchema, formatSchemaErrors } from './schema.ts'
import type { TaskPackage, TaskProblem } from './types.ts'

/** Options for validateTaskDir (the CLI's `--fix` flag). */
export interface ValidateTaskOptions {
  /** Write missing metadata, schema and example test files (never overwrites an existing file). */
  fix?: boolean
}

/** What `ratchet validate` prints: problems fail validation, warnings only advise. */
export interface ValidateTaskResult {
  /** True when there are no problems (warnings do not count). */
  ok: boolean
  /** Everything loadTaskPackage would reject, plus tests whose input/expected output break the schemas. */
  problems: TaskProblem[]
  /** Advice that does not make the package invalid: no tests, no input or output schema, ignored test-case keys. */
  warnings: TaskProblem[]
  /** Files written by `fix`, relative to the task folder. */
  fixed: string[]
  /** Name, folder and layout of the package when it can be loaded (null otherwise), to spot duplicate names. */
  loaded: Pick<TaskPackage, 'name' | 'dir' | 'layout'> | null
}

/**
 * The engine behind `ratchet validate --from-fs DIR [--fix]`: the checks of loadTaskPackage, plus
 * test cases checked against the schemas, plus warnings for missing tests and schemas. With `fix`,
 * missing files are written first (metadata.json, permissive `{ "type": "object" }` schemas, one
 * example test) and reported in `fixed`; existing files are never touched.
 */
export async function validateTaskDir(dir: string, options: ValidateTaskOptions = {}): Promise<ValidateTaskResult> {
  const abs = resolve(dir)
  const fixed = options.fix && (await pathKind(abs)) === 'dir' ? await writeMissingFiles(abs) : []
  const inspection = await inspectTaskDir(abs)
  const problems = [...inspection.problems, ...checkTestsAgainstSchemas(inspection)]
  const loaded = inspection.pkg ? { name: inspection.pkg.name, dir: inspection.pkg.dir, layout: inspection.pkg.layout } : null
  return { ok: problems.length === 0, problems, warnings: collectWarnings(inspection), fixed, loaded }
}

function checkTestsAgainstSchemas(inspection: TaskInspection): TaskProblem[] {
  const problems: TaskProblem[] = []
  const input = inspection.inputSchema === null ? null : compileSchema(inspection.inputSchema)
  const output = inspection.outputSchema === null ? null : compileSchema(inspection.outputSchema)
  for (const test of inspection.tests) {
    // A test that expects failure may feed invalid input on purpose.
    if (test.shouldFail) continue
    const file = relative(inspection.dir, test.file)
    if (input && !input.check(test.input)) {
      problems.push({
        file,
        message: `test "${test.name}": input does not match the input schema: ${formatSchemaErrors(input.errors(test.input), 'input')}`,
        hint: 'Fix the test input, or set "should_fail": true if the test checks that invalid input is rejected.',
      })
    }
    if (output && test.hasExpected && !output.check(test.expectedOutput)) {
      problems.push({
        file,
        message: `test "${test.name}": expected output does not match the output schema: ${formatSchemaErrors(output.errors(test.expectedOutput), 'expected_output')}`,
        hint: 'Fix the expected output or the output schema: this test can never pass.',
      })
    }
  }
  return problems
}

function collectWarnings(inspection: TaskInspection): TaskProblem[] {
  const warnings: TaskProblem[] = [...inspection.warnings]
  if (inspection.problems.some((problem) => problem.file === '.')) return warnings
  if (inspection.declaredTests === 0) {
    warnings.push({
      file: 'tests/',
      message: 'no tests: add tests/*.json files (or test_cases in meta.yaml)',
      hint: 'Run validate with --fix to write an example test.',
    })
  }
  for (const kind of ['input', 'output'] as const) {
    if (inspection.schemaSources[kind] !== null) continue
    warnings.push({
      file: `${kind}.schema.json`,
      message: `no ${kind} schema: ${kind === 'input' ? 'inputs' : 'outputs'} are not validated`,
      hint: `Add ${kind}.schema.json, or run validate with --fix to write a permissive one.`,
    })
  }
  return warnings
}

async function writeMissingFiles(dir: string): Promise<string[]> {
  const fixed: string[] = []
  const write = async (file: string, value: unknown): Promise<void> => {
    await mkdir(dirname(join(dir, file)), { recursive: true })
    try {
      // 'wx' fails when the file exists, so a concurrent writer or a race can never be overwritten.
      await writeFile(join(dir, file), `${JSON.stringify(value, null, 2)}\n`, { flag: 'wx' })
      fixed.push(file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }

  const [json, yaml] = await Promise.all([pathKind(join(dir, 'metadata.json')), pathKind(join(dir, 'meta.yaml'))])
  if (json === null && yaml === null) await write('metadata.json', { name: nameFromFolder(dir), version: '1.0.0', description: '' })

  const meta = await readTaskMetadata(dir)
  for (const kind of ['input', 'output'] as const) {
    const file = `${kind}.schema.json`
    if (!meta[kind] && (await pathKind(join(dir, file))) === null) await write(file, { type: 'object' })
  }

  const inspection = await inspectTaskDir(dir)
  if (inspection.declaredTests === 0) {
    await write('tests/test-001.json', { name: 'example', input: exampleInput(inspection.inputSchema) })
  }
  return fixed
}

function exampleInput(schema: TaskInspection['inputSchema']): unknown {
  if (schema === null) return {}
  const value = exampleValue(schema)
  return compileSchema(schema).check(value) ? value : {}
}

/** A valid task name derived from the folder name ("My Task!" → "My-Task"). */
function nameFromFolder(dir: string): string {
  const name = basename(dir).replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 100).replace(/-+$/, '')
  return TASK_NAME_PATTERN.test(name) ? name : 'task'
}
