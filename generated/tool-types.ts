// GENERATED FILE — DO NOT EDIT. Edit schemas/tools/*.json and run `bun run gen`.

export interface AnalyzeExecutionErrorInput {
  /**
   * The execution to analyse (any status)
   */
  execution_id: string;
  /**
   * Include concrete suggestions
   */
  include_suggestions?: boolean;
  /**
   * Include the source lines around the failure and the execution's input, timestamps and error details
   */
  include_context?: boolean;
  /**
   * Also ask the client's model (MCP sampling) for a short explanation
   */
  ask_model?: boolean;
}

export interface AnalyzeExecutionErrorOutput {
  /**
   * The execution
   */
  execution_id: string;
  /**
   * Task name
   */
  task_id: string;
  /**
   * Version of the task that ran
   */
  task_version?: string;
  /**
   * The execution's status
   */
  status: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
  /**
   * What kind of failure; none for a completed or unfinished execution
   */
  category:
    | "none"
    | "input_validation"
    | "output_validation"
    | "timeout"
    | "resource_exhausted"
    | "worker_crashed"
    | "cancelled"
    | "interrupted"
    | "network"
    | "http_status"
    | "authentication"
    | "rate_limit"
    | "code_error"
    | "data_error"
    | "configuration"
    | "unknown";
  /**
   * True when running it again unchanged may succeed (transient causes)
   */
  retryable?: boolean;
  /**
   * One paragraph built from the recorded error, trace and logs
   */
  root_cause: string;
  /**
   * Why there is nothing to analyse (completed or unfinished executions)
   */
  note?: string;
  /**
   * The recorded error (see context.stack for the stack)
   */
  error?: {
    type: string;
    message: string;
    code: string;
    reason?: string;
  };
  /**
   * Where in the task code it failed
   */
  location?: {
    file: string;
    line: number;
    column?: number;
    /**
     * The failing line as it was when the execution ran
     */
    source?: string;
    /**
     * True when the file's line differs now (the task was edited since)
     */
    source_changed?: boolean;
    /**
     * Up to 3 lines either side of the failing line, read from the task file
     */
    context_lines?: {
      line: number;
      text: string;
      is_error_line: boolean;
    }[];
  };
  /**
   * The execution's input checked against the task's current input schema
   */
  input_validation?: {
    valid: boolean;
    /**
     * True when the task changed since the execution ran
     */
    schema_changed?: boolean;
    errors: {
      /**
       * JSON pointer into the input, or (root)
       */
      path: string;
      message: string;
      /**
       * What the schema wants there (type, enum, format)
       */
      expected?: string;
      /**
       * The value given there
       */
      actual?: unknown;
      /**
       * True when the input has nothing at this path
       */
      missing?: boolean;
    }[];
  };
  /**
   * HTTP calls that got an error status or no response
   */
  failed_http_calls: {
    method: string;
    url: string;
    status: number | null;
    duration_ms: number;
    error?: string;
  }[];
  /**
   * The last warn and error entries (up to 10)
   */
  recent_error_logs: {
    seq: number;
    level: string;
    message: string;
    data?: unknown;
    timestamp: string;
  }[];
  /**
   * Concrete next steps (include_suggestions)
   */
  suggestions: string[];
  /**
   * With include_context
   */
  context?: {
    input?: unknown;
    queued_at: string;
    started_at: string | null;
    completed_at: string | null;
    duration_ms: number | null;
    attempt: number;
    stack?: string;
    error_details?: unknown;
  };
  /**
   * With ask_model
   */
  model_explanation?: {
    status: "ok" | "unavailable" | "failed";
    text?: string;
    model?: string;
    note?: string;
  };
}

export interface BatchExecuteInput {
  /**
   * The executions, 1 to 100
   */
  requests?: {
    /**
     * Unique id of this item within the batch (used by dependencies); defaults to the item's index as a string ("0", "1", …)
     */
    id?: string;
    /**
     * Task name or UUID
     */
    task_id: string;
    /**
     * Input for the task
     */
    input?: {
      [k: string]: unknown;
    };
    /**
     * Ids of items that must complete first
     */
    dependencies?: string[];
    /**
     * Milliseconds before this item is stopped; capped by the execution time limits
     */
    timeout_ms?: number;
    /**
     * Higher starts first in priority_dependency mode
     */
    priority?: number;
  }[];
  /**
   * Alias of requests (the integration guide's name); give one or the other
   */
  tasks?: {
    /**
     * Unique id of this item within the batch; defaults to the item's index as a string
     */
    id?: string;
    task_id: string;
    input?: {
      [k: string]: unknown;
    };
    dependencies?: string[];
    timeout_ms?: number;
    priority?: number;
  }[];
  /**
   * How items are scheduled (see the description); dependencies are honoured in every mode
   */
  execution_mode?: "parallel" | "sequential" | "dependency" | "priority_dependency";
  /**
   * Most items running at once; default the worker count (at most 10)
   */
  max_parallel?: number;
  /**
   * After the first failed item, start no more items (they are skipped)
   */
  fail_fast?: boolean;
  /**
   * Alias of fail_fast (the predecessor's name)
   */
  stop_on_error?: boolean;
  /**
   * Milliseconds for the whole batch: when it elapses, running items are cancelled and the rest skipped
   */
  timeout_ms?: number;
  /**
   * Echoed back in the result
   */
  correlation_token?: string;
}

export interface BatchExecuteOutput {
  /**
   * One per item, in input order
   */
  results: {
    id: string;
    task_id: string;
    /**
     * Absent when the item never ran (skipped)
     */
    execution_id?: string;
    status: "completed" | "failed" | "cancelled" | "timed_out" | "skipped";
    /**
     * The item's output, when it completed; when too large for mcp.security.response_size_limit, a placeholder { truncated: true, bytes, resource: "ratchet://executions/<id>" } whose resource (resources/read) has it in full
     */
    output?: unknown;
    error?: {
      type: string;
      code: string;
      message: string;
      reason?: string;
      stack?: string;
      location?: {
        file: string;
        line: number;
        column?: number;
        source?: string;
      };
      details?: unknown;
    };
    skipped: boolean;
    skipped_reason?: string;
    duration_ms: number;
  }[];
  /**
   * Counts and durations
   */
  stats: {
    total: number;
    completed: number;
    /**
     * Items that ran and did not complete (failed, cancelled, timed out)
     */
    failed: number;
    skipped: number;
    /**
     * Wall-clock time of the whole batch
     */
    total_duration_ms: number;
    /**
     * Mean duration of the items that ran
     */
    average_duration_ms: number;
    max_parallel_observed: number;
  };
  /**
   * The mode used
   */
  execution_mode: string;
  /**
   * The concurrency limit used
   */
  max_parallel: number;
  /**
   * The correlation_token given
   */
  correlation_token?: string;
}

export interface CancelExecutionInput {
  /**
   * Id returned by ratchet_execute_task or ratchet_list_executions
   */
  execution_id: string;
  /**
   * Recorded in the execution's error message
   */
  reason?: string;
}

export interface CancelExecutionOutput {
  /**
   * The execution
   */
  execution_id: string;
  /**
   * True when this call cancelled the execution
   */
  cancelled: boolean;
  /**
   * The execution's status after the call
   */
  status: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
  /**
   * Its status before this call
   */
  previous_status?: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
  /**
   * What happened, in one sentence
   */
  message: string;
}

