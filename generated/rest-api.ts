// GENERATED FILE — DO NOT EDIT. Edit schemas/rest/*.json and run `bun run gen`.

export type RestFilterOp = 'eq' | 'ne' | 'like' | 'gte' | 'lte' | 'in' | 'not_in' | 'starts_with' | 'ends_with'

export interface RestListField {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date-time'
  ops: RestFilterOp[]
  sortable?: boolean
  enum?: string[]
}

export interface RestQueryParam {
  name: string
  type: 'string' | 'integer' | 'number' | 'boolean'
  enum?: string[]
  required?: boolean
  description: string
}

export interface RestRouteDefinition {
  group: string
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** OpenAPI form, under /api/v1: `/executions/{id}/logs`. */
  path: string
  summary: string
  description?: string
  query: RestQueryParam[]
  list?: { defaultSort: { field: string; order: 'asc' | 'desc' }; fields: Record<string, RestListField> }
  body?: string
  bodyOptional?: boolean
  responses: Record<string, { description: string; schema?: string; media?: string }>
}

export interface RestGroupExample {
  group: string
  title: string
  description: string
  example: { request: { method: string; path: string; body?: unknown }; response: { status: number; headers?: Record<string, string>; body?: unknown; text?: string } }
}

export const REST_ROUTES: readonly RestRouteDefinition[] = [
  {
    "group": "tasks",
    "method": "GET",
    "path": "/tasks",
    "summary": "List tasks",
    "description": "Loaded tasks the caller may see. `q` searches name and description; `tags` (comma-separated) keeps tasks that have every tag.",
    "query": [
      {
        "name": "q",
        "type": "string",
        "description": "Case-insensitive text in the name or description."
      },
      {
        "name": "tags",
        "type": "string",
        "description": "Comma-separated tags the task must all have."
      }
    ],
    "list": {
      "defaultSort": {
        "field": "name",
        "order": "asc"
      },
      "fields": {
        "id": {
          "type": "string",
          "ops": [
            "eq",
            "ne",
            "in",
            "not_in"
          ]
        },
        "name": {
          "type": "string",
          "ops": [
            "eq",
            "ne",
            "like",
            "in",
            "not_in",
            "starts_with",
            "ends_with"
          ],
          "sortable": true
        },
        "version": {
          "type": "string",
          "ops": [
            "eq",
            "ne",
            "like"
          ],
          "sortable": true
        },
        "description": {
          "type": "string",
          "ops": [
            "like"
          ]
        },
        "category": {
          "type": "string",
          "ops": [
            "eq",
            "ne",
            "in",
            "not_in"
          ],
          "sortable": true
        },
        "enabled": {
          "type": "boolean",
          "ops": [
            "eq"
          ]
        },
        "test_count": {
          "type": "integer",
          "ops": [
            "eq",
            "ne",
            "gte",
            "lte"
          ],
          "sortable": true
        },
        "created_at": {
          "type": "date-time",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        },
        "updated_at": {
          "type": "date-time",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        }
      }
    },
    "responses": {
      "200": {
        "description": "One page of tasks.",
        "schema": "TaskList"
      }
    }
  },
  {
    "group": "tasks",
    "method": "GET",
    "path": "/tasks/stats",
    "summary": "Task statistics",
    "description": "Counts over the tasks the caller may see, and their executions.",
    "query": [],
    "responses": {
      "200": {
        "description": "The statistics.",
        "schema": "TaskStats"
      }
    }
  },
  {
    "group": "tasks",
    "method": "GET",
    "path": "/tasks/{id}",
    "summary": "Get a task",
    "description": "One task by name or uuid, with its schemas, source code, versions and test cases.",
    "query": [],
    "responses": {
      "200": {
        "description": "The task.",
        "schema": "TaskDetail"
      }
    }
  },
  {
    "group": "tasks",
    "method": "POST",
    "path": "/tasks",
    "summary": "Create a task",
    "description": "Writes a new task package (metadata.json, main.js, schemas, tests) into the server's tasks folder, loads it and, unless run_tests is false, runs its tests. Needs can_manage_tasks. 201 with a Location header.",
    "query": [],
    "body": "CreateTaskRequest",
    "bodyOptional": false,
    "responses": {
      "201": {
        "description": "Created.",
        "schema": "TaskCreated"
      }
    }
  },
  {
    "group": "tasks",
    "method": "PATCH",
    "path": "/tasks/{id}",
    "summary": "Update a task",
    "description": "Changes the code, schemas, tests, description or version of a task; the previous files are kept under .versions/. A task from a read-only source is saved as a copy in the tasks folder that takes over its name.",
    "query": [],
    "body": "UpdateTaskRequest",
    "bodyOptional": false,
    "responses": {
      "200": {
        "description": "Updated.",
        "schema": "TaskUpdated"
      }
    }
  },
  {
    "group": "tasks",
    "method": "DELETE",
    "path": "/tasks/{id}",
    "summary": "Delete a task",
    "description": "Removes a task written to the tasks folder (backup under .versions/ unless backup=false).",
    "query": [
      {
        "name": "force",
        "type": "boolean",
        "description": "Delete even when the task has executions."
      },
      {
        "name": "backup",
        "type": "boolean",
        "description": "Keep a copy under .versions/ (default true)."
      }
    ],
    "responses": {
      "200": {
        "description": "Deleted.",
        "schema": "TaskDeleted"
      }
    }
  },
  {
    "group": "tasks",
    "method": "POST",
    "path": "/tasks/{id}/enable",
    "summary": "Enable a task",
    "description": "Lets every door run the task again. Takes no body.",
    "query": [],
    "responses": {
      "200": {
        "description": "The new state.",
        "schema": "TaskStateChange"
      }
    }
  },
  {
    "group": "tasks",
    "method": "POST",
    "path": "/tasks/{id}/disable",
    "summary": "Disable a task",
    "description": "Refuses every way of running the task (REST, MCP, jobs, schedules, CLI) with 409 until it is enabled; it stays listed with enabled: false, and its tests can still run. Takes no body.",
    "query": [],
    "responses": {
      "200": {
        "description": "The new state.",
        "schema": "TaskStateChange"
      }
    }
  },
  {
    "group": "tasks",
    "method": "POST",
    "path": "/tasks/sync",
    "summary": "Reload the registry",
    "description": "Rescans every task source and reports what was added, updated or removed, and packages that failed to load. Takes no body. Needs can_access_system_info (system.read), as the MCP tool sync_registry: it writes no task.",
    "query": [],
    "responses": {
      "200": {
        "description": "What changed.",
        "schema": "SyncReport"
      }
    }
  },
  {
    "group": "tasks",
    "method": "POST",
    "path": "/tasks/{id}/test",
    "summary": "Run a task's tests",
    "description": "Runs the task's test cases (all, or test_names) through the engine and reports each result. Needs can_execute_tasks (execution.create), as the MCP tool run_task_tests: testing a task executes it.",
    "query": [],
    "body": "TestTaskRequest",
    "bodyOptional": true,
    "responses": {
      "200": {
        "description": "The report.",
        "schema": "TaskTestRun"
      }
    }
  },
  {
    "group": "executions",
    "method": "GET",
    "path": "/executions",
    "summary": "List executions",
    "description": "Executions the caller may see, newest queued first. `include_output=true` adds outputs and full errors.",
    "query": [
      {
        "name": "include_output",
        "type": "boolean",
        "description": "Add output and error to each row."
      }
    ],
    "list": {
      "defaultSort": {
        "field": "queued_at",
        "order": "desc"
      },
      "fields": {
        "id": {
          "type": "string",
          "ops": [
            "eq",
            "in"
          ]
        },
        "task_id": {
          "type": "string",
          "ops": [
            "eq",
            "ne",
            "like",
            "in",
            "not_in",
            "starts_with",
            "ends_with"
          ]
        },
        "status": {
          "type": "string",
          "enum": [
            "queued",
            "pending",
            "running",
            "completed",
            "failed",
            "cancelled",
            "timed_out"
          ],
          "ops": [
            "eq",
            "ne",
            "in",
            "not_in"
          ],
          "sortable": true
        },
        "source": {
          "type": "string",
          "ops": [
            "eq",
            "ne",
            "in",
            "not_in"
          ]
        },
        "queued_at": {
          "type": "date-time",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        },
        "started_at": {
          "type": "date-time",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        },
        "completed_at": {
          "type": "date-time",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        },
        "duration_ms": {
          "type": "number",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        }
      }
    },
    "responses": {
      "200": {
        "description": "One page of executions.",
        "schema": "ExecutionList"
      }
    }
  },
  {
    "group": "executions",
    "method": "POST",
    "path": "/executions",
    "summary": "Start an execution",
    "description": "Queues a run of the task. With `?wait=true` the response is the finished execution (200, whatever its status; `trace=true` adds its spans); otherwise 202 with the id and a Location header. Spends the execute_task rate-limit bucket and one of the key's executions_per_minute.",
    "query": [
      {
        "name": "wait",
        "type": "boolean",
        "description": "Wait for the execution to finish."
      },
      {
        "name": "trace",
        "type": "boolean",
        "description": "With wait: include the trace spans."
      }
    ],
    "body": "CreateExecutionRequest",
    "bodyOptional": false,
    "responses": {
      "200": {
        "description": "With wait=true: the finished execution.",
        "schema": "Execution"
      },
      "202": {
        "description": "Queued; Location names the execution.",
        "schema": "ExecutionAccepted"
      },
      "404": {
        "description": "TASK_NOT_FOUND: no task by that name or uuid that the caller may see; details.similar names close ones.",
        "schema": "ErrorBody"
      },
      "409": {
        "description": "CONFLICT: the task is disabled (details.reason task_disabled).",
        "schema": "ErrorBody"
      }
    }
  },
  {
    "group": "executions",
    "method": "GET",
    "path": "/executions/stats",
    "summary": "Execution statistics",
    "description": "Counts by status over the executions the caller may see, the success rate, the last 24 hours, and (with can_access_system_info) the engine's queue and workers.",
    "query": [],
    "responses": {
      "200": {
        "description": "The statistics.",
        "schema": "ExecutionStats"
      }
    }
  },
  {
    "group": "executions",
    "method": "GET",
    "path": "/executions/{id}",
    "summary": "Get an execution",
    "description": "One execution with its input, output or error, progress and times.",
    "query": [],
    "responses": {
      "200": {
        "description": "The execution.",
        "schema": "Execution"
      }
    }
  },
  {
    "group": "executions",
    "method": "POST",
    "path": "/executions/{id}/cancel",
    "summary": "Cancel an execution",
    "description": "Cancels a queued or running execution and waits briefly for it to settle; a finished one is reported as is (`cancelled: false`).",
    "query": [],
    "body": "CancelRequest",
    "bodyOptional": true,
    "responses": {
      "200": {
        "description": "Where the execution ended up.",
        "schema": "CancelResult"
      }
    }
  },
  {
    "group": "executions",
    "method": "POST",
    "path": "/executions/{id}/retry",
    "summary": "Retry an execution",
    "description": "Runs the execution's task (its current version) again with the same input, as a new execution. `?wait=true` waits for it, as for POST /executions.",
    "query": [
      {
        "name": "wait",
        "type": "boolean",
        "description": "Wait for the new execution to finish."
      }
    ],
    "body": "RetryRequest",
    "bodyOptional": true,
    "responses": {
      "200": {
        "description": "With wait=true: the finished new execution.",
        "schema": "Execution"
      },
      "202": {
        "description": "The new execution is queued.",
        "schema": "ExecutionAccepted"
      }
    }
  },
  {
    "group": "executions",
    "method": "GET",
    "path": "/executions/{id}/logs",
    "summary": "Execution logs",
    "description": "The execution's log entries at `level` or above (default info), oldest first. `format=text` answers text/plain lines. Needs can_read_logs.",
    "query": [
      {
        "name": "level",
        "type": "string",
        "enum": [
          "trace",
          "debug",
          "info",
          "warn",
          "error"
        ],
        "description": "Lowest level shown (default info)."
      },
      {
        "name": "format",
        "type": "string",
        "enum": [
          "json",
          "text"
        ],
        "description": "json (default) or text."
      }
    ],
    "list": {
      "defaultSort": {
        "field": "seq",
        "order": "asc"
      },
      "fields": {}
    },
    "responses": {
      "200": {
        "description": "One page of log entries.",
        "schema": "LogList"
      }
    }
  },
  {
    "group": "executions",
    "method": "GET",
    "path": "/executions/{id}/trace",
    "summary": "Execution trace",
    "description": "Spans, HTTP calls and timing. `format=flamegraph` adds folded stacks and the SVG in JSON; `format=svg` (or Accept: image/svg+xml) answers the flame graph as image/svg+xml. Needs can_read_traces.",
    "query": [
      {
        "name": "format",
        "type": "string",
        "enum": [
          "json",
          "flamegraph",
          "svg"
        ],
        "description": "json (default), flamegraph or svg."
      },
      {
        "name": "include_http_calls",
        "type": "boolean",
        "description": "Default true."
      }
    ],
    "responses": {
      "200": {
        "description": "The trace (or the SVG).",
        "schema": "Trace"
      }
    }
  },
  {
    "group": "results",
    "method": "GET",
    "path": "/results",
    "summary": "List stored results",
    "description": "Stored executions with their input and output (with can_execute_tasks) or error, newest first.",
    "query": [],
    "list": {
      "defaultSort": {
        "field": "queued_at",
        "order": "desc"
      },
      "fields": {
        "task_id": {
          "type": "string",
          "ops": [
            "eq",
            "ne",
            "like",
            "in",
            "not_in"
          ]
        },
        "status": {
          "type": "string",
          "enum": [
            "queued",
            "pending",
            "running",
            "completed",
            "failed",
            "cancelled",
            "timed_out"
          ],
          "ops": [
            "eq",
            "ne",
            "in",
            "not_in"
          ],
          "sortable": true
        },
        "source": {
          "type": "string",
          "ops": [
            "eq",
            "ne",
            "in"
          ]
        },
        "queued_at": {
          "type": "date-time",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        },
        "completed_at": {
          "type": "date-time",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        },
        "duration_ms": {
          "type": "number",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        }
      }
    },
    "responses": {
      "200": {
        "description": "One page of results.",
        "schema": "ResultList"
      }
    }
  },
  {
    "group": "results",
    "method": "GET",
    "path": "/results/{id}",
    "summary": "Get a stored result",
    "description": "The stored result of one execution.",
    "query": [],
    "responses": {
      "200": {
        "description": "The result.",
        "schema": "StoredResult"
      }
    }
  },
  {
    "group": "jobs",
    "method": "GET",
    "path": "/jobs",
    "summary": "List jobs",
    "query": [],
    "list": {
      "defaultSort": {
        "field": "created_at",
        "order": "desc"
      },
      "fields": {
        "id": {
          "type": "string",
          "ops": [
            "eq",
            "in"
          ]
        },
        "task_id": {
          "type": "string",
          "ops": [
            "eq",
            "ne",
            "like",
            "in",
            "not_in"
          ]
        },
        "status": {
          "type": "string",
          "enum": [
            "queued",
            "running",
            "retrying",
            "completed",
            "dead_letter",
            "cancelled"
          ],
          "ops": [
            "eq",
            "ne",
            "in",
            "not_in"
          ],
          "sortable": true
        },
        "priority": {
          "type": "string",
          "enum": [
            "low",
            "normal",
            "high",
            "urgent"
          ],
          "ops": [
            "eq",
            "ne",
            "in",
            "not_in"
          ],
          "sortable": true
        },
        "schedule_id": {
          "type": "string",
          "ops": [
            "eq"
          ]
        },
        "scheduled_for": {
          "type": "date-time",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        },
        "created_at": {
          "type": "date-time",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        },
        "updated_at": {
          "type": "date-time",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        }
      }
    },
    "responses": {
      "200": {
        "description": "One page of jobs.",
        "schema": "JobList"
      }
    }
  },
  {
    "group": "jobs",
    "method": "POST",
    "path": "/jobs",
    "summary": "Create a job",
    "description": "Queues a job for the task. 201 with Location; 200 with the existing job when the idempotency key was used before.",
    "query": [],
    "body": "CreateJobRequest",
    "bodyOptional": false,
    "responses": {
      "200": {
        "description": "The job created earlier with the same idempotency key.",
        "schema": "Job"
      },
      "201": {
        "description": "The new job.",
        "schema": "Job"
      },
      "400": {
        "description": "BAD_INPUT: an invalid field (named with how to fix it), or an idempotency_key starting with the reserved prefix schedule:.",
        "schema": "ErrorBody"
      },
      "404": {
        "description": "TASK_NOT_FOUND: no task by that name or uuid that the caller may see.",
        "schema": "ErrorBody"
      },
      "409": {
        "description": "CONFLICT: the task is disabled (enable it with POST /api/v1/tasks/{id}/enable).",
        "schema": "ErrorBody"
      },
      "422": {
        "description": "INPUT_INVALID: the input does not match the task's input schema; every failing path is listed.",
        "schema": "ErrorBody"
      }
    }
  },
  {
    "group": "jobs",
    "method": "GET",
    "path": "/jobs/stats",
    "summary": "Job statistics",
    "query": [],
    "responses": {
      "200": {
        "description": "Counts over the jobs the caller may see.",
        "schema": "JobStats"
      }
    }
  },
  {
    "group": "jobs",
    "method": "GET",
    "path": "/jobs/{id}",
    "summary": "Get a job",
    "description": "One job with its delivery attempts.",
    "query": [],
    "responses": {
      "200": {
        "description": "The job.",
        "schema": "Job"
      }
    }
  },
  {
    "group": "jobs",
    "method": "POST",
    "path": "/jobs/{id}/cancel",
    "summary": "Cancel a job",
    "description": "Cancels a queued, retrying or running job (409 when it has finished).",
    "query": [],
    "body": "CancelJobRequest",
    "bodyOptional": true,
    "responses": {
      "200": {
        "description": "The cancelled job.",
        "schema": "Job"
      },
      "409": {
        "description": "CONFLICT: the job has finished (completed, dead_letter or cancelled).",
        "schema": "ErrorBody"
      }
    }
  },
  {
    "group": "jobs",
    "method": "POST",
    "path": "/jobs/{id}/retry",
    "summary": "Retry a job",
    "description": "Queues a dead_letter, cancelled or completed job again with a fresh retry budget.",
    "query": [],
    "responses": {
      "200": {
        "description": "The queued job.",
        "schema": "Job"
      },
      "409": {
        "description": "CONFLICT: the job is queued, retrying or running; only finished jobs can be retried.",
        "schema": "ErrorBody"
      }
    }
  },
  {
    "group": "schedules",
    "method": "GET",
    "path": "/schedules",
    "summary": "List schedules",
    "query": [],
    "list": {
      "defaultSort": {
        "field": "created_at",
        "order": "desc"
      },
      "fields": {
        "id": {
          "type": "string",
          "ops": [
            "eq",
            "in"
          ]
        },
        "name": {
          "type": "string",
          "ops": [
            "eq",
            "ne",
            "like",
            "starts_with"
          ],
          "sortable": true
        },
        "task_id": {
          "type": "string",
          "ops": [
            "eq",
            "ne",
            "like",
            "in",
            "not_in"
          ]
        },
        "enabled": {
          "type": "boolean",
          "ops": [
            "eq"
          ]
        },
        "next_run_at": {
          "type": "date-time",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        },
        "created_at": {
          "type": "date-time",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        },
        "updated_at": {
          "type": "date-time",
          "ops": [
            "gte",
            "lte"
          ],
          "sortable": true
        }
      }
    },
    "responses": {
      "200": {
        "description": "One page of schedules.",
        "schema": "ScheduleList"
      }
    }
  },
  {
    "group": "schedules",
    "method": "POST",
    "path": "/schedules",
    "summary": "Create a schedule",
    "query": [],
    "body": "CreateScheduleRequest",
    "bodyOptional": false,
    "responses": {
      "201": {
        "description": "The new schedule; Location names it.",
        "schema": "Schedule"
      },
      "404": {
        "description": "TASK_NOT_FOUND: no task by that name or uuid that the caller may see.",
        "schema": "ErrorBody"
      },
      "409": {
        "description": "CONFLICT: a schedule with that name exists.",
        "schema": "ErrorBody"
      },
      "422": {
        "description": "INPUT_INVALID: input_data does not match the task's input schema.",
        "schema": "ErrorBody"
      }
    }
  },
  {
    "group": "schedules",
    "method": "GET",
    "path": "/schedules/stats",
    "summary": "Schedule statistics",
    "query": [],
    "responses": {
      "200": {
        "description": "Counts over the schedules the caller may see.",
        "schema": "ScheduleStats"
      }
    }
  },
  {
    "group": "schedules",
    "method": "GET",
    "path": "/schedules/next-runs",
    "summary": "Preview a cron expression",
    "description": "The next `count` fire times of `cron_expression` in `timezone`, without creating anything.",
    "query": [
      {
        "name": "cron_expression",
        "type": "string",
        "required": true,
        "description": "The expression (alias cronExpression)."
      },
      {
        "name": "timezone",
        "type": "string",
        "description": "IANA zone (default UTC)."
      },
      {
        "name": "count",
        "type": "integer",
        "description": "1..100, default 5."
      }
    ],
    "responses": {
      "200": {
        "description": "The fire times.",
        "schema": "NextRuns"
      },
      "400": {
        "description": "BAD_INPUT: the cron expression, time zone or count is invalid.",
        "schema": "ErrorBody"
      }
    }
  },
  {
    "group": "schedules",
    "method": "GET",
    "path": "/schedules/{id}",
    "summary": "Get a schedule",
    "query": [],
    "responses": {
      "200": {
        "description": "The schedule.",
        "schema": "Schedule"
      }
    }
  },
  {
    "group": "schedules",
    "method": "PATCH",
    "path": "/schedules/{id}",
    "summary": "Change a schedule",
    "description": "Changes the fields given; the rest stay.",
    "query": [],
    "body": "UpdateScheduleRequest",
    "bodyOptional": false,
    "responses": {
      "200": {
        "description": "The changed schedule.",
        "schema": "Schedule"
      },
      "409": {
        "description": "CONFLICT: another schedule has the new name.",
        "schema": "ErrorBody"
      },
      "422": {
        "description": "INPUT_INVALID: input_data does not match the task's input schema.",
        "schema": "ErrorBody"
      }
    }
  },
  {
    "group": "schedules",
    "method": "DELETE",
    "path": "/schedules/{id}",
    "summary": "Delete a schedule",
    "query": [],
    "responses": {
      "204": {
        "description": "Deleted."
      }
    }
  },
  {
    "group": "schedules",
    "method": "POST",
    "path": "/schedules/{id}/enable",
    "summary": "Enable a schedule",
    "query": [],
    "responses": {
      "200": {
        "description": "The schedule.",
        "schema": "Schedule"
      }
    }
  },
  {
    "group": "schedules",
    "method": "POST",
    "path": "/schedules/{id}/disable",
    "summary": "Disable a schedule",
    "query": [],
    "responses": {
      "200": {
        "description": "The schedule.",
        "schema": "Schedule"
      }
    }
  },
  {
    "group": "schedules",
    "method": "POST",
    "path": "/schedules/{id}/trigger",
    "summary": "Trigger a schedule now",
    "description": "Creates a job for the schedule now (not counted as a slot).",
    "query": [],
    "responses": {
      "201": {
        "description": "The job created; Location names it.",
        "schema": "ScheduleJob"
      }
    }
  },
  {
    "group": "schedules",
    "method": "GET",
    "path": "/schedules/{id}/next-runs",
    "summary": "Next fire times",
    "query": [
      {
        "name": "count",
        "type": "integer",
        "description": "1..100, default 5."
      }
    ],
    "responses": {
      "200": {
        "description": "The schedule's next fire times.",
        "schema": "NextRuns"
      }
    }
  },
  {
    "group": "events",
    "method": "GET",
    "path": "/events",
    "summary": "Stream events (SSE)",
    "description": "text/event-stream: one `event:` per domain event (execution.queued, execution.finished, job.*, schedule.*), each with an `id:` to resume from. Every filter takes a comma list.",
    "query": [
      {
        "name": "type",
        "type": "string",
        "description": "Event types or families (job.*, execution.finished)."
      },
      {
        "name": "task",
        "type": "string",
        "description": "Task names or uuids."
      },
      {
        "name": "execution_id",
        "type": "string",
        "description": "Execution ids."
      },
      {
        "name": "job_id",
        "type": "string",
        "description": "Job ids."
      },
      {
        "name": "schedule_id",
        "type": "string",
        "description": "Schedule ids."
      },
      {
        "name": "last_event_id",
        "type": "integer",
        "description": "Resume after this event id (or the Last-Event-ID header)."
      }
    ],
    "responses": {
      "200": {
        "description": "The event stream.",
        "media": "text/event-stream"
      }
    }
  }
]

