/**
 * Validating a task without saving anything: a saved task, a folder in the tasks folder the registry
 * could not load, or inline code, each optionally with replacement code, schemas or test cases. The
 * package is checked in a scratch folder (syntax, schemas, metadata, tests against schemas) and its
 * tests are run in the pool.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { TaskTestReport } from '../engine/run-task-tests.ts'
import { loadTaskPackage } from '../tasks/load-task.ts'
import { pathKind } from '../tasks/read-metadata.ts'
import { stageTaskChanges, type TaskChanges } from '../tasks/stage-task-changes.ts'
import { draftFiles } from '../tasks/task-draft.ts'
import { checkSyntax } from '../tasks/to-script.ts'
import type { TaskPackage, TaskProblem } from '../tasks/types.ts'
import { validateTaskDir } from '../tasks/validate-task.ts'
import { taskNameProblem, writeFilesInto } from '../tasks/write-task-package.ts'
import { testFilesFrom } from './create-task.ts'
import { describeProblems, describeTestReport } from './internal/describe.ts'
import { notFound, refusal } from './internal/refuse.ts'
import { runTests } from './internal/save-task.ts'
import type { AuthoringDeps, CallOptions, CheckType, ValidationReport, ValidationRequest } from './types.ts'

const CHECKS: readonly CheckType[] = ['syntax', 'input_schema', 'output_schema', 'metadata', 'tests']

const PASSED: Record<CheckType, string> = {
  syntax: 'the code compiles and has no imports',
  input_schema: 'the input schema is valid (or absent)',
  output_schema: 'the output schema is valid (or absent)',
  metadata: 'name and version are valid',
  tests: 'the test cases are well-formed and agree with the schemas',
}

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

function changesOf(request: ValidationRequest): TaskChanges {
  return {
    ...(request.code !== undefined ? { code: request.code } : {}),
    ...(request.inputSchema !== undefined ? { inputSchema: request.inputSchema } : {}),
    ...(request.outputSchema !== undefined ? { outputSchema: request.outputSchema } : {}),
    ...(request.tests !== undefined ? { tests: testFilesFrom(request.tests) } : {}),
  }
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

async function findSubject(deps: AuthoringDeps, request: ValidationRequest): Promise<Subject> {
  if (request.taskId === undefined) {
    if (request.code === undefined) {
      throw refusal('BAD_INPUT', 'nothing_to_validate', 'Nothing to validate: pass task_id (a saved task) or code (with input_schema / output_schema / test_cases)', 'For example {"code": "function main(input) { return input }", "input_schema": {"type": "object"}}.')
    }
    return { pkg: null, brokenDir: null, label: 'inline code' }
  }
  const pkg = deps.registry.get(request.taskId)
  if (pkg) return { pkg, brokenDir: null, label: `"${pkg.name}"` }
  if (taskNameProblem(request.taskId) === null) {
    const dir = join(deps.tasksDir, request.taskId)
    if ((await pathKind(dir)) === 'dir') return { pkg: null, brokenDir: dir, label: `the folder ${dir}` }
  }
  throw notFound(request.taskId, deps.registry)
}

async function checkSyntaxOnly(subject: Subject, request: ValidationRequest, entry: string): Promise<ValidationReport> {
  const code = request.code ?? subject.pkg?.code ?? (subject.brokenDir ? await Bun.file(join(subject.brokenDir, 'main.js')).text().catch(() => '') : '')
  const problem = code.trim() === '' ? { file: entry, message: 'the code is empty or missing', hint: 'Define function main(input, context) { ... }.' } : checkSyntax(code, entry)
  return {
    ...(subject.pkg ? { task: subject.pkg } : {}),
    valid: problem === null,
    checks: [{ type: 'syntax', status: problem ? 'failed' : 'passed', message: problem?.message ?? PASSED.syntax }],
    problems: problem ? [problem] : [],
    message: problem ? `Syntax check of ${subject.label} failed: ${problem.message}` : `The code of ${subject.label} compiles`,
  }
}

/** Where the package to check is: the saved folder itself when nothing overrides it, else a scratch copy. */
async function stageSubject(subject: Subject, request: ValidationRequest, changes: TaskChanges, scratch: string | null): Promise<string> {
  if (subject.pkg) return scratch ? (await stageTaskChanges(subject.pkg, changes, scratch)).dir : subject.pkg.dir
  if (subject.brokenDir) return scratch ? stageBrokenFolder(subject.brokenDir, changes, scratch) : subject.brokenDir
  const dir = join(scratch!, 'inline-task')
  await writeFilesInto(dir, draftFiles({
    name: 'inline-task', version: '0.0.0', description: 'validated inline', tags: [], code: request.code!,
    inputSchema: changes.inputSchema ?? null, outputSchema: changes.outputSchema ?? null, tests: changes.tests ?? [], metadata: {},
  }))
  return dir
}

export async function validateTask(deps: AuthoringDeps, request: ValidationRequest, options: CallOptions = {}): Promise<ValidationReport> {
  const subject = await findSubject(deps, request)
  const entry = subject.pkg ? relative(subject.pkg.dir, subject.pkg.entryFile) : 'main.js'
  if (request.syntaxOnly === true) return checkSyntaxOnly(subject, request, entry)

  const changes = changesOf(request)
  const scratch = subject.pkg && Object.keys(changes).length === 0 ? null : await mkdtemp(join(tmpdir(), 'ratchet-validate-'))
  try {
    const dir = await stageSubject(subject, request, changes, scratch)
    const validation = await validateTaskDir(dir)
    const byType = new Map<CheckType, TaskProblem[]>()
    for (const problem of validation.problems) {
      const type = checkTypeOf(problem, entry)
      byType.set(type, [...(byType.get(type) ?? []), problem])
    }
    let report: TaskTestReport | undefined
    let testDir = dir
    if (validation.ok && request.runTests !== false) {
      const pkg = await loadTaskPackage(dir)
      testDir = pkg.dir
      if (pkg.tests.length > 0) report = await runTests(deps, pkg, options)
    }
    const checks = CHECKS.map((type) => {
      const found = byType.get(type) ?? []
      if (found.length > 0) return { type, status: 'failed' as const, message: found.map((p) => p.message).join('; ') }
      if (type === 'tests' && report && report.failed > 0) return { type, status: 'failed' as const, message: describeTestReport(report) }
      if (type === 'tests' && report) return { type, status: 'passed' as const, message: `${PASSED.tests}; ${describeTestReport(report)}` }
      return { type, status: 'passed' as const, message: PASSED[type] }
    })
    const count = validation.problems.length
    const message = !validation.ok
      ? `${subject.label} has ${count} problem${count === 1 ? '' : 's'}:\n${describeProblems(validation.problems)}`
      : report && report.failed > 0
        ? `${subject.label} is well-formed but ${describeTestReport(report)}`
        : `${subject.label} is valid${report ? `; ${describeTestReport(report)}` : ''}`
    return {
      ...(subject.pkg ? { task: subject.pkg } : {}),
      valid: validation.ok && (!report || report.failed === 0),
      checks,
      problems: validation.problems,
      warnings: validation.warnings,
      ...(report ? { testReport: report, testDir } : {}),
      message,
    }
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true })
  }
}