export interface CreateTaskInput {
  /**
   * Task name: letters, digits, "_", "." and "-", starting with a letter or digit, at most 100 characters; also the folder name
   */
  name: string;
  /**
   * What the task does
   */
  description: string;
  /**
   * JavaScript defining function main(input, context)
   */
  code: string;
  /**
   * JSON Schema for the task's input (draft-07 or 2020-12; local $ref only). Checked for mistakes such as unknown types before it is saved.
   */
  input_schema: {
    [k: string]: unknown;
  };
  /**
   * JSON Schema for the task's output (draft-07 or 2020-12; local $ref only). Checked for mistakes such as unknown types before it is saved.
   */
  output_schema: {
    [k: string]: unknown;
  };
  /**
   * Tags (ratchet_list_available_tasks filters on them)
   */
  tags?: string[];
  /**
   * Semantic version
   */
  version?: string;
  /**
   * Test cases for the task
   *
   * Items: One test case, written to tests/test-NNN.json
   */
  test_cases?: {
    /**
     * Test name (default: the file name, test-NNN)
     */
    name?: string;
    description?: string;
    /**
     * The value passed to main(input)
     */
    input: unknown;
    /**
     * The exact output expected (compared as JSON). Omit to only require success.
     */
    expected_output?: unknown;
    /**
     * Alias of expected_output (the predecessor's spelling)
     */
    expected?: unknown;
    /**
     * The test passes when the execution fails (thrown error, invalid input, timeout)
     */
    should_fail?: boolean;
    /**
     * Canned HTTP answers: { "http": { "url", "method"?, "response": { "status", "headers"?, "body"? } } } or a list of them. fetch in the task is answered only from these.
     */
    mock?: {
      [k: string]: unknown;
    };
  }[];
  /**
   * Extra fields for metadata.json (category, author, ...). name, version, uuid, description and tags come from the other parameters.
   */
  metadata?: {
    [k: string]: unknown;
  };
  /**
   * Run the test cases after saving
   */
  run_tests?: boolean;
}

export interface CreateTaskOutput {
  /**
   * The new task's uuid
   */
  task_id?: string;
  name: string;
  version?: string;
  /**
   * Absolute folder of the package
   */
  path?: string;
  /**
   * The package passed validation and was saved
   */
  valid: boolean;
  /**
   * The task's test cases, run in the worker pool (fetch answered from each test's mock.http)
   */
  test_results?: {
    total: number;
    passed: number;
    failed: number;
    results: {
      name: string;
      description?: string;
      status: "passed" | "failed";
      duration_ms: number;
      /**
       * Execution record of this run (see ratchet_get_execution_logs / _trace)
       */
      execution_id: string;
      execution_status?: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
      /**
       * The test input
       */
      input: unknown;
      /**
       * The expected output, when the test gives one
       */
      expected_output?: unknown;
      /**
       * What the task returned (when it completed)
       */
      actual_output?: unknown;
      /**
       * The execution error, when it did not complete
       */
      error?: {
        type: string;
        code: string;
        message: string;
        reason?: string;
        location?: {
          file: string;
          line: number;
          column?: number;
          source?: string;
        };
        [k: string]: unknown;
      };
      /**
       * Why the test failed, in one sentence
       */
      reason?: string;
      /**
       * Test file, relative to the task folder
       */
      file?: string;
    }[];
  };
  /**
   * Why the package was refused (nothing was saved)
   */
  problems?: {
    /**
     * File relative to the task folder
     */
    file: string;
    message: string;
    /**
     * How to fix it
     */
    hint?: string;
  }[];
  /**
   * A one-line summary
   */
  message: string;
  /**
   * What to do next
   */
  hint?: string;
}

export interface CreateTaskVersionInput {
  /**
   * Task name or UUID (see ratchet_list_available_tasks)
   */
  task_id: string;
  /**
   * Semantic version greater than the current one, e.g. 1.2.0
   */
  new_version: string;
  /**
   * New description for the task
   */
  description?: string;
  /**
   * What changed: recorded in metadata.json's changelog
   */
  changes?: string;
}

export interface CreateTaskVersionOutput {
  task_id: string;
  name?: string;
  previous_version?: string;
  version?: string;
  /**
   * Checksum of the new version
   */
  checksum?: string;
  /**
   * Copy of the previous version
   */
  backup_path?: string | null;
  /**
   * Every known version, oldest first
   */
  history: {
    version: string;
    /**
     * sha256 of the version's content
     */
    checksum: string;
    /**
     * Folder holding that version's files (null when only its record remains)
     */
    path: string | null;
    /**
     * The version in the tasks folder now
     */
    current?: boolean;
    /**
     * When the registry first saw it (ISO-8601)
     */
    recorded_at?: string;
  }[];
  /**
   * A one-line summary
   */
  message: string;
  /**
   * What to do next
   */
  hint?: string;
}

export interface DebugTaskExecutionInput {
  /**
   * Task name or UUID
   */
  task_id: string;
  /**
   * Input for the task; must match its input schema
   */
  input?: {
    [k: string]: unknown;
  };
  /**
   * 1-based line numbers in the task's code file (main.js or meta.yaml's entrypoint)
   *
   * @maxItems 200
   */
  breakpoints?: number[];
  /**
   * Record every statement executed (steps[]), not only breakpoint hits
   */
  step_mode?: boolean;
  /**
   * Snapshot the visible variables at each breakpoint hit (the first 20 hits per line)
   */
  capture_variables?: boolean;
  /**
   * Instrumented statements executed (steps in step mode, breakpoint hits otherwise) before the run is stopped
   */
  max_steps?: number;
  /**
   * Milliseconds before the run is stopped; default and cap: the smaller of execution.max_execution_time and mcp.security.max_execution_time
   */
  timeout_ms?: number;
}

export interface DebugTaskExecutionOutput {
  /**
   * The debug run's execution id
   */
  session_id: string;
  execution_id: string;
  /**
   * Task name
   */
  task_id: string;
  task_version: string;
  status: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
  /**
   * The task's output (present when completed)
   */
  output?: unknown;
  /**
   * Present when the run did not complete; location names the user's line, column and source
   */
  error?: {
    type: string;
    code: string;
    message: string;
    reason?: string;
    stack?: string;
    location?: {
      file: string;
      line: number;
      column?: number;
      source?: string;
    };
    details?: unknown;
  };
  /**
   * Breakpoint lines that were reached, in line order
   */
  breakpoints_hit: {
    line: number;
    /**
     * The line's text, trimmed
     */
    source: string;
    hit_count: number;
    /**
     * Visible variables at the first hit (with capture_variables)
     */
    variables?: {
      [k: string]: unknown;
    };
    /**
     * The first 20 hits, in order
     */
    hits: {
      /**
       * 1 for the first hit of this line
       */
      hit: number;
      /**
       * Position among all instrumented statements executed
       */
      step: number;
      /**
       * Variables whose value differs from this line's previous hit (with capture_variables; absent on the first hit, whose values are in variables)
       */
      changed?: {
        [k: string]: unknown;
      };
    }[];
  }[];
  /**
   * step_mode: every statement executed, in order
   */
  steps?: {
    step: number;
    line: number;
    source: string;
  }[];
  /**
   * Instrumented statements executed
   */
  steps_executed: number;
  step_limit_reached: boolean;
  /**
   * The task's own log entries (console.*, context.log.*), every level
   */
  logs: {
    seq: number;
    level: "trace" | "debug" | "info" | "warn" | "error";
    message: string;
    data?: unknown;
    timestamp: string;
  }[];
  /**
   * Breakpoints that cannot stop or were not reached, limits hit
   */
  warnings: string[];
  duration_ms: number;
}

