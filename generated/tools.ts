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
    "name": "execute_task",
    "title": "Execute a task",
    "group": "execution",
    "description": "Runs a Ratchet task with the given input in the warm worker pool and returns its output with the execution id. The input is validated against the task's input schema first. A task that fails returns isError with the structured error (type, message, the task's file and line). Long runs report progress when the client sends a progress token.",
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
          "description": "Seconds before the task is stopped; capped by mcp.security.max_execution_time"
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
          "type": "number"
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
                "type": "number"
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
  }
]