/** Request body schemas with every $ref inlined, by name (for error walks and alias mapping). */
export const REST_BODY_SCHEMAS: Readonly<Record<string, Record<string, unknown>>> = {
  "CancelJobRequest": {
    "type": "object",
    "title": "CancelJobRequest",
    "additionalProperties": false,
    "properties": {
      "reason": {
        "type": "string",
        "maxLength": 500
      }
    }
  },
  "CancelRequest": {
    "type": "object",
    "title": "CancelRequest",
    "additionalProperties": false,
    "properties": {
      "reason": {
        "type": "string",
        "maxLength": 500,
        "description": "Recorded on the cancelled execution."
      }
    }
  },
  "CreateExecutionRequest": {
    "type": "object",
    "title": "CreateExecutionRequest",
    "required": [
      "task_id"
    ],
    "additionalProperties": false,
    "properties": {
      "task_id": {
        "type": "string",
        "minLength": 1,
        "description": "Task name or uuid (alias: taskId)."
      },
      "input": {
        "description": "The task's input; checked against its input schema. Default {} (alias: input_data, inputData)."
      },
      "timeout": {
        "type": "number",
        "exclusiveMinimum": 0,
        "description": "Seconds; capped by execution.max_execution_time."
      }
    }
  },
  "CreateJobRequest": {
    "type": "object",
    "title": "CreateJobRequest",
    "required": [
      "task_id"
    ],
    "additionalProperties": false,
    "properties": {
      "task_id": {
        "type": "string",
        "minLength": 1,
        "description": "Task name or uuid (alias: taskId)."
      },
      "input": {
        "description": "The task's input (alias: input_data, inputData). Default {}."
      },
      "priority": {
        "enum": [
          "low",
          "normal",
          "high",
          "urgent"
        ],
        "default": "normal"
      },
      "scheduled_for": {
        "type": "string",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$",
        "description": "Not run before this time (ISO-8601; alias scheduledFor). Default now."
      },
      "max_retries": {
        "type": "integer",
        "minimum": 0,
        "maximum": 100,
        "description": "Retries after the first attempt (alias maxRetries)."
      },
      "output_destinations": {
        "type": "array",
        "maxItems": 20,
        "items": {
          "description": "Where a job's (or schedule's jobs') output is delivered when it completes.",
          "anyOf": [
            {
              "type": "object",
              "title": "WebhookDestination",
              "required": [
                "type",
                "url"
              ],
              "additionalProperties": false,
              "properties": {
                "type": {
                  "const": "webhook"
                },
                "url": {
                  "type": "string",
                  "minLength": 1,
                  "description": "http(s) URL the output is sent to."
                },
                "method": {
                  "enum": [
                    "POST",
                    "PUT",
                    "PATCH"
                  ],
                  "default": "POST"
                },
                "headers": {
                  "type": "object",
                  "additionalProperties": {
                    "type": "string"
                  }
                },
                "secret": {
                  "type": "string",
                  "description": "Signs the body: X-Ratchet-Signature: sha256=<hex HMAC-SHA256>."
                },
                "timeout_seconds": {
                  "type": "number",
                  "exclusiveMinimum": 0
                },
                "retry_policy": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "max_attempts": {
                      "type": "integer",
                      "minimum": 1
                    },
                    "initial_delay_ms": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "max_delay_ms": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "backoff_multiplier": {
                      "type": "number",
                      "minimum": 1
                    }
                  }
                }
              }
            },
            {
              "type": "object",
              "title": "FilesystemDestination",
              "required": [
                "type",
                "path"
              ],
              "additionalProperties": false,
              "properties": {
                "type": {
                  "const": "filesystem"
                },
                "path": {
                  "type": "string",
                  "minLength": 1,
                  "description": "Template under output.filesystem_root: {{task}}/{{job_id}}-{{date}}.json."
                },
                "format": {
                  "enum": [
                    "json",
                    "yaml",
                    "csv"
                  ],
                  "default": "json"
                },
                "overwrite": {
                  "type": "boolean",
                  "default": false
                }
              }
            }
          ]
        },
        "description": "Alias outputDestinations."
      },
      "idempotency_key": {
        "type": "string",
        "minLength": 1,
        "maxLength": 200,
        "description": "A second create with the same key returns the first job (200 instead of 201). Alias idempotencyKey; the Idempotency-Key header works too."
      },
      "timeout": {
        "type": "number",
        "exclusiveMinimum": 0,
        "description": "Seconds per attempt; capped by execution.max_execution_time."
      }
    }
  },
  "CreateScheduleRequest": {
    "type": "object",
    "title": "CreateScheduleRequest",
    "required": [
      "name",
      "task_id",
      "cron_expression"
    ],
    "additionalProperties": false,
    "properties": {
      "name": {
        "type": "string",
        "minLength": 1,
        "maxLength": 200
      },
      "description": {
        "type": "string"
      },
      "task_id": {
        "type": "string",
        "minLength": 1,
        "description": "Task name or uuid (alias taskId)."
      },
      "cron_expression": {
        "type": "string",
        "minLength": 1,
        "description": "5 or 6 fields (`*/5 * * * *`), or @hourly/@daily/... (alias cronExpression)."
      },
      "input_data": {
        "description": "Input of every job (alias inputData, input). Default {}."
      },
      "timezone": {
        "type": "string",
        "description": "IANA zone (default UTC)."
      },
      "enabled": {
        "type": "boolean",
        "default": true
      },
      "catch_up": {
        "enum": [
          "run_once",
          "skip"
        ],
        "description": "Slots missed while the server was down: run the latest once, or skip them (alias catchUp)."
      },
      "output_destinations": {
        "type": "array",
        "maxItems": 20,
        "items": {
          "description": "Where a job's (or schedule's jobs') output is delivered when it completes.",
          "anyOf": [
            {
              "type": "object",
              "title": "WebhookDestination",
              "required": [
                "type",
                "url"
              ],
              "additionalProperties": false,
              "properties": {
                "type": {
                  "const": "webhook"
                },
                "url": {
                  "type": "string",
                  "minLength": 1,
                  "description": "http(s) URL the output is sent to."
                },
                "method": {
                  "enum": [
                    "POST",
                    "PUT",
                    "PATCH"
                  ],
                  "default": "POST"
                },
                "headers": {
                  "type": "object",
                  "additionalProperties": {
                    "type": "string"
                  }
                },
                "secret": {
                  "type": "string",
                  "description": "Signs the body: X-Ratchet-Signature: sha256=<hex HMAC-SHA256>."
                },
                "timeout_seconds": {
                  "type": "number",
                  "exclusiveMinimum": 0
                },
                "retry_policy": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "max_attempts": {
                      "type": "integer",
                      "minimum": 1
                    },
                    "initial_delay_ms": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "max_delay_ms": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "backoff_multiplier": {
                      "type": "number",
                      "minimum": 1
                    }
                  }
                }
              }
            },
            {
              "type": "object",
              "title": "FilesystemDestination",
              "required": [
                "type",
                "path"
              ],
              "additionalProperties": false,
              "properties": {
                "type": {
                  "const": "filesystem"
                },
                "path": {
                  "type": "string",
                  "minLength": 1,
                  "description": "Template under output.filesystem_root: {{task}}/{{job_id}}-{{date}}.json."
                },
                "format": {
                  "enum": [
                    "json",
                    "yaml",
                    "csv"
                  ],
                  "default": "json"
                },
                "overwrite": {
                  "type": "boolean",
                  "default": false
                }
              }
            }
          ]
        }
      },
      "max_retries": {
        "type": "integer",
        "minimum": 0,
        "maximum": 100
      },
      "priority": {
        "enum": [
          "low",
          "normal",
          "high",
          "urgent"
        ]
      }
    }
  },
  "CreateTaskRequest": {
    "type": "object",
    "title": "CreateTaskRequest",
    "additionalProperties": false,
    "required": [
      "name",
      "code"
    ],
    "properties": {
      "name": {
        "type": "string",
        "minLength": 1,
        "description": "Task name: letters, digits, - and _."
      },
      "code": {
        "type": "string",
        "minLength": 1,
        "description": "JavaScript defining main(input, context)."
      },
      "description": {
        "type": "string"
      },
      "version": {
        "type": "string",
        "description": "Semver; default 0.1.0."
      },
      "input_schema": {
        "type": [
          "object",
          "boolean",
          "null"
        ],
        "description": "JSON Schema of the input (alias: inputSchema)."
      },
      "output_schema": {
        "type": [
          "object",
          "boolean",
          "null"
        ],
        "description": "JSON Schema of the output (alias: outputSchema)."
      },
      "tests": {
        "type": "array",
        "items": {
          "type": "object"
        },
        "description": "Test cases: {name, input, expected_output?, should_fail?, mock?}."
      },
      "tags": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "metadata": {
        "type": "object",
        "description": "Extra metadata.json fields."
      },
      "run_tests": {
        "type": "boolean",
        "description": "Run the new task's tests and report them (default true)."
      }
    }
  },
  "RetryRequest": {
    "type": "object",
    "title": "RetryRequest",
    "additionalProperties": false,
    "properties": {
      "timeout": {
        "type": "number",
        "exclusiveMinimum": 0,
        "description": "Seconds; capped by execution.max_execution_time."
      }
    }
  },
  "TestTaskRequest": {
    "type": "object",
    "title": "TestTaskRequest",
    "additionalProperties": false,
    "properties": {
      "test_names": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Only these test cases."
      },
      "stop_on_failure": {
        "type": "boolean"
      },
      "timeout": {
        "type": "number",
        "exclusiveMinimum": 0,
        "description": "Seconds per test case."
      }
    }
  },
  "UpdateScheduleRequest": {
    "type": "object",
    "title": "UpdateScheduleRequest",
    "minProperties": 1,
    "additionalProperties": false,
    "properties": {
      "name": {
        "type": "string",
        "minLength": 1,
        "maxLength": 200
      },
      "description": {
        "type": "string"
      },
      "task_id": {
        "type": "string",
        "minLength": 1
      },
      "cron_expression": {
        "type": "string",
        "minLength": 1
      },
      "input_data": {},
      "timezone": {
        "type": "string"
      },
      "enabled": {
        "type": "boolean"
      },
      "catch_up": {
        "enum": [
          "run_once",
          "skip"
        ]
      },
      "output_destinations": {
        "type": "array",
        "maxItems": 20,
        "items": {
          "description": "Where a job's (or schedule's jobs') output is delivered when it completes.",
          "anyOf": [
            {
              "type": "object",
              "title": "WebhookDestination",
              "required": [
                "type",
                "url"
              ],
              "additionalProperties": false,
              "properties": {
                "type": {
                  "const": "webhook"
                },
                "url": {
                  "type": "string",
                  "minLength": 1,
                  "description": "http(s) URL the output is sent to."
                },
                "method": {
                  "enum": [
                    "POST",
                    "PUT",
                    "PATCH"
                  ],
                  "default": "POST"
                },
                "headers": {
                  "type": "object",
                  "additionalProperties": {
                    "type": "string"
                  }
                },
                "secret": {
                  "type": "string",
                  "description": "Signs the body: X-Ratchet-Signature: sha256=<hex HMAC-SHA256>."
                },
                "timeout_seconds": {
                  "type": "number",
                  "exclusiveMinimum": 0
                },
                "retry_policy": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "max_attempts": {
                      "type": "integer",
                      "minimum": 1
                    },
                    "initial_delay_ms": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "max_delay_ms": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "backoff_multiplier": {
                      "type": "number",
                      "minimum": 1
                    }
                  }
                }
              }
            },
            {
              "type": "object",
              "title": "FilesystemDestination",
              "required": [
                "type",
                "path"
              ],
              "additionalProperties": false,
              "properties": {
                "type": {
                  "const": "filesystem"
                },
                "path": {
                  "type": "string",
                  "minLength": 1,
                  "description": "Template under output.filesystem_root: {{task}}/{{job_id}}-{{date}}.json."
                },
                "format": {
                  "enum": [
                    "json",
                    "yaml",
                    "csv"
                  ],
                  "default": "json"
                },
                "overwrite": {
                  "type": "boolean",
                  "default": false
                }
              }
            }
          ]
        }
      },
      "max_retries": {
        "type": "integer",
        "minimum": 0,
        "maximum": 100
      },
      "priority": {
        "enum": [
          "low",
          "normal",
          "high",
          "urgent"
        ]
      }
    }
  },
  "UpdateTaskRequest": {
    "type": "object",
    "title": "UpdateTaskRequest",
    "additionalProperties": false,
    "properties": {
      "code": {
        "type": "string",
        "minLength": 1
      },
      "description": {
        "type": "string"
      },
      "version": {
        "type": "string",
        "description": "New version; must not go down."
      },
      "input_schema": {
        "type": [
          "object",
          "boolean"
        ]
      },
      "output_schema": {
        "type": [
          "object",
          "boolean"
        ]
      },
      "tests": {
        "type": "array",
        "items": {
          "type": "object"
        },
        "description": "Test cases: {name, input, expected_output?, should_fail?, mock?}."
      },
      "tags": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "validate": {
        "type": "boolean",
        "description": "Refuse changes that do not validate (default true)."
      },
      "backup": {
        "type": "boolean",
        "description": "Keep the previous files under .versions/ (default true)."
      },
      "run_tests": {
        "type": "boolean",
        "description": "Run the tests after the change."
      }
    }
  }
}