export interface DeleteTaskInput {
  /**
   * Task name or UUID (see ratchet_list_available_tasks)
   */
  task_id: string;
  /**
   * Move the folder to .versions/<name>/deleted-<timestamp>/ instead of erasing it
   */
  create_backup?: boolean;
  /**
   * Erase the folder when there is no backup; false always keeps the files (moved to .versions/)
   */
  delete_files?: boolean;
  /**
   * Delete even while executions of the task are queued or running
   */
  force?: boolean;
}

export interface DeleteTaskOutput {
  task_id: string;
  name?: string;
  version?: string;
  deleted: boolean;
  /**
   * The folder was erased (no copy kept)
   */
  files_deleted?: boolean;
  /**
   * Where the folder was moved
   */
  backup_path?: string | null;
  /**
   * A one-line summary
   */
  message: string;
  /**
   * What to do next
   */
  hint?: string;
}

export interface DiscoverTasksInput {
  /**
   * Folder to scan (absolute, or relative to the config file's folder)
   */
  path: string;
  /**
   * Look in sub-folders; false checks only the folder itself and its direct sub-folders
   */
  recursive?: boolean;
  /**
   * Sub-folder levels below path to look in (with recursive)
   */
  max_depth?: number;
}

export interface DiscoverTasksOutput {
  discovered_tasks: {
    /**
     * The metadata's name, or the folder name when the metadata is unreadable
     */
    name: string;
    /**
     * Absolute folder
     */
    path: string;
    layout: "metadata.json" | "meta.yaml" | null;
    valid: boolean;
    problems: {
      file: string;
      message: string;
      hint?: string;
    }[];
    warnings: {
      file: string;
      message: string;
      hint?: string;
    }[];
    version?: string;
    description?: string;
    has_tests: boolean;
    test_count?: number;
    /**
     * The registry has this folder loaded as a task
     */
    loaded: boolean;
  }[];
  /**
   * The absolute folder scanned
   */
  scan_path: string;
  total_found: number;
  valid_count: number;
  invalid_count: number;
  scanned_at: string;
}

export interface EditTaskInput {
  /**
   * Task name or UUID (see ratchet_list_available_tasks)
   */
  task_id: string;
  /**
   * New JavaScript code (main.js)
   */
  code?: string;
  /**
   * JSON Schema for the task's input (draft-07 or 2020-12; local $ref only). Checked for mistakes such as unknown types before it is saved.
   */
  input_schema?: {
    [k: string]: unknown;
  };
  /**
   * JSON Schema for the task's output (draft-07 or 2020-12; local $ref only). Checked for mistakes such as unknown types before it is saved.
   */
  output_schema?: {
    [k: string]: unknown;
  };
  /**
   * New description
   */
  description?: string;
  /**
   * New tags (replace the old ones)
   */
  tags?: string[];
  /**
   * New version (semantic version, not lower than the current one). Default: the current version with its patch number bumped.
   */
  version?: string;
  /**
   * New test cases: they replace every existing test file
   *
   * Items: One test case, written to tests/test-NNN.json
   */
  test_cases?: {
    /**
     * Test name (default: the file name, test-NNN)
     */
    name?: string;
    description?: string;
    /**
     * The value passed to main(input)
     */
    input: unknown;
    /**
     * The exact output expected (compared as JSON). Omit to only require success.
     */
    expected_output?: unknown;
    /**
     * Alias of expected_output (the predecessor's spelling)
     */
    expected?: unknown;
    /**
     * The test passes when the execution fails (thrown error, invalid input, timeout)
     */
    should_fail?: boolean;
    /**
     * Canned HTTP answers: { "http": { "url", "method"?, "response": { "status", "headers"?, "body"? } } } or a list of them. fetch in the task is answered only from these.
     */
    mock?: {
      [k: string]: unknown;
    };
  }[];
  /**
   * Refuse changes that break the tests-versus-schema checks too (a package that cannot load is always refused)
   */
  validate_changes?: boolean;
  /**
   * Run the test cases after saving
   */
  run_tests?: boolean;
  /**
   * Copy the previous version to .versions/ first
   */
  create_backup?: boolean;
}

export interface EditTaskOutput {
  /**
   * The task's uuid (or its name when it has none)
   */
  task_id: string;
  name?: string;
  previous_version?: string;
  version?: string;
  /**
   * Absolute folder of the package
   */
  path?: string;
  /**
   * What changed, e.g. "code", "version 0.1.0 → 0.1.1"
   */
  changes_applied: string[];
  /**
   * Copy of the previous version, or null without a backup
   */
  backup_path?: string | null;
  validation?: {
    valid: boolean;
    /**
     * Problems that refused the change
     */
    problems: {
      /**
       * File relative to the task folder
       */
      file: string;
      message: string;
      /**
       * How to fix it
       */
      hint?: string;
    }[];
    /**
     * Advice that did not refuse it
     */
    warnings?: {
      /**
       * File relative to the task folder
       */
      file: string;
      message: string;
      /**
       * How to fix it
       */
      hint?: string;
    }[];
  };
  /**
   * The task's test cases, run in the worker pool (fetch answered from each test's mock.http)
   */
  test_results?: {
    total: number;
    passed: number;
    failed: number;
    results: {
      name: string;
      description?: string;
      status: "passed" | "failed";
      duration_ms: number;
      /**
       * Execution record of this run (see ratchet_get_execution_logs / _trace)
       */
      execution_id: string;
      execution_status?: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
      /**
       * The test input
       */
      input: unknown;
      /**
       * The expected output, when the test gives one
       */
      expected_output?: unknown;
      /**
       * What the task returned (when it completed)
       */
      actual_output?: unknown;
      /**
       * The execution error, when it did not complete
       */
      error?: {
        type: string;
        code: string;
        message: string;
        reason?: string;
        location?: {
          file: string;
          line: number;
          column?: number;
          source?: string;
        };
        [k: string]: unknown;
      };
      /**
       * Why the test failed, in one sentence
       */
      reason?: string;
      /**
       * Test file, relative to the task folder
       */
      file?: string;
    }[];
  };
  /**
   * A one-line summary
   */
  message: string;
  /**
   * What to do next
   */
  hint?: string;
}

export interface ExecuteTaskInput {
  /**
   * Task name or UUID (see ratchet_list_available_tasks)
   */
  task_id: string;
  /**
   * Input for the task; must match its input schema
   */
  input?: {
    [k: string]: unknown;
  };
  /**
   * Include the trace (spans, HTTP calls, timing) in the result
   */
  trace?: boolean;
  /**
   * Seconds before the task is stopped; default and cap: the smaller of execution.max_execution_time and mcp.security.max_execution_time
   */
  timeout?: number;
}

