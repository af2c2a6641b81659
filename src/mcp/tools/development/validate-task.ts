import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { ToolIO } from '../../../../generated/tool-types.ts'
import type { TaskTestReport } from '../../../engine/run-task-tests.ts'
import { loadTaskPackage } from '../../../tasks/load-task.ts'
import { pathKind } from '../../../tasks/read-metadata.ts'
import { stageTaskChanges, type TaskChanges } from '../../../tasks/stage-task-changes.ts'
import { draftFiles, normaliseTestCase } from '../../../tasks/task-draft.ts'
import { checkSyntax } from '../../../tasks/to-script.ts'
import type { JsonSchema, TaskPackage, TaskProblem } from '../../../tasks/types.ts'
import { validateTaskDir } from '../../../tasks/validate-task.ts'
import { taskNameProblem, writeFilesInto } from '../../../tasks/write-task-package.ts'
import type { ToolContext, ToolHandler, ToolOutcome } from '../types.ts'
import { runTests } from './save-task.ts'
import { describeProblems, describeTestReport, notFoundMessage, taskIdOf, testResultsOutput } from './shared.ts'

type Input = ToolIO['validate_task']['input']
type Output = ToolIO['validate_task']['output']
type CheckType = Output['validation_results'][number]['type']

/** Which check a problem belongs to, from the file it names (and, in meta.yaml, the key it starts with). */
function checkTypeOf(problem: TaskProblem, entry: string): CheckType {
  const { file, message } = problem
  if (file === entry || file.endsWith('.js')) return 'syntax'
  if (file === 'input.schema.json') return 'input_schema'
  if (file === 'output.schema.json') return 'output_schema'
  if (file.startsWith('tests')) return 'tests'
  if (file === 'meta.yaml') {
    if (/^(input_schema|inputs)\b/.test(message)) return 'input_schema'
    if (/^(output_schema|outputs)\b/.test(message)) return 'output_schema'
    if (/^test_cases\b/.test(message)) return 'tests'
  }
  return 'metadata'
}

const PASSED: Record<CheckType, string> = {
  syntax: 'the code compiles and has no imports',
  input_schema: 'the input schema is valid (or absent)',
  output_schema: 'the output schema is valid (or absent)',
  metadata: 'name and version are valid',
  tests: 'the test cases are well-formed and agree with the schemas',
}

function overridesOf(input: Input): { changes: TaskChanges; any: boolean } {
  const changes: TaskChanges = {}
  if (input.code !== undefined) changes.code = input.code
  if (input.input_schema !== undefined) changes.inputSchema = input.input_schema as JsonSchema
  if (input.output_schema !== undefined) changes.outputSchema = input.output_schema as JsonSchema
  if (input.test_cases !== undefined) changes.tests = input.test_cases.map((t) => normaliseTestCase(t as Record<string, unknown>))
  return { changes, any: Object.keys(changes).length > 0 }
}

/** Copies a folder the registry could not load into scratch and writes the overriding files over it. */
async function stageBrokenFolder(dir: string, changes: TaskChanges, scratch: string): Promise<string> {
  const target = join(scratch, 'task')
  await cp(dir, target, { recursive: true })
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
  const files: Record<string, string> = {}
  if (changes.code !== undefined) files['main.js'] = changes.code
  if (changes.inputSchema !== undefined) files['input.schema.json'] = json(changes.inputSchema)
  if (changes.outputSchema !== undefined) files['output.schema.json'] = json(changes.outputSchema)
  if (changes.tests !== undefined) {
    await rm(join(target, 'tests'), { recursive: true, force: true })
    changes.tests.forEach((t, i) => (files[`tests/test-${String(i + 1).padStart(3, '0')}.json`] = json(t)))
  }
  await writeFilesInto(target, files)
  return target
}

interface Subject {
  pkg: TaskPackage | null
  /** A task folder the registry could not load (validated as it is on disk). */
  brokenDir: string | null
  label: string
}

async function findSubject(input: Input, ctx: ToolContext): Promise<Subject | null> {
  if (input.task_id === undefined) return { pkg: null, brokenDir: null, label: 'inline code' }
  const pkg = ctx.registry.get(input.task_id)
  if (pkg) return { pkg, brokenDir: null, label: `"${pkg.name}"` }
  if (taskNameProblem(input.task_id) === null) {
    const dir = join(ctx.tasksDir, input.task_id)
    if ((await pathKind(dir)) === 'dir') return { pkg: null, brokenDir: dir, label: `the folder ${dir}` }
  }
  return null
}

