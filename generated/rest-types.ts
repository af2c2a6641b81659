// GENERATED FILE — DO NOT EDIT. Edit schemas/rest/*.json and run `bun run gen`.

/**
 * Where a job's (or schedule's jobs') output is delivered when it completes.
 */
export type OutputDestination = WebhookDestination | FilesystemDestination;

export interface RestSchemas {
  ErrorBody?: ErrorBody;
  ListMeta?: ListMeta;
  ExecutionError?: ExecutionError;
  OutputDestination?: OutputDestination;
  Task?: Task;
  TaskDetail?: TaskDetail;
  TaskStats?: TaskStats;
  TaskList?: TaskList;
  CreateTaskRequest?: CreateTaskRequest;
  UpdateTaskRequest?: UpdateTaskRequest;
  TestTaskRequest?: TestTaskRequest;
  TaskCreated?: TaskCreated;
  TaskUpdated?: TaskUpdated;
  TaskDeleted?: TaskDeleted;
  TaskStateChange?: TaskStateChange;
  SyncReport?: SyncReport;
  TaskTestRun?: TaskTestRun;
  CreateExecutionRequest?: CreateExecutionRequest;
  ExecutionAccepted?: ExecutionAccepted;
  Progress?: Progress;
  Execution?: Execution;
  ExecutionSummary?: ExecutionSummary;
  ExecutionList?: ExecutionList;
  CancelRequest?: CancelRequest;
  CancelResult?: CancelResult;
  RetryRequest?: RetryRequest;
  LogEntry?: LogEntry;
  LogList?: LogList;
  Trace?: Trace;
  ExecutionStats?: ExecutionStats;
  StoredResult?: StoredResult;
  ResultList?: ResultList;
  CreateJobRequest?: CreateJobRequest;
  DeliveryAttempt?: DeliveryAttempt;
  Job?: Job;
  JobList?: JobList;
  CancelJobRequest?: CancelJobRequest;
  JobStats?: JobStats;
  CreateScheduleRequest?: CreateScheduleRequest;
  UpdateScheduleRequest?: UpdateScheduleRequest;
  Schedule?: Schedule;
  ScheduleList?: ScheduleList;
  NextRuns?: NextRuns;
  ScheduleStats?: ScheduleStats;
  ScheduleJob?: ScheduleJob;
}
/**
 * Every refusal and failure: a stable code, a sentence saying what was wrong, the HTTP status, and details (the JSON paths of invalid fields, close matches, a hint on how to fix the request).
 */
export interface ErrorBody {
  error: {
    /**
     * Stable error code (BAD_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, TASK_NOT_FOUND, RATE_LIMITED, ...).
     */
    code: string;
    message: string;
    /**
     * The HTTP status, repeated in the body.
     */
    status: number;
    /**
     * Structured facts: `errors` [{path, message}] for invalid bodies, `suggestions` for unknown routes, `hint` on how to fix it, `reason` for auth refusals, `retry_after_s` for rate limits.
     */
    details?: {};
  };
}
/**
 * The window of a list response; `total` is also sent as the X-Total-Count header.
 */
export interface ListMeta {
  /**
   * Items matching the filters, in all pages.
   */
  total: number;
  /**
   * 1-based page of this window (offset / limit + 1).
   */
  page: number;
  limit: number;
  offset: number;
  total_pages: number;
  has_next: boolean;
  has_previous: boolean;
  sort?: {
    field?: string;
    order?: "asc" | "desc";
  };
  timestamp: string;
}
/**
 * A normalised failure of a task run. Keys without can_execute_tasks see only type, code, message, reason and location (file, line, column): no stack, details or location.source.
 */