export interface ExecuteTaskOutput {
  /**
   * Id for ratchet_get_execution_status, _logs, _trace and ratchet_analyze_execution_error
   */
  execution_id: string;
  /**
   * Task name
   */
  task_id: string;
  /**
   * Version of the task that ran
   */
  task_version?: string;
  /**
   * completed, or how it ended
   */
  status: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
  /**
   * The task's output (present when completed); when too large for mcp.security.response_size_limit, a placeholder { truncated: true, bytes, resource: "ratchet://executions/<id>" } whose resource (resources/read) has it in full
   */
  output?: unknown;
  /**
   * Present when the execution did not complete
   */
  error?: {
    type: string;
    code: string;
    message: string;
    reason?: string;
    stack?: string;
    location?: {
      file: string;
      line: number;
      column?: number;
      source?: string;
    };
    details?: unknown;
  };
  /**
   * Run time in the worker
   */
  duration_ms?: number;
  /**
   * ISO-8601
   */
  queued_at?: string;
  /**
   * ISO-8601
   */
  started_at?: string | null;
  /**
   * ISO-8601
   */
  completed_at?: string | null;
  /**
   * Spans: the execution and each HTTP call
   */
  trace?: {
    span_id: string;
    parent_id?: string | null;
    name: string;
    kind: string;
    /**
     * Epoch milliseconds
     */
    start_ms: number;
    /**
     * Milliseconds after the execution started
     */
    offset_ms?: number;
    duration_ms: number;
    status: string;
    attributes?: {
      [k: string]: unknown;
    };
  }[];
}

export interface ExportTasksInput {
  /**
   * Task name or UUID; omit to export every task
   */
  task_id?: string;
  /**
   * Bundle as JSON, or a .zip (base64)
   */
  format?: "json" | "zip";
  /**
   * Include the test cases
   */
  include_tests?: boolean;
}

export interface ExportTasksOutput {
  /**
   * The JSON bundle (format json)
   */
  bundle?: {
    format: "ratchet-bundle";
    version: 1;
    /**
     * ISO-8601
     */
    exported_at: string;
    tasks: {
      name: string;
      version: string;
      description: string;
      tags: string[];
      code: string;
      /**
       * JSON Schema or null
       */
      input_schema: Record<string, unknown> | boolean | null;
      /**
       * JSON Schema or null
       */
      output_schema: Record<string, unknown> | boolean | null;
      /**
       * Test files' JSON
       */
      tests: {
        [k: string]: unknown;
      }[];
      /**
       * Other metadata.json fields (uuid, category, changelog, ...)
       */
      metadata: {
        [k: string]: unknown;
      };
    }[];
  };
  /**
   * The .zip file, base64 (format zip)
   */
  zip_base64?: string;
  /**
   * Size of the .zip file
   */
  bytes?: number;
  exported_count: number;
  /**
   * What was exported
   */
  tasks: {
    name: string;
    version: string;
  }[];
  /**
   * A one-line summary
   */
  message: string;
  /**
   * What to do next
   */
  hint?: string;
}

export interface GenerateFromTemplateInput {
  /**
   * Template name
   */
  template: string;
  /**
   * Name of the new task
   */
  name: string;
  /**
   * Template parameters
   */
  parameters?: {
    [k: string]: unknown;
  };
  /**
   * Description of the new task (default: from the template)
   */
  description?: string;
  /**
   * Write the task to the tasks folder (validated and tested)
   */
  save?: boolean;
  /**
   * When saving, run the generated tests
   */
  run_tests?: boolean;
}

export interface GenerateFromTemplateOutput {
  name: string;
  description?: string;
  code?: string;
  /**
   * Input JSON Schema
   */
  input_schema?: {
    [k: string]: unknown;
  };
  /**
   * Output JSON Schema
   */
  output_schema?: {
    [k: string]: unknown;
  };
  /**
   * Generated test cases (same shape as ratchet_create_task's test_cases)
   */
  test_cases?: {
    [k: string]: unknown;
  }[];
  template_used: string;
  template_category?: string;
  /**
   * The parameters used, defaults filled in
   */
  parameters?: {
    [k: string]: unknown;
  };
  /**
   * Required parameters that were not given
   */
  missing_parameters?: string[];
  saved: boolean;
  /**
   * Folder of the saved task
   */
  path?: string;
  /**
   * uuid of the saved task
   */
  task_id?: string;
  /**
   * The task's test cases, run in the worker pool (fetch answered from each test's mock.http)
   */
  test_results?: {
    total: number;
    passed: number;
    failed: number;
    results: {
      name: string;
      description?: string;
      status: "passed" | "failed";
      duration_ms: number;
      /**
       * Execution record of this run (see ratchet_get_execution_logs / _trace)
       */
      execution_id: string;
      execution_status?: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
      /**
       * The test input
       */
      input: unknown;
      /**
       * The expected output, when the test gives one
       */
      expected_output?: unknown;
      /**
       * What the task returned (when it completed)
       */
      actual_output?: unknown;
      /**
       * The execution error, when it did not complete
       */
      error?: {
        type: string;
        code: string;
        message: string;
        reason?: string;
        location?: {
          file: string;
          line: number;
          column?: number;
          source?: string;
        };
        [k: string]: unknown;
      };
      /**
       * Why the test failed, in one sentence
       */
      reason?: string;
      /**
       * Test file, relative to the task folder
       */
      file?: string;
    }[];
  };
  /**
   * Why saving was refused
   */
  problems?: {
    /**
     * File relative to the task folder
     */
    file: string;
    message: string;
    /**
     * How to fix it
     */
    hint?: string;
  }[];
  /**
   * A one-line summary
   */
  message: string;
  /**
   * What to do next
   */
  hint?: string;
}

export interface GetDeveloperEndpointReferenceInput {}

export interface GetDeveloperEndpointReferenceOutput {
  title: string;
  format: "markdown";
  /**
   * The document, as markdown
   */
  content: string;
}

export interface GetDeveloperGuideWalkthroughInput {}

export interface GetDeveloperGuideWalkthroughOutput {
  title: string;
  format: "markdown";
  /**
   * The document, as markdown
   */
  content: string;
}

export interface GetDeveloperIntegrationGuideInput {}

export interface GetDeveloperIntegrationGuideOutput {
  title: string;
  format: "markdown";
  /**
   * The document, as markdown
   */
  content: string;
}

export interface GetExecutionLogsInput {
  /**
   * The execution whose logs to read
   */
  execution_id: string;
  /**
   * Minimum level
   */
  level?: "trace" | "debug" | "info" | "warn" | "error";
  /**
   * Most entries returned; also capped by mcp.security.max_log_entries
   */
  limit?: number;
  /**
   * Entries (at the chosen level) to skip
   */
  offset?: number;
  /**
   * text adds a printable `text` field
   */
  format?: "json" | "text";
}