export const validateTask: ToolHandler<'validate_task'> = async (input, ctx): Promise<ToolOutcome<Output>> => {
  const subject = await findSubject(input, ctx)
  const ids = { ...(input.task_id !== undefined ? { task_id: subject?.pkg ? taskIdOf(subject.pkg) : input.task_id } : {}), ...(subject?.pkg ? { task_name: subject.pkg.name } : {}) }
  if (!subject) {
    const { message, hint } = notFoundMessage(input.task_id ?? '')
    return { isError: true, output: { ...ids, valid: false, validation_results: [], problems: [], message, hint } }
  }
  if (!subject.pkg && !subject.brokenDir && input.code === undefined) {
    return { isError: true, output: { valid: false, validation_results: [], problems: [], message: 'Nothing to validate: pass task_id (a saved task) or code (with input_schema / output_schema / test_cases)', hint: 'For example {"code": "function main(input) { return input }", "input_schema": {"type": "object"}}.' } }
  }
  const entry = subject.pkg ? relative(subject.pkg.dir, subject.pkg.entryFile) : 'main.js'

  if (input.syntax_only === true) {
    const code = input.code ?? subject.pkg?.code ?? (subject.brokenDir ? await Bun.file(join(subject.brokenDir, 'main.js')).text().catch(() => '') : '')
    const problem = code.trim() === '' ? { file: entry, message: 'the code is empty or missing', hint: 'Define function main(input, context) { ... }.' } : checkSyntax(code, entry)
    const problems = problem ? [problem] : []
    return {
      output: {
        ...ids,
        valid: problems.length === 0,
        validation_results: [{ type: 'syntax', status: problem ? 'failed' : 'passed', message: problem?.message ?? PASSED.syntax }],
        problems,
        message: problem ? `Syntax check of ${subject.label} failed: ${problem.message}` : `The code of ${subject.label} compiles`,
      },
    }
  }

  const { changes, any } = overridesOf(input)
  const scratch = subject.pkg && !any ? null : await mkdtemp(join(tmpdir(), 'ratchet-validate-'))
  try {
    let dir: string
    if (subject.pkg) dir = scratch ? (await stageTaskChanges(subject.pkg, changes, scratch)).dir : subject.pkg.dir
    else if (subject.brokenDir) dir = scratch ? await stageBrokenFolder(subject.brokenDir, changes, scratch) : subject.brokenDir
    else {
      dir = join(scratch!, 'inline-task')
      await writeFilesInto(dir, draftFiles({
        name: 'inline-task', version: '0.0.0', description: 'validated inline by ratchet_validate_task', tags: [], code: input.code!,
        inputSchema: changes.inputSchema ?? null, outputSchema: changes.outputSchema ?? null, tests: changes.tests ?? [], metadata: {},
      }))
    }
    const validation = await validateTaskDir(dir)
    const byType = new Map<CheckType, TaskProblem[]>()
    for (const problem of validation.problems) {
      const type = checkTypeOf(problem, entry)
      byType.set(type, [...(byType.get(type) ?? []), problem])
    }
    let report: TaskTestReport | undefined
    let testDir = dir
    if (validation.ok && input.run_tests !== false) {
      const pkg = await loadTaskPackage(dir)
      testDir = pkg.dir
      if (pkg.tests.length > 0) report = await runTests(ctx, pkg)
    }
    const results = (['syntax', 'input_schema', 'output_schema', 'metadata', 'tests'] as const).map((type) => {
      const found = byType.get(type) ?? []
      if (found.length > 0) return { type, status: 'failed' as const, message: found.map((p) => p.message).join('; ') }
      if (type === 'tests' && report && report.failed > 0) return { type, status: 'failed' as const, message: describeTestReport(report) }
      if (type === 'tests' && report) return { type, status: 'passed' as const, message: `${PASSED.tests}; ${describeTestReport(report)}` }
      return { type, status: 'passed' as const, message: PASSED[type] }
    })
    const valid = validation.ok && (!report || report.failed === 0)
    const summary = !validation.ok
      ? `${subject.label} has ${validation.problems.length} problem${validation.problems.length === 1 ? '' : 's'}:\n${describeProblems(validation.problems)}`
      : report && report.failed > 0
        ? `${subject.label} is well-formed but ${describeTestReport(report)}`
        : `${subject.label} is valid${report ? `; ${describeTestReport(report)}` : ''}`
    return {
      output: {
        ...ids,
        valid,
        validation_results: results,
        problems: validation.problems,
        warnings: validation.warnings,
        ...(report ? { test_results: testResultsOutput(report, testDir) } : {}),
        message: summary,
        ...(valid ? {} : { hint: subject.pkg ? `Apply fixes with ratchet_edit_task {"task_id": "${subject.pkg.name}", ...}.` : 'Fix each problem listed and validate again.' }),
      },
    }
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true })
  }
}
