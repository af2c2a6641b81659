/**
 * The contract of task authoring: what creating, changing, versioning, deleting, validating, testing,
 * importing, exporting, enabling and syncing tasks take and give back, in plain camelCase records that
 * every door (MCP, REST, GraphQL, the console) translates into its own shapes. A refusal is an AppError
 * whose `data.reason` is one of AuthoringRefusal, so a door can word its own hint for it.
 */
import type { Engine } from '../engine/engine.ts'
import type { TaskTestReport } from '../engine/run-task-tests.ts'
import type { Logger } from '../lib/logger.ts'
import type { Registry } from '../registry/registry.ts'
import type { ExecutionReader } from '../store/types.ts'
import type { TaskBundle, BundleError } from '../tasks/bundle.ts'
import type { JsonSchema, TaskPackage, TaskProblem } from '../tasks/types.ts'

export interface AuthoringDeps {
  registry: Registry
  engine: Engine
  /** Task versions (history) and whether a task has executions queued or running (delete). */
  store: Pick<ExecutionReader, 'listTaskVersions' | 'listExecutions'>
  logger: Logger
  /** The writable tasks folder: every package is written here, never anywhere else. */
  tasksDir: string
  /** Longest one test case may run, in seconds (a door's execution cap). */
  maxTestSeconds: number
}

/** Per call: who asks (recorded as created_by / changed_by), cancellation and progress of test runs. */
export interface CallOptions {
  actor?: string
  signal?: AbortSignal
  onProgress?: (update: { progress: number; total?: number; message?: string }) => void
}

/** Why a request was refused, in `AppError.data.reason`. */
export type AuthoringRefusal =
  | 'not_found'
  | 'bad_name'
  | 'bad_version'
  | 'name_taken'
  | 'folder_exists'
  | 'invalid'
  | 'nothing_to_change'
  | 'version_too_low'
  | 'not_loadable'
  | 'read_only'
  | 'override_blocked'
  | 'override_not_served'
  | 'active_executions'
  | 'unknown_tests'
  | 'nothing_to_validate'
  | 'bad_bundle'
  | 'bad_template'
  | 'task_disabled'

/** A test case as a client writes it (`expected` is accepted for `expected_output`). */
export type TestCaseInput = Record<string, unknown>

export interface NewTask {
  name: string
  code: string
  /** Default 0.1.0. */
  version?: string
  description?: string
  tags?: string[]
  inputSchema?: JsonSchema | null
  outputSchema?: JsonSchema | null
  tests?: TestCaseInput[]
  /** Extra metadata.json fields (uuid and timestamps are always set by the service). */
  metadata?: Record<string, unknown>
}

export interface CreatedTask {
  taskId: string
  name: string
  version: string
  /** Where it was written. */
  path: string
  /** The loaded package's folder (test files in the report are below it). */
  dir: string
  /** False when the tasks folder is not a registry source: saved but not served. */
  registered: boolean
  testReport?: TaskTestReport
  warnings: TaskProblem[]
  message: string
}

export interface TaskEdit {
  code?: string
  inputSchema?: JsonSchema
  outputSchema?: JsonSchema
  description?: string
  tags?: string[]
  /** Replace every test case. */
  tests?: TestCaseInput[]
  /** Default: the current version with its patch number bumped. Never lower than the current one. */
  version?: string
}

export interface EditOptions extends CallOptions {
  /** Default true: refuse changes whose tests contradict the schemas (a package that cannot load is always refused). */
  validate?: boolean
  /** Default true: keep the previous version under .versions/. */
  backup?: boolean
  /** Default true. */
  runTests?: boolean
}

export interface EditedTask {
  taskId: string
  name: string
  previousVersion: string
  version: string
  path: string
  /** Human names of what changed, in order (`code`, `version 1.0.0 → 1.0.1`, ...). */
  changesApplied: string[]
  backupPath: string | null
  /** True when a read-only task was copied into the tasks folder, which now overrides it. */
  copied: boolean
  registered: boolean
  warnings: TaskProblem[]
  testReport?: TaskTestReport
  message: string
}

export interface HistoryItem {
  version: string
  checksum: string
  path: string | null
  recordedAt?: string
  current: boolean
}

export interface VersionedTask {
  taskId: string
  name: string
  previousVersion: string
  version: string
  checksum: string
  backupPath: string
  history: HistoryItem[]
  message: string
}

export interface DeleteOptions extends Pick<CallOptions, 'actor'> {
  /** Delete even with queued or running executions. */
  force?: boolean
  /** Default true: move the folder under .versions/ instead of erasing it. */
  backup?: boolean
}

export interface DeletedTask {
  taskId: string
  name: string
  version: string
  filesDeleted: boolean
  backupPath: string | null
  message: string
}

export interface TestRun {
  name: string
  version: string
  /** The package folder; test files in the report are absolute paths below it. */
  dir: string
  report: TaskTestReport
  cancelled: boolean
  message: string
}

export type CheckType = 'syntax' | 'input_schema' | 'output_schema' | 'metadata' | 'tests'

export interface ValidationRequest {
  /** A saved task (or a folder in the tasks folder the registry could not load); absent: validate `code`. */
  taskId?: string
  code?: string
  inputSchema?: JsonSchema
  outputSchema?: JsonSchema
  tests?: TestCaseInput[]
  syntaxOnly?: boolean
  /** Default true. */
  runTests?: boolean
}

export interface ValidationReport {
  /** The saved task validated, when there is one. */
  task?: TaskPackage
  valid: boolean
  checks: Array<{ type: CheckType; status: 'passed' | 'failed'; message: string }>
  problems: TaskProblem[]
  /** Absent for a syntax-only check. */
  warnings?: TaskProblem[]
  testReport?: TaskTestReport
  /** The folder the tests ran from (test files in the report are below it). */
  testDir?: string
  message: string
}

export interface ImportRequest {
  /** A bundle (object or JSON text) or, with format zip, the .zip as base64 text. */
  data: unknown
  format?: 'json' | 'zip'
  overwrite?: boolean
  namePrefix?: string
  includeTests?: boolean
  validate?: boolean
  runTests?: boolean
}

export interface ImportReport {
  imported: Array<{ taskId: string; name: string; version: string; path: string; dir: string; replaced: boolean; testReport?: TaskTestReport }>
  skipped: Array<{ name: string; reason: string }>
  errors: BundleError[]
  message: string
}

export type ExportResult = { tasks: Array<{ name: string; version: string }> } & ({ format: 'json'; bundle: TaskBundle } | { format: 'zip'; zip: Uint8Array })

export interface TaskState {
  name: string
  enabled: boolean
  changedAt: string
  changedBy: string | null
}

/** What enabling or disabling did: `changed` is false when the task was already in that state. */
export interface TaskStateChange {
  name: string
  enabled: boolean
  changed: boolean
  /** Null for a task never disabled (enabled by default). */
  changedAt: string | null
  changedBy: string | null
}

export interface SyncReport {
  /** Names loaded now that were not before. */
  added: string[]
  /** Names whose content changed. */
  updated: string[]
  removed: string[]
  /** Packages that did not load, one entry per problem. */
  errors: Array<{ source: string; dir: string; file: string; message: string; hint?: string }>
  totalTasks: number
  message: string
}