export interface GetExecutionLogsOutput {
  /**
   * The execution
   */
  execution_id: string;
  /**
   * The execution's status (a running one may log more)
   */
  status: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
  /**
   * The minimum level applied
   */
  level: string;
  /**
   * Entries oldest first
   */
  logs: {
    /**
     * Position among all the execution's entries, from 0
     */
    seq: number;
    level: "trace" | "debug" | "info" | "warn" | "error";
    message: string;
    data?: unknown;
    timestamp: string;
  }[];
  /**
   * Entries at or above the level
   */
  total: number;
  /**
   * Entries skipped
   */
  offset: number;
  /**
   * The limit applied (after the server cap)
   */
  limit: number;
  /**
   * True when entries after this page exist
   */
  has_more: boolean;
  /**
   * With format text: one line per entry
   */
  text?: string;
}

export interface GetExecutionStatusInput {
  /**
   * Id returned by ratchet_execute_task, ratchet_batch_execute or ratchet_list_executions
   */
  execution_id: string;
  /**
   * Include the execution's input
   */
  include_input?: boolean;
  /**
   * Include the execution's output
   */
  include_output?: boolean;
}

export interface GetExecutionStatusOutput {
  /**
   * The execution
   */
  execution_id: string;
  /**
   * Task name
   */
  task_id: string;
  /**
   * Version of the task that ran
   */
  task_version: string;
  /**
   * Content hash of the task version that ran
   */
  task_checksum?: string;
  /**
   * Current status
   */
  status: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
  /**
   * True while queued or running (see ratchet_cancel_execution)
   */
  can_cancel: boolean;
  /**
   * The last progress the task reported (context.progress)
   */
  progress: {
    progress: number;
    total: number | null;
    message: string | null;
    /**
     * 0-100, null when the task reported no total
     */
    percentage: number | null;
    /**
     * Running time so far (or in all, once finished)
     */
    elapsed_ms: number | null;
  };
  /**
   * The input it ran with (include_input)
   */
  input?: unknown;
  /**
   * The output, once completed (include_output); when too large for mcp.security.response_size_limit, a placeholder { truncated: true, bytes, resource: "ratchet://executions/<id>" } whose resource (resources/read) has it in full
   */
  output?: unknown;
  /**
   * Why it did not complete: type, code, message, the task file and line
   */
  error?: {
    type: string;
    code: string;
    message: string;
    reason?: string;
    stack?: string;
    location?: {
      file: string;
      line: number;
      column?: number;
      source?: string;
    };
    details?: unknown;
  };
  /**
   * error.message, for clients of the predecessor
   */
  error_message?: string;
  /**
   * ISO-8601
   */
  queued_at: string;
  /**
   * ISO-8601; null while queued
   */
  started_at: string | null;
  /**
   * ISO-8601; null until finished
   */
  completed_at: string | null;
  /**
   * Run time in the worker
   */
  duration_ms: number | null;
  /**
   * Time between queued and started
   */
  queue_duration_ms?: number | null;
  /**
   * Attempt number, from 1
   */
  attempt: number;
  /**
   * Who started it: mcp, http, cli, test
   */
  source: string;
}

export interface GetExecutionTraceInput {
  /**
   * The execution whose trace to read
   */
  execution_id: string;
  /**
   * Include the HTTP calls list
   */
  include_http_calls?: boolean;
  /**
   * flamegraph adds folded stacks and an SVG flame graph
   */
  format?: "json" | "flamegraph";
}

export interface GetExecutionTraceOutput {
  /**
   * The execution
   */
  execution_id: string;
  /**
   * The execution's status
   */
  status: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
  /**
   * Task name
   */
  task_id: string;
  /**
   * Version of the task that ran
   */
  task_version?: string;
  /**
   * False while the execution has not finished
   */
  trace_complete: boolean;
  /**
   * The execution span and one span per HTTP call, by start time
   */
  spans: {
    span_id: string;
    parent_id?: string | null;
    name: string;
    kind: string;
    /**
     * Epoch milliseconds
     */
    start_ms: number;
    /**
     * Milliseconds after the execution started
     */
    offset_ms?: number;
    duration_ms: number;
    status: string;
    attributes?: {
      [k: string]: unknown;
    };
  }[];
  /**
   * Every fetch the task made (include_http_calls)
   */
  http_calls?: {
    span_id: string;
    method: string;
    url: string;
    /**
     * HTTP status; null when no response arrived
     */
    status: number | null;
    duration_ms: number;
    offset_ms?: number;
    bytes_in: number | null;
    bytes_out: number | null;
    mocked?: boolean;
    error?: string;
  }[];
  /**
   * Where the time went
   */
  timing: {
    queued_at: string;
    started_at: string | null;
    completed_at: string | null;
    /**
     * completed_at - queued_at
     */
    total_duration_ms: number | null;
    /**
     * started_at - queued_at
     */
    queue_duration_ms: number | null;
    /**
     * Time in the worker
     */
    run_duration_ms: number | null;
    /**
     * Part of the run spent loading the task's code
     */
    load_duration_ms?: number | null;
    /**
     * Sum of the HTTP calls' durations
     */
    http_duration_ms?: number;
  };
  /**
   * With format flamegraph
   */
  flamegraph?: {
    /**
     * Weights in the folded stacks are microseconds
     */
    unit: "us";
    /**
     * Folded stacks, one `frame;frame;frame weight` line each (Brendan Gregg's format; feed to flamegraph.pl or speedscope)
     */
    folded: string;
    /**
     * A self-contained SVG flame graph; hover a frame for its time
     */
    svg: string;
  };
}

export interface GetResultsInput {
  /**
   * Task name or UUID; a name that is not loaded still matches stored results
   */
  task_id?: string;
  /**
   * One execution; an unknown id is an error
   */
  execution_id?: string;
  /**
   * pending means queued
   */
  status?: "queued" | "pending" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
  limit?: number;
  offset?: number;
  include_errors?: boolean;
  /**
   * Include input and output
   */
  include_data?: boolean;
}

export interface GetResultsOutput {
  executions: {
    execution_id: string;
    /**
     * Task name
     */
    task_id: string;
    task_version: string;
    status: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
    /**
     * Who started it: mcp, cli, http, debug, external, ...
     */
    source: string;
    queued_at: string;
    started_at: string | null;
    completed_at: string | null;
    duration_ms: number | null;
    /**
     * With include_data
     */
    input?: unknown;
    /**
     * With include_data, when the execution has one; when too large for mcp.security.response_size_limit, a placeholder { truncated: true, bytes, resource: "ratchet://executions/<id>" } whose resource (resources/read) has it in full
     */
    output?: unknown;
    /**
     * With include_errors
     */
    error_message?: string;
    /**
     * With include_errors
     */
    error?: {
      type: string;
      code: string;
      message: string;
      reason?: string;
      stack?: string;
      location?: {
        file: string;
        line: number;
        column?: number;
        source?: string;
      };
      details?: unknown;
    };
  }[];
  /**
   * Executions matching the filters
   */
  total_count: number;
  returned_count: number;
  offset: number;
  limit: number;
  has_more: boolean;
  retrieved_at: string;
}

export interface ImportTasksInput {
  /**
   * The bundle (object, array or JSON text), or for zip the .zip file as a base64 string
   */
  data: unknown;
  /**
   * How data is encoded
   */
  format?: "json" | "zip";
  /**
   * Replace tasks of the same name in the tasks folder (their previous version is kept in .versions/); for the name of a task in a read-only source, write a copy into the tasks folder that overrides it
   */
  overwrite_existing?: boolean;
  options?: {
    /**
     * Prefix added to every imported task name
     */
    name_prefix?: string;
    /**
     * Refuse packages whose tests contradict their schemas too (a package that cannot load is always refused)
     */
    validate_tasks?: boolean;
    /**
     * Run each imported task's tests
     */
    run_tests?: boolean;
    /**
     * Import the tests; false drops them
     */
    include_tests?: boolean;
  };
}