export interface ExecutionError {
  /**
   * Error class as thrown (TypeError, HttpError, ...) or an engine code.
   */
  type: string;
  /**
   * TASK_FAILED, INPUT_INVALID, OUTPUT_INVALID, TIMED_OUT, CANCELLED, RESOURCE_EXHAUSTED, WORKER_CRASHED, INTERRUPTED.
   */
  code: string;
  message: string;
  reason?: string;
  stack?: string;
  location?: {
    file?: string;
    line?: number;
    column?: number;
    source?: string;
  };
  details?: unknown;
}
export interface WebhookDestination {
  type: "webhook";
  /**
   * http(s) URL the output is sent to.
   */
  url: string;
  method?: "POST" | "PUT" | "PATCH";
  headers?: {
    [k: string]: string;
  };
  /**
   * Signs the body: X-Ratchet-Signature: sha256=<hex HMAC-SHA256>.
   */
  secret?: string;
  timeout_seconds?: number;
  retry_policy?: {
    max_attempts?: number;
    initial_delay_ms?: number;
    max_delay_ms?: number;
    backoff_multiplier?: number;
  };
}
export interface FilesystemDestination {
  type: "filesystem";
  /**
   * Template under output.filesystem_root: {{task}}/{{job_id}}-{{date}}.json.
   */
  path: string;
  format?: "json" | "yaml" | "csv";
  overwrite?: boolean;
}
/**
 * One loaded task.
 */
export interface Task {
  /**
   * The task's uuid when it has one, else its name; either is accepted wherever a task_id is.
   */
  id: string;
  uuid?: string;
  name: string;
  version: string;
  description: string;
  tags: string[];
  category?: string;
  enabled: boolean;
  test_count: number;
  /**
   * When the first version of the task was seen.
   */
  created_at: string | null;
  /**
   * When the current content (checksum) was first seen.
   */
  updated_at: string | null;
}
/**
 * One task in full: schemas, source, versions and tests.
 */
