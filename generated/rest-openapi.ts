// GENERATED FILE — DO NOT EDIT. Edit schemas/rest/*.json and run `bun run gen`.

/** The OpenAPI 3.1 document of the REST door (also generated/openapi.json). */
export const OPENAPI_DOCUMENT: Readonly<Record<string, unknown>> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Ratchet REST API",
    "version": "0.1.0",
    "description": "The REST door of `ratchet serve`. Bodies and query parameters are snake_case; the camelCase spellings (taskId, cronExpression, ...) are accepted as aliases. Lists take Refine-style parameters and answer {data, meta} with X-Total-Count. Errors are {error: {code, message, status, details?}}."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "tags": [
    {
      "name": "Tasks",
      "description": "The loaded task catalogue as the caller's task patterns let it see it. Creating, editing, deleting, enabling and disabling tasks need can_manage_tasks (task.write); syncing the registry needs can_access_system_info (system.read) and running a task's tests can_execute_tasks (execution.create)."
    },
    {
      "name": "Executions",
      "description": "Runs of tasks: start one (and wait for it, or get its id at once), list, read, cancel, retry, and read its logs and trace. A principal sees its own executions (others need can_read_all_executions) of the tasks its patterns allow."
    },
    {
      "name": "Results",
      "description": "Stored outputs of finished executions (including results stored from runs outside Ratchet), filtered by task and status."
    },
    {
      "name": "Jobs",
      "description": "Durable queued work: a job runs its task (with retries and backoff) when it is due and delivers the output to its destinations. Creating, cancelling and retrying need can_manage_jobs and can_execute_tasks; a principal sees its own jobs (others with can_read_all_executions) of the tasks its patterns allow."
    },
    {
      "name": "Schedules",
      "description": "Cron schedules that create a job for their task at every slot. Changing them needs can_manage_schedules and can_execute_tasks; a principal sees its own schedules (others with can_read_all_executions) of the tasks its patterns allow."
    },
    {
      "name": "Events",
      "description": "A live Server-Sent Events stream of what happens to executions, jobs and schedules the caller may see (its own, or everyone's with can_read_all_executions, of the tasks its patterns allow). Reconnect with Last-Event-ID to get what was missed: a `gap` event says when some were no longer buffered, a `reset` event when the id is from an earlier run of the server (ids never repeat across runs) so the state must be reloaded. `execution.log` events need can_read_logs; no event carries input or output, and webhook URLs in `job.delivery` are masked."
    }
  ],
  "security": [
    {
      "bearerAuth": []
    },
    {
      "apiKeyHeader": []
    }
  ],
  "paths": {
    "/api/v1/tasks": {
      "get": {
        "tags": [
          "Tasks"
        ],
        "operationId": "getTasks",
        "summary": "List tasks",
        "description": "Loaded tasks the caller may see. `q` searches name and description; `tags` (comma-separated) keeps tasks that have every tag.",
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "Case-insensitive text in the name or description.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "tags",
            "in": "query",
            "required": false,
            "description": "Comma-separated tags the task must all have.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "_start",
            "schema": {
              "type": "integer",
              "minimum": 0
            },
            "description": "First item (0-based); with _end.",
            "in": "query",
            "required": false
          },
          {
            "name": "_end",
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "description": "End (exclusive); at most 100 items per window.",
            "in": "query",
            "required": false
          },
          {
            "name": "page",
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "description": "1-based page; with limit.",
            "in": "query",
            "required": false
          },
          {
            "name": "limit",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 25
            },
            "description": "Items per page (default 25, max 100).",
            "in": "query",
            "required": false
          },
          {
            "name": "_sort",
            "schema": {
              "type": "string"
            },
            "description": "Sort field.",
            "in": "query",
            "required": false
          },
          {
            "name": "_order",
            "schema": {
              "type": "string",
              "enum": [
                "asc",
                "desc",
                "ASC",
                "DESC"
              ]
            },
            "description": "Sort direction.",
            "in": "query",
            "required": false
          },
          {
            "name": "id",
            "in": "query",
            "required": false,
            "description": "Filter: id equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "id_ne",
            "in": "query",
            "required": false,
            "description": "Filter: id ne.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "id_in",
            "in": "query",
            "required": false,
            "description": "Filter: id in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "id_not_in",
            "in": "query",
            "required": false,
            "description": "Filter: id not in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "name",
            "in": "query",
            "required": false,
            "description": "Filter: name equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "name_ne",
            "in": "query",
            "required": false,
            "description": "Filter: name ne.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "name_like",
            "in": "query",
            "required": false,
            "description": "Filter: name like.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "name_in",
            "in": "query",
            "required": false,
            "description": "Filter: name in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "name_not_in",
            "in": "query",
            "required": false,
            "description": "Filter: name not in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "name_starts_with",
            "in": "query",
            "required": false,
            "description": "Filter: name starts with.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "name_ends_with",
            "in": "query",
            "required": false,
            "description": "Filter: name ends with.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "version",
            "in": "query",
            "required": false,
            "description": "Filter: version equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "version_ne",
            "in": "query",
            "required": false,
            "description": "Filter: version ne.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "version_like",
            "in": "query",
            "required": false,
            "description": "Filter: version like.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "description_like",
            "in": "query",
            "required": false,
            "description": "Filter: description like.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "category",
            "in": "query",
            "required": false,
            "description": "Filter: category equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "category_ne",
            "in": "query",
            "required": false,
            "description": "Filter: category ne.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "category_in",
            "in": "query",
            "required": false,
            "description": "Filter: category in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "category_not_in",
            "in": "query",
            "required": false,
            "description": "Filter: category not in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "enabled",
            "in": "query",
            "required": false,
            "description": "Filter: enabled equals.",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "test_count",
            "in": "query",
            "required": false,
            "description": "Filter: test_count equals.",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "test_count_ne",
            "in": "query",
            "required": false,
            "description": "Filter: test_count ne.",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "test_count_gte",
            "in": "query",
            "required": false,
            "description": "Filter: test_count gte.",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "test_count_lte",
            "in": "query",
            "required": false,
            "description": "Filter: test_count lte.",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "created_at_gte",
            "in": "query",
            "required": false,
            "description": "Filter: created_at gte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "created_at_lte",
            "in": "query",
            "required": false,
            "description": "Filter: created_at lte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "updated_at_gte",
            "in": "query",
            "required": false,
            "description": "Filter: updated_at gte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "updated_at_lte",
            "in": "query",
            "required": false,
            "description": "Filter: updated_at lte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One page of tasks.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TaskList"
                }
              }
            },
            "headers": {
              "X-Total-Count": {
                "description": "Items matching the filters, in all pages.",
                "schema": {
                  "type": "integer"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      },
      "post": {
        "tags": [
          "Tasks"
        ],
        "operationId": "postTasks",
        "summary": "Create a task",
        "description": "Writes a new task package (metadata.json, main.js, schemas, tests) into the server's tasks folder, loads it and, unless run_tests is false, runs its tests. Needs can_manage_tasks. 201 with a Location header.",
        "parameters": [],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateTaskRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TaskCreated"
                }
              }
            },
            "headers": {
              "Location": {
                "description": "The URL of what was created.",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "The body or query is invalid; details.errors lists each JSON path.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/tasks/stats": {
      "get": {
        "tags": [
          "Tasks"
        ],
        "operationId": "getTasksStats",
        "summary": "Task statistics",
        "description": "Counts over the tasks the caller may see, and their executions.",
        "parameters": [],
        "responses": {
          "200": {
            "description": "The statistics.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TaskStats"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/tasks/{id}": {
      "get": {
        "tags": [
          "Tasks"
        ],
        "operationId": "getTasksById",
        "summary": "Get a task",
        "description": "One task by name or uuid, with its schemas, source code, versions and test cases.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The task.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TaskDetail"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      },
      "patch": {
        "tags": [
          "Tasks"
        ],
        "operationId": "patchTasksById",
        "summary": "Update a task",
        "description": "Changes the code, schemas, tests, description or version of a task; the previous files are kept under .versions/. A task from a read-only source is saved as a copy in the tasks folder that takes over its name.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateTaskRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Updated.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TaskUpdated"
                }
              }
            }
          },
          "400": {
            "description": "The body or query is invalid; details.errors lists each JSON path.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      },
      "delete": {
        "tags": [
          "Tasks"
        ],
        "operationId": "deleteTasksById",
        "summary": "Delete a task",
        "description": "Removes a task written to the tasks folder (backup under .versions/ unless backup=false).",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "force",
            "in": "query",
            "required": false,
            "description": "Delete even when the task has executions.",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "backup",
            "in": "query",
            "required": false,
            "description": "Keep a copy under .versions/ (default true).",
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Deleted.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TaskDeleted"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/tasks/{id}/enable": {
      "post": {
        "tags": [
          "Tasks"
        ],
        "operationId": "postTasksByIdEnable",
        "summary": "Enable a task",
        "description": "Lets every door run the task again. Takes no body.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The new state.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TaskStateChange"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/tasks/{id}/disable": {
      "post": {
        "tags": [
          "Tasks"
        ],
        "operationId": "postTasksByIdDisable",
        "summary": "Disable a task",
        "description": "Refuses every way of running the task (REST, MCP, jobs, schedules, CLI) with 409 until it is enabled; it stays listed with enabled: false, and its tests can still run. Takes no body.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The new state.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TaskStateChange"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/tasks/sync": {
      "post": {
        "tags": [
          "Tasks"
        ],
        "operationId": "postTasksSync",
        "summary": "Reload the registry",
        "description": "Rescans every task source and reports what was added, updated or removed, and packages that failed to load. Takes no body. Needs can_access_system_info (system.read), as the MCP tool sync_registry: it writes no task.",
        "parameters": [],
        "responses": {
          "200": {
            "description": "What changed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SyncReport"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/tasks/{id}/test": {
      "post": {
        "tags": [
          "Tasks"
        ],
        "operationId": "postTasksByIdTest",
        "summary": "Run a task's tests",
        "description": "Runs the task's test cases (all, or test_names) through the engine and reports each result. Needs can_execute_tasks (execution.create), as the MCP tool run_task_tests: testing a task executes it.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TestTaskRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The report.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TaskTestRun"
                }
              }
            }
          },
          "400": {
            "description": "The body or query is invalid; details.errors lists each JSON path.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/executions": {
      "get": {
        "tags": [
          "Executions"
        ],
        "operationId": "getExecutions",
        "summary": "List executions",
        "description": "Executions the caller may see, newest queued first. `include_output=true` adds outputs and full errors.",
        "parameters": [
          {
            "name": "include_output",
            "in": "query",
            "required": false,
            "description": "Add output and error to each row.",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "_start",
            "schema": {
              "type": "integer",
              "minimum": 0
            },
            "description": "First item (0-based); with _end.",
            "in": "query",
            "required": false
          },
          {
            "name": "_end",
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "description": "End (exclusive); at most 100 items per window.",
            "in": "query",
            "required": false
          },
          {
            "name": "page",
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "description": "1-based page; with limit.",
            "in": "query",
            "required": false
          },
          {
            "name": "limit",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 25
            },
            "description": "Items per page (default 25, max 100).",
            "in": "query",
            "required": false
          },
          {
            "name": "_sort",
            "schema": {
              "type": "string"
            },
            "description": "Sort field.",
            "in": "query",
            "required": false
          },
          {
            "name": "_order",
            "schema": {
              "type": "string",
              "enum": [
                "asc",
                "desc",
                "ASC",
                "DESC"
              ]
            },
            "description": "Sort direction.",
            "in": "query",
            "required": false
          },
          {
            "name": "id",
            "in": "query",
            "required": false,
            "description": "Filter: id equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "id_in",
            "in": "query",
            "required": false,
            "description": "Filter: id in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id",
            "in": "query",
            "required": false,
            "description": "Filter: task_id equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_ne",
            "in": "query",
            "required": false,
            "description": "Filter: task_id ne.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_like",
            "in": "query",
            "required": false,
            "description": "Filter: task_id like.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_in",
            "in": "query",
            "required": false,
            "description": "Filter: task_id in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_not_in",
            "in": "query",
            "required": false,
            "description": "Filter: task_id not in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_starts_with",
            "in": "query",
            "required": false,
            "description": "Filter: task_id starts with.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_ends_with",
            "in": "query",
            "required": false,
            "description": "Filter: task_id ends with.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "Filter: status equals.",
            "schema": {
              "type": "string",
              "enum": [
                "queued",
                "pending",
                "running",
                "completed",
                "failed",
                "cancelled",
                "timed_out"
              ]
            }
          },
          {
            "name": "status_ne",
            "in": "query",
            "required": false,
            "description": "Filter: status ne.",
            "schema": {
              "type": "string",
              "enum": [
                "queued",
                "pending",
                "running",
                "completed",
                "failed",
                "cancelled",
                "timed_out"
              ]
            }
          },
          {
            "name": "status_in",
            "in": "query",
            "required": false,
            "description": "Filter: status in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "status_not_in",
            "in": "query",
            "required": false,
            "description": "Filter: status not in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "source",
            "in": "query",
            "required": false,
            "description": "Filter: source equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "source_ne",
            "in": "query",
            "required": false,
            "description": "Filter: source ne.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "source_in",
            "in": "query",
            "required": false,
            "description": "Filter: source in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "source_not_in",
            "in": "query",
            "required": false,
            "description": "Filter: source not in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "queued_at_gte",
            "in": "query",
            "required": false,
            "description": "Filter: queued_at gte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "queued_at_lte",
            "in": "query",
            "required": false,
            "description": "Filter: queued_at lte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "started_at_gte",
            "in": "query",
            "required": false,
            "description": "Filter: started_at gte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "started_at_lte",
            "in": "query",
            "required": false,
            "description": "Filter: started_at lte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "completed_at_gte",
            "in": "query",
            "required": false,
            "description": "Filter: completed_at gte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "completed_at_lte",
            "in": "query",
            "required": false,
            "description": "Filter: completed_at lte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "duration_ms_gte",
            "in": "query",
            "required": false,
            "description": "Filter: duration_ms gte.",
            "schema": {
              "type": "number"
            }
          },
          {
            "name": "duration_ms_lte",
            "in": "query",
            "required": false,
            "description": "Filter: duration_ms lte.",
            "schema": {
              "type": "number"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One page of executions.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ExecutionList"
                }
              }
            },
            "headers": {
              "X-Total-Count": {
                "description": "Items matching the filters, in all pages.",
                "schema": {
                  "type": "integer"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      },
      "post": {
        "tags": [
          "Executions"
        ],
        "operationId": "postExecutions",
        "summary": "Start an execution",
        "description": "Queues a run of the task. With `?wait=true` the response is the finished execution (200, whatever its status; `trace=true` adds its spans); otherwise 202 with the id and a Location header. Spends the execute_task rate-limit bucket and one of the key's executions_per_minute.",
        "parameters": [
          {
            "name": "wait",
            "in": "query",
            "required": false,
            "description": "Wait for the execution to finish.",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "trace",
            "in": "query",
            "required": false,
            "description": "With wait: include the trace spans.",
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateExecutionRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "With wait=true: the finished execution.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Execution"
                }
              }
            }
          },
          "202": {
            "description": "Queued; Location names the execution.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ExecutionAccepted"
                }
              }
            },
            "headers": {
              "Location": {
                "description": "The URL of what was created.",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "The body or query is invalid; details.errors lists each JSON path.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "TASK_NOT_FOUND: no task by that name or uuid that the caller may see; details.similar names close ones.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "409": {
            "description": "CONFLICT: the task is disabled (details.reason task_disabled).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/executions/stats": {
      "get": {
        "tags": [
          "Executions"
        ],
        "operationId": "getExecutionsStats",
        "summary": "Execution statistics",
        "description": "Counts by status over the executions the caller may see, the success rate, the last 24 hours, and (with can_access_system_info) the engine's queue and workers.",
        "parameters": [],
        "responses": {
          "200": {
            "description": "The statistics.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ExecutionStats"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/executions/{id}": {
      "get": {
        "tags": [
          "Executions"
        ],
        "operationId": "getExecutionsById",
        "summary": "Get an execution",
        "description": "One execution with its input, output or error, progress and times.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The execution.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Execution"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/executions/{id}/cancel": {
      "post": {
        "tags": [
          "Executions"
        ],
        "operationId": "postExecutionsByIdCancel",
        "summary": "Cancel an execution",
        "description": "Cancels a queued or running execution and waits briefly for it to settle; a finished one is reported as is (`cancelled: false`).",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CancelRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Where the execution ended up.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CancelResult"
                }
              }
            }
          },
          "400": {
            "description": "The body or query is invalid; details.errors lists each JSON path.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/executions/{id}/retry": {
      "post": {
        "tags": [
          "Executions"
        ],
        "operationId": "postExecutionsByIdRetry",
        "summary": "Retry an execution",
        "description": "Runs the execution's task (its current version) again with the same input, as a new execution. `?wait=true` waits for it, as for POST /executions.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "wait",
            "in": "query",
            "required": false,
            "description": "Wait for the new execution to finish.",
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RetryRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "With wait=true: the finished new execution.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Execution"
                }
              }
            }
          },
          "202": {
            "description": "The new execution is queued.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ExecutionAccepted"
                }
              }
            },
            "headers": {
              "Location": {
                "description": "The URL of what was created.",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "The body or query is invalid; details.errors lists each JSON path.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/executions/{id}/logs": {
      "get": {
        "tags": [
          "Executions"
        ],
        "operationId": "getExecutionsByIdLogs",
        "summary": "Execution logs",
        "description": "The execution's log entries at `level` or above (default info), oldest first. `format=text` answers text/plain lines. Needs can_read_logs.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "level",
            "in": "query",
            "required": false,
            "description": "Lowest level shown (default info).",
            "schema": {
              "type": "string",
              "enum": [
                "trace",
                "debug",
                "info",
                "warn",
                "error"
              ]
            }
          },
          {
            "name": "format",
            "in": "query",
            "required": false,
            "description": "json (default) or text.",
            "schema": {
              "type": "string",
              "enum": [
                "json",
                "text"
              ]
            }
          },
          {
            "name": "_start",
            "schema": {
              "type": "integer",
              "minimum": 0
            },
            "description": "First item (0-based); with _end.",
            "in": "query",
            "required": false
          },
          {
            "name": "_end",
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "description": "End (exclusive); at most 100 items per window.",
            "in": "query",
            "required": false
          },
          {
            "name": "page",
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "description": "1-based page; with limit.",
            "in": "query",
            "required": false
          },
          {
            "name": "limit",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 25
            },
            "description": "Items per page (default 25, max 100).",
            "in": "query",
            "required": false
          },
          {
            "name": "_sort",
            "schema": {
              "type": "string"
            },
            "description": "Sort field.",
            "in": "query",
            "required": false
          },
          {
            "name": "_order",
            "schema": {
              "type": "string",
              "enum": [
                "asc",
                "desc",
                "ASC",
                "DESC"
              ]
            },
            "description": "Sort direction.",
            "in": "query",
            "required": false
          }
        ],
        "responses": {
          "200": {
            "description": "One page of log entries.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LogList"
                }
              }
            },
            "headers": {
              "X-Total-Count": {
                "description": "Items matching the filters, in all pages.",
                "schema": {
                  "type": "integer"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/executions/{id}/trace": {
      "get": {
        "tags": [
          "Executions"
        ],
        "operationId": "getExecutionsByIdTrace",
        "summary": "Execution trace",
        "description": "Spans, HTTP calls and timing. `format=flamegraph` adds folded stacks and the SVG in JSON; `format=svg` (or Accept: image/svg+xml) answers the flame graph as image/svg+xml. Needs can_read_traces.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "format",
            "in": "query",
            "required": false,
            "description": "json (default), flamegraph or svg.",
            "schema": {
              "type": "string",
              "enum": [
                "json",
                "flamegraph",
                "svg"
              ]
            }
          },
          {
            "name": "include_http_calls",
            "in": "query",
            "required": false,
            "description": "Default true.",
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The trace (or the SVG).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Trace"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/results": {
      "get": {
        "tags": [
          "Results"
        ],
        "operationId": "getResults",
        "summary": "List stored results",
        "description": "Stored executions with their input and output (with can_execute_tasks) or error, newest first.",
        "parameters": [
          {
            "name": "_start",
            "schema": {
              "type": "integer",
              "minimum": 0
            },
            "description": "First item (0-based); with _end.",
            "in": "query",
            "required": false
          },
          {
            "name": "_end",
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "description": "End (exclusive); at most 100 items per window.",
            "in": "query",
            "required": false
          },
          {
            "name": "page",
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "description": "1-based page; with limit.",
            "in": "query",
            "required": false
          },
          {
            "name": "limit",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 25
            },
            "description": "Items per page (default 25, max 100).",
            "in": "query",
            "required": false
          },
          {
            "name": "_sort",
            "schema": {
              "type": "string"
            },
            "description": "Sort field.",
            "in": "query",
            "required": false
          },
          {
            "name": "_order",
            "schema": {
              "type": "string",
              "enum": [
                "asc",
                "desc",
                "ASC",
                "DESC"
              ]
            },
            "description": "Sort direction.",
            "in": "query",
            "required": false
          },
          {
            "name": "task_id",
            "in": "query",
            "required": false,
            "description": "Filter: task_id equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_ne",
            "in": "query",
            "required": false,
            "description": "Filter: task_id ne.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_like",
            "in": "query",
            "required": false,
            "description": "Filter: task_id like.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_in",
            "in": "query",
            "required": false,
            "description": "Filter: task_id in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_not_in",
            "in": "query",
            "required": false,
            "description": "Filter: task_id not in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "Filter: status equals.",
            "schema": {
              "type": "string",
              "enum": [
                "queued",
                "pending",
                "running",
                "completed",
                "failed",
                "cancelled",
                "timed_out"
              ]
            }
          },
          {
            "name": "status_ne",
            "in": "query",
            "required": false,
            "description": "Filter: status ne.",
            "schema": {
              "type": "string",
              "enum": [
                "queued",
                "pending",
                "running",
                "completed",
                "failed",
                "cancelled",
                "timed_out"
              ]
            }
          },
          {
            "name": "status_in",
            "in": "query",
            "required": false,
            "description": "Filter: status in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "status_not_in",
            "in": "query",
            "required": false,
            "description": "Filter: status not in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "source",
            "in": "query",
            "required": false,
            "description": "Filter: source equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "source_ne",
            "in": "query",
            "required": false,
            "description": "Filter: source ne.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "source_in",
            "in": "query",
            "required": false,
            "description": "Filter: source in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "queued_at_gte",
            "in": "query",
            "required": false,
            "description": "Filter: queued_at gte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "queued_at_lte",
            "in": "query",
            "required": false,
            "description": "Filter: queued_at lte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "completed_at_gte",
            "in": "query",
            "required": false,
            "description": "Filter: completed_at gte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "completed_at_lte",
            "in": "query",
            "required": false,
            "description": "Filter: completed_at lte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "duration_ms_gte",
            "in": "query",
            "required": false,
            "description": "Filter: duration_ms gte.",
            "schema": {
              "type": "number"
            }
          },
          {
            "name": "duration_ms_lte",
            "in": "query",
            "required": false,
            "description": "Filter: duration_ms lte.",
            "schema": {
              "type": "number"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One page of results.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ResultList"
                }
              }
            },
            "headers": {
              "X-Total-Count": {
                "description": "Items matching the filters, in all pages.",
                "schema": {
                  "type": "integer"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/results/{id}": {
      "get": {
        "tags": [
          "Results"
        ],
        "operationId": "getResultsById",
        "summary": "Get a stored result",
        "description": "The stored result of one execution.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/StoredResult"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/jobs": {
      "get": {
        "tags": [
          "Jobs"
        ],
        "operationId": "getJobs",
        "summary": "List jobs",
        "parameters": [
          {
            "name": "_start",
            "schema": {
              "type": "integer",
              "minimum": 0
            },
            "description": "First item (0-based); with _end.",
            "in": "query",
            "required": false
          },
          {
            "name": "_end",
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "description": "End (exclusive); at most 100 items per window.",
            "in": "query",
            "required": false
          },
          {
            "name": "page",
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "description": "1-based page; with limit.",
            "in": "query",
            "required": false
          },
          {
            "name": "limit",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 25
            },
            "description": "Items per page (default 25, max 100).",
            "in": "query",
            "required": false
          },
          {
            "name": "_sort",
            "schema": {
              "type": "string"
            },
            "description": "Sort field.",
            "in": "query",
            "required": false
          },
          {
            "name": "_order",
            "schema": {
              "type": "string",
              "enum": [
                "asc",
                "desc",
                "ASC",
                "DESC"
              ]
            },
            "description": "Sort direction.",
            "in": "query",
            "required": false
          },
          {
            "name": "id",
            "in": "query",
            "required": false,
            "description": "Filter: id equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "id_in",
            "in": "query",
            "required": false,
            "description": "Filter: id in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id",
            "in": "query",
            "required": false,
            "description": "Filter: task_id equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_ne",
            "in": "query",
            "required": false,
            "description": "Filter: task_id ne.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_like",
            "in": "query",
            "required": false,
            "description": "Filter: task_id like.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_in",
            "in": "query",
            "required": false,
            "description": "Filter: task_id in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_not_in",
            "in": "query",
            "required": false,
            "description": "Filter: task_id not in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "Filter: status equals.",
            "schema": {
              "type": "string",
              "enum": [
                "queued",
                "running",
                "retrying",
                "completed",
                "dead_letter",
                "cancelled"
              ]
            }
          },
          {
            "name": "status_ne",
            "in": "query",
            "required": false,
            "description": "Filter: status ne.",
            "schema": {
              "type": "string",
              "enum": [
                "queued",
                "running",
                "retrying",
                "completed",
                "dead_letter",
                "cancelled"
              ]
            }
          },
          {
            "name": "status_in",
            "in": "query",
            "required": false,
            "description": "Filter: status in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "status_not_in",
            "in": "query",
            "required": false,
            "description": "Filter: status not in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "priority",
            "in": "query",
            "required": false,
            "description": "Filter: priority equals.",
            "schema": {
              "type": "string",
              "enum": [
                "low",
                "normal",
                "high",
                "urgent"
              ]
            }
          },
          {
            "name": "priority_ne",
            "in": "query",
            "required": false,
            "description": "Filter: priority ne.",
            "schema": {
              "type": "string",
              "enum": [
                "low",
                "normal",
                "high",
                "urgent"
              ]
            }
          },
          {
            "name": "priority_in",
            "in": "query",
            "required": false,
            "description": "Filter: priority in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "priority_not_in",
            "in": "query",
            "required": false,
            "description": "Filter: priority not in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "schedule_id",
            "in": "query",
            "required": false,
            "description": "Filter: schedule_id equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "scheduled_for_gte",
            "in": "query",
            "required": false,
            "description": "Filter: scheduled_for gte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "scheduled_for_lte",
            "in": "query",
            "required": false,
            "description": "Filter: scheduled_for lte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "created_at_gte",
            "in": "query",
            "required": false,
            "description": "Filter: created_at gte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "created_at_lte",
            "in": "query",
            "required": false,
            "description": "Filter: created_at lte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "updated_at_gte",
            "in": "query",
            "required": false,
            "description": "Filter: updated_at gte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "updated_at_lte",
            "in": "query",
            "required": false,
            "description": "Filter: updated_at lte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One page of jobs.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/JobList"
                }
              }
            },
            "headers": {
              "X-Total-Count": {
                "description": "Items matching the filters, in all pages.",
                "schema": {
                  "type": "integer"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      },
      "post": {
        "tags": [
          "Jobs"
        ],
        "operationId": "postJobs",
        "summary": "Create a job",
        "description": "Queues a job for the task. 201 with Location; 200 with the existing job when the idempotency key was used before.",
        "parameters": [],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateJobRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The job created earlier with the same idempotency key.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Job"
                }
              }
            }
          },
          "201": {
            "description": "The new job.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Job"
                }
              }
            },
            "headers": {
              "Location": {
                "description": "The URL of what was created.",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "The body or query is invalid; details.errors lists each JSON path.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "TASK_NOT_FOUND: no task by that name or uuid that the caller may see.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "409": {
            "description": "CONFLICT: the task is disabled (enable it with POST /api/v1/tasks/{id}/enable).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "422": {
            "description": "INPUT_INVALID: the input does not match the task's input schema; every failing path is listed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/jobs/stats": {
      "get": {
        "tags": [
          "Jobs"
        ],
        "operationId": "getJobsStats",
        "summary": "Job statistics",
        "parameters": [],
        "responses": {
          "200": {
            "description": "Counts over the jobs the caller may see.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/JobStats"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/jobs/{id}": {
      "get": {
        "tags": [
          "Jobs"
        ],
        "operationId": "getJobsById",
        "summary": "Get a job",
        "description": "One job with its delivery attempts.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The job.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Job"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/jobs/{id}/cancel": {
      "post": {
        "tags": [
          "Jobs"
        ],
        "operationId": "postJobsByIdCancel",
        "summary": "Cancel a job",
        "description": "Cancels a queued, retrying or running job (409 when it has finished).",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CancelJobRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The cancelled job.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Job"
                }
              }
            }
          },
          "400": {
            "description": "The body or query is invalid; details.errors lists each JSON path.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "409": {
            "description": "CONFLICT: the job has finished (completed, dead_letter or cancelled).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/jobs/{id}/retry": {
      "post": {
        "tags": [
          "Jobs"
        ],
        "operationId": "postJobsByIdRetry",
        "summary": "Retry a job",
        "description": "Queues a dead_letter, cancelled or completed job again with a fresh retry budget.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The queued job.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Job"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "409": {
            "description": "CONFLICT: the job is queued, retrying or running; only finished jobs can be retried.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/schedules": {
      "get": {
        "tags": [
          "Schedules"
        ],
        "operationId": "getSchedules",
        "summary": "List schedules",
        "parameters": [
          {
            "name": "_start",
            "schema": {
              "type": "integer",
              "minimum": 0
            },
            "description": "First item (0-based); with _end.",
            "in": "query",
            "required": false
          },
          {
            "name": "_end",
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "description": "End (exclusive); at most 100 items per window.",
            "in": "query",
            "required": false
          },
          {
            "name": "page",
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "description": "1-based page; with limit.",
            "in": "query",
            "required": false
          },
          {
            "name": "limit",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 25
            },
            "description": "Items per page (default 25, max 100).",
            "in": "query",
            "required": false
          },
          {
            "name": "_sort",
            "schema": {
              "type": "string"
            },
            "description": "Sort field.",
            "in": "query",
            "required": false
          },
          {
            "name": "_order",
            "schema": {
              "type": "string",
              "enum": [
                "asc",
                "desc",
                "ASC",
                "DESC"
              ]
            },
            "description": "Sort direction.",
            "in": "query",
            "required": false
          },
          {
            "name": "id",
            "in": "query",
            "required": false,
            "description": "Filter: id equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "id_in",
            "in": "query",
            "required": false,
            "description": "Filter: id in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "name",
            "in": "query",
            "required": false,
            "description": "Filter: name equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "name_ne",
            "in": "query",
            "required": false,
            "description": "Filter: name ne.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "name_like",
            "in": "query",
            "required": false,
            "description": "Filter: name like.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "name_starts_with",
            "in": "query",
            "required": false,
            "description": "Filter: name starts with.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id",
            "in": "query",
            "required": false,
            "description": "Filter: task_id equals.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_ne",
            "in": "query",
            "required": false,
            "description": "Filter: task_id ne.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_like",
            "in": "query",
            "required": false,
            "description": "Filter: task_id like.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_in",
            "in": "query",
            "required": false,
            "description": "Filter: task_id in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task_id_not_in",
            "in": "query",
            "required": false,
            "description": "Filter: task_id not in (comma-separated).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "enabled",
            "in": "query",
            "required": false,
            "description": "Filter: enabled equals.",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "next_run_at_gte",
            "in": "query",
            "required": false,
            "description": "Filter: next_run_at gte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "next_run_at_lte",
            "in": "query",
            "required": false,
            "description": "Filter: next_run_at lte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "created_at_gte",
            "in": "query",
            "required": false,
            "description": "Filter: created_at gte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "created_at_lte",
            "in": "query",
            "required": false,
            "description": "Filter: created_at lte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "updated_at_gte",
            "in": "query",
            "required": false,
            "description": "Filter: updated_at gte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "updated_at_lte",
            "in": "query",
            "required": false,
            "description": "Filter: updated_at lte.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One page of schedules.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ScheduleList"
                }
              }
            },
            "headers": {
              "X-Total-Count": {
                "description": "Items matching the filters, in all pages.",
                "schema": {
                  "type": "integer"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      },
      "post": {
        "tags": [
          "Schedules"
        ],
        "operationId": "postSchedules",
        "summary": "Create a schedule",
        "parameters": [],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateScheduleRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new schedule; Location names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Schedule"
                }
              }
            },
            "headers": {
              "Location": {
                "description": "The URL of what was created.",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "The body or query is invalid; details.errors lists each JSON path.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "TASK_NOT_FOUND: no task by that name or uuid that the caller may see.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "409": {
            "description": "CONFLICT: a schedule with that name exists.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "422": {
            "description": "INPUT_INVALID: input_data does not match the task's input schema.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/schedules/stats": {
      "get": {
        "tags": [
          "Schedules"
        ],
        "operationId": "getSchedulesStats",
        "summary": "Schedule statistics",
        "parameters": [],
        "responses": {
          "200": {
            "description": "Counts over the schedules the caller may see.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ScheduleStats"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/schedules/next-runs": {
      "get": {
        "tags": [
          "Schedules"
        ],
        "operationId": "getSchedulesNextRuns",
        "summary": "Preview a cron expression",
        "description": "The next `count` fire times of `cron_expression` in `timezone`, without creating anything.",
        "parameters": [
          {
            "name": "cron_expression",
            "in": "query",
            "required": true,
            "description": "The expression (alias cronExpression).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "timezone",
            "in": "query",
            "required": false,
            "description": "IANA zone (default UTC).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "count",
            "in": "query",
            "required": false,
            "description": "1..100, default 5.",
            "schema": {
              "type": "integer"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The fire times.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/NextRuns"
                }
              }
            }
          },
          "400": {
            "description": "BAD_INPUT: the cron expression, time zone or count is invalid.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/schedules/{id}": {
      "get": {
        "tags": [
          "Schedules"
        ],
        "operationId": "getSchedulesById",
        "summary": "Get a schedule",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The schedule.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Schedule"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      },
      "patch": {
        "tags": [
          "Schedules"
        ],
        "operationId": "patchSchedulesById",
        "summary": "Change a schedule",
        "description": "Changes the fields given; the rest stay.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateScheduleRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The changed schedule.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Schedule"
                }
              }
            }
          },
          "400": {
            "description": "The body or query is invalid; details.errors lists each JSON path.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "409": {
            "description": "CONFLICT: another schedule has the new name.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "422": {
            "description": "INPUT_INVALID: input_data does not match the task's input schema.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      },
      "delete": {
        "tags": [
          "Schedules"
        ],
        "operationId": "deleteSchedulesById",
        "summary": "Delete a schedule",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "204": {
            "description": "Deleted."
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/schedules/{id}/enable": {
      "post": {
        "tags": [
          "Schedules"
        ],
        "operationId": "postSchedulesByIdEnable",
        "summary": "Enable a schedule",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The schedule.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Schedule"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/schedules/{id}/disable": {
      "post": {
        "tags": [
          "Schedules"
        ],
        "operationId": "postSchedulesByIdDisable",
        "summary": "Disable a schedule",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The schedule.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Schedule"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/schedules/{id}/trigger": {
      "post": {
        "tags": [
          "Schedules"
        ],
        "operationId": "postSchedulesByIdTrigger",
        "summary": "Trigger a schedule now",
        "description": "Creates a job for the schedule now (not counted as a slot).",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "201": {
            "description": "The job created; Location names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ScheduleJob"
                }
              }
            },
            "headers": {
              "Location": {
                "description": "The URL of what was created.",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "413": {
            "description": "The body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "415": {
            "description": "The body is not application/json.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/schedules/{id}/next-runs": {
      "get": {
        "tags": [
          "Schedules"
        ],
        "operationId": "getSchedulesByIdNextRuns",
        "summary": "Next fire times",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "count",
            "in": "query",
            "required": false,
            "description": "1..100, default 5.",
            "schema": {
              "type": "integer"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The schedule's next fire times.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/NextRuns"
                }
              }
            }
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "404": {
            "description": "Unknown id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/events": {
      "get": {
        "tags": [
          "Events"
        ],
        "operationId": "getEvents",
        "summary": "Stream events (SSE)",
        "description": "text/event-stream: one `event:` per domain event (execution.queued, execution.finished, job.*, schedule.*), each with an `id:` to resume from. Every filter takes a comma list.",
        "parameters": [
          {
            "name": "type",
            "in": "query",
            "required": false,
            "description": "Event types or families (job.*, execution.finished).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "task",
            "in": "query",
            "required": false,
            "description": "Task names or uuids.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "execution_id",
            "in": "query",
            "required": false,
            "description": "Execution ids.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "job_id",
            "in": "query",
            "required": false,
            "description": "Job ids.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "schedule_id",
            "in": "query",
            "required": false,
            "description": "Schedule ids.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "last_event_id",
            "in": "query",
            "required": false,
            "description": "Resume after this event id (or the Last-Event-ID header).",
            "schema": {
              "type": "integer"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The event stream."
          },
          "401": {
            "description": "No valid credential.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "403": {
            "description": "A permission or task pattern refuses it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          },
          "429": {
            "description": "A rate limit refused it; Retry-After says when to retry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorBody"
                }
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key, JWT or OAuth2 access token: Authorization: Bearer <credential>."
      },
      "apiKeyHeader": {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key"
      }
    },
    "schemas": {
      "ErrorBody": {
        "type": "object",
        "description": "Every refusal and failure: a stable code, a sentence saying what was wrong, the HTTP status, and details (the JSON paths of invalid fields, close matches, a hint on how to fix the request).",
        "required": [
          "error"
        ],
        "additionalProperties": false,
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "code",
              "message",
              "status"
            ],
            "additionalProperties": false,
            "properties": {
              "code": {
                "type": "string",
                "description": "Stable error code (BAD_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, TASK_NOT_FOUND, RATE_LIMITED, ...)."
              },
              "message": {
                "type": "string"
              },
              "status": {
                "type": "integer",
                "description": "The HTTP status, repeated in the body."
              },
              "details": {
                "type": "object",
                "description": "Structured facts: `errors` [{path, message}] for invalid bodies, `suggestions` for unknown routes, `hint` on how to fix it, `reason` for auth refusals, `retry_after_s` for rate limits."
              }
            }
          }
        }
      },
      "ListMeta": {
        "type": "object",
        "description": "The window of a list response; `total` is also sent as the X-Total-Count header.",
        "required": [
          "total",
          "page",
          "limit",
          "offset",
          "total_pages",
          "has_next",
          "has_previous",
          "timestamp"
        ],
        "properties": {
          "total": {
            "type": "integer",
            "minimum": 0,
            "description": "Items matching the filters, in all pages."
          },
          "page": {
            "type": "integer",
            "minimum": 1,
            "description": "1-based page of this window (offset / limit + 1)."
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          },
          "offset": {
            "type": "integer",
            "minimum": 0
          },
          "total_pages": {
            "type": "integer",
            "minimum": 0
          },
          "has_next": {
            "type": "boolean"
          },
          "has_previous": {
            "type": "boolean"
          },
          "sort": {
            "type": "object",
            "properties": {
              "field": {
                "type": "string"
              },
              "order": {
                "enum": [
                  "asc",
                  "desc"
                ]
              }
            }
          },
          "timestamp": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "ExecutionError": {
        "type": "object",
        "description": "A normalised failure of a task run. Keys without can_execute_tasks see only type, code, message, reason and location (file, line, column): no stack, details or location.source.",
        "required": [
          "type",
          "code",
          "message"
        ],
        "properties": {
          "type": {
            "type": "string",
            "description": "Error class as thrown (TypeError, HttpError, ...) or an engine code."
          },
          "code": {
            "type": "string",
            "description": "TASK_FAILED, INPUT_INVALID, OUTPUT_INVALID, TIMED_OUT, CANCELLED, RESOURCE_EXHAUSTED, WORKER_CRASHED, INTERRUPTED."
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
            }
          },
          "details": {}
        }
      },
      "OutputDestination": {
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
      "Task": {
        "type": "object",
        "description": "One loaded task.",
        "required": [
          "id",
          "name",
          "version",
          "description",
          "tags",
          "enabled",
          "test_count",
          "created_at",
          "updated_at"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "The task's uuid when it has one, else its name; either is accepted wherever a task_id is."
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
            "type": "boolean"
          },
          "test_count": {
            "type": "integer",
            "minimum": 0
          },
          "created_at": {
            "type": [
              "string",
              "null"
            ],
            "description": "When the first version of the task was seen."
          },
          "updated_at": {
            "type": [
              "string",
              "null"
            ],
            "description": "When the current content (checksum) was first seen."
          }
        }
      },
      "TaskDetail": {
        "type": "object",
        "description": "One task in full: schemas, source, versions and tests.",
        "required": [
          "id",
          "name",
          "version",
          "description",
          "tags",
          "enabled",
          "test_count",
          "created_at",
          "updated_at",
          "checksum",
          "input_schema",
          "output_schema",
          "source",
          "versions",
          "tests"
        ],
        "properties": {
          "id": {
            "type": "string"
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
            "type": "boolean"
          },
          "test_count": {
            "type": "integer",
            "minimum": 0
          },
          "created_at": {
            "type": [
              "string",
              "null"
            ]
          },
          "updated_at": {
            "type": [
              "string",
              "null"
            ]
          },
          "checksum": {
            "type": "string"
          },
          "input_schema": {
            "description": "The task's input JSON Schema, null when it takes anything."
          },
          "output_schema": {
            "description": "The task's output JSON Schema, null when it returns anything."
          },
          "source": {
            "type": "object",
            "required": [
              "layout",
              "entry_file",
              "code"
            ],
            "properties": {
              "layout": {
                "type": "string",
                "description": "The package layout file (metadata.json, task.yaml, ...)."
              },
              "entry_file": {
                "type": "string",
                "description": "The entry file's name inside the package."
              },
              "code": {
                "type": "string",
                "description": "The task's JavaScript as written."
              }
            }
          },
          "versions": {
            "type": "array",
            "description": "Every distinct content seen, oldest first.",
            "items": {
              "type": "object",
              "required": [
                "version",
                "checksum",
                "first_seen_at",
                "current"
              ],
              "properties": {
                "version": {
                  "type": "string"
                },
                "checksum": {
                  "type": "string"
                },
                "description": {
                  "type": "string"
                },
                "first_seen_at": {
                  "type": "string"
                },
                "current": {
                  "type": "boolean"
                }
              }
            }
          },
          "tests": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "name",
                "should_fail",
                "has_expected"
              ],
              "properties": {
                "name": {
                  "type": "string"
                },
                "should_fail": {
                  "type": "boolean"
                },
                "has_expected": {
                  "type": "boolean"
                }
              }
            }
          }
        }
      },
      "TaskStats": {
        "type": "object",
        "required": [
          "total",
          "enabled",
          "disabled",
          "with_tests",
          "test_cases",
          "by_category",
          "executions"
        ],
        "properties": {
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "enabled": {
            "type": "integer",
            "minimum": 0
          },
          "disabled": {
            "type": "integer",
            "minimum": 0
          },
          "with_tests": {
            "type": "integer",
            "minimum": 0,
            "description": "Tasks with at least one test case."
          },
          "test_cases": {
            "type": "integer",
            "minimum": 0
          },
          "by_category": {
            "type": "object",
            "additionalProperties": {
              "type": "integer"
            },
            "description": "Tasks per category (`uncategorised` for none)."
          },
          "load_problems": {
            "type": "integer",
            "minimum": 0,
            "description": "Packages that failed to load; shown with can_access_system_info only."
          },
          "executions": {
            "type": "object",
            "required": [
              "total",
              "by_task"
            ],
            "properties": {
              "total": {
                "type": "integer",
                "minimum": 0
              },
              "by_task": {
                "type": "object",
                "additionalProperties": {
                  "type": "integer"
                },
                "description": "Executions the caller may see, per visible task."
              }
            }
          }
        }
      },
      "TaskList": {
        "type": "object",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Task"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/ListMeta"
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
      "TaskCreated": {
        "type": "object",
        "title": "TaskCreated",
        "additionalProperties": false,
        "required": [
          "id",
          "name",
          "version",
          "enabled",
          "warnings",
          "message"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "enabled": {
            "type": "boolean"
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "test_results": {
            "type": "object",
            "description": "The test report: total, passed, failed and each result.",
            "additionalProperties": true
          },
          "message": {
            "type": "string"
          }
        }
      },
      "TaskUpdated": {
        "type": "object",
        "title": "TaskUpdated",
        "additionalProperties": false,
        "required": [
          "id",
          "name",
          "version",
          "changes_applied",
          "message"
        ],
        "properties": {
          "id": {
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
          "changes_applied": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "backup_path": {
            "type": [
              "string",
              "null"
            ]
          },
          "copied": {
            "type": "boolean",
            "description": "The task came from a read-only source: the change was saved as a copy in the tasks folder that takes over its name."
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "test_results": {
            "type": "object",
            "description": "The test report: total, passed, failed and each result.",
            "additionalProperties": true
          },
          "message": {
            "type": "string"
          }
        }
      },
      "TaskDeleted": {
        "type": "object",
        "title": "TaskDeleted",
        "additionalProperties": false,
        "required": [
          "id",
          "name",
          "deleted",
          "message"
        ],
        "properties": {
          "id": {
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
          "backup_path": {
            "type": [
              "string",
              "null"
            ]
          },
          "message": {
            "type": "string"
          }
        }
      },
      "TaskStateChange": {
        "type": "object",
        "title": "TaskStateChange",
        "additionalProperties": false,
        "required": [
          "name",
          "enabled",
          "changed",
          "message"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "enabled": {
            "type": "boolean"
          },
          "changed": {
            "type": "boolean",
            "description": "False when it already was in that state."
          },
          "changed_at": {
            "type": [
              "string",
              "null"
            ]
          },
          "changed_by": {
            "type": [
              "string",
              "null"
            ]
          },
          "message": {
            "type": "string"
          }
        }
      },
      "SyncReport": {
        "type": "object",
        "title": "SyncReport",
        "additionalProperties": false,
        "required": [
          "added",
          "updated",
          "removed",
          "errors",
          "total_tasks",
          "message"
        ],
        "properties": {
          "added": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "updated": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "removed": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "errors": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "total_tasks": {
            "type": "integer"
          },
          "message": {
            "type": "string"
          }
        }
      },
      "TaskTestRun": {
        "type": "object",
        "title": "TaskTestRun",
        "additionalProperties": true,
        "required": [
          "name",
          "version",
          "all_passed",
          "message"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "all_passed": {
            "type": "boolean"
          },
          "cancelled": {
            "type": "boolean"
          },
          "message": {
            "type": "string"
          }
        },
        "description": "The test report (total, passed, failed, results) with all_passed."
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
      "ExecutionAccepted": {
        "type": "object",
        "description": "202: the execution is queued; poll the Location header's URL.",
        "required": [
          "id",
          "execution_id",
          "task_id",
          "status",
          "location"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "execution_id": {
            "type": "string"
          },
          "task_id": {
            "type": "string"
          },
          "status": {
            "type": "string"
          },
          "location": {
            "type": "string",
            "description": "The execution's URL (also the Location header)."
          }
        }
      },
      "Progress": {
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
            ]
          },
          "elapsed_ms": {
            "type": [
              "number",
              "null"
            ]
          }
        }
      },
      "Execution": {
        "type": "object",
        "description": "One execution in full.",
        "required": [
          "id",
          "execution_id",
          "task_id",
          "task_version",
          "status",
          "can_cancel",
          "queued_at",
          "started_at",
          "completed_at",
          "duration_ms",
          "attempt",
          "source"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "execution_id": {
            "type": "string"
          },
          "task_id": {
            "type": "string",
            "description": "The task's name."
          },
          "task_version": {
            "type": "string"
          },
          "task_checksum": {
            "type": "string"
          },
          "status": {
            "enum": [
              "queued",
              "running",
              "completed",
              "failed",
              "cancelled",
              "timed_out"
            ]
          },
          "can_cancel": {
            "type": "boolean"
          },
          "progress": {
            "$ref": "#/components/schemas/Progress"
          },
          "input": {
            "description": "Shown with can_execute_tasks."
          },
          "output": {
            "description": "The output of a completed execution (with can_execute_tasks)."
          },
          "error": {
            "$ref": "#/components/schemas/ExecutionError"
          },
          "error_message": {
            "type": "string"
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
          "queue_duration_ms": {
            "type": [
              "number",
              "null"
            ]
          },
          "attempt": {
            "type": "integer"
          },
          "source": {
            "type": "string",
            "description": "Who started it: http, mcp, cli, job, external."
          },
          "retry_of": {
            "type": "string",
            "description": "For POST /executions/{id}/retry: the execution retried."
          },
          "trace": {
            "type": "array",
            "items": {
              "type": "object"
            },
            "description": "With ?wait=true&trace=true: the spans."
          }
        }
      },
      "ExecutionSummary": {
        "type": "object",
        "required": [
          "id",
          "execution_id",
          "task_id",
          "task_version",
          "status",
          "queued_at",
          "started_at",
          "completed_at",
          "duration_ms",
          "source"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "execution_id": {
            "type": "string"
          },
          "task_id": {
            "type": "string"
          },
          "task_version": {
            "type": "string"
          },
          "status": {
            "type": "string"
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
            ]
          },
          "error_message": {
            "type": "string"
          },
          "source": {
            "type": "string"
          },
          "output": {},
          "error": {
            "$ref": "#/components/schemas/ExecutionError"
          }
        }
      },
      "ExecutionList": {
        "type": "object",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ExecutionSummary"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/ListMeta"
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
      "CancelResult": {
        "type": "object",
        "required": [
          "execution_id",
          "cancelled",
          "status",
          "previous_status",
          "message"
        ],
        "properties": {
          "execution_id": {
            "type": "string"
          },
          "cancelled": {
            "type": "boolean"
          },
          "status": {
            "type": "string"
          },
          "previous_status": {
            "type": "string"
          },
          "message": {
            "type": "string"
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
      "LogEntry": {
        "type": "object",
        "required": [
          "seq",
          "level",
          "message",
          "timestamp"
        ],
        "properties": {
          "seq": {
            "type": "integer"
          },
          "level": {
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
        }
      },
      "LogList": {
        "type": "object",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/LogEntry"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/ListMeta"
          }
        }
      },
      "Trace": {
        "type": "object",
        "required": [
          "execution_id",
          "status",
          "task_id",
          "task_version",
          "trace_complete",
          "spans",
          "timing"
        ],
        "properties": {
          "execution_id": {
            "type": "string"
          },
          "status": {
            "type": "string"
          },
          "task_id": {
            "type": "string"
          },
          "task_version": {
            "type": "string"
          },
          "trace_complete": {
            "type": "boolean"
          },
          "spans": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "http_calls": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "timing": {
            "type": "object"
          },
          "flamegraph": {
            "type": "object",
            "properties": {
              "unit": {
                "const": "us"
              },
              "folded": {
                "type": "string"
              },
              "svg": {
                "type": "string"
              }
            }
          }
        }
      },
      "ExecutionStats": {
        "type": "object",
        "required": [
          "total",
          "by_status",
          "success_rate",
          "last_24h"
        ],
        "properties": {
          "total": {
            "type": "integer"
          },
          "by_status": {
            "type": "object",
            "additionalProperties": {
              "type": "integer"
            }
          },
          "success_rate": {
            "type": [
              "number",
              "null"
            ],
            "description": "completed / finished, 0..1; null before anything finished."
          },
          "last_24h": {
            "type": "object",
            "properties": {
              "total": {
                "type": "integer"
              },
              "completed": {
                "type": "integer"
              },
              "failed": {
                "type": "integer"
              }
            }
          },
          "engine": {
            "type": "object",
            "description": "Only for keys with can_access_system_info (as GET /health): the engine's queue and capacity, and the worker pool.",
            "properties": {
              "queued": {
                "type": "integer"
              },
              "running": {
                "type": "integer"
              },
              "capacity": {
                "type": "integer"
              }
            }
          }
        }
      },
      "StoredResult": {
        "type": "object",
        "required": [
          "id",
          "execution_id",
          "task_id",
          "task_version",
          "status",
          "queued_at",
          "started_at",
          "completed_at",
          "duration_ms",
          "source"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "execution_id": {
            "type": "string"
          },
          "task_id": {
            "type": "string"
          },
          "task_version": {
            "type": "string"
          },
          "status": {
            "type": "string"
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
          "source": {
            "type": "string"
          },
          "input": {},
          "output": {},
          "error_message": {
            "type": "string"
          },
          "error": {
            "$ref": "#/components/schemas/ExecutionError"
          }
        }
      },
      "ResultList": {
        "type": "object",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StoredResult"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/ListMeta"
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
              "$ref": "#/components/schemas/OutputDestination"
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
      "DeliveryAttempt": {
        "type": "object",
        "required": [
          "destination",
          "type",
          "attempt",
          "ok",
          "target",
          "duration_ms",
          "at"
        ],
        "properties": {
          "execution_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "destination": {
            "type": "integer",
            "description": "Index in output_destinations."
          },
          "type": {
            "enum": [
              "webhook",
              "filesystem"
            ]
          },
          "attempt": {
            "type": "integer"
          },
          "ok": {
            "type": "boolean"
          },
          "status": {
            "type": [
              "integer",
              "null"
            ]
          },
          "target": {
            "type": "string",
            "description": "The file written, or the webhook URL masked as in output_destinations."
          },
          "error": {
            "type": [
              "string",
              "null"
            ]
          },
          "duration_ms": {
            "type": "number"
          },
          "at": {
            "type": "string"
          }
        }
      },
      "Job": {
        "type": "object",
        "required": [
          "id",
          "task_id",
          "priority",
          "status",
          "scheduled_for",
          "max_retries",
          "attempts",
          "execution_ids",
          "output_destinations",
          "created_at",
          "updated_at"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "task_id": {
            "type": "string",
            "description": "The task's name."
          },
          "input": {
            "description": "null unless the caller has can_execute_tasks (as for executions).",
            "anyOf": [
              {},
              {
                "type": "null"
              }
            ]
          },
          "priority": {
            "enum": [
              "low",
              "normal",
              "high",
              "urgent"
            ]
          },
          "status": {
            "enum": [
              "queued",
              "running",
              "retrying",
              "completed",
              "dead_letter",
              "cancelled"
            ]
          },
          "scheduled_for": {
            "type": "string"
          },
          "max_retries": {
            "type": "integer"
          },
          "attempts": {
            "type": "integer"
          },
          "next_attempt_at": {
            "type": [
              "string",
              "null"
            ]
          },
          "last_error": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/ExecutionError"
              },
              {
                "type": "null"
              }
            ]
          },
          "execution_ids": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "output": {
            "description": "Present once completed; null unless the caller has can_execute_tasks.",
            "anyOf": [
              {},
              {
                "type": "null"
              }
            ]
          },
          "output_destinations": {
            "type": "array",
            "items": {
              "type": "object"
            },
            "description": "As given, with webhook secrets, header values and URL query values replaced by \"***\"; a webhook URL's path is shown only to the job's owner (others see origin/***)."
          },
          "idempotency_key": {
            "type": [
              "string",
              "null"
            ]
          },
          "schedule_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "owner": {
            "type": [
              "string",
              "null"
            ]
          },
          "created_at": {
            "type": "string"
          },
          "updated_at": {
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
          "deliveries": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/DeliveryAttempt"
            },
            "description": "GET /jobs/{id} only: every delivery attempt."
          }
        }
      },
      "JobList": {
        "type": "object",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Job"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/ListMeta"
          }
        }
      },
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
      "JobStats": {
        "type": "object",
        "required": [
          "total",
          "by_status",
          "due"
        ],
        "properties": {
          "total": {
            "type": "integer"
          },
          "by_status": {
            "type": "object",
            "additionalProperties": {
              "type": "integer"
            }
          },
          "due": {
            "type": "integer",
            "description": "Queued or retrying jobs due now."
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
              "$ref": "#/components/schemas/OutputDestination"
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
              "$ref": "#/components/schemas/OutputDestination"
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
      "Schedule": {
        "type": "object",
        "required": [
          "id",
          "name",
          "task_id",
          "cron_expression",
          "timezone",
          "enabled",
          "catch_up",
          "output_destinations",
          "run_count",
          "created_at",
          "updated_at"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "description": {
            "type": [
              "string",
              "null"
            ]
          },
          "task_id": {
            "type": "string"
          },
          "cron_expression": {
            "type": "string"
          },
          "input_data": {
            "description": "null unless the caller has can_execute_tasks (as for executions).",
            "anyOf": [
              {},
              {
                "type": "null"
              }
            ]
          },
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
            "items": {
              "type": "object"
            },
            "description": "As given, with webhook secrets, header values and URL query values replaced by \"***\"; a webhook URL's path is shown only to the schedule's owner (others see origin/***)."
          },
          "max_retries": {
            "type": [
              "integer",
              "null"
            ]
          },
          "priority": {
            "type": "string"
          },
          "last_run_at": {
            "type": [
              "string",
              "null"
            ]
          },
          "next_run_at": {
            "type": [
              "string",
              "null"
            ]
          },
          "run_count": {
            "type": "integer"
          },
          "owner": {
            "type": [
              "string",
              "null"
            ]
          },
          "created_at": {
            "type": "string"
          },
          "updated_at": {
            "type": "string"
          }
        }
      },
      "ScheduleList": {
        "type": "object",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Schedule"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/ListMeta"
          }
        }
      },
      "NextRuns": {
        "type": "object",
        "required": [
          "cron_expression",
          "timezone",
          "runs"
        ],
        "properties": {
          "schedule_id": {
            "type": "string"
          },
          "cron_expression": {
            "type": "string"
          },
          "timezone": {
            "type": "string"
          },
          "runs": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The next fire times, ISO-8601."
          }
        }
      },
      "ScheduleStats": {
        "type": "object",
        "required": [
          "total",
          "enabled",
          "disabled"
        ],
        "properties": {
          "total": {
            "type": "integer"
          },
          "enabled": {
            "type": "integer"
          },
          "disabled": {
            "type": "integer"
          }
        }
      },
      "ScheduleJob": {
        "type": "object",
        "description": "The job a trigger created.",
        "required": [
          "id",
          "task_id",
          "status"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "task_id": {
            "type": "string"
          },
          "status": {
            "type": "string"
          },
          "schedule_id": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      }
    }
  }
}