export interface ImportTasksOutput {
  imported: {
    name: string;
    version: string;
    path: string;
    task_id?: string;
    /**
     * An existing task of that name was replaced
     */
    replaced?: boolean;
    /**
     * The task's test cases, run in the worker pool (fetch answered from each test's mock.http)
     */
    test_results?: {
      total: number;
      passed: number;
      failed: number;
      results: {
        name: string;
        description?: string;
        status: "passed" | "failed";
        duration_ms: number;
        /**
         * Execution record of this run (see ratchet_get_execution_logs / _trace)
         */
        execution_id: string;
        execution_status?: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
        /**
         * The test input
         */
        input: unknown;
        /**
         * The expected output, when the test gives one
         */
        expected_output?: unknown;
        /**
         * What the task returned (when it completed)
         */
        actual_output?: unknown;
        /**
         * The execution error, when it did not complete
         */
        error?: {
          type: string;
          code: string;
          message: string;
          reason?: string;
          location?: {
            file: string;
            line: number;
            column?: number;
            source?: string;
          };
          [k: string]: unknown;
        };
        /**
         * Why the test failed, in one sentence
         */
        reason?: string;
        /**
         * Test file, relative to the task folder
         */
        file?: string;
      }[];
    };
  }[];
  skipped: {
    name: string;
    reason: string;
  }[];
  errors: {
    name: string;
    message: string;
    /**
     * What is wrong with the package
     */
    problems?: {
      /**
       * File relative to the task folder
       */
      file: string;
      message: string;
      /**
       * How to fix it
       */
      hint?: string;
    }[];
  }[];
  imported_count: number;
  /**
   * A one-line summary
   */
  message: string;
  /**
   * What to do next
   */
  hint?: string;
}

export interface ListAvailableTasksInput {
  /**
   * Case-insensitive substring of the task name or description
   */
  filter?: string;
  /**
   * Keeps tasks whose category or one of whose tags equals this (case-insensitive)
   */
  category?: string;
  /**
   * Keeps tasks that have every one of these tags (case-insensitive)
   */
  tags?: string[];
  /**
   * Include each task's input and output JSON Schema
   */
  include_schemas?: boolean;
  /**
   * Page number, from 0
   */
  page?: number;
  /**
   * Tasks per page (at most 1000)
   */
  limit?: number;
  /**
   * Sort key; without it tasks come in registry order (by name). created_at is when the task was first seen, updated_at when its current content was first seen
   */
  sort_by?: "name" | "version" | "created_at" | "updated_at";
  /**
   * Direction for sort_by
   */
  sort_order?: "asc" | "desc";
}

export interface ListAvailableTasksOutput {
  /**
   * One page of tasks
   */
  tasks: {
    /**
     * The task's uuid when it declares one, otherwise its name; either works as task_id
     */
    id: string;
    uuid?: string;
    name: string;
    version: string;
    description: string;
    tags: string[];
    category?: string;
    /**
     * Always true: only loaded tasks are listed
     */
    enabled: boolean;
    test_count: number;
    /**
     * When the first version of this task was seen
     */
    created_at?: string | null;
    /**
     * When the current content (checksum) was first seen
     */
    updated_at?: string | null;
    /**
     * Present with include_schemas; null when the task declares none
     */
    input_schema?: unknown;
    /**
     * Present with include_schemas; null when the task declares none
     */
    output_schema?: unknown;
  }[];
  /**
   * Page numbers from 0; a page past the end has no tasks
   */
  pagination: {
    page: number;
    limit: number;
    total_count: number;
    total_pages: number;
    has_next: boolean;
    has_previous: boolean;
    next_page?: number | null;
    previous_page?: number | null;
  };
  /**
   * The sort applied (sort_by null: registry order)
   */
  sorting?: {
    sort_by: string | null;
    sort_order: string;
  };
  /**
   * The filters applied
   */
  filters?: {
    filter?: string;
    category?: string;
    tags?: string[];
  };
  /**
   * Task packages that failed to load (present only when some did)
   */
  problems?: {
    /**
     * registry.sources entry name
     */
    source: string;
    /**
     * The package folder
     */
    dir: string;
    /**
     * One line per problem: file, cause and how to fix it
     */
    messages: string[];
  }[];
}

export interface ListExecutionsInput {
  /**
   * Task name or UUID
   */
  task_id?: string;
  /**
   * pending means queued
   */
  status?: "queued" | "pending" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
  /**
   * Page number, from 0
   */
  page?: number;
  /**
   * Executions per page (at most 1000)
   */
  limit?: number;
  /**
   * Sort key
   */
  sort_by?: "queued_at" | "started_at" | "completed_at" | "duration_ms" | "status";
  /**
   * Sort direction
   */
  sort_order?: "asc" | "desc";
  /**
   * Include each execution's output and full error
   */
  include_output?: boolean;
}

export interface ListExecutionsOutput {
  /**
   * One page of executions
   */
  executions: {
    execution_id: string;
    /**
     * Same as execution_id (the predecessor's name)
     */
    id: string;
    /**
     * Task name
     */
    task_id: string;
    task_version: string;
    status: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
    queued_at: string;
    started_at: string | null;
    completed_at: string | null;
    duration_ms: number | null;
    progress?: {
      progress: number;
      total: number | null;
      message: string | null;
      percentage: number | null;
    } | null;
    error_message?: string;
    source: string;
    /**
     * With include_output; when too large for mcp.security.response_size_limit, a placeholder { truncated: true, bytes, resource: "ratchet://executions/<id>" } whose resource (resources/read) has it in full
     */
    output?: unknown;
    /**
     * With include_output
     */
    error?: {
      type: string;
      code: string;
      message: string;
      reason?: string;
      stack?: string;
      location?: {
        file: string;
        line: number;
        column?: number;
        source?: string;
      };
      details?: unknown;
    };
  }[];
  /**
   * Page numbers from 0; a page past the end is empty
   */
  pagination: {
    page: number;
    limit: number;
    total_count: number;
    total_pages: number;
    has_next: boolean;
    has_previous: boolean;
    next_page?: number | null;
    previous_page?: number | null;
  };
  /**
   * The sort applied
   */
  sorting: {
    sort_by: string;
    sort_order: string;
  };
  /**
   * The filters applied (task_id as a task name)
   */
  filters?: {
    task_id?: string;
    status?: string;
  };
}

export interface ListJobsInput {
  /**
   * Task name or UUID
   */
  task_id?: string;
  /**
   * processing means running, failed means dead_letter
   */
  status?: "queued" | "running" | "retrying" | "completed" | "dead_letter" | "cancelled" | "processing" | "failed";
  /**
   * critical means urgent
   */
  priority?: "low" | "normal" | "high" | "urgent" | "critical";
  /**
   * Page number, from 0
   */
  page?: number;
  /**
   * Jobs per page
   */
  limit?: number;
  /**
   * Sort key
   */
  sort_by?: "queued_at" | "scheduled_for" | "priority" | "status" | "retry_count";
  /**
   * Sort direction
   */
  sort_order?: "asc" | "desc";
}

