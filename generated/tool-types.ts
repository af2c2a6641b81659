// GENERATED FILE — DO NOT EDIT. Edit schemas/tools/*.json and run `bun run gen`.

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
   * Seconds before the task is stopped; capped by mcp.security.max_execution_time
   */
  timeout?: number;
}

export interface ExecuteTaskOutput {
  execution_id: string;
  /**
   * Task name
   */
  task_id: string;
  task_version?: string;
  status: "queued" | "running" | "completed" | "failed" | "cancelled" | "timed_out";
  /**
   * The task's output (present when completed)
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
  duration_ms?: number;
  started_at?: string | null;
  completed_at?: string | null;
  /**
   * Spans: the execution and each HTTP call
   */
  trace?: {
    span_id: string;
    parent_id?: string | null;
    name: string;
    kind: string;
    start_ms: number;
    duration_ms: number;
    status: string;
    attributes?: {
      [k: string]: unknown;
    };
  }[];
}

/** Every tool's input and output types, by tool name (without the `ratchet_` prefix). */
export interface ToolIO {
  execute_task: { input: ExecuteTaskInput; output: ExecuteTaskOutput }
}

export type ToolName = keyof ToolIO