export interface TaskDetail {
  id: string;
  uuid?: string;
  name: string;
  version: string;
  description: string;
  tags: string[];
  category?: string;
  enabled: boolean;
  test_count: number;
  created_at: string | null;
  updated_at: string | null;
  checksum: string;
  /**
   * The task's input JSON Schema, null when it takes anything.
   */
  input_schema: {
    [k: string]: unknown;
  };
  /**
   * The task's output JSON Schema, null when it returns anything.
   */
  output_schema: {
    [k: string]: unknown;
  };
  source: {
    /**
     * The package layout file (metadata.json, task.yaml, ...).
     */
    layout: string;
    /**
     * The entry file's name inside the package.
     */
    entry_file: string;
    /**
     * The task's JavaScript as written.
     */
    code: string;
  };
  /**
   * Every distinct content seen, oldest first.
   */
  versions: {
    version: string;
    checksum: string;
    description?: string;
    first_seen_at: string;
    current: boolean;
  }[];
  tests: {
    name: string;
    should_fail: boolean;
    has_expected: boolean;
  }[];
}
export interface TaskStats {
  total: number;
  enabled: number;
  disabled: number;
  /**
   * Tasks with at least one test case.
   */
  with_tests: number;
  test_cases: number;
  /**
   * Tasks per category (`uncategorised` for none).
   */
  by_category: {
    [k: string]: number;
  };
  /**
   * Packages that failed to load; shown with can_access_system_info only.
   */
  load_problems?: number;
  executions: {
    total: number;
    /**
     * Executions the caller may see, per visible task.
     */
    by_task: {
      [k: string]: number;
    };
  };
}
export interface TaskList {
  data: Task[];
  meta: ListMeta;
}
export interface CreateTaskRequest {
  /**
   * Task name: letters, digits, - and _.
   */
  name: string;
  /**
   * JavaScript defining main(input, context).
   */
  code: string;
  description?: string;
  /**
   * Semver; default 0.1.0.
   */
  version?: string;
  /**
   * JSON Schema of the input (alias: inputSchema).
   */
  input_schema?: {} | boolean | null;
  /**
   * JSON Schema of the output (alias: outputSchema).
   */
  output_schema?: {} | boolean | null;
  /**
   * Test cases: {name, input, expected_output?, should_fail?, mock?}.
   */
  tests?: {}[];
  tags?: string[];
  /**
   * Extra metadata.json fields.
   */
  metadata?: {};
  /**
   * Run the new task's tests and report them (default true).
   */
  run_tests?: boolean;
}
export interface UpdateTaskRequest {
  code?: string;
  description?: string;
  /**
   * New version; must not go down.
   */
  version?: string;
  input_schema?: {} | boolean;
  output_schema?: {} | boolean;
  /**
   * Test cases: {name, input, expected_output?, should_fail?, mock?}.
   */
  tests?: {}[];
  tags?: string[];
  /**
   * Refuse changes that do not validate (default true).
   */
  validate?: boolean;
  /**
   * Keep the previous files under .versions/ (default true).
   */
  backup?: boolean;
  /**
   * Run the tests after the change.
   */
  run_tests?: boolean;
}
export interface TestTaskRequest {
  /**
   * Only these test cases.
   */
  test_names?: string[];
  stop_on_failure?: boolean;
  /**
   * Seconds per test case.
   */
  timeout?: number;
}
export interface TaskCreated {
  id: string;
  name: string;
  version: string;
  enabled: boolean;
  warnings: {}[];
  /**
   * The test report: total, passed, failed and each result.
   */
  test_results?: {
    [k: string]: unknown;
  };
  message: string;
}
export interface TaskUpdated {
  id: string;
  name: string;
  previous_version?: string;
  version: string;
  changes_applied: string[];
  backup_path?: string | null;
  /**
   * The task came from a read-only source: the change was saved as a copy in the tasks folder that takes over its name.
   */
  copied?: boolean;
  warnings?: {}[];
  /**
   * The test report: total, passed, failed and each result.
   */
  test_results?: {
    [k: string]: unknown;
  };
  message: string;
}
export interface TaskDeleted {
  id: string;
  name: string;
  version?: string;
  deleted: boolean;
  backup_path?: string | null;
  message: string;
}
export interface TaskStateChange {
  name: string;
  enabled: boolean;
  /**
   * False when it already was in that state.
   */
  changed: boolean;
  changed_at?: string | null;
  changed_by?: string | null;
  message: string;
}
export interface SyncReport {
  added: string[];
  updated: string[];
  removed: string[];
  errors: {}[];
  total_tasks: number;
  message: string;
}
/**
 * The test report (total, passed, failed, results) with all_passed.
 */
export interface TaskTestRun {
  name: string;
  version: string;
  all_passed: boolean;
  cancelled?: boolean;
  message: string;
  [k: string]: unknown;
}
export interface CreateExecutionRequest {
  /**
   * Task name or uuid (alias: taskId).
   */
  task_id: string;
  /**
   * The task's input; checked against its input schema. Default {} (alias: input_data, inputData).
   */
  input?: {
    [k: string]: unknown;
  };
  /**
   * Seconds; capped by execution.max_execution_time.
   */
  timeout?: number;
}
/**
 * 202: the execution is queued; poll the Location header's URL.
 */
export interface ExecutionAccepted {
  id: string;
  execution_id: string;
  task_id: string;
  status: string;
  /**
   * The execution's URL (also the Location header).
   */
  location: string;
}
export interface Progress {
  progress?: number;
  total?: number | null;
  message?: string | null;
  percentage?: number | null;
  elapsed_ms?: number | null;
}
/**
 * One execution in full.
 */