export interface ListJobsOutput {
  jobs: {
    id: string;
    /**
     * Task name
     */
    task_id: string;
    status: string;
    priority: string;
    /**
     * Attempts after the first
     */
    retry_count: number;
    max_retries: number;
    queued_at: string;
    scheduled_for: string;
    next_attempt_at?: string | null;
    execution_ids: string[];
    schedule_id?: string | null;
    last_error?: string | null;
  }[];
  /**
   * Page numbers from 0
   */
  pagination: {
    page: number;
    limit: number;
    total_count: number;
    total_pages: number;
    has_next: boolean;
    has_previous: boolean;
    next_page?: number | null;
    previous_page?: number | null;
  };
}

export interface ListSchedulesInput {
  /**
   * Task name or UUID
   */
  task_id?: string;
  enabled?: boolean;
  /**
   * Only enabled schedules due now
   */
  ready_to_run?: boolean;
  /**
   * Page number, from 0
   */
  page?: number;
  /**
   * Schedules per page
   */
  limit?: number;
  /**
   * Sort key
   */
  sort_by?: "name" | "created_at" | "updated_at" | "next_run" | "last_run";
  /**
   * Sort direction
   */
  sort_order?: "asc" | "desc";
}

export interface ListSchedulesOutput {
  schedules: {
    id: string;
    name: string;
    /**
     * Task name
     */
    task_id: string;
    cron_expression: string;
    timezone: string;
    enabled: boolean;
    next_run: string | null;
    last_run: string | null;
    run_count: number;
    description?: string | null;
  }[];
  /**
   * Page numbers from 0
   */
  pagination: {
    page: number;
    limit: number;
    total_count: number;
    total_pages: number;
    has_next: boolean;
    has_previous: boolean;
    next_page?: number | null;
    previous_page?: number | null;
  };
}

export interface ListTemplatesInput {
  /**
   * Only templates of this category
   */
  category?: string;
}

export interface ListTemplatesOutput {
  templates: {
    name: string;
    description: string;
    category: string;
    tags: string[];
    /**
     * Names of the parameters that must be given
     */
    required_parameters: string[];
    /**
     * Names of the parameters with defaults
     */
    optional_parameters: string[];
    /**
     * Every parameter with its type, description and default
     */
    parameters: {
      name: string;
      type: "string" | "number" | "boolean" | "array" | "object";
      required: boolean;
      description: string;
      /**
       * Value used when it is not given
       */
      default?: unknown;
      /**
       * An example value
       */
      example?: unknown;
    }[];
  }[];
  total_count: number;
  categories: string[];
}

export interface RegistryHealthInput {}

export interface RegistryHealthOutput {
  overall_status: "healthy" | "degraded" | "unhealthy";
  sources: {
    name: string;
    uri: string;
    path: string;
    status: "healthy" | "degraded" | "unhealthy";
    /**
     * The folder can be read now
     */
    reachable: boolean;
    /**
     * Tasks loaded from this source
     */
    task_count: number;
    /**
     * Packages of this source that failed to load
     */
    problem_count: number;
    /**
     * Configured to reload on changes (watch_for_changes or auto_reload)
     */
    watching: boolean;
    /**
     * The task folders on disk are the ones last loaded
     */
    in_sync: boolean;
    /**
     * Task folders on disk not yet loaded or reported (first 20)
     */
    new_dirs: string[];
    /**
     * Loaded task folders no longer on disk (first 20)
     */
    missing_dirs: string[];
    /**
     * Why the folder cannot be read
     */
    error?: string;
  }[];
  total_tasks: number;
  total_problems: number;
  /**
   * Every package that failed to load, with the file and reason
   */
  problems: {
    source: string;
    dir: string;
    file: string;
    message: string;
    hint?: string;
  }[];
  checked_at: string;
}

export interface RunTaskTestsInput {
  /**
   * Task name or UUID (see ratchet_list_available_tasks)
   */
  task_id: string;
  /**
   * Run only these tests (empty: all)
   */
  test_names?: string[];
  /**
   * Stop at the first failing test
   */
  stop_on_failure?: boolean;
  /**
   * Seconds per test; capped by mcp.security.max_execution_time
   */
  timeout?: number;
}

export interface RunTaskTestsOutput {
  task_name: string;
  version?: string;
  total: number;
  passed: number;
  failed: number;
  /**
   * passed / total (1 when there are none)
   */
  success_rate: number;
  all_passed: boolean;
  tests: {
    name: string;
    description?: string;
    status: "passed" | "failed";
    duration_ms: number;
    /**
     * Execution record of this run (see ratchet_get_execution_logs / _trace)
     */
    execution_id: string;
    execution_status?: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
    /**
     * The test input
     */
    input: unknown;
    /**
     * The expected output, when the test gives one
     */
    expected_output?: unknown;
    /**
     * What the task returned (when it completed)
     */
    actual_output?: unknown;
    /**
     * The execution error, when it did not complete
     */
    error?: {
      type: string;
      code: string;
      message: string;
      reason?: string;
      location?: {
        file: string;
        line: number;
        column?: number;
        source?: string;
      };
      [k: string]: unknown;
    };
    /**
     * Why the test failed, in one sentence
     */
    reason?: string;
    /**
     * Test file, relative to the task folder
     */
    file?: string;
  }[];
  /**
   * A one-line summary
   */
  message: string;
  /**
   * What to do next
   */
  hint?: string;
}

export interface StoreResultInput {
  /**
   * Task name or UUID
   */
  task_id: string;
  /**
   * The input the task ran with (any JSON)
   */
  input?: unknown;
  /**
   * The task's output (any JSON)
   */
  output?: unknown;
  status?: "completed" | "failed" | "cancelled" | "timed_out";
  /**
   * Why it did not complete (status failed, cancelled or timed_out)
   */
  error_message?: string;
  /**
   * Structured details of the failure (any JSON)
   */
  error_details?: unknown;
  /**
   * How long the run took
   */
  duration_ms?: number;
}

export interface StoreResultOutput {
  execution_id: string;
  /**
   * Task name as recorded
   */
  task_id: string;
  /**
   * The loaded task's version, or "external"
   */
  task_version: string;
  /**
   * True when the task is loaded in the registry
   */
  known_task: boolean;
  status: "completed" | "failed" | "cancelled" | "timed_out";
  stored_at: string;
  message: string;
}

export interface SyncRegistryInput {
  /**
   * Report only this registry source (registry.sources[].name)
   */
  source_name?: string;
  /**
   * Accepted for compatibility: every sync is a full rescan
   */
  force_refresh?: boolean;
  /**
   * Also validate each loaded task's tests against its schemas
   */
  validate_tasks?: boolean;
}