export const REST_EXAMPLES: readonly RestGroupExample[] = [
  {
    "group": "tasks",
    "title": "Tasks",
    "description": "The loaded task catalogue as the caller's task patterns let it see it. Creating, editing, deleting, enabling and disabling tasks need can_manage_tasks (task.write); syncing the registry needs can_access_system_info (system.read) and running a task's tests can_execute_tasks (execution.create).",
    "example": {
      "request": {
        "method": "GET",
        "path": "/api/v1/tasks?name_like=add&_sort=name&_order=asc&page=1&limit=25"
      },
      "response": {
        "status": 200,
        "headers": {
          "X-Total-Count": "1"
        },
        "body": {
          "data": [
            {
              "id": "addition",
              "name": "addition",
              "version": "1.0.0",
              "description": "Adds two numbers",
              "tags": [
                "math"
              ],
              "category": "math",
              "enabled": true,
              "test_count": 2,
              "created_at": "2026-01-02T03:04:05.000Z",
              "updated_at": "2026-01-02T03:04:05.000Z"
            }
          ],
          "meta": {
            "total": 1,
            "page": 1,
            "limit": 25,
            "offset": 0,
            "total_pages": 1,
            "has_next": false,
            "has_previous": false,
            "sort": {
              "field": "name",
              "order": "asc"
            },
            "timestamp": "2026-01-02T03:04:06.000Z"
          }
        }
      }
    }
  },
  {
    "group": "executions",
    "title": "Executions",
    "description": "Runs of tasks: start one (and wait for it, or get its id at once), list, read, cancel, retry, and read its logs and trace. A principal sees its own executions (others need can_read_all_executions) of the tasks its patterns allow.",
    "example": {
      "request": {
        "method": "POST",
        "path": "/api/v1/executions?wait=true",
        "body": {
          "task_id": "addition",
          "input": {
            "a": 2,
            "b": 3
          },
          "timeout": 10
        }
      },
      "response": {
        "status": 200,
        "body": {
          "id": "01936f5e-7c1a-7000-8000-000000000001",
          "execution_id": "01936f5e-7c1a-7000-8000-000000000001",
          "task_id": "addition",
          "task_version": "1.0.0",
          "task_checksum": "9f2c",
          "status": "completed",
          "can_cancel": false,
          "progress": {
            "progress": 1,
            "total": 1,
            "message": null,
            "percentage": 100,
            "elapsed_ms": 3.2
          },
          "input": {
            "a": 2,
            "b": 3
          },
          "output": {
            "sum": 5
          },
          "queued_at": "2026-01-02T03:04:05.000Z",
          "started_at": "2026-01-02T03:04:05.001Z",
          "completed_at": "2026-01-02T03:04:05.004Z",
          "duration_ms": 3.2,
          "queue_duration_ms": 1,
          "attempt": 1,
          "source": "http"
        }
      }
    }
  },
  {
    "group": "results",
    "title": "Results",
    "description": "Stored outputs of finished executions (including results stored from runs outside Ratchet), filtered by task and status.",
    "example": {
      "request": {
        "method": "GET",
        "path": "/api/v1/results?task_id=addition&status=completed&_start=0&_end=10"
      },
      "response": {
        "status": 200,
        "headers": {
          "X-Total-Count": "1"
        },
        "body": {
          "data": [
            {
              "id": "01936f5e-7c1a-7000-8000-000000000001",
              "execution_id": "01936f5e-7c1a-7000-8000-000000000001",
              "task_id": "addition",
              "task_version": "1.0.0",
              "status": "completed",
              "queued_at": "2026-01-02T03:04:05.000Z",
              "started_at": "2026-01-02T03:04:05.001Z",
              "completed_at": "2026-01-02T03:04:05.004Z",
              "duration_ms": 3.2,
              "source": "http",
              "input": {
                "a": 2,
                "b": 3
              },
              "output": {
                "sum": 5
              }
            }
          ],
          "meta": {
            "total": 1,
            "page": 1,
            "limit": 10,
            "offset": 0,
            "total_pages": 1,
            "has_next": false,
            "has_previous": false,
            "sort": {
              "field": "queued_at",
              "order": "desc"
            },
            "timestamp": "2026-01-02T03:04:06.000Z"
          }
        }
      }
    }
  },
  {
    "group": "jobs",
    "title": "Jobs",
    "description": "Durable queued work: a job runs its task (with retries and backoff) when it is due and delivers the output to its destinations. Creating, cancelling and retrying need can_manage_jobs and can_execute_tasks; a principal sees its own jobs (others with can_read_all_executions) of the tasks its patterns allow.",
    "example": {
      "request": {
        "method": "POST",
        "path": "/api/v1/jobs",
        "body": {
          "task_id": "addition",
          "input": {
            "a": 2,
            "b": 3
          },
          "priority": "high",
          "max_retries": 3,
          "output_destinations": [
            {
              "type": "webhook",
              "url": "https://hooks.example.com/ratchet",
              "secret": "s3cret-signing-key"
            }
          ],
          "idempotency_key": "nightly-2026-01-02"
        }
      },
      "response": {
        "status": 201,
        "headers": {
          "Location": "/api/v1/jobs/01936f5e-8000-7000-8000-000000000002"
        },
        "body": {
          "id": "01936f5e-8000-7000-8000-000000000002",
          "task_id": "addition",
          "input": {
            "a": 2,
            "b": 3
          },
          "priority": "high",
          "status": "queued",
          "scheduled_for": "2026-01-02T03:04:05.000Z",
          "max_retries": 3,
          "attempts": 0,
          "next_attempt_at": null,
          "last_error": null,
          "execution_ids": [],
          "output_destinations": [
            {
              "type": "webhook",
              "url": "https://hooks.example.com/ratchet",
              "secret": "***"
            }
          ],
          "idempotency_key": "nightly-2026-01-02",
          "schedule_id": null,
          "owner": "ci",
          "created_at": "2026-01-02T03:04:05.000Z",
          "updated_at": "2026-01-02T03:04:05.000Z",
          "started_at": null,
          "completed_at": null
        }
      }
    }
  },
  {
    "group": "schedules",
    "title": "Schedules",
    "description": "Cron schedules that create a job for their task at every slot. Changing them needs can_manage_schedules and can_execute_tasks; a principal sees its own schedules (others with can_read_all_executions) of the tasks its patterns allow.",
    "example": {
      "request": {
        "method": "POST",
        "path": "/api/v1/schedules",
        "body": {
          "name": "nightly-report",
          "task_id": "report",
          "cron_expression": "0 2 * * *",
          "timezone": "Europe/Paris",
          "input_data": {
            "days": 1
          },
          "catch_up": "run_once"
        }
      },
      "response": {
        "status": 201,
        "headers": {
          "Location": "/api/v1/schedules/01936f5e-9000-7000-8000-000000000003"
        },
        "body": {
          "id": "01936f5e-9000-7000-8000-000000000003",
          "name": "nightly-report",
          "description": null,
          "task_id": "report",
          "cron_expression": "0 2 * * *",
          "input_data": {
            "days": 1
          },
          "timezone": "Europe/Paris",
          "enabled": true,
          "catch_up": "run_once",
          "output_destinations": [],
          "max_retries": null,
          "priority": "normal",
          "last_run_at": null,
          "next_run_at": "2026-01-03T01:00:00.000Z",
          "run_count": 0,
          "owner": "ci",
          "created_at": "2026-01-02T03:04:05.000Z",
          "updated_at": "2026-01-02T03:04:05.000Z"
        }
      }
    }
  },
  {
    "group": "events",
    "title": "Events",
    "description": "A live Server-Sent Events stream of what happens to executions, jobs and schedules the caller may see (its own, or everyone's with can_read_all_executions, of the tasks its patterns allow). Reconnect with Last-Event-ID to get what was missed: a `gap` event says when some were no longer buffered, a `reset` event when the id is from an earlier run of the server (ids never repeat across runs) so the state must be reloaded. `execution.log` events need can_read_logs; no event carries input or output, and webhook URLs in `job.delivery` are masked.",
    "example": {
      "request": {
        "method": "GET",
        "path": "/api/v1/events?type=execution.finished&task=addition"
      },
      "response": {
        "status": 200,
        "headers": {
          "Content-Type": "text/event-stream; charset=utf-8"
        },
        "text": "id: 42\nevent: execution.finished\ndata: {\"execution_id\":\"01936f5e-7c1a-7000-8000-000000000001\",\"task_id\":\"addition\",\"status\":\"completed\"}\n"
      }
    }
  }
]