export interface Execution {
  id: string;
  execution_id: string;
  /**
   * The task's name.
   */
  task_id: string;
  task_version: string;
  task_checksum?: string;
  status: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
  can_cancel: boolean;
  progress?: Progress;
  /**
   * Shown with can_execute_tasks.
   */
  input?: {
    [k: string]: unknown;
  };
  /**
   * The output of a completed execution (with can_execute_tasks).
   */
  output?: {
    [k: string]: unknown;
  };
  error?: ExecutionError;
  error_message?: string;
  queued_at: string;
  started_at: string | null;
  completed_at: string | null;
  duration_ms: number | null;
  queue_duration_ms?: number | null;
  attempt: number;
  /**
   * Who started it: http, mcp, cli, job, external.
   */
  source: string;
  /**
   * For POST /executions/{id}/retry: the execution retried.
   */
  retry_of?: string;
  /**
   * With ?wait=true&trace=true: the spans.
   */
  trace?: {}[];
}
export interface ExecutionSummary {
  id: string;
  execution_id: string;
  task_id: string;
  task_version: string;
  status: string;
  queued_at: string;
  started_at: string | null;
  completed_at: string | null;
  duration_ms: number | null;
  progress?: {} | null;
  error_message?: string;
  source: string;
  output?: unknown;
  error?: ExecutionError;
}
export interface ExecutionList {
  data: ExecutionSummary[];
  meta: ListMeta;
}
export interface CancelRequest {
  /**
   * Recorded on the cancelled execution.
   */
  reason?: string;
}
export interface CancelResult {
  execution_id: string;
  cancelled: boolean;
  status: string;
  previous_status: string;
  message: string;
}
export interface RetryRequest {
  /**
   * Seconds; capped by execution.max_execution_time.
   */
  timeout?: number;
}
export interface LogEntry {
  seq: number;
  level: "trace" | "debug" | "info" | "warn" | "error";
  message: string;
  data?: unknown;
  timestamp: string;
}
export interface LogList {
  data: LogEntry[];
  meta: ListMeta;
}
export interface Trace {
  execution_id: string;
  status: string;
  task_id: string;
  task_version: string;
  trace_complete: boolean;
  spans: {}[];
  http_calls?: {}[];
  timing: {};
  flamegraph?: {
    unit?: "us";
    folded?: string;
    svg?: string;
  };
}
export interface ExecutionStats {
  total: number;
  by_status: {
    [k: string]: number;
  };
  /**
   * completed / finished, 0..1; null before anything finished.
   */
  success_rate: number | null;
  last_24h: {
    total?: number;
    completed?: number;
    failed?: number;
  };
  /**
   * Only for keys with can_access_system_info (as GET /health): the engine's queue and capacity, and the worker pool.
   */
  engine?: {
    queued?: number;
    running?: number;
    capacity?: number;
  };
}
export interface StoredResult {
  id: string;
  execution_id: string;
  task_id: string;
  task_version: string;
  status: string;
  queued_at: string;
  started_at: string | null;
  completed_at: string | null;
  duration_ms: number | null;
  source: string;
  input?: unknown;
  output?: unknown;
  error_message?: string;
  error?: ExecutionError;
}
export interface ResultList {
  data: StoredResult[];
  meta: ListMeta;
}
export interface CreateJobRequest {
  /**
   * Task name or uuid (alias: taskId).
   */
  task_id: string;
  /**
   * The task's input (alias: input_data, inputData). Default {}.
   */
  input?: {
    [k: string]: unknown;
  };
  priority?: "low" | "normal" | "high" | "urgent";
  /**
   * Not run before this time (ISO-8601; alias scheduledFor). Default now.
   */
  scheduled_for?: string;
  /**
   * Retries after the first attempt (alias maxRetries).
   */
  max_retries?: number;
  /**
   * Alias outputDestinations.
   *
   * @maxItems 20
   */
  output_destinations?: OutputDestination[];
  /**
   * A second create with the same key returns the first job (200 instead of 201). Alias idempotencyKey; the Idempotency-Key header works too.
   */
  idempotency_key?: string;
  /**
   * Seconds per attempt; capped by execution.max_execution_time.
   */
  timeout?: number;
}
export interface DeliveryAttempt {
  execution_id?: string | null;
  /**
   * Index in output_destinations.
   */
  destination: number;
  type: "webhook" | "filesystem";
  attempt: number;
  ok: boolean;
  status?: number | null;
  /**
   * The file written, or the webhook URL masked as in output_destinations.
   */
  target: string;
  error?: string | null;
  duration_ms: number;
  at: string;
}
export interface Job {
  id: string;
  /**
   * The task's name.
   */
  task_id: string;
  input?: unknown;
  priority: "low" | "normal" | "high" | "urgent";
  status: "queued" | "running" | "retrying" | "completed" | "dead_letter" | "cancelled";
  scheduled_for: string;
  max_retries: number;
  attempts: number;
  next_attempt_at?: string | null;
  last_error?: ExecutionError | null;
  execution_ids: string[];
  output?: unknown;
  /**
   * As given, with webhook secrets, header values and URL query values replaced by "***"; a webhook URL's path is shown only to the job's owner (others see origin/***).
   */
  output_destinations: {}[];
  idempotency_key?: string | null;
  schedule_id?: string | null;
  owner?: string | null;
  created_at: string;
  updated_at: string;
  started_at?: string | null;
  completed_at?: string | null;
  /**
   * GET /jobs/{id} only: every delivery attempt.
   */
  deliveries?: DeliveryAttempt[];
}
export interface JobList {
  data: Job[];
  meta: ListMeta;
}
export interface CancelJobRequest {
  reason?: string;
}
export interface JobStats {
  total: number;
  by_status: {
    [k: string]: number;
  };
  /**
   * Queued or retrying jobs due now.
   */
  due: number;
}
export interface CreateScheduleRequest {
  name: string;
  description?: string;
  /**
   * Task name or uuid (alias taskId).
   */
  task_id: string;
  /**
   * 5 or 6 fields (`* /5 * * * *`), or @hourly/@daily/... (alias cronExpression).
   */
  cron_expression: string;
  /**
   * Input of every job (alias inputData, input). Default {}.
   */
  input_data?: {
    [k: string]: unknown;
  };
  /**
   * IANA zone (default UTC).
   */
  timezone?: string;
  enabled?: boolean;
  /**
   * Slots missed while the server was down: run the latest once, or skip them (alias catchUp).
   */
  catch_up?: "run_once" | "skip";
  /**
   * @maxItems 20
   */
  output_destinations?: OutputDestination[];
  max_retries?: number;
  priority?: "low" | "normal" | "high" | "urgent";
}
export interface UpdateScheduleRequest {
  name?: string;
  description?: string;
  task_id?: string;
  cron_expression?: string;
  input_data?: unknown;
  timezone?: string;
  enabled?: boolean;
  catch_up?: "run_once" | "skip";
  /**
   * @maxItems 20
   */
  output_destinations?: OutputDestination[];
  max_retries?: number;
  priority?: "low" | "normal" | "high" | "urgent";
}
export interface Schedule {
  id: string;
  name: string;
  description?: string | null;
  task_id: string;
  cron_expression: string;
  input_data?: unknown;
  timezone: string;
  enabled: boolean;
  catch_up: "run_once" | "skip";
  /**
   * As given, with webhook secrets, header values and URL query values replaced by "***"; a webhook URL's path is shown only to the schedule's owner (others see origin/***).
   */
  output_destinations: {}[];
  max_retries?: number | null;
  priority?: string;
  last_run_at?: string | null;
  next_run_at?: string | null;
  run_count: number;
  owner?: string | null;
  created_at: string;
  updated_at: string;
}
export interface ScheduleList {
  data: Schedule[];
  meta: ListMeta;
}
export interface NextRuns {
  schedule_id?: string;
  cron_expression: string;
  timezone: string;
  /**
   * The next fire times, ISO-8601.
   */
  runs: string[];
}
export interface ScheduleStats {
  total: number;
  enabled: number;
  disabled: number;
}
/**
 * The job a trigger created.
 */
export interface ScheduleJob {
  id: string;
  task_id: string;
  status: string;
  schedule_id?: string | null;
}