export interface SyncRegistryOutput {
  sources: {
    name: string;
    uri: string;
    path: string;
    /**
     * The source folder could be read
     */
    reachable: boolean;
    tasks_loaded: number;
    /**
     * Names of the tasks loaded from this source
     */
    tasks: string[];
    /**
     * Packages that failed to load
     */
    problems: {
      dir: string;
      file: string;
      message: string;
      hint?: string;
    }[];
    /**
     * With validate_tasks: loaded tasks with validation problems or warnings
     */
    validation?: {
      task: string;
      valid: boolean;
      problems: {
        file: string;
        message: string;
        hint?: string;
      }[];
      warnings: {
        file: string;
        message: string;
        hint?: string;
      }[];
    }[];
  }[];
  /**
   * Task names that appeared or whose content changed in this sync
   */
  changed: string[];
  /**
   * Task names no longer found
   */
  removed: string[];
  /**
   * Tasks loaded from every source
   */
  total_tasks: number;
  /**
   * Packages that failed to load, every source
   */
  total_problems: number;
  synced_at: string;
  duration_ms: number;
}

export interface ValidateTaskInput {
  /**
   * Task name or UUID; omit to validate inline code
   */
  task_id?: string;
  /**
   * JavaScript to check (replaces the task's code)
   */
  code?: string;
  /**
   * JSON Schema for the task's input (draft-07 or 2020-12; local $ref only). Checked for mistakes such as unknown types before it is saved.
   */
  input_schema?: {
    [k: string]: unknown;
  };
  /**
   * JSON Schema for the task's output (draft-07 or 2020-12; local $ref only). Checked for mistakes such as unknown types before it is saved.
   */
  output_schema?: {
    [k: string]: unknown;
  };
  /**
   * Test cases to check and run (replace the task's tests)
   *
   * Items: One test case, written to tests/test-NNN.json
   */
  test_cases?: {
    /**
     * Test name (default: the file name, test-NNN)
     */
    name?: string;
    description?: string;
    /**
     * The value passed to main(input)
     */
    input: unknown;
    /**
     * The exact output expected (compared as JSON). Omit to only require success.
     */
    expected_output?: unknown;
    /**
     * Alias of expected_output (the predecessor's spelling)
     */
    expected?: unknown;
    /**
     * The test passes when the execution fails (thrown error, invalid input, timeout)
     */
    should_fail?: boolean;
    /**
     * Canned HTTP answers: { "http": { "url", "method"?, "response": { "status", "headers"?, "body"? } } } or a list of them. fetch in the task is answered only from these.
     */
    mock?: {
      [k: string]: unknown;
    };
  }[];
  /**
   * Run the test cases when validation passes
   */
  run_tests?: boolean;
  /**
   * Only check the code's syntax
   */
  syntax_only?: boolean;
}

export interface ValidateTaskOutput {
  task_id?: string;
  task_name?: string;
  /**
   * No problems (and every test passed, when tests ran)
   */
  valid: boolean;
  /**
   * One entry per check
   */
  validation_results: {
    type: "syntax" | "input_schema" | "output_schema" | "metadata" | "tests";
    status: "passed" | "failed";
    message: string;
  }[];
  /**
   * Everything wrong, with file, line and fix
   */
  problems: {
    /**
     * File relative to the task folder
     */
    file: string;
    message: string;
    /**
     * How to fix it
     */
    hint?: string;
  }[];
  /**
   * Advice: missing tests or schemas
   */
  warnings?: {
    /**
     * File relative to the task folder
     */
    file: string;
    message: string;
    /**
     * How to fix it
     */
    hint?: string;
  }[];
  /**
   * The task's test cases, run in the worker pool (fetch answered from each test's mock.http)
   */
  test_results?: {
    total: number;
    passed: number;
    failed: number;
    results: {
      name: string;
      description?: string;
      status: "passed" | "failed";
      duration_ms: number;
      /**
       * Execution record of this run (see ratchet_get_execution_logs / _trace)
       */
      execution_id: string;
      execution_status?: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
      /**
       * The test input
       */
      input: unknown;
      /**
       * The expected output, when the test gives one
       */
      expected_output?: unknown;
      /**
       * What the task returned (when it completed)
       */
      actual_output?: unknown;
      /**
       * The execution error, when it did not complete
       */
      error?: {
        type: string;
        code: string;
        message: string;
        reason?: string;
        location?: {
          file: string;
          line: number;
          column?: number;
          source?: string;
        };
        [k: string]: unknown;
      };
      /**
       * Why the test failed, in one sentence
       */
      reason?: string;
      /**
       * Test file, relative to the task folder
       */
      file?: string;
    }[];
  };
  /**
   * A one-line summary
   */
  message: string;
  /**
   * What to do next
   */
  hint?: string;
}

/** Every tool's input and output types, by tool name (without the `ratchet_` prefix). */
export interface ToolIO {
  analyze_execution_error: { input: AnalyzeExecutionErrorInput; output: AnalyzeExecutionErrorOutput }
  batch_execute: { input: BatchExecuteInput; output: BatchExecuteOutput }
  cancel_execution: { input: CancelExecutionInput; output: CancelExecutionOutput }
  create_task: { input: CreateTaskInput; output: CreateTaskOutput }
  create_task_version: { input: CreateTaskVersionInput; output: CreateTaskVersionOutput }
  debug_task_execution: { input: DebugTaskExecutionInput; output: DebugTaskExecutionOutput }
  delete_task: { input: DeleteTaskInput; output: DeleteTaskOutput }
  discover_tasks: { input: DiscoverTasksInput; output: DiscoverTasksOutput }
  edit_task: { input: EditTaskInput; output: EditTaskOutput }
  execute_task: { input: ExecuteTaskInput; output: ExecuteTaskOutput }
  export_tasks: { input: ExportTasksInput; output: ExportTasksOutput }
  generate_from_template: { input: GenerateFromTemplateInput; output: GenerateFromTemplateOutput }
  get_developer_endpoint_reference: { input: GetDeveloperEndpointReferenceInput; output: GetDeveloperEndpointReferenceOutput }
  get_developer_guide_walkthrough: { input: GetDeveloperGuideWalkthroughInput; output: GetDeveloperGuideWalkthroughOutput }
  get_developer_integration_guide: { input: GetDeveloperIntegrationGuideInput; output: GetDeveloperIntegrationGuideOutput }
  get_execution_logs: { input: GetExecutionLogsInput; output: GetExecutionLogsOutput }
  get_execution_status: { input: GetExecutionStatusInput; output: GetExecutionStatusOutput }
  get_execution_trace: { input: GetExecutionTraceInput; output: GetExecutionTraceOutput }
  get_results: { input: GetResultsInput; output: GetResultsOutput }
  import_tasks: { input: ImportTasksInput; output: ImportTasksOutput }
  list_available_tasks: { input: ListAvailableTasksInput; output: ListAvailableTasksOutput }
  list_executions: { input: ListExecutionsInput; output: ListExecutionsOutput }
  list_jobs: { input: ListJobsInput; output: ListJobsOutput }
  list_schedules: { input: ListSchedulesInput; output: ListSchedulesOutput }
  list_templates: { input: ListTemplatesInput; output: ListTemplatesOutput }
  registry_health: { input: RegistryHealthInput; output: RegistryHealthOutput }
  run_task_tests: { input: RunTaskTestsInput; output: RunTaskTestsOutput }
  store_result: { input: StoreResultInput; output: StoreResultOutput }
  sync_registry: { input: SyncRegistryInput; output: SyncRegistryOutput }
  validate_task: { input: ValidateTaskInput; output: ValidateTaskOutput }
}

export type ToolName = keyof ToolIO
