// GENERATED FILE — DO NOT EDIT. Edit schemas/tools/*.json and run `bun run gen`.
import type { ToolName } from './tool-types.ts'

export type ToolGroup = 'execution' | 'monitoring' | 'logging' | 'debugging' | 'filesystem' | 'batch' | 'docs'

export interface ToolDefinition {
  name: ToolName
  title: string
  group: ToolGroup
  description: string
  annotations: { title: string; readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean }
  taskSupport: 'forbidden' | 'optional' | 'required'
  inputSchema: { type: 'object'; [key: string]: unknown }
  outputSchema: { type: 'object'; [key: string]: unknown }
}

export const TOOL_DEFINITIONS: readonly ToolDefinition[] = [
  {
    "name": "analyze_execution_error",
    "title": "Analyze why an execution failed",
    "group": "debugging",
    "description": "Explains why an execution did not complete, from its real data: a category (input_validation, timeout, network, http_status, code_error, ...), a root-cause paragraph built from the structured error, the failing line of the task's code with 3 lines around it, the input re-checked against the task's current input schema (errors by path), the failed HTTP calls, the recent warning/error logs, and concrete suggestions (which input path needs which type, which property to guard, which URL returned 404, how far to raise the timeout). ask_model asks the client's own model for a short explanation when the client supports sampling. A completed execution gets category none.",
    "annotations": {
      "title": "Analyze why an execution failed",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "execution_id": {
          "type": "string",
          "minLength": 1,
          "description": "The execution to analyse (any status)"
        },
        "include_suggestions": {
          "type": "boolean",
          "default": true,
          "description": "Include concrete suggestions"
        },
        "include_context": {
          "type": "boolean",
          "default": true,
          "description": "Include the source lines around the failure and the execution's input, timestamps and error details"
        },
        "ask_model": {
          "type": "boolean",
          "default": false,
          "description": "Also ask the client's model (MCP sampling) for a short explanation"
        }
      },
      "required": [
        "execution_id"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "execution_id": {
          "type": "string",
          "description": "The execution"
        },
        "task_id": {
          "type": "string",
          "description": "Task name"
        },
        "task_version": {
          "type": "string",
          "description": "Version of the task that ran"
        },
        "status": {
          "type": "string",
          "enum": [
            "queued",
            "running",
            "completed",
            "failed",
            "cancelled",
            "timed_out"
          ],
          "description": "The execution's status"
        },
        "category": {
          "type": "string",
          "enum": [
            "none",
            "input_validation",
            "output_validation",
            "timeout",
            "resource_exhausted",
            "worker_crashed",
            "cancelled",
            "interrupted",
            "network",
            "http_status",
            "authentication",
            "rate_limit",
            "code_error",
            "data_error",
            "configuration",
            "unknown"
          ],
          "description": "What kind of failure; none for a completed or unfinished execution"
        },
        "retryable": {
          "type": "boolean",
          "description": "True when running it again unchanged may succeed (transient causes)"
        },
        "root_cause": {
          "type": "string",
          "description": "One paragraph built from the recorded error, trace and logs"
        },
        "note": {
          "type": "string",
          "description": "Why there is nothing to analyse (completed or unfinished executions)"
        },
        "error": {
          "type": "object",
          "properties": {
            "type": {
              "type": "string"
            },
            "message": {
              "type": "string"
            },
            "code": {
              "type": "string"
            },
            "reason": {
              "type": "string"
            }
          },
          "required": [
            "type",
            "message",
            "code"
          ],
          "description": "The recorded error (see context.stack for the stack)"
        },
        "location": {
          "type": "object",
          "properties": {
            "file": {
              "type": "string"
            },
            "line": {
              "type": "integer"
            },
            "column": {
              "type": "integer"
            },
            "source": {
              "type": "string",
              "description": "The failing line as it was when the execution ran"
            },
            "source_changed": {
              "type": "boolean",
              "description": "True when the file's line differs now (the task was edited since)"
            },
            "context_lines": {
              "type": "array",
              "description": "Up to 3 lines either side of the failing line, read from the task file",
              "items": {
                "type": "object",
                "properties": {
                  "line": {
                    "type": "integer"
                  },
                  "text": {
                    "type": "string"
                  },
                  "is_error_line": {
                    "type": "boolean"
                  }
                },
                "required": [
                  "line",
                  "text",
                  "is_error_line"
                ]
              }
            }
          },
          "required": [
            "file",
            "line"
          ],
          "description": "Where in the task code it failed"
        },
        "input_validation": {
          "type": "object",
          "description": "The execution's input checked against the task's current input schema",
          "properties": {
            "valid": {
              "type": "boolean"
            },
            "schema_changed": {
              "type": "boolean",
              "description": "True when the task changed since the execution ran"
            },
            "errors": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "path": {
                    "type": "string",
                    "description": "JSON pointer into the input, or (root)"
                  },
                  "message": {
                    "type": "string"
                  },
                  "expected": {
                    "type": "string",
                    "description": "What the schema wants there (type, enum, format)"
                  },
                  "actual": {
                    "description": "The value given there"
                  },
                  "missing": {
                    "type": "boolean",
                    "description": "True when the input has nothing at this path"
                  }
                },
                "required": [
                  "path",
                  "message"
                ]
              }
            }
          },
          "required": [
            "valid",
            "errors"
          ]
        },
        "failed_http_calls": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "method": {
                "type": "string"
              },
              "url": {
                "type": "string"
              },
              "status": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "duration_ms": {
                "type": "number"
              },
              "error": {
                "type": "string"
              }
            },
            "required": [
              "method",
              "url",
              "status",
              "duration_ms"
            ]
          },
          "description": "HTTP calls that got an error status or no response"
        },
        "recent_error_logs": {
          "type": "array",
          "description": "The last warn and error entries (up to 10)",
          "items": {
            "type": "object",
            "properties": {
              "seq": {
                "type": "integer"
              },
              "level": {
                "type": "string"
              },
              "message": {
                "type": "string"
              },
              "data": {},
              "timestamp": {
                "type": "string"
              }
            },
            "required": [
              "seq",
              "level",
              "message",
              "timestamp"
            ]
          }
        },
        "suggestions": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Concrete next steps (include_suggestions)"
        },
        "context": {
          "type": "object",
          "description": "With include_context",
          "properties": {
            "input": {},
            "queued_at": {
              "type": "string"
            },
            "started_at": {
              "type": [
                "string",
                "null"
              ]
            },
            "completed_at": {
              "type": [
                "string",
                "null"
              ]
            },
            "duration_ms": {
              "type": [
                "number",
                "null"
              ]
            },
            "attempt": {
              "type": "integer"
            },
            "stack": {
              "type": "string"
            },
            "error_details": {}
          },
          "required": [
            "queued_at",
            "started_at",
            "completed_at",
            "duration_ms",
            "attempt"
          ]
        },
        "model_explanation": {
          "type": "object",
          "description": "With ask_model",
          "properties": {
            "status": {
              "type": "string",
              "enum": [
                "ok",
                "unavailable",
                "failed"
              ]
            },
            "text": {
              "type": "string"
            },
            "model": {
              "type": "string"
            },
            "note": {
              "type": "string"
            }
          },
          "required": [
            "status"
          ]
        }
      },
      "required": [
        "execution_id",
        "task_id",
        "status",
        "category",
        "root_cause",
        "failed_http_calls",
        "recent_error_logs",
        "suggestions"
      ]
    }
  },
  {
    "name": "batch_execute",
    "title": "Execute several tasks",
    "group": "batch",
    "description": "Runs up to 100 task executions as one batch and returns every item's result in input order. Items may depend on other items (by id; an item without an id gets its index as a string, \"0\", \"1\", …): an item starts only after all its dependencies completed, and is skipped (with skipped_reason naming the dependency) when one failed or was skipped. Dependencies are honoured in every mode. Modes: parallel (up to max_parallel at once, in input order), sequential (one at a time), dependency (same as parallel, named for clarity), priority_dependency (ready items start highest priority first). fail_fast stops starting new items after the first failure; the rest are skipped. Empty batches, duplicate ids, unknown task names, unknown dependencies and dependency cycles are rejected before anything runs. The result is an error (isError) when any item did not complete. Progress is reported after each item when the client sends a progress token.",
    "annotations": {
      "title": "Execute several tasks",
      "readOnlyHint": false,
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": true
    },
    "taskSupport": "optional",
    "inputSchema": {
      "type": "object",
      "properties": {
        "requests": {
          "type": "array",
          "description": "The executions, 1 to 100",
          "items": {
            "type": "object",
            "properties": {
              "id": {
                "type": "string",
                "minLength": 1,
                "description": "Unique id of this item within the batch (used by dependencies); defaults to the item's index as a string (\"0\", \"1\", …)"
              },
              "task_id": {
                "type": "string",
                "minLength": 1,
                "description": "Task name or UUID"
              },
              "input": {
                "type": "object",
                "additionalProperties": true,
                "default": {},
                "description": "Input for the task"
              },
              "dependencies": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "default": [],
                "description": "Ids of items that must complete first"
              },
              "timeout_ms": {
                "type": "number",
                "exclusiveMinimum": 0,
                "description": "Milliseconds before this item is stopped; capped by the execution time limits"
              },
              "priority": {
                "type": "integer",
                "default": 0,
                "description": "Higher starts first in priority_dependency mode"
              }
            },
            "required": [
              "task_id"
            ],
            "additionalProperties": false
          }
        },
        "tasks": {
          "type": "array",
          "description": "Alias of requests (the integration guide's name); give one or the other",
          "items": {
            "type": "object",
            "properties": {
              "id": {
                "type": "string",
                "minLength": 1,
                "description": "Unique id of this item within the batch; defaults to the item's index as a string"
              },
              "task_id": {
                "type": "string",
                "minLength": 1
              },
              "input": {
                "type": "object",
                "additionalProperties": true,
                "default": {}
              },
              "dependencies": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "default": []
              },
              "timeout_ms": {
                "type": "number",
                "exclusiveMinimum": 0
              },
              "priority": {
                "type": "integer",
                "default": 0
              }
            },
            "required": [
              "task_id"
            ],
            "additionalProperties": false
          }
        },
        "execution_mode": {
          "type": "string",
          "enum": [
            "parallel",
            "sequential",
            "dependency",
            "priority_dependency"
          ],
          "default": "parallel",
          "description": "How items are scheduled (see the description); dependencies are honoured in every mode"
        },
        "max_parallel": {
          "type": "integer",
          "minimum": 1,
          "maximum": 10,
          "description": "Most items running at once; default the worker count (at most 10)"
        },
        "fail_fast": {
          "type": "boolean",
          "default": false,
          "description": "After the first failed item, start no more items (they are skipped)"
        },
        "stop_on_error": {
          "type": "boolean",
          "description": "Alias of fail_fast (the predecessor's name)"
        },
        "timeout_ms": {
          "type": "number",
          "exclusiveMinimum": 0,
          "description": "Milliseconds for the whole batch: when it elapses, running items are cancelled and the rest skipped"
        },
        "correlation_token": {
          "type": "string",
          "description": "Echoed back in the result"
        }
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "results": {
          "type": "array",
          "description": "One per item, in input order",
          "items": {
            "type": "object",
            "properties": {
              "id": {
                "type": "string"
              },
              "task_id": {
                "type": "string"
              },
              "execution_id": {
                "type": "string",
                "description": "Absent when the item never ran (skipped)"
              },
              "status": {
                "type": "string",
                "enum": [
                  "completed",
                  "failed",
                  "cancelled",
                  "timed_out",
                  "skipped"
                ]
              },
              "output": {
                "description": "The item's output, when it completed; when too large for mcp.security.response_size_limit, a placeholder { truncated: true, bytes, resource: \"ratchet://executions/<id>\" } whose resource (resources/read) has it in full"
              },
              "error": {
                "type": "object",
                "properties": {
                  "type": {
                    "type": "string"
                  },
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "reason": {
                    "type": "string"
                  },
                  "stack": {
                    "type": "string"
                  },
                  "location": {
                    "type": "object",
                    "properties": {
                      "file": {
                        "type": "string"
                      },
                      "line": {
                        "type": "integer"
                      },
                      "column": {
                        "type": "integer"
                      },
                      "source": {
                        "type": "string"
                      }
                    },
                    "required": [
                      "file",
                      "line"
                    ]
                  },
                  "details": {}
                },
                "required": [
                  "type",
                  "code",
                  "message"
                ]
              },
              "skipped": {
                "type": "boolean"
              },
              "skipped_reason": {
                "type": "string"
              },
              "duration_ms": {
                "type": "number"
              }
            },
            "required": [
              "id",
              "task_id",
              "status",
              "skipped",
              "duration_ms"
            ]
          }
        },
        "stats": {
          "type": "object",
          "properties": {
            "total": {
              "type": "integer"
            },
            "completed": {
              "type": "integer"
            },
            "failed": {
              "type": "integer",
              "description": "Items that ran and did not complete (failed, cancelled, timed out)"
            },
            "skipped": {
              "type": "integer"
            },
            "total_duration_ms": {
              "type": "number",
              "description": "Wall-clock time of the whole batch"
            },
            "average_duration_ms": {
              "type": "number",
              "description": "Mean duration of the items that ran"
            },
            "max_parallel_observed": {
              "type": "integer"
            }
          },
          "required": [
            "total",
            "completed",
            "failed",
            "skipped",
            "total_duration_ms",
            "average_duration_ms",
            "max_parallel_observed"
          ],
          "description": "Counts and durations"
        },
        "execution_mode": {
          "type": "string",
          "description": "The mode used"
        },
        "max_parallel": {
          "type": "integer",
          "description": "The concurrency limit used"
        },
        "correlation_token": {
          "type": "string",
          "description": "The correlation_token given"
        }
      },
      "required": [
        "results",
        "stats",
        "execution_mode",
        "max_parallel"
      ]
    }
  },
  {
    "name": "cancel_execution",
    "title": "Cancel an execution",
    "group": "execution",
    "description": "Cancels a queued or running execution. A queued one is removed from the queue; a running one is asked to stop (its context.signal aborts) and its worker is stopped after a short grace period. Waits briefly for the execution to settle and returns its status then. An execution that already finished is reported with cancelled: false.",
    "annotations": {
      "title": "Cancel an execution",
      "readOnlyHint": false,
      "destructiveHint": true,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "execution_id": {
          "type": "string",
          "minLength": 1,
          "description": "Id returned by ratchet_execute_task or ratchet_list_executions"
        },
        "reason": {
          "type": "string",
          "description": "Recorded in the execution's error message"
        }
      },
      "required": [
        "execution_id"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "execution_id": {
          "type": "string",
          "description": "The execution"
        },
        "cancelled": {
          "type": "boolean",
          "description": "True when this call cancelled the execution"
        },
        "status": {
          "type": "string",
          "enum": [
            "queued",
            "running",
            "completed",
            "failed",
            "cancelled",
            "timed_out"
          ],
          "description": "The execution's status after the call"
        },
        "previous_status": {
          "type": "string",
          "enum": [
            "queued",
            "running",
            "completed",
            "failed",
            "cancelled",
            "timed_out"
          ],
          "description": "Its status before this call"
        },
        "message": {
          "type": "string",
          "description": "What happened, in one sentence"
        }
      },
      "required": [
        "execution_id",
        "cancelled",
        "status",
        "message"
      ]
    }
  },
  {
    "name": "create_task",
    "title": "Create a task",
    "group": "filesystem",
    "description": "Creates a task package in the tasks folder — <tasks_dir>/<name>/ with metadata.json (a new uuid), main.js, input.schema.json, output.schema.json and tests/test-NNN.json — validates it (syntax errors with line and column, schema mistakes, tests that contradict the schemas), loads it into the registry and runs its test cases in the worker pool. A package with problems is never left on disk: the result is isError with every problem and how to fix it. Code defines `function main(input, context)` (async allowed; fetch, console, URL, crypto.randomUUID are globals; no imports). Names are letters, digits, \"_\", \".\" and \"-\". An existing name is refused: change that task with ratchet_edit_task.",
    "annotations": {
      "title": "Create a task",
      "readOnlyHint": false,
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": true
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "description": "Task name: letters, digits, \"_\", \".\" and \"-\", starting with a letter or digit, at most 100 characters; also the folder name"
        },
        "description": {
          "type": "string",
          "description": "What the task does"
        },
        "code": {
          "type": "string",
          "minLength": 1,
          "description": "JavaScript defining function main(input, context)"
        },
        "input_schema": {
          "type": "object",
          "additionalProperties": true,
          "description": "JSON Schema for the task's input (draft-07 or 2020-12; local $ref only). Checked for mistakes such as unknown types before it is saved."
        },
        "output_schema": {
          "type": "object",
          "additionalProperties": true,
          "description": "JSON Schema for the task's output (draft-07 or 2020-12; local $ref only). Checked for mistakes such as unknown types before it is saved."
        },
        "tags": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Tags (ratchet_list_available_tasks filters on them)"
        },
        "version": {
          "type": "string",
          "default": "0.1.0",
          "description": "Semantic version"
        },
        "test_cases": {
          "type": "array",
          "items": {
            "type": "object",
            "description": "One test case, written to tests/test-NNN.json",
            "properties": {
              "name": {
                "type": "string",
                "minLength": 1,
                "description": "Test name (default: the file name, test-NNN)"
              },
              "description": {
                "type": "string"
              },
              "input": {
                "description": "The value passed to main(input)"
              },
              "expected_output": {
                "description": "The exact output expected (compared as JSON). Omit to only require success."
              },
              "expected": {
                "description": "Alias of expected_output (the predecessor's spelling)"
              },
              "should_fail": {
                "type": "boolean",
                "description": "The test passes when the execution fails (thrown error, invalid input, timeout)"
              },
              "mock": {
                "type": "object",
                "additionalProperties": true,
                "description": "Canned HTTP answers: { \"http\": { \"url\", \"method\"?, \"response\": { \"status\", \"headers\"?, \"body\"? } } } or a list of them. fetch in the task is answered only from these."
              }
            },
            "required": [
              "input"
            ],
            "additionalProperties": false
          },
          "description": "Test cases for the task"
        },
        "metadata": {
          "type": "object",
          "additionalProperties": true,
          "description": "Extra fields for metadata.json (category, author, ...). name, version, uuid, description and tags come from the other parameters."
        },
        "run_tests": {
          "type": "boolean",
          "default": true,
          "description": "Run the test cases after saving"
        }
      },
      "required": [
        "name",
        "description",
        "code",
        "input_schema",
        "output_schema"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "description": "The new task's uuid"
        },
        "name": {
          "type": "string"
        },
        "version": {
          "type": "string"
        },
        "path": {
          "type": "string",
          "description": "Absolute folder of the package"
        },
        "valid": {
          "type": "boolean",
          "description": "The package passed validation and was saved"
        },
        "test_results": {
          "type": "object",
          "description": "The task's test cases, run in the worker pool (fetch answered from each test's mock.http)",
          "properties": {
            "total": {
              "type": "integer"
            },
            "passed": {
              "type": "integer"
            },
            "failed": {
              "type": "integer"
            },
            "results": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "description": {
                    "type": "string"
                  },
                  "status": {
                    "type": "string",
                    "enum": [
                      "passed",
                      "failed"
                    ]
                  },
                  "duration_ms": {
                    "type": "number"
                  },
                  "execution_id": {
                    "type": "string",
                    "description": "Execution record of this run (see ratchet_get_execution_logs / _trace)"
                  },
                  "execution_status": {
                    "type": "string",
                    "enum": [
                      "queued",
                      "running",
                      "completed",
                      "failed",
                      "cancelled",
                      "timed_out"
                    ]
                  },
                  "input": {
                    "description": "The test input"
                  },
                  "expected_output": {
                    "description": "The expected output, when the test gives one"
                  },
                  "actual_output": {
                    "description": "What the task returned (when it completed)"
                  },
                  "error": {
                    "type": "object",
                    "additionalProperties": true,
                    "description": "The execution error, when it did not complete",
                    "properties": {
                      "type": {
                        "type": "string"
                      },
                      "code": {
                        "type": "string"
                      },
                      "message": {
                        "type": "string"
                      },
                      "reason": {
                        "type": "string"
                      },
                      "location": {
                        "type": "object",
                        "properties": {
                          "file": {
                            "type": "string"
                          },
                          "line": {
                            "type": "integer"
                          },
                          "column": {
                            "type": "integer"
                          },
                          "source": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "file",
                          "line"
                        ]
                      }
                    },
                    "required": [
                      "type",
                      "code",
                      "message"
                    ]
                  },
                  "reason": {
                    "type": "string",
                    "description": "Why the test failed, in one sentence"
                  },
                  "file": {
                    "type": "string",
                    "description": "Test file, relative to the task folder"
                  }
                },
                "required": [
                  "name",
                  "status",
                  "duration_ms",
                  "execution_id",
                  "input"
                ]
              }
            }
          },
          "required": [
            "total",
            "passed",
            "failed",
            "results"
          ]
        },
        "problems": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "file": {
                "type": "string",
                "description": "File relative to the task folder"
              },
              "message": {
                "type": "string"
              },
              "hint": {
                "type": "string",
                "description": "How to fix it"
              }
            },
            "required": [
              "file",
              "message"
            ]
          },
          "description": "Why the package was refused (nothing was saved)"
        },
        "message": {
          "type": "string",
          "description": "A one-line summary"
        },
        "hint": {
          "type": "string",
          "description": "What to do next"
        }
      },
      "required": [
        "name",
        "valid",
        "message"
      ]
    }
  },
  {
    "name": "create_task_version",
    "title": "Create a task version",
    "group": "filesystem",
    "description": "Gives a task a new version number: the current package is copied to <tasks_dir>/.versions/<name>/<version>-<checksum8>/ (the history is kept), metadata.json gets the new version (and description, and a changelog entry), and the registry reloads. new_version must be a semantic version greater than the current one. A task from a read-only registry source is copied into <tasks_dir>/<name>/ first, and that copy overrides it. Returns every known version with its checksum and where its files are.",
    "annotations": {
      "title": "Create a task version",
      "readOnlyHint": false,
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "minLength": 1,
          "description": "Task name or UUID (see ratchet_list_available_tasks)"
        },
        "new_version": {
          "type": "string",
          "minLength": 1,
          "description": "Semantic version greater than the current one, e.g. 1.2.0"
        },
        "description": {
          "type": "string",
          "description": "New description for the task"
        },
        "changes": {
          "type": "string",
          "description": "What changed: recorded in metadata.json's changelog"
        }
      },
      "required": [
        "task_id",
        "new_version"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string"
        },
        "name": {
          "type": "string"
        },
        "previous_version": {
          "type": "string"
        },
        "version": {
          "type": "string"
        },
        "checksum": {
          "type": "string",
          "description": "Checksum of the new version"
        },
        "backup_path": {
          "type": [
            "string",
            "null"
          ],
          "description": "Copy of the previous version"
        },
        "history": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "version": {
                "type": "string"
              },
              "checksum": {
                "type": "string",
                "description": "sha256 of the version's content"
              },
              "path": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Folder holding that version's files (null when only its record remains)"
              },
              "current": {
                "type": "boolean",
                "description": "The version in the tasks folder now"
              },
              "recorded_at": {
                "type": "string",
                "description": "When the registry first saw it (ISO-8601)"
              }
            },
            "required": [
              "version",
              "checksum",
              "path"
            ]
          },
          "description": "Every known version, oldest first"
        },
        "message": {
          "type": "string",
          "description": "A one-line summary"
        },
        "hint": {
          "type": "string",
          "description": "What to do next"
        }
      },
      "required": [
        "task_id",
        "history",
        "message"
      ]
    }
  },
  {
    "name": "debug_task_execution",
    "title": "Debug a task execution",
    "group": "debugging",
    "description": "Runs a task once under the debugger and reports what happened inside it. Its code is instrumented (line numbers unchanged) and run as a real execution in the worker pool (recorded with source \"debug\", so ratchet_get_execution_logs and ratchet_get_execution_trace work on it too). breakpoints are line numbers in the task's code file: each time the first statement on such a line is about to run it is a hit, and capture_variables snapshots every variable visible there (parameters, var/let/const, functions, classes, catch parameters; not-yet-initialised let/const show as \"<uninitialised>\") as bounded JSON previews: the first hit's in full, later hits as the values that changed. step_mode lists every statement executed, in order (`steps`). max_steps stops a runaway run with StepLimitExceeded. A line without a statement (blank, comment, brace) gets a warning naming the nearest lines that have one. A task that fails returns isError with its error mapped to the user's own line, column and source text.",
    "annotations": {
      "title": "Debug a task execution",
      "readOnlyHint": false,
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": true
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "minLength": 1,
          "description": "Task name or UUID"
        },
        "input": {
          "type": "object",
          "additionalProperties": true,
          "default": {},
          "description": "Input for the task; must match its input schema"
        },
        "breakpoints": {
          "type": "array",
          "items": {
            "type": "integer",
            "minimum": 1
          },
          "maxItems": 200,
          "default": [],
          "description": "1-based line numbers in the task's code file (main.js or meta.yaml's entrypoint)"
        },
        "step_mode": {
          "type": "boolean",
          "default": false,
          "description": "Record every statement executed (steps[]), not only breakpoint hits"
        },
        "capture_variables": {
          "type": "boolean",
          "default": true,
          "description": "Snapshot the visible variables at each breakpoint hit (the first 20 hits per line)"
        },
        "max_steps": {
          "type": "integer",
          "minimum": 1,
          "maximum": 5000,
          "default": 1000,
          "description": "Instrumented statements executed (steps in step mode, breakpoint hits otherwise) before the run is stopped"
        },
        "timeout_ms": {
          "type": "integer",
          "minimum": 1,
          "description": "Milliseconds before the run is stopped; default and cap: the smaller of execution.max_execution_time and mcp.security.max_execution_time"
        }
      },
      "required": [
        "task_id"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "session_id": {
          "type": "string",
          "description": "The debug run's execution id"
        },
        "execution_id": {
          "type": "string"
        },
        "task_id": {
          "type": "string",
          "description": "Task name"
        },
        "task_version": {
          "type": "string"
        },
        "status": {
          "type": "string",
          "enum": [
            "queued",
            "running",
            "completed",
            "failed",
            "cancelled",
            "timed_out"
          ]
        },
        "output": {
          "description": "The task's output (present when completed)"
        },
        "error": {
          "type": "object",
          "description": "Present when the run did not complete; location names the user's line, column and source",
          "properties": {
            "type": {
              "type": "string"
            },
            "code": {
              "type": "string"
            },
            "message": {
              "type": "string"
            },
            "reason": {
              "type": "string"
            },
            "stack": {
              "type": "string"
            },
            "location": {
              "type": "object",
              "properties": {
                "file": {
                  "type": "string"
                },
                "line": {
                  "type": "integer"
                },
                "column": {
                  "type": "integer"
                },
                "source": {
                  "type": "string"
                }
              },
              "required": [
                "file",
                "line"
              ]
            },
            "details": {}
          },
          "required": [
            "type",
            "code",
            "message"
          ]
        },
        "breakpoints_hit": {
          "type": "array",
          "description": "Breakpoint lines that were reached, in line order",
          "items": {
            "type": "object",
            "properties": {
              "line": {
                "type": "integer"
              },
              "source": {
                "type": "string",
                "description": "The line's text, trimmed"
              },
              "hit_count": {
                "type": "integer"
              },
              "variables": {
                "type": "object",
                "additionalProperties": true,
                "description": "Visible variables at the first hit (with capture_variables)"
              },
              "hits": {
                "type": "array",
                "description": "The first 20 hits, in order",
                "items": {
                  "type": "object",
                  "properties": {
                    "hit": {
                      "type": "integer",
                      "description": "1 for the first hit of this line"
                    },
                    "step": {
                      "type": "integer",
                      "description": "Position among all instrumented statements executed"
                    },
                    "changed": {
                      "type": "object",
                      "additionalProperties": true,
                      "description": "Variables whose value differs from this line's previous hit (with capture_variables; absent on the first hit, whose values are in variables)"
                    }
                  },
                  "required": [
                    "hit",
                    "step"
                  ]
                }
              }
            },
            "required": [
              "line",
              "source",
              "hit_count",
              "hits"
            ]
          }
        },
        "steps": {
          "type": "array",
          "description": "step_mode: every statement executed, in order",
          "items": {
            "type": "object",
            "properties": {
              "step": {
                "type": "integer"
              },
              "line": {
                "type": "integer"
              },
              "source": {
                "type": "string"
              }
            },
            "required": [
              "step",
              "line",
              "source"
            ]
          }
        },
        "steps_executed": {
          "type": "integer",
          "description": "Instrumented statements executed"
        },
        "step_limit_reached": {
          "type": "boolean"
        },
        "logs": {
          "type": "array",
          "description": "The task's own log entries (console.*, context.log.*), every level",
          "items": {
            "type": "object",
            "properties": {
              "seq": {
                "type": "integer"
              },
              "level": {
                "type": "string",
                "enum": [
                  "trace",
                  "debug",
                  "info",
                  "warn",
                  "error"
                ]
              },
              "message": {
                "type": "string"
              },
              "data": {},
              "timestamp": {
                "type": "string"
              }
            },
            "required": [
              "seq",
              "level",
              "message",
              "timestamp"
            ]
          }
        },
        "warnings": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Breakpoints that cannot stop or were not reached, limits hit"
        },
        "duration_ms": {
          "type": "number"
        }
      },
      "required": [
        "session_id",
        "execution_id",
        "task_id",
        "task_version",
        "status",
        "breakpoints_hit",
        "steps_executed",
        "step_limit_reached",
        "logs",
        "warnings",
        "duration_ms"
      ]
    }
  },
  {
    "name": "delete_task",
    "title": "Delete a task",
    "group": "filesystem",
    "description": "Removes a task from the tasks folder and the registry. By default its folder is moved to <tasks_dir>/.versions/<name>/deleted-<timestamp>/ so it can be restored; with create_backup false and delete_files true it is erased. A task with queued or running executions is refused unless force is true. Tasks from other registry sources are read-only; deleting the tasks-folder copy that overrides one of them makes the original visible again.",
    "annotations": {
      "title": "Delete a task",
      "readOnlyHint": false,
      "destructiveHint": true,
      "idempotentHint": false,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "minLength": 1,
          "description": "Task name or UUID (see ratchet_list_available_tasks)"
        },
        "create_backup": {
          "type": "boolean",
          "default": true,
          "description": "Move the folder to .versions/<name>/deleted-<timestamp>/ instead of erasing it"
        },
        "delete_files": {
          "type": "boolean",
          "default": true,
          "description": "Erase the folder when there is no backup; false always keeps the files (moved to .versions/)"
        },
        "force": {
          "type": "boolean",
          "default": false,
          "description": "Delete even while executions of the task are queued or running"
        }
      },
      "required": [
        "task_id"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string"
        },
        "name": {
          "type": "string"
        },
        "version": {
          "type": "string"
        },
        "deleted": {
          "type": "boolean"
        },
        "files_deleted": {
          "type": "boolean",
          "description": "The folder was erased (no copy kept)"
        },
        "backup_path": {
          "type": [
            "string",
            "null"
          ],
          "description": "Where the folder was moved"
        },
        "message": {
          "type": "string",
          "description": "A one-line summary"
        },
        "hint": {
          "type": "string",
          "description": "What to do next"
        }
      },
      "required": [
        "task_id",
        "deleted",
        "message"
      ]
    }
  },
  {
    "name": "discover_tasks",
    "title": "Discover task packages on disk",
    "group": "filesystem",
    "description": "Scans a folder for task packages (a folder with metadata.json and main.js, or with meta.yaml) and validates each one as ratchet validate does: metadata, code syntax, schemas, and test cases against the schemas. Reports every package with its problems and warnings, whether it is loaded in the registry, and whether it has tests. Only folders inside the config file's folder, a registry source or the tasks folder can be scanned; relative paths resolve against the config file's folder. Nothing is loaded or changed: use ratchet_sync_registry to load what was found.",
    "annotations": {
      "title": "Discover task packages on disk",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "path": {
          "type": "string",
          "minLength": 1,
          "description": "Folder to scan (absolute, or relative to the config file's folder)"
        },
        "recursive": {
          "type": "boolean",
          "default": true,
          "description": "Look in sub-folders; false checks only the folder itself and its direct sub-folders"
        },
        "max_depth": {
          "type": "integer",
          "minimum": 0,
          "maximum": 12,
          "default": 10,
          "description": "Sub-folder levels below path to look in (with recursive)"
        }
      },
      "required": [
        "path"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "discovered_tasks": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string",
                "description": "The metadata's name, or the folder name when the metadata is unreadable"
              },
              "path": {
                "type": "string",
                "description": "Absolute folder"
              },
              "layout": {
                "type": [
                  "string",
                  "null"
                ],
                "enum": [
                  "metadata.json",
                  "meta.yaml",
                  null
                ]
              },
              "valid": {
                "type": "boolean"
              },
              "problems": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "file": {
                      "type": "string"
                    },
                    "message": {
                      "type": "string"
                    },
                    "hint": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "file",
                    "message"
                  ]
                }
              },
              "warnings": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "file": {
                      "type": "string"
                    },
                    "message": {
                      "type": "string"
                    },
                    "hint": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "file",
                    "message"
                  ]
                }
              },
              "version": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "has_tests": {
                "type": "boolean"
              },
              "test_count": {
                "type": "integer"
              },
              "loaded": {
                "type": "boolean",
                "description": "The registry has this folder loaded as a task"
              }
            },
            "required": [
              "name",
              "path",
              "layout",
              "valid",
              "problems",
              "warnings",
              "has_tests",
              "loaded"
            ]
          }
        },
        "scan_path": {
          "type": "string",
          "description": "The absolute folder scanned"
        },
        "total_found": {
          "type": "integer"
        },
        "valid_count": {
          "type": "integer"
        },
        "invalid_count": {
          "type": "integer"
        },
        "scanned_at": {
          "type": "string"
        }
      },
      "required": [
        "discovered_tasks",
        "scan_path",
        "total_found",
        "valid_count",
        "invalid_count",
        "scanned_at"
      ]
    }
  },
  {
    "name": "edit_task",
    "title": "Edit a task",
    "group": "filesystem",
    "description": "Changes a task in the tasks folder: code, schemas, description, tags, version and/or test cases (test_cases replaces all tests). The version is bumped (patch) unless given. The previous version is first copied to <tasks_dir>/.versions/<name>/<version>-<checksum8>/; the new files are validated before they replace the old ones, so a change with problems (each with file, line and fix) leaves the task as it was. Then the registry reloads and the tests run. A task from a read-only registry source is edited copy-on-write: it is copied into <tasks_dir>/<name>/ with the change, and that copy overrides the original under the same name (ratchet_delete_task on the copy brings the original back).",
    "annotations": {
      "title": "Edit a task",
      "readOnlyHint": false,
      "destructiveHint": true,
      "idempotentHint": false,
      "openWorldHint": true
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "minLength": 1,
          "description": "Task name or UUID (see ratchet_list_available_tasks)"
        },
        "code": {
          "type": "string",
          "minLength": 1,
          "description": "New JavaScript code (main.js)"
        },
        "input_schema": {
          "type": "object",
          "additionalProperties": true,
          "description": "JSON Schema for the task's input (draft-07 or 2020-12; local $ref only). Checked for mistakes such as unknown types before it is saved."
        },
        "output_schema": {
          "type": "object",
          "additionalProperties": true,
          "description": "JSON Schema for the task's output (draft-07 or 2020-12; local $ref only). Checked for mistakes such as unknown types before it is saved."
        },
        "description": {
          "type": "string",
          "description": "New description"
        },
        "tags": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "New tags (replace the old ones)"
        },
        "version": {
          "type": "string",
          "description": "New version (semantic version, not lower than the current one). Default: the current version with its patch number bumped."
        },
        "test_cases": {
          "type": "array",
          "items": {
            "type": "object",
            "description": "One test case, written to tests/test-NNN.json",
            "properties": {
              "name": {
                "type": "string",
                "minLength": 1,
                "description": "Test name (default: the file name, test-NNN)"
              },
              "description": {
                "type": "string"
              },
              "input": {
                "description": "The value passed to main(input)"
              },
              "expected_output": {
                "description": "The exact output expected (compared as JSON). Omit to only require success."
              },
              "expected": {
                "description": "Alias of expected_output (the predecessor's spelling)"
              },
              "should_fail": {
                "type": "boolean",
                "description": "The test passes when the execution fails (thrown error, invalid input, timeout)"
              },
              "mock": {
                "type": "object",
                "additionalProperties": true,
                "description": "Canned HTTP answers: { \"http\": { \"url\", \"method\"?, \"response\": { \"status\", \"headers\"?, \"body\"? } } } or a list of them. fetch in the task is answered only from these."
              }
            },
            "required": [
              "input"
            ],
            "additionalProperties": false
          },
          "description": "New test cases: they replace every existing test file"
        },
        "validate_changes": {
          "type": "boolean",
          "default": true,
          "description": "Refuse changes that break the tests-versus-schema checks too (a package that cannot load is always refused)"
        },
        "run_tests": {
          "type": "boolean",
          "default": true,
          "description": "Run the test cases after saving"
        },
        "create_backup": {
          "type": "boolean",
          "default": true,
          "description": "Copy the previous version to .versions/ first"
        }
      },
      "required": [
        "task_id"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "description": "The task's uuid (or its name when it has none)"
        },
        "name": {
          "type": "string"
        },
        "previous_version": {
          "type": "string"
        },
        "version": {
          "type": "string"
        },
        "path": {
          "type": "string",
          "description": "Absolute folder of the package"
        },
        "changes_applied": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "What changed, e.g. \"code\", \"version 0.1.0 → 0.1.1\""
        },
        "backup_path": {
          "type": [
            "string",
            "null"
          ],
          "description": "Copy of the previous version, or null without a backup"
        },
        "validation": {
          "type": "object",
          "properties": {
            "valid": {
              "type": "boolean"
            },
            "problems": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "file": {
                    "type": "string",
                    "description": "File relative to the task folder"
                  },
                  "message": {
                    "type": "string"
                  },
                  "hint": {
                    "type": "string",
                    "description": "How to fix it"
                  }
                },
                "required": [
                  "file",
                  "message"
                ]
              },
              "description": "Problems that refused the change"
            },
            "warnings": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "file": {
                    "type": "string",
                    "description": "File relative to the task folder"
                  },
                  "message": {
                    "type": "string"
                  },
                  "hint": {
                    "type": "string",
                    "description": "How to fix it"
                  }
                },
                "required": [
                  "file",
                  "message"
                ]
              },
              "description": "Advice that did not refuse it"
            }
          },
          "required": [
            "valid",
            "problems"
          ]
        },
        "test_results": {
          "type": "object",
          "description": "The task's test cases, run in the worker pool (fetch answered from each test's mock.http)",
          "properties": {
            "total": {
              "type": "integer"
            },
            "passed": {
              "type": "integer"
            },
            "failed": {
              "type": "integer"
            },
            "results": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "description": {
                    "type": "string"
                  },
                  "status": {
                    "type": "string",
                    "enum": [
                      "passed",
                      "failed"
                    ]
                  },
                  "duration_ms": {
                    "type": "number"
                  },
                  "execution_id": {
                    "type": "string",
                    "description": "Execution record of this run (see ratchet_get_execution_logs / _trace)"
                  },
                  "execution_status": {
                    "type": "string",
                    "enum": [
                      "queued",
                      "running",
                      "completed",
                      "failed",
                      "cancelled",
                      "timed_out"
                    ]
                  },
                  "input": {
                    "description": "The test input"
                  },
                  "expected_output": {
                    "description": "The expected output, when the test gives one"
                  },
                  "actual_output": {
                    "description": "What the task returned (when it completed)"
                  },
                  "error": {
                    "type": "object",
                    "additionalProperties": true,
                    "description": "The execution error, when it did not complete",
                    "properties": {
                      "type": {
                        "type": "string"
                      },
                      "code": {
                        "type": "string"
                      },
                      "message": {
                        "type": "string"
                      },
                      "reason": {
                        "type": "string"
                      },
                      "location": {
                        "type": "object",
                        "properties": {
                          "file": {
                            "type": "string"
                          },
                          "line": {
                            "type": "integer"
                          },
                          "column": {
                            "type": "integer"
                          },
                          "source": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "file",
                          "line"
                        ]
                      }
                    },
                    "required": [
                      "type",
                      "code",
                      "message"
                    ]
                  },
                  "reason": {
                    "type": "string",
                    "description": "Why the test failed, in one sentence"
                  },
                  "file": {
                    "type": "string",
                    "description": "Test file, relative to the task folder"
                  }
                },
                "required": [
                  "name",
                  "status",
                  "duration_ms",
                  "execution_id",
                  "input"
                ]
              }
            }
          },
          "required": [
            "total",
            "passed",
            "failed",
            "results"
          ]
        },
        "message": {
          "type": "string",
          "description": "A one-line summary"
        },
        "hint": {
          "type": "string",
          "description": "What to do next"
        }
      },
      "required": [
        "task_id",
        "changes_applied",
        "message"
      ]
    }
  },
  {
    "name": "execute_task",
    "title": "Execute a task",
    "group": "execution",
    "description": "Runs a Ratchet task (by name or UUID) with the given input in the warm worker pool and returns its output with the execution id. The input is validated against the task's input schema first. A task that fails returns isError with the structured error (type, message, the task's file and line). Long runs report progress when the client sends a progress token; cancelling the request cancels the execution.",
    "annotations": {
      "title": "Execute a task",
      "readOnlyHint": false,
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": true
    },
    "taskSupport": "optional",
    "inputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "minLength": 1,
          "description": "Task name or UUID (see ratchet_list_available_tasks)"
        },
        "input": {
          "type": "object",
          "additionalProperties": true,
          "description": "Input for the task; must match its input schema",
          "default": {}
        },
        "trace": {
          "type": "boolean",
          "default": true,
          "description": "Include the trace (spans, HTTP calls, timing) in the result"
        },
        "timeout": {
          "type": "number",
          "exclusiveMinimum": 0,
          "description": "Seconds before the task is stopped; default and cap: the smaller of execution.max_execution_time and mcp.security.max_execution_time"
        }
      },
      "required": [
        "task_id"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "execution_id": {
          "type": "string",
          "description": "Id for ratchet_get_execution_status, _logs, _trace and ratchet_analyze_execution_error"
        },
        "task_id": {
          "type": "string",
          "description": "Task name"
        },
        "task_version": {
          "type": "string",
          "description": "Version of the task that ran"
        },
        "status": {
          "type": "string",
          "enum": [
            "queued",
            "running",
            "completed",
            "failed",
            "cancelled",
            "timed_out"
          ],
          "description": "completed, or how it ended"
        },
        "output": {
          "description": "The task's output (present when completed); when too large for mcp.security.response_size_limit, a placeholder { truncated: true, bytes, resource: \"ratchet://executions/<id>\" } whose resource (resources/read) has it in full"
        },
        "error": {
          "type": "object",
          "description": "Present when the execution did not complete",
          "properties": {
            "type": {
              "type": "string"
            },
            "code": {
              "type": "string"
            },
            "message": {
              "type": "string"
            },
            "reason": {
              "type": "string"
            },
            "stack": {
              "type": "string"
            },
            "location": {
              "type": "object",
              "properties": {
                "file": {
                  "type": "string"
                },
                "line": {
                  "type": "integer"
                },
                "column": {
                  "type": "integer"
                },
                "source": {
                  "type": "string"
                }
              },
              "required": [
                "file",
                "line"
              ]
            },
            "details": {}
          },
          "required": [
            "type",
            "code",
            "message"
          ]
        },
        "duration_ms": {
          "type": "number",
          "description": "Run time in the worker"
        },
        "queued_at": {
          "type": "string",
          "description": "ISO-8601"
        },
        "started_at": {
          "type": [
            "string",
            "null"
          ],
          "description": "ISO-8601"
        },
        "completed_at": {
          "type": [
            "string",
            "null"
          ],
          "description": "ISO-8601"
        },
        "trace": {
          "type": "array",
          "description": "Spans: the execution and each HTTP call",
          "items": {
            "type": "object",
            "properties": {
              "span_id": {
                "type": "string"
              },
              "parent_id": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "name": {
                "type": "string"
              },
              "kind": {
                "type": "string"
              },
              "start_ms": {
                "type": "number",
                "description": "Epoch milliseconds"
              },
              "offset_ms": {
                "type": "number",
                "description": "Milliseconds after the execution started"
              },
              "duration_ms": {
                "type": "number"
              },
              "status": {
                "type": "string"
              },
              "attributes": {
                "type": "object",
                "additionalProperties": true
              }
            },
            "required": [
              "span_id",
              "name",
              "kind",
              "start_ms",
              "duration_ms",
              "status"
            ]
          }
        }
      },
      "required": [
        "execution_id",
        "task_id",
        "status"
      ]
    }
  },
  {
    "name": "export_tasks",
    "title": "Export tasks",
    "group": "filesystem",
    "description": "Exports one task or every loaded task (from any source) as a JSON bundle, or as a base64 .zip of task folders (metadata.json, main.js, schemas, tests/). Both import back with ratchet_import_tasks, into this server or another.",
    "annotations": {
      "title": "Export tasks",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "description": "Task name or UUID; omit to export every task"
        },
        "format": {
          "type": "string",
          "enum": [
            "json",
            "zip"
          ],
          "default": "json",
          "description": "Bundle as JSON, or a .zip (base64)"
        },
        "include_tests": {
          "type": "boolean",
          "default": true,
          "description": "Include the test cases"
        }
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "bundle": {
          "type": "object",
          "description": "The JSON bundle (format json)",
          "properties": {
            "format": {
              "type": "string",
              "enum": [
                "ratchet-bundle"
              ]
            },
            "version": {
              "type": "integer",
              "enum": [
                1
              ]
            },
            "exported_at": {
              "type": "string",
              "description": "ISO-8601"
            },
            "tasks": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "version": {
                    "type": "string"
                  },
                  "description": {
                    "type": "string"
                  },
                  "tags": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "code": {
                    "type": "string"
                  },
                  "input_schema": {
                    "description": "JSON Schema or null"
                  },
                  "output_schema": {
                    "description": "JSON Schema or null"
                  },
                  "tests": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "additionalProperties": true
                    },
                    "description": "Test files' JSON"
                  },
                  "metadata": {
                    "type": "object",
                    "additionalProperties": true,
                    "description": "Other metadata.json fields (uuid, category, changelog, ...)"
                  }
                },
                "required": [
                  "name",
                  "version",
                  "description",
                  "tags",
                  "code",
                  "input_schema",
                  "output_schema",
                  "tests",
                  "metadata"
                ]
              }
            }
          },
          "required": [
            "format",
            "version",
            "exported_at",
            "tasks"
          ]
        },
        "zip_base64": {
          "type": "string",
          "description": "The .zip file, base64 (format zip)"
        },
        "bytes": {
          "type": "integer",
          "description": "Size of the .zip file"
        },
        "exported_count": {
          "type": "integer"
        },
        "tasks": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "version": {
                "type": "string"
              }
            },
            "required": [
              "name",
              "version"
            ]
          },
          "description": "What was exported"
        },
        "message": {
          "type": "string",
          "description": "A one-line summary"
        },
        "hint": {
          "type": "string",
          "description": "What to do next"
        }
      },
      "required": [
        "exported_count",
        "tasks",
        "message"
      ]
    }
  },
  {
    "name": "generate_from_template",
    "title": "Generate a task from a template",
    "group": "filesystem",
    "description": "Generates a task (code, input and output schemas, test cases) from a built-in template (see ratchet_list_templates) and its parameters. Parameters are embedded as data, never pasted into code. With save true the task is also written to the tasks folder, validated, loaded and tested, exactly as ratchet_create_task does. Missing or mistyped parameters are an error naming each of them.",
    "annotations": {
      "title": "Generate a task from a template",
      "readOnlyHint": false,
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": true
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "template": {
          "type": "string",
          "minLength": 1,
          "description": "Template name"
        },
        "name": {
          "type": "string",
          "minLength": 1,
          "description": "Name of the new task"
        },
        "parameters": {
          "type": "object",
          "additionalProperties": true,
          "default": {},
          "description": "Template parameters"
        },
        "description": {
          "type": "string",
          "description": "Description of the new task (default: from the template)"
        },
        "save": {
          "type": "boolean",
          "default": false,
          "description": "Write the task to the tasks folder (validated and tested)"
        },
        "run_tests": {
          "type": "boolean",
          "default": true,
          "description": "When saving, run the generated tests"
        }
      },
      "required": [
        "template",
        "name"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "code": {
          "type": "string"
        },
        "input_schema": {
          "type": "object",
          "additionalProperties": true,
          "description": "Input JSON Schema"
        },
        "output_schema": {
          "type": "object",
          "additionalProperties": true,
          "description": "Output JSON Schema"
        },
        "test_cases": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": true
          },
          "description": "Generated test cases (same shape as ratchet_create_task's test_cases)"
        },
        "template_used": {
          "type": "string"
        },
        "template_category": {
          "type": "string"
        },
        "parameters": {
          "type": "object",
          "additionalProperties": true,
          "description": "The parameters used, defaults filled in"
        },
        "missing_parameters": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Required parameters that were not given"
        },
        "saved": {
          "type": "boolean"
        },
        "path": {
          "type": "string",
          "description": "Folder of the saved task"
        },
        "task_id": {
          "type": "string",
          "description": "uuid of the saved task"
        },
        "test_results": {
          "type": "object",
          "description": "The task's test cases, run in the worker pool (fetch answered from each test's mock.http)",
          "properties": {
            "total": {
              "type": "integer"
            },
            "passed": {
              "type": "integer"
            },
            "failed": {
              "type": "integer"
            },
            "results": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "description": {
                    "type": "string"
                  },
                  "status": {
                    "type": "string",
                    "enum": [
                      "passed",
                      "failed"
                    ]
                  },
                  "duration_ms": {
                    "type": "number"
                  },
                  "execution_id": {
                    "type": "string",
                    "description": "Execution record of this run (see ratchet_get_execution_logs / _trace)"
                  },
                  "execution_status": {
                    "type": "string",
                    "enum": [
                      "queued",
                      "running",
                      "completed",
                      "failed",
                      "cancelled",
                      "timed_out"
                    ]
                  },
                  "input": {
                    "description": "The test input"
                  },
                  "expected_output": {
                    "description": "The expected output, when the test gives one"
                  },
                  "actual_output": {
                    "description": "What the task returned (when it completed)"
                  },
                  "error": {
                    "type": "object",
                    "additionalProperties": true,
                    "description": "The execution error, when it did not complete",
                    "properties": {
                      "type": {
                        "type": "string"
                      },
                      "code": {
                        "type": "string"
                      },
                      "message": {
                        "type": "string"
                      },
                      "reason": {
                        "type": "string"
                      },
                      "location": {
                        "type": "object",
                        "properties": {
                          "file": {
                            "type": "string"
                          },
                          "line": {
                            "type": "integer"
                          },
                          "column": {
                            "type": "integer"
                          },
                          "source": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "file",
                          "line"
                        ]
                      }
                    },
                    "required": [
                      "type",
                      "code",
                      "message"
                    ]
                  },
                  "reason": {
                    "type": "string",
                    "description": "Why the test failed, in one sentence"
                  },
                  "file": {
                    "type": "string",
                    "description": "Test file, relative to the task folder"
                  }
                },
                "required": [
                  "name",
                  "status",
                  "duration_ms",
                  "execution_id",
                  "input"
                ]
              }
            }
          },
          "required": [
            "total",
            "passed",
            "failed",
            "results"
          ]
        },
        "problems": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "file": {
                "type": "string",
                "description": "File relative to the task folder"
              },
              "message": {
                "type": "string"
              },
              "hint": {
                "type": "string",
                "description": "How to fix it"
              }
            },
            "required": [
              "file",
              "message"
            ]
          },
          "description": "Why saving was refused"
        },
        "message": {
          "type": "string",
          "description": "A one-line summary"
        },
        "hint": {
          "type": "string",
          "description": "What to do next"
        }
      },
      "required": [
        "name",
        "template_used",
        "saved",
        "message"
      ]
    }
  },
  {
    "name": "get_developer_endpoint_reference",
    "title": "Developer endpoint reference",
    "group": "docs",
    "description": "The reference of every Ratchet MCP tool (generated from the tool schemas): each tool's parameters with types and defaults, its result fields, and the config switch that enables its group. Markdown.",
    "annotations": {
      "title": "Developer endpoint reference",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {},
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "title": {
          "type": "string"
        },
        "format": {
          "type": "string",
          "enum": [
            "markdown"
          ]
        },
        "content": {
          "type": "string",
          "description": "The document, as markdown"
        }
      },
      "required": [
        "title",
        "format",
        "content"
      ]
    }
  },
  {
    "name": "get_developer_guide_walkthrough",
    "title": "Developer guide walkthrough",
    "group": "docs",
    "description": "A step-by-step walkthrough: create a task over MCP, validate it, run its tests, execute it, read its logs and trace, debug it with breakpoints, fix it and record a new version. Each step shows the tool call and what comes back. Markdown.",
    "annotations": {
      "title": "Developer guide walkthrough",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {},
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "title": {
          "type": "string"
        },
        "format": {
          "type": "string",
          "enum": [
            "markdown"
          ]
        },
        "content": {
          "type": "string",
          "description": "The document, as markdown"
        }
      },
      "required": [
        "title",
        "format",
        "content"
      ]
    }
  },
  {
    "name": "get_developer_integration_guide",
    "title": "Developer integration guide",
    "group": "docs",
    "description": "The guide to developing Ratchet tasks through MCP: the task package format, the code forms and the context and globals a task gets, how tools fit together (create, validate, test, run, inspect logs and traces, debug, analyze errors), configuration switches and error handling. Markdown.",
    "annotations": {
      "title": "Developer integration guide",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {},
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "title": {
          "type": "string"
        },
        "format": {
          "type": "string",
          "enum": [
            "markdown"
          ]
        },
        "content": {
          "type": "string",
          "description": "The document, as markdown"
        }
      },
      "required": [
        "title",
        "format",
        "content"
      ]
    }
  },
  {
    "name": "get_execution_logs",
    "title": "Get an execution's logs",
    "group": "logging",
    "description": "Returns the log entries an execution wrote (console.* and context.log.*), oldest first, at or above a minimum level (trace < debug < info < warn < error; default info, so console.debug and context.log.trace lines need level debug or trace). Page with offset/limit; `total` counts every entry at that level. format text adds `text`, one line per entry: `<timestamp> LEVEL message {data}`.",
    "annotations": {
      "title": "Get an execution's logs",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "execution_id": {
          "type": "string",
          "minLength": 1,
          "description": "The execution whose logs to read"
        },
        "level": {
          "type": "string",
          "enum": [
            "trace",
            "debug",
            "info",
            "warn",
            "error"
          ],
          "default": "info",
          "description": "Minimum level"
        },
        "limit": {
          "type": "integer",
          "minimum": 1,
          "maximum": 1000,
          "default": 100,
          "description": "Most entries returned; also capped by mcp.security.max_log_entries"
        },
        "offset": {
          "type": "integer",
          "minimum": 0,
          "default": 0,
          "description": "Entries (at the chosen level) to skip"
        },
        "format": {
          "type": "string",
          "enum": [
            "json",
            "text"
          ],
          "default": "json",
          "description": "text adds a printable `text` field"
        }
      },
      "required": [
        "execution_id"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "execution_id": {
          "type": "string",
          "description": "The execution"
        },
        "status": {
          "type": "string",
          "enum": [
            "queued",
            "running",
            "completed",
            "failed",
            "cancelled",
            "timed_out"
          ],
          "description": "The execution's status (a running one may log more)"
        },
        "level": {
          "type": "string",
          "description": "The minimum level applied"
        },
        "logs": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "seq": {
                "type": "integer",
                "description": "Position among all the execution's entries, from 0"
              },
              "level": {
                "type": "string",
                "enum": [
                  "trace",
                  "debug",
                  "info",
                  "warn",
                  "error"
                ]
              },
              "message": {
                "type": "string"
              },
              "data": {},
              "timestamp": {
                "type": "string"
              }
            },
            "required": [
              "seq",
              "level",
              "message",
              "timestamp"
            ]
          },
          "description": "Entries oldest first"
        },
        "total": {
          "type": "integer",
          "description": "Entries at or above the level"
        },
        "offset": {
          "type": "integer",
          "description": "Entries skipped"
        },
        "limit": {
          "type": "integer",
          "description": "The limit applied (after the server cap)"
        },
        "has_more": {
          "type": "boolean",
          "description": "True when entries after this page exist"
        },
        "text": {
          "type": "string",
          "description": "With format text: one line per entry"
        }
      },
      "required": [
        "execution_id",
        "status",
        "level",
        "logs",
        "total",
        "offset",
        "limit",
        "has_more"
      ]
    }
  },
  {
    "name": "get_execution_status",
    "title": "Get an execution's status",
    "group": "monitoring",
    "description": "Returns one execution: status, progress (with percentage), timestamps, durations, the task name and version, its input and output, and the structured error (type, message, code, the task's file and line) when it did not complete. Works for running executions too.",
    "annotations": {
      "title": "Get an execution's status",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "execution_id": {
          "type": "string",
          "minLength": 1,
          "description": "Id returned by ratchet_execute_task, ratchet_batch_execute or ratchet_list_executions"
        },
        "include_input": {
          "type": "boolean",
          "default": true,
          "description": "Include the execution's input"
        },
        "include_output": {
          "type": "boolean",
          "default": true,
          "description": "Include the execution's output"
        }
      },
      "required": [
        "execution_id"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "execution_id": {
          "type": "string",
          "description": "The execution"
        },
        "task_id": {
          "type": "string",
          "description": "Task name"
        },
        "task_version": {
          "type": "string",
          "description": "Version of the task that ran"
        },
        "task_checksum": {
          "type": "string",
          "description": "Content hash of the task version that ran"
        },
        "status": {
          "type": "string",
          "enum": [
            "queued",
            "running",
            "completed",
            "failed",
            "cancelled",
            "timed_out"
          ],
          "description": "Current status"
        },
        "can_cancel": {
          "type": "boolean",
          "description": "True while queued or running (see ratchet_cancel_execution)"
        },
        "progress": {
          "type": "object",
          "properties": {
            "progress": {
              "type": "number"
            },
            "total": {
              "type": [
                "number",
                "null"
              ]
            },
            "message": {
              "type": [
                "string",
                "null"
              ]
            },
            "percentage": {
              "type": [
                "number",
                "null"
              ],
              "description": "0-100, null when the task reported no total"
            },
            "elapsed_ms": {
              "type": [
                "number",
                "null"
              ],
              "description": "Running time so far (or in all, once finished)"
            }
          },
          "required": [
            "progress",
            "total",
            "message",
            "percentage",
            "elapsed_ms"
          ],
          "description": "The last progress the task reported (context.progress)"
        },
        "input": {
          "description": "The input it ran with (include_input)"
        },
        "output": {
          "description": "The output, once completed (include_output); when too large for mcp.security.response_size_limit, a placeholder { truncated: true, bytes, resource: \"ratchet://executions/<id>\" } whose resource (resources/read) has it in full"
        },
        "error": {
          "type": "object",
          "properties": {
            "type": {
              "type": "string"
            },
            "code": {
              "type": "string"
            },
            "message": {
              "type": "string"
            },
            "reason": {
              "type": "string"
            },
            "stack": {
              "type": "string"
            },
            "location": {
              "type": "object",
              "properties": {
                "file": {
                  "type": "string"
                },
                "line": {
                  "type": "integer"
                },
                "column": {
                  "type": "integer"
                },
                "source": {
                  "type": "string"
                }
              },
              "required": [
                "file",
                "line"
              ]
            },
            "details": {}
          },
          "required": [
            "type",
            "code",
            "message"
          ],
          "description": "Why it did not complete: type, code, message, the task file and line"
        },
        "error_message": {
          "type": "string",
          "description": "error.message, for clients of the predecessor"
        },
        "queued_at": {
          "type": "string",
          "description": "ISO-8601"
        },
        "started_at": {
          "type": [
            "string",
            "null"
          ],
          "description": "ISO-8601; null while queued"
        },
        "completed_at": {
          "type": [
            "string",
            "null"
          ],
          "description": "ISO-8601; null until finished"
        },
        "duration_ms": {
          "type": [
            "number",
            "null"
          ],
          "description": "Run time in the worker"
        },
        "queue_duration_ms": {
          "type": [
            "number",
            "null"
          ],
          "description": "Time between queued and started"
        },
        "attempt": {
          "type": "integer",
          "description": "Attempt number, from 1"
        },
        "source": {
          "type": "string",
          "description": "Who started it: mcp, http, cli, test"
        }
      },
      "required": [
        "execution_id",
        "task_id",
        "task_version",
        "status",
        "can_cancel",
        "progress",
        "queued_at",
        "started_at",
        "completed_at",
        "duration_ms",
        "attempt",
        "source"
      ]
    }
  },
  {
    "name": "get_execution_trace",
    "title": "Get an execution's trace",
    "group": "debugging",
    "description": "Returns an execution's spans (the execution itself and every HTTP call it made), the HTTP calls with method, URL, status, duration and bytes, and its timing (queue time, run time). format flamegraph adds a flame graph: folded stacks (weights in microseconds of self time) and a self-contained SVG. Spans are stored when the execution finishes, so a running execution has none yet (trace_complete false).",
    "annotations": {
      "title": "Get an execution's trace",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "execution_id": {
          "type": "string",
          "minLength": 1,
          "description": "The execution whose trace to read"
        },
        "include_http_calls": {
          "type": "boolean",
          "default": true,
          "description": "Include the HTTP calls list"
        },
        "format": {
          "type": "string",
          "enum": [
            "json",
            "flamegraph"
          ],
          "default": "json",
          "description": "flamegraph adds folded stacks and an SVG flame graph"
        }
      },
      "required": [
        "execution_id"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "execution_id": {
          "type": "string",
          "description": "The execution"
        },
        "status": {
          "type": "string",
          "enum": [
            "queued",
            "running",
            "completed",
            "failed",
            "cancelled",
            "timed_out"
          ],
          "description": "The execution's status"
        },
        "task_id": {
          "type": "string",
          "description": "Task name"
        },
        "task_version": {
          "type": "string",
          "description": "Version of the task that ran"
        },
        "trace_complete": {
          "type": "boolean",
          "description": "False while the execution has not finished"
        },
        "spans": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "span_id": {
                "type": "string"
              },
              "parent_id": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "name": {
                "type": "string"
              },
              "kind": {
                "type": "string"
              },
              "start_ms": {
                "type": "number",
                "description": "Epoch milliseconds"
              },
              "offset_ms": {
                "type": "number",
                "description": "Milliseconds after the execution started"
              },
              "duration_ms": {
                "type": "number"
              },
              "status": {
                "type": "string"
              },
              "attributes": {
                "type": "object",
                "additionalProperties": true
              }
            },
            "required": [
              "span_id",
              "name",
              "kind",
              "start_ms",
              "duration_ms",
              "status"
            ]
          },
          "description": "The execution span and one span per HTTP call, by start time"
        },
        "http_calls": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "span_id": {
                "type": "string"
              },
              "method": {
                "type": "string"
              },
              "url": {
                "type": "string"
              },
              "status": {
                "type": [
                  "integer",
                  "null"
                ],
                "description": "HTTP status; null when no response arrived"
              },
              "duration_ms": {
                "type": "number"
              },
              "offset_ms": {
                "type": "number"
              },
              "bytes_in": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "bytes_out": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "mocked": {
                "type": "boolean"
              },
              "error": {
                "type": "string"
              }
            },
            "required": [
              "span_id",
              "method",
              "url",
              "status",
              "duration_ms",
              "bytes_in",
              "bytes_out"
            ]
          },
          "description": "Every fetch the task made (include_http_calls)"
        },
        "timing": {
          "type": "object",
          "properties": {
            "queued_at": {
              "type": "string"
            },
            "started_at": {
              "type": [
                "string",
                "null"
              ]
            },
            "completed_at": {
              "type": [
                "string",
                "null"
              ]
            },
            "total_duration_ms": {
              "type": [
                "number",
                "null"
              ],
              "description": "completed_at - queued_at"
            },
            "queue_duration_ms": {
              "type": [
                "number",
                "null"
              ],
              "description": "started_at - queued_at"
            },
            "run_duration_ms": {
              "type": [
                "number",
                "null"
              ],
              "description": "Time in the worker"
            },
            "load_duration_ms": {
              "type": [
                "number",
                "null"
              ],
              "description": "Part of the run spent loading the task's code"
            },
            "http_duration_ms": {
              "type": "number",
              "description": "Sum of the HTTP calls' durations"
            }
          },
          "required": [
            "queued_at",
            "started_at",
            "completed_at",
            "total_duration_ms",
            "queue_duration_ms",
            "run_duration_ms"
          ],
          "description": "Where the time went"
        },
        "flamegraph": {
          "type": "object",
          "description": "With format flamegraph",
          "properties": {
            "unit": {
              "type": "string",
              "enum": [
                "us"
              ],
              "description": "Weights in the folded stacks are microseconds"
            },
            "folded": {
              "type": "string",
              "description": "Folded stacks, one `frame;frame;frame weight` line each (Brendan Gregg's format; feed to flamegraph.pl or speedscope)"
            },
            "svg": {
              "type": "string",
              "description": "A self-contained SVG flame graph; hover a frame for its time"
            }
          },
          "required": [
            "unit",
            "folded",
            "svg"
          ]
        }
      },
      "required": [
        "execution_id",
        "status",
        "task_id",
        "trace_complete",
        "spans",
        "timing"
      ]
    }
  },
  {
    "name": "get_results",
    "title": "Get execution results",
    "group": "monitoring",
    "description": "Reads stored execution results, newest first: one execution by id, or the executions of a task and/or status, one page at a time (offset/limit). Includes Ratchet's own runs and those recorded with ratchet_store_result. include_data adds each execution's input and output; include_errors adds the error (type, code, message, location, details).",
    "annotations": {
      "title": "Get execution results",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "minLength": 1,
          "description": "Task name or UUID; a name that is not loaded still matches stored results"
        },
        "execution_id": {
          "type": "string",
          "minLength": 1,
          "description": "One execution; an unknown id is an error"
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
          "description": "pending means queued"
        },
        "limit": {
          "type": "integer",
          "minimum": 1,
          "maximum": 1000,
          "default": 50
        },
        "offset": {
          "type": "integer",
          "minimum": 0,
          "default": 0
        },
        "include_errors": {
          "type": "boolean",
          "default": true
        },
        "include_data": {
          "type": "boolean",
          "default": true,
          "description": "Include input and output"
        }
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "executions": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "execution_id": {
                "type": "string"
              },
              "task_id": {
                "type": "string",
                "description": "Task name"
              },
              "task_version": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "queued",
                  "running",
                  "completed",
                  "failed",
                  "cancelled",
                  "timed_out"
                ]
              },
              "source": {
                "type": "string",
                "description": "Who started it: mcp, cli, http, debug, external, ..."
              },
              "queued_at": {
                "type": "string"
              },
              "started_at": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "completed_at": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "duration_ms": {
                "type": [
                  "number",
                  "null"
                ]
              },
              "input": {
                "description": "With include_data"
              },
              "output": {
                "description": "With include_data, when the execution has one; when too large for mcp.security.response_size_limit, a placeholder { truncated: true, bytes, resource: \"ratchet://executions/<id>\" } whose resource (resources/read) has it in full"
              },
              "error_message": {
                "type": "string",
                "description": "With include_errors"
              },
              "error": {
                "type": "object",
                "description": "With include_errors",
                "properties": {
                  "type": {
                    "type": "string"
                  },
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "reason": {
                    "type": "string"
                  },
                  "stack": {
                    "type": "string"
                  },
                  "location": {
                    "type": "object",
                    "properties": {
                      "file": {
                        "type": "string"
                      },
                      "line": {
                        "type": "integer"
                      },
                      "column": {
                        "type": "integer"
                      },
                      "source": {
                        "type": "string"
                      }
                    },
                    "required": [
                      "file",
                      "line"
                    ]
                  },
                  "details": {}
                },
                "required": [
                  "type",
                  "code",
                  "message"
                ]
              }
            },
            "required": [
              "execution_id",
              "task_id",
              "task_version",
              "status",
              "source",
              "queued_at",
              "started_at",
              "completed_at",
              "duration_ms"
            ]
          }
        },
        "total_count": {
          "type": "integer",
          "description": "Executions matching the filters"
        },
        "returned_count": {
          "type": "integer"
        },
        "offset": {
          "type": "integer"
        },
        "limit": {
          "type": "integer"
        },
        "has_more": {
          "type": "boolean"
        },
        "retrieved_at": {
          "type": "string"
        }
      },
      "required": [
        "executions",
        "total_count",
        "returned_count",
        "offset",
        "limit",
        "has_more",
        "retrieved_at"
      ]
    }
  },
  {
    "name": "import_tasks",
    "title": "Import tasks",
    "group": "filesystem",
    "description": "Writes task packages into the tasks folder from a JSON bundle (what ratchet_export_tasks emits: {format: \"ratchet-bundle\", version: 1, tasks: [...]}, also a list of tasks, one task, or its JSON text) or a base64 .zip of task folders (format \"zip\"). Each package is validated before it appears; existing names are skipped unless overwrite_existing (the old version is then kept in .versions/). Reports what was imported, skipped and refused (with problems).",
    "annotations": {
      "title": "Import tasks",
      "readOnlyHint": false,
      "destructiveHint": true,
      "idempotentHint": false,
      "openWorldHint": true
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "data": {
          "description": "The bundle (object, array or JSON text), or for zip the .zip file as a base64 string"
        },
        "format": {
          "type": "string",
          "enum": [
            "json",
            "zip"
          ],
          "default": "json",
          "description": "How data is encoded"
        },
        "overwrite_existing": {
          "type": "boolean",
          "default": false,
          "description": "Replace tasks of the same name in the tasks folder (their previous version is kept in .versions/); for the name of a task in a read-only source, write a copy into the tasks folder that overrides it"
        },
        "options": {
          "type": "object",
          "properties": {
            "name_prefix": {
              "type": "string",
              "description": "Prefix added to every imported task name"
            },
            "validate_tasks": {
              "type": "boolean",
              "default": true,
              "description": "Refuse packages whose tests contradict their schemas too (a package that cannot load is always refused)"
            },
            "run_tests": {
              "type": "boolean",
              "default": false,
              "description": "Run each imported task's tests"
            },
            "include_tests": {
              "type": "boolean",
              "default": true,
              "description": "Import the tests; false drops them"
            }
          },
          "additionalProperties": false
        }
      },
      "required": [
        "data"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "imported": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "version": {
                "type": "string"
              },
              "path": {
                "type": "string"
              },
              "task_id": {
                "type": "string"
              },
              "replaced": {
                "type": "boolean",
                "description": "An existing task of that name was replaced"
              },
              "test_results": {
                "type": "object",
                "description": "The task's test cases, run in the worker pool (fetch answered from each test's mock.http)",
                "properties": {
                  "total": {
                    "type": "integer"
                  },
                  "passed": {
                    "type": "integer"
                  },
                  "failed": {
                    "type": "integer"
                  },
                  "results": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "name": {
                          "type": "string"
                        },
                        "description": {
                          "type": "string"
                        },
                        "status": {
                          "type": "string",
                          "enum": [
                            "passed",
                            "failed"
                          ]
                        },
                        "duration_ms": {
                          "type": "number"
                        },
                        "execution_id": {
                          "type": "string",
                          "description": "Execution record of this run (see ratchet_get_execution_logs / _trace)"
                        },
                        "execution_status": {
                          "type": "string",
                          "enum": [
                            "queued",
                            "running",
                            "completed",
                            "failed",
                            "cancelled",
                            "timed_out"
                          ]
                        },
                        "input": {
                          "description": "The test input"
                        },
                        "expected_output": {
                          "description": "The expected output, when the test gives one"
                        },
                        "actual_output": {
                          "description": "What the task returned (when it completed)"
                        },
                        "error": {
                          "type": "object",
                          "additionalProperties": true,
                          "description": "The execution error, when it did not complete",
                          "properties": {
                            "type": {
                              "type": "string"
                            },
                            "code": {
                              "type": "string"
                            },
                            "message": {
                              "type": "string"
                            },
                            "reason": {
                              "type": "string"
                            },
                            "location": {
                              "type": "object",
                              "properties": {
                                "file": {
                                  "type": "string"
                                },
                                "line": {
                                  "type": "integer"
                                },
                                "column": {
                                  "type": "integer"
                                },
                                "source": {
                                  "type": "string"
                                }
                              },
                              "required": [
                                "file",
                                "line"
                              ]
                            }
                          },
                          "required": [
                            "type",
                            "code",
                            "message"
                          ]
                        },
                        "reason": {
                          "type": "string",
                          "description": "Why the test failed, in one sentence"
                        },
                        "file": {
                          "type": "string",
                          "description": "Test file, relative to the task folder"
                        }
                      },
                      "required": [
                        "name",
                        "status",
                        "duration_ms",
                        "execution_id",
                        "input"
                      ]
                    }
                  }
                },
                "required": [
                  "total",
                  "passed",
                  "failed",
                  "results"
                ]
              }
            },
            "required": [
              "name",
              "version",
              "path"
            ]
          }
        },
        "skipped": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "reason": {
                "type": "string"
              }
            },
            "required": [
              "name",
              "reason"
            ]
          }
        },
        "errors": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "message": {
                "type": "string"
              },
              "problems": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "file": {
                      "type": "string",
                      "description": "File relative to the task folder"
                    },
                    "message": {
                      "type": "string"
                    },
                    "hint": {
                      "type": "string",
                      "description": "How to fix it"
                    }
                  },
                  "required": [
                    "file",
                    "message"
                  ]
                },
                "description": "What is wrong with the package"
              }
            },
            "required": [
              "name",
              "message"
            ]
          }
        },
        "imported_count": {
          "type": "integer"
        },
        "message": {
          "type": "string",
          "description": "A one-line summary"
        },
        "hint": {
          "type": "string",
          "description": "What to do next"
        }
      },
      "required": [
        "imported",
        "skipped",
        "errors",
        "imported_count",
        "message"
      ]
    }
  },
  {
    "name": "list_available_tasks",
    "title": "List available tasks",
    "group": "execution",
    "description": "Lists the tasks the server can run, with name, version, description, tags and number of test cases. Filter by a name/description substring, a category or tags; page through with page/limit; sort by name, version, created_at or updated_at. `problems` lists task packages that failed to load and why, so a missing task can be explained and fixed.",
    "annotations": {
      "title": "List available tasks",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "filter": {
          "type": "string",
          "description": "Case-insensitive substring of the task name or description"
        },
        "category": {
          "type": "string",
          "description": "Keeps tasks whose category or one of whose tags equals this (case-insensitive)"
        },
        "tags": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Keeps tasks that have every one of these tags (case-insensitive)"
        },
        "include_schemas": {
          "type": "boolean",
          "default": false,
          "description": "Include each task's input and output JSON Schema"
        },
        "page": {
          "type": "integer",
          "minimum": 0,
          "default": 0,
          "description": "Page number, from 0"
        },
        "limit": {
          "type": "integer",
          "minimum": 1,
          "maximum": 1000,
          "default": 50,
          "description": "Tasks per page (at most 1000)"
        },
        "sort_by": {
          "type": "string",
          "enum": [
            "name",
            "version",
            "created_at",
            "updated_at"
          ],
          "description": "Sort key; without it tasks come in registry order (by name). created_at is when the task was first seen, updated_at when its current content was first seen"
        },
        "sort_order": {
          "type": "string",
          "enum": [
            "asc",
            "desc"
          ],
          "default": "asc",
          "description": "Direction for sort_by"
        }
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "tasks": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "id": {
                "type": "string",
                "description": "The task's uuid when it declares one, otherwise its name; either works as task_id"
              },
              "uuid": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "version": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "tags": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "category": {
                "type": "string"
              },
              "enabled": {
                "type": "boolean",
                "description": "Always true: only loaded tasks are listed"
              },
              "test_count": {
                "type": "integer"
              },
              "created_at": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "When the first version of this task was seen"
              },
              "updated_at": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "When the current content (checksum) was first seen"
              },
              "input_schema": {
                "description": "Present with include_schemas; null when the task declares none"
              },
              "output_schema": {
                "description": "Present with include_schemas; null when the task declares none"
              }
            },
            "required": [
              "id",
              "name",
              "version",
              "description",
              "tags",
              "enabled",
              "test_count"
            ]
          },
          "description": "One page of tasks"
        },
        "pagination": {
          "type": "object",
          "properties": {
            "page": {
              "type": "integer"
            },
            "limit": {
              "type": "integer"
            },
            "total_count": {
              "type": "integer"
            },
            "total_pages": {
              "type": "integer"
            },
            "has_next": {
              "type": "boolean"
            },
            "has_previous": {
              "type": "boolean"
            },
            "next_page": {
              "type": [
                "integer",
                "null"
              ]
            },
            "previous_page": {
              "type": [
                "integer",
                "null"
              ]
            }
          },
          "required": [
            "page",
            "limit",
            "total_count",
            "total_pages",
            "has_next",
            "has_previous"
          ],
          "description": "Page numbers from 0; a page past the end has no tasks"
        },
        "sorting": {
          "type": "object",
          "properties": {
            "sort_by": {
              "type": [
                "string",
                "null"
              ]
            },
            "sort_order": {
              "type": "string"
            }
          },
          "required": [
            "sort_by",
            "sort_order"
          ],
          "description": "The sort applied (sort_by null: registry order)"
        },
        "filters": {
          "type": "object",
          "properties": {
            "filter": {
              "type": "string"
            },
            "category": {
              "type": "string"
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          },
          "description": "The filters applied"
        },
        "problems": {
          "type": "array",
          "description": "Task packages that failed to load (present only when some did)",
          "items": {
            "type": "object",
            "properties": {
              "source": {
                "type": "string",
                "description": "registry.sources entry name"
              },
              "dir": {
                "type": "string",
                "description": "The package folder"
              },
              "messages": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "One line per problem: file, cause and how to fix it"
              }
            },
            "required": [
              "source",
              "dir",
              "messages"
            ]
          }
        }
      },
      "required": [
        "tasks",
        "pagination"
      ]
    }
  },
  {
    "name": "list_executions",
    "title": "List executions",
    "group": "monitoring",
    "description": "Lists executions, newest first by default, filtered by task and status, sorted by queued_at, started_at, completed_at, duration_ms or status, one page at a time. include_output adds each execution's output and full error.",
    "annotations": {
      "title": "List executions",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "minLength": 1,
          "description": "Task name or UUID"
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
          "description": "pending means queued"
        },
        "page": {
          "type": "integer",
          "minimum": 0,
          "default": 0,
          "description": "Page number, from 0"
        },
        "limit": {
          "type": "integer",
          "minimum": 1,
          "maximum": 1000,
          "default": 50,
          "description": "Executions per page (at most 1000)"
        },
        "sort_by": {
          "type": "string",
          "enum": [
            "queued_at",
            "started_at",
            "completed_at",
            "duration_ms",
            "status"
          ],
          "default": "queued_at",
          "description": "Sort key"
        },
        "sort_order": {
          "type": "string",
          "enum": [
            "asc",
            "desc"
          ],
          "default": "desc",
          "description": "Sort direction"
        },
        "include_output": {
          "type": "boolean",
          "default": false,
          "description": "Include each execution's output and full error"
        }
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "executions": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "execution_id": {
                "type": "string"
              },
              "id": {
                "type": "string",
                "description": "Same as execution_id (the predecessor's name)"
              },
              "task_id": {
                "type": "string",
                "description": "Task name"
              },
              "task_version": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "queued",
                  "running",
                  "completed",
                  "failed",
                  "cancelled",
                  "timed_out"
                ]
              },
              "queued_at": {
                "type": "string"
              },
              "started_at": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "completed_at": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "duration_ms": {
                "type": [
                  "number",
                  "null"
                ]
              },
              "progress": {
                "type": [
                  "object",
                  "null"
                ],
                "properties": {
                  "progress": {
                    "type": "number"
                  },
                  "total": {
                    "type": [
                      "number",
                      "null"
                    ]
                  },
                  "message": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "percentage": {
                    "type": [
                      "number",
                      "null"
                    ]
                  }
                },
                "required": [
                  "progress",
                  "total",
                  "message",
                  "percentage"
                ]
              },
              "error_message": {
                "type": "string"
              },
              "source": {
                "type": "string"
              },
              "output": {
                "description": "With include_output; when too large for mcp.security.response_size_limit, a placeholder { truncated: true, bytes, resource: \"ratchet://executions/<id>\" } whose resource (resources/read) has it in full"
              },
              "error": {
                "type": "object",
                "description": "With include_output",
                "properties": {
                  "type": {
                    "type": "string"
                  },
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "reason": {
                    "type": "string"
                  },
                  "stack": {
                    "type": "string"
                  },
                  "location": {
                    "type": "object",
                    "properties": {
                      "file": {
                        "type": "string"
                      },
                      "line": {
                        "type": "integer"
                      },
                      "column": {
                        "type": "integer"
                      },
                      "source": {
                        "type": "string"
                      }
                    },
                    "required": [
                      "file",
                      "line"
                    ]
                  },
                  "details": {}
                },
                "required": [
                  "type",
                  "code",
                  "message"
                ]
              }
            },
            "required": [
              "execution_id",
              "id",
              "task_id",
              "task_version",
              "status",
              "queued_at",
              "started_at",
              "completed_at",
              "duration_ms",
              "source"
            ]
          },
          "description": "One page of executions"
        },
        "pagination": {
          "type": "object",
          "properties": {
            "page": {
              "type": "integer"
            },
            "limit": {
              "type": "integer"
            },
            "total_count": {
              "type": "integer"
            },
            "total_pages": {
              "type": "integer"
            },
            "has_next": {
              "type": "boolean"
            },
            "has_previous": {
              "type": "boolean"
            },
            "next_page": {
              "type": [
                "integer",
                "null"
              ]
            },
            "previous_page": {
              "type": [
                "integer",
                "null"
              ]
            }
          },
          "required": [
            "page",
            "limit",
            "total_count",
            "total_pages",
            "has_next",
            "has_previous"
          ],
          "description": "Page numbers from 0; a page past the end is empty"
        },
        "sorting": {
          "type": "object",
          "properties": {
            "sort_by": {
              "type": "string"
            },
            "sort_order": {
              "type": "string"
            }
          },
          "required": [
            "sort_by",
            "sort_order"
          ],
          "description": "The sort applied"
        },
        "filters": {
          "type": "object",
          "properties": {
            "task_id": {
              "type": "string"
            },
            "status": {
              "type": "string"
            }
          },
          "description": "The filters applied (task_id as a task name)"
        }
      },
      "required": [
        "executions",
        "pagination",
        "sorting"
      ]
    }
  },
  {
    "name": "list_jobs",
    "title": "List jobs",
    "group": "monitoring",
    "description": "Lists queued background jobs (created over REST or by schedules), newest first by default, filtered by task, status and priority. A job retries with backoff and ends in dead_letter after its last allowed attempt; last_error says why.",
    "annotations": {
      "title": "List jobs",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "minLength": 1,
          "description": "Task name or UUID"
        },
        "status": {
          "type": "string",
          "enum": [
            "queued",
            "running",
            "retrying",
            "completed",
            "dead_letter",
            "cancelled",
            "processing",
            "failed"
          ],
          "description": "processing means running, failed means dead_letter"
        },
        "priority": {
          "type": "string",
          "enum": [
            "low",
            "normal",
            "high",
            "urgent",
            "critical"
          ],
          "description": "critical means urgent"
        },
        "page": {
          "type": "integer",
          "minimum": 0,
          "default": 0,
          "description": "Page number, from 0"
        },
        "limit": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100,
          "default": 20,
          "description": "Jobs per page"
        },
        "sort_by": {
          "type": "string",
          "enum": [
            "queued_at",
            "scheduled_for",
            "priority",
            "status",
            "retry_count"
          ],
          "default": "queued_at",
          "description": "Sort key"
        },
        "sort_order": {
          "type": "string",
          "enum": [
            "asc",
            "desc"
          ],
          "default": "desc",
          "description": "Sort direction"
        }
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "jobs": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "id": {
                "type": "string"
              },
              "task_id": {
                "type": "string",
                "description": "Task name"
              },
              "status": {
                "type": "string"
              },
              "priority": {
                "type": "string"
              },
              "retry_count": {
                "type": "integer",
                "description": "Attempts after the first"
              },
              "max_retries": {
                "type": "integer"
              },
              "queued_at": {
                "type": "string"
              },
              "scheduled_for": {
                "type": "string"
              },
              "next_attempt_at": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "execution_ids": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "schedule_id": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "last_error": {
                "type": [
                  "string",
                  "null"
                ]
              }
            },
            "required": [
              "id",
              "task_id",
              "status",
              "priority",
              "retry_count",
              "max_retries",
              "queued_at",
              "scheduled_for",
              "execution_ids"
            ]
          }
        },
        "pagination": {
          "type": "object",
          "properties": {
            "page": {
              "type": "integer"
            },
            "limit": {
              "type": "integer"
            },
            "total_count": {
              "type": "integer"
            },
            "total_pages": {
              "type": "integer"
            },
            "has_next": {
              "type": "boolean"
            },
            "has_previous": {
              "type": "boolean"
            },
            "next_page": {
              "type": [
                "integer",
                "null"
              ]
            },
            "previous_page": {
              "type": [
                "integer",
                "null"
              ]
            }
          },
          "required": [
            "page",
            "limit",
            "total_count",
            "total_pages",
            "has_next",
            "has_previous"
          ],
          "description": "Page numbers from 0"
        }
      },
      "required": [
        "jobs",
        "pagination"
      ]
    }
  },
  {
    "name": "list_schedules",
    "title": "List schedules",
    "group": "monitoring",
    "description": "Lists cron schedules that run tasks unattended, with their next and last run. ready_to_run: only enabled schedules whose next run is due now.",
    "annotations": {
      "title": "List schedules",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "minLength": 1,
          "description": "Task name or UUID"
        },
        "enabled": {
          "type": "boolean"
        },
        "ready_to_run": {
          "type": "boolean",
          "description": "Only enabled schedules due now"
        },
        "page": {
          "type": "integer",
          "minimum": 0,
          "default": 0,
          "description": "Page number, from 0"
        },
        "limit": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100,
          "default": 20,
          "description": "Schedules per page"
        },
        "sort_by": {
          "type": "string",
          "enum": [
            "name",
            "created_at",
            "updated_at",
            "next_run",
            "last_run"
          ],
          "default": "name",
          "description": "Sort key"
        },
        "sort_order": {
          "type": "string",
          "enum": [
            "asc",
            "desc"
          ],
          "default": "asc",
          "description": "Sort direction"
        }
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "schedules": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "id": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "task_id": {
                "type": "string",
                "description": "Task name"
              },
              "cron_expression": {
                "type": "string"
              },
              "timezone": {
                "type": "string"
              },
              "enabled": {
                "type": "boolean"
              },
              "next_run": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "last_run": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "run_count": {
                "type": "integer"
              },
              "description": {
                "type": [
                  "string",
                  "null"
                ]
              }
            },
            "required": [
              "id",
              "name",
              "task_id",
              "cron_expression",
              "timezone",
              "enabled",
              "next_run",
              "last_run",
              "run_count"
            ]
          }
        },
        "pagination": {
          "type": "object",
          "properties": {
            "page": {
              "type": "integer"
            },
            "limit": {
              "type": "integer"
            },
            "total_count": {
              "type": "integer"
            },
            "total_pages": {
              "type": "integer"
            },
            "has_next": {
              "type": "boolean"
            },
            "has_previous": {
              "type": "boolean"
            },
            "next_page": {
              "type": [
                "integer",
                "null"
              ]
            },
            "previous_page": {
              "type": [
                "integer",
                "null"
              ]
            }
          },
          "required": [
            "page",
            "limit",
            "total_count",
            "total_pages",
            "has_next",
            "has_previous"
          ],
          "description": "Page numbers from 0"
        }
      },
      "required": [
        "schedules",
        "pagination"
      ]
    }
  },
  {
    "name": "list_templates",
    "title": "List task templates",
    "group": "filesystem",
    "description": "Lists the built-in task templates (HTTP API call, data transform, validation, CSV processing, webhook signature check, scheduled aggregation) with their parameters. Generate a task from one with ratchet_generate_from_template; each generated task comes with tests that pass.",
    "annotations": {
      "title": "List task templates",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "category": {
          "type": "string",
          "description": "Only templates of this category"
        }
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "templates": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "category": {
                "type": "string"
              },
              "tags": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "required_parameters": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Names of the parameters that must be given"
              },
              "optional_parameters": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Names of the parameters with defaults"
              },
              "parameters": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "name": {
                      "type": "string"
                    },
                    "type": {
                      "type": "string",
                      "enum": [
                        "string",
                        "number",
                        "boolean",
                        "array",
                        "object"
                      ]
                    },
                    "required": {
                      "type": "boolean"
                    },
                    "description": {
                      "type": "string"
                    },
                    "default": {
                      "description": "Value used when it is not given"
                    },
                    "example": {
                      "description": "An example value"
                    }
                  },
                  "required": [
                    "name",
                    "type",
                    "required",
                    "description"
                  ]
                },
                "description": "Every parameter with its type, description and default"
              }
            },
            "required": [
              "name",
              "description",
              "category",
              "tags",
              "required_parameters",
              "optional_parameters",
              "parameters"
            ]
          }
        },
        "total_count": {
          "type": "integer"
        },
        "categories": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      },
      "required": [
        "templates",
        "total_count",
        "categories"
      ]
    }
  },
  {
    "name": "registry_health",
    "title": "Check the task registry's health",
    "group": "monitoring",
    "description": "Checks every registry source against the filesystem now: whether its folder is readable, how many tasks are loaded from it, which packages failed to load and why, whether it watches for changes, and whether the folder has changed since the last load (task folders added or gone), which ratchet_sync_registry fixes. overall_status is healthy (every source readable, no problems, in sync), degraded (some problem, an unreadable source, or out of sync) or unhealthy (no source readable, or no source configured).",
    "annotations": {
      "title": "Check the task registry's health",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {},
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "overall_status": {
          "type": "string",
          "enum": [
            "healthy",
            "degraded",
            "unhealthy"
          ]
        },
        "sources": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "uri": {
                "type": "string"
              },
              "path": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "healthy",
                  "degraded",
                  "unhealthy"
                ]
              },
              "reachable": {
                "type": "boolean",
                "description": "The folder can be read now"
              },
              "task_count": {
                "type": "integer",
                "description": "Tasks loaded from this source"
              },
              "problem_count": {
                "type": "integer",
                "description": "Packages of this source that failed to load"
              },
              "watching": {
                "type": "boolean",
                "description": "Configured to reload on changes (watch_for_changes or auto_reload)"
              },
              "in_sync": {
                "type": "boolean",
                "description": "The task folders on disk are the ones last loaded"
              },
              "new_dirs": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Task folders on disk not yet loaded or reported (first 20)"
              },
              "missing_dirs": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Loaded task folders no longer on disk (first 20)"
              },
              "error": {
                "type": "string",
                "description": "Why the folder cannot be read"
              }
            },
            "required": [
              "name",
              "uri",
              "path",
              "status",
              "reachable",
              "task_count",
              "problem_count",
              "watching",
              "in_sync",
              "new_dirs",
              "missing_dirs"
            ]
          }
        },
        "total_tasks": {
          "type": "integer"
        },
        "total_problems": {
          "type": "integer"
        },
        "problems": {
          "type": "array",
          "description": "Every package that failed to load, with the file and reason",
          "items": {
            "type": "object",
            "properties": {
              "source": {
                "type": "string"
              },
              "dir": {
                "type": "string"
              },
              "file": {
                "type": "string"
              },
              "message": {
                "type": "string"
              },
              "hint": {
                "type": "string"
              }
            },
            "required": [
              "source",
              "dir",
              "file",
              "message"
            ]
          }
        },
        "checked_at": {
          "type": "string"
        }
      },
      "required": [
        "overall_status",
        "sources",
        "total_tasks",
        "total_problems",
        "problems",
        "checked_at"
      ]
    }
  },
  {
    "name": "run_task_tests",
    "title": "Run a task's tests",
    "group": "debugging",
    "description": "Runs a task's test cases (tests/*.json, or a chosen subset) in the worker pool with real schema validation; fetch is answered from each test's mock.http. A test passes when the output equals expected_output (or the run succeeds when there is none), or, with should_fail, when the run fails. Failing tests are data (all_passed false), not a tool error.",
    "annotations": {
      "title": "Run a task's tests",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": true
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "minLength": 1,
          "description": "Task name or UUID (see ratchet_list_available_tasks)"
        },
        "test_names": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "default": [],
          "description": "Run only these tests (empty: all)"
        },
        "stop_on_failure": {
          "type": "boolean",
          "default": false,
          "description": "Stop at the first failing test"
        },
        "timeout": {
          "type": "number",
          "exclusiveMinimum": 0,
          "description": "Seconds per test; capped by mcp.security.max_execution_time"
        }
      },
      "required": [
        "task_id"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "task_name": {
          "type": "string"
        },
        "version": {
          "type": "string"
        },
        "total": {
          "type": "integer"
        },
        "passed": {
          "type": "integer"
        },
        "failed": {
          "type": "integer"
        },
        "success_rate": {
          "type": "number",
          "description": "passed / total (1 when there are none)"
        },
        "all_passed": {
          "type": "boolean"
        },
        "tests": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "passed",
                  "failed"
                ]
              },
              "duration_ms": {
                "type": "number"
              },
              "execution_id": {
                "type": "string",
                "description": "Execution record of this run (see ratchet_get_execution_logs / _trace)"
              },
              "execution_status": {
                "type": "string",
                "enum": [
                  "queued",
                  "running",
                  "completed",
                  "failed",
                  "cancelled",
                  "timed_out"
                ]
              },
              "input": {
                "description": "The test input"
              },
              "expected_output": {
                "description": "The expected output, when the test gives one"
              },
              "actual_output": {
                "description": "What the task returned (when it completed)"
              },
              "error": {
                "type": "object",
                "additionalProperties": true,
                "description": "The execution error, when it did not complete",
                "properties": {
                  "type": {
                    "type": "string"
                  },
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "reason": {
                    "type": "string"
                  },
                  "location": {
                    "type": "object",
                    "properties": {
                      "file": {
                        "type": "string"
                      },
                      "line": {
                        "type": "integer"
                      },
                      "column": {
                        "type": "integer"
                      },
                      "source": {
                        "type": "string"
                      }
                    },
                    "required": [
                      "file",
                      "line"
                    ]
                  }
                },
                "required": [
                  "type",
                  "code",
                  "message"
                ]
              },
              "reason": {
                "type": "string",
                "description": "Why the test failed, in one sentence"
              },
              "file": {
                "type": "string",
                "description": "Test file, relative to the task folder"
              }
            },
            "required": [
              "name",
              "status",
              "duration_ms",
              "execution_id",
              "input"
            ]
          }
        },
        "message": {
          "type": "string",
          "description": "A one-line summary"
        },
        "hint": {
          "type": "string",
          "description": "What to do next"
        }
      },
      "required": [
        "task_name",
        "total",
        "passed",
        "failed",
        "success_rate",
        "all_passed",
        "tests",
        "message"
      ]
    }
  },
  {
    "name": "store_result",
    "title": "Store an execution result",
    "group": "monitoring",
    "description": "Records the result of a task run that happened outside this server (another runner, a manual run) as an execution record with source \"external\", so ratchet_get_results, ratchet_list_executions and ratchet_get_execution_status show it next to Ratchet's own runs. The task does not have to be loaded: a known task (by name or UUID) records its name and current version, an unknown one records the name as given and version \"external\". Only finished statuses are accepted. Timestamps: completed_at is now and started_at is duration_ms earlier.",
    "annotations": {
      "title": "Store an execution result",
      "readOnlyHint": false,
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "description": "Task name or UUID"
        },
        "input": {
          "description": "The input the task ran with (any JSON)"
        },
        "output": {
          "description": "The task's output (any JSON)"
        },
        "status": {
          "type": "string",
          "enum": [
            "completed",
            "failed",
            "cancelled",
            "timed_out"
          ],
          "default": "completed"
        },
        "error_message": {
          "type": "string",
          "minLength": 1,
          "description": "Why it did not complete (status failed, cancelled or timed_out)"
        },
        "error_details": {
          "description": "Structured details of the failure (any JSON)"
        },
        "duration_ms": {
          "type": "number",
          "minimum": 0,
          "description": "How long the run took"
        }
      },
      "required": [
        "task_id"
      ],
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "execution_id": {
          "type": "string"
        },
        "task_id": {
          "type": "string",
          "description": "Task name as recorded"
        },
        "task_version": {
          "type": "string",
          "description": "The loaded task's version, or \"external\""
        },
        "known_task": {
          "type": "boolean",
          "description": "True when the task is loaded in the registry"
        },
        "status": {
          "type": "string",
          "enum": [
            "completed",
            "failed",
            "cancelled",
            "timed_out"
          ]
        },
        "stored_at": {
          "type": "string"
        },
        "message": {
          "type": "string"
        }
      },
      "required": [
        "execution_id",
        "task_id",
        "task_version",
        "known_task",
        "status",
        "stored_at",
        "message"
      ]
    }
  },
  {
    "name": "sync_registry",
    "title": "Sync the task registry",
    "group": "filesystem",
    "description": "Rescans every registry source folder and loads the task packages found, exactly as at startup: new and changed tasks become available at once, removed ones disappear, and each new content is recorded as a task version. Reports, per source, the tasks loaded and the packages that failed to load (with the file and reason), plus which task names changed or were removed. All sources are rescanned together (one consistent registry); source_name limits the report to one source. Every sync is a full rescan, so force_refresh changes nothing and is accepted for compatibility. validate_tasks also checks each loaded task's test cases against its schemas and reports missing tests or schemas.",
    "annotations": {
      "title": "Sync the task registry",
      "readOnlyHint": false,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "source_name": {
          "type": "string",
          "minLength": 1,
          "description": "Report only this registry source (registry.sources[].name)"
        },
        "force_refresh": {
          "type": "boolean",
          "default": false,
          "description": "Accepted for compatibility: every sync is a full rescan"
        },
        "validate_tasks": {
          "type": "boolean",
          "default": true,
          "description": "Also validate each loaded task's tests against its schemas"
        }
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "sources": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "uri": {
                "type": "string"
              },
              "path": {
                "type": "string"
              },
              "reachable": {
                "type": "boolean",
                "description": "The source folder could be read"
              },
              "tasks_loaded": {
                "type": "integer"
              },
              "tasks": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Names of the tasks loaded from this source"
              },
              "problems": {
                "type": "array",
                "description": "Packages that failed to load",
                "items": {
                  "type": "object",
                  "properties": {
                    "dir": {
                      "type": "string"
                    },
                    "file": {
                      "type": "string"
                    },
                    "message": {
                      "type": "string"
                    },
                    "hint": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "dir",
                    "file",
                    "message"
                  ]
                }
              },
              "validation": {
                "type": "array",
                "description": "With validate_tasks: loaded tasks with validation problems or warnings",
                "items": {
                  "type": "object",
                  "properties": {
                    "task": {
                      "type": "string"
                    },
                    "valid": {
                      "type": "boolean"
                    },
                    "problems": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "file": {
                            "type": "string"
                          },
                          "message": {
                            "type": "string"
                          },
                          "hint": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "file",
                          "message"
                        ]
                      }
                    },
                    "warnings": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "file": {
                            "type": "string"
                          },
                          "message": {
                            "type": "string"
                          },
                          "hint": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "file",
                          "message"
                        ]
                      }
                    }
                  },
                  "required": [
                    "task",
                    "valid",
                    "problems",
                    "warnings"
                  ]
                }
              }
            },
            "required": [
              "name",
              "uri",
              "path",
              "reachable",
              "tasks_loaded",
              "tasks",
              "problems"
            ]
          }
        },
        "changed": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Task names that appeared or whose content changed in this sync"
        },
        "removed": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Task names no longer found"
        },
        "total_tasks": {
          "type": "integer",
          "description": "Tasks loaded from every source"
        },
        "total_problems": {
          "type": "integer",
          "description": "Packages that failed to load, every source"
        },
        "synced_at": {
          "type": "string"
        },
        "duration_ms": {
          "type": "number"
        }
      },
      "required": [
        "sources",
        "changed",
        "removed",
        "total_tasks",
        "total_problems",
        "synced_at",
        "duration_ms"
      ]
    }
  },
  {
    "name": "validate_task",
    "title": "Validate a task",
    "group": "debugging",
    "description": "Checks a task without changing it: a saved task (task_id), or code and schemas given inline (validated in a scratch folder, never saved). With task_id plus code/schemas/test_cases, checks the task as it would be after those changes. Reports syntax errors with line and column, schema mistakes, metadata problems and tests that contradict the schemas, then (run_tests) runs the test cases in the worker pool.",
    "annotations": {
      "title": "Validate a task",
      "readOnlyHint": true,
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": true
    },
    "taskSupport": "forbidden",
    "inputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string",
          "description": "Task name or UUID; omit to validate inline code"
        },
        "code": {
          "type": "string",
          "description": "JavaScript to check (replaces the task's code)"
        },
        "input_schema": {
          "type": "object",
          "additionalProperties": true,
          "description": "JSON Schema for the task's input (draft-07 or 2020-12; local $ref only). Checked for mistakes such as unknown types before it is saved."
        },
        "output_schema": {
          "type": "object",
          "additionalProperties": true,
          "description": "JSON Schema for the task's output (draft-07 or 2020-12; local $ref only). Checked for mistakes such as unknown types before it is saved."
        },
        "test_cases": {
          "type": "array",
          "items": {
            "type": "object",
            "description": "One test case, written to tests/test-NNN.json",
            "properties": {
              "name": {
                "type": "string",
                "minLength": 1,
                "description": "Test name (default: the file name, test-NNN)"
              },
              "description": {
                "type": "string"
              },
              "input": {
                "description": "The value passed to main(input)"
              },
              "expected_output": {
                "description": "The exact output expected (compared as JSON). Omit to only require success."
              },
              "expected": {
                "description": "Alias of expected_output (the predecessor's spelling)"
              },
              "should_fail": {
                "type": "boolean",
                "description": "The test passes when the execution fails (thrown error, invalid input, timeout)"
              },
              "mock": {
                "type": "object",
                "additionalProperties": true,
                "description": "Canned HTTP answers: { \"http\": { \"url\", \"method\"?, \"response\": { \"status\", \"headers\"?, \"body\"? } } } or a list of them. fetch in the task is answered only from these."
              }
            },
            "required": [
              "input"
            ],
            "additionalProperties": false
          },
          "description": "Test cases to check and run (replace the task's tests)"
        },
        "run_tests": {
          "type": "boolean",
          "default": true,
          "description": "Run the test cases when validation passes"
        },
        "syntax_only": {
          "type": "boolean",
          "default": false,
          "description": "Only check the code's syntax"
        }
      },
      "additionalProperties": false
    },
    "outputSchema": {
      "type": "object",
      "properties": {
        "task_id": {
          "type": "string"
        },
        "task_name": {
          "type": "string"
        },
        "valid": {
          "type": "boolean",
          "description": "No problems (and every test passed, when tests ran)"
        },
        "validation_results": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "syntax",
                  "input_schema",
                  "output_schema",
                  "metadata",
                  "tests"
                ]
              },
              "status": {
                "type": "string",
                "enum": [
                  "passed",
                  "failed"
                ]
              },
              "message": {
                "type": "string"
              }
            },
            "required": [
              "type",
              "status",
              "message"
            ]
          },
          "description": "One entry per check"
        },
        "problems": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "file": {
                "type": "string",
                "description": "File relative to the task folder"
              },
              "message": {
                "type": "string"
              },
              "hint": {
                "type": "string",
                "description": "How to fix it"
              }
            },
            "required": [
              "file",
              "message"
            ]
          },
          "description": "Everything wrong, with file, line and fix"
        },
        "warnings": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "file": {
                "type": "string",
                "description": "File relative to the task folder"
              },
              "message": {
                "type": "string"
              },
              "hint": {
                "type": "string",
                "description": "How to fix it"
              }
            },
            "required": [
              "file",
              "message"
            ]
          },
          "description": "Advice: missing tests or schemas"
        },
        "test_results": {
          "type": "object",
          "description": "The task's test cases, run in the worker pool (fetch answered from each test's mock.http)",
          "properties": {
            "total": {
              "type": "integer"
            },
            "passed": {
              "type": "integer"
            },
            "failed": {
              "type": "integer"
            },
            "results": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "description": {
                    "type": "string"
                  },
                  "status": {
                    "type": "string",
                    "enum": [
                      "passed",
                      "failed"
                    ]
                  },
                  "duration_ms": {
                    "type": "number"
                  },
                  "execution_id": {
                    "type": "string",
                    "description": "Execution record of this run (see ratchet_get_execution_logs / _trace)"
                  },
                  "execution_status": {
                    "type": "string",
                    "enum": [
                      "queued",
                      "running",
                      "completed",
                      "failed",
                      "cancelled",
                      "timed_out"
                    ]
                  },
                  "input": {
                    "description": "The test input"
                  },
                  "expected_output": {
                    "description": "The expected output, when the test gives one"
                  },
                  "actual_output": {
                    "description": "What the task returned (when it completed)"
                  },
                  "error": {
                    "type": "object",
                    "additionalProperties": true,
                    "description": "The execution error, when it did not complete",
                    "properties": {
                      "type": {
                        "type": "string"
                      },
                      "code": {
                        "type": "string"
                      },
                      "message": {
                        "type": "string"
                      },
                      "reason": {
                        "type": "string"
                      },
                      "location": {
                        "type": "object",
                        "properties": {
                          "file": {
                            "type": "string"
                          },
                          "line": {
                            "type": "integer"
                          },
                          "column": {
                            "type": "integer"
                          },
                          "source": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "file",
                          "line"
                        ]
                      }
                    },
                    "required": [
                      "type",
                      "code",
                      "message"
                    ]
                  },
                  "reason": {
                    "type": "string",
                    "description": "Why the test failed, in one sentence"
                  },
                  "file": {
                    "type": "string",
                    "description": "Test file, relative to the task folder"
                  }
                },
                "required": [
                  "name",
                  "status",
                  "duration_ms",
                  "execution_id",
                  "input"
                ]
              }
            }
          },
          "required": [
            "total",
            "passed",
            "failed",
            "results"
          ]
        },
        "message": {
          "type": "string",
          "description": "A one-line summary"
        },
        "hint": {
          "type": "string",
          "description": "What to do next"
        }
      },
      "required": [
        "valid",
        "validation_results",
        "problems",
        "message"
      ]
    }
  }
]
