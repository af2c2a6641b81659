/**
 * One error class for the whole server. Every failure carries a stable string `code`; the boundaries
 * (CLI exit code, MCP result, HTTP status) map codes once, through ERROR_TABLE, and nowhere else.
 */
export const ERROR_TABLE = {
  BAD_INPUT: { http: 400, jsonRpc: -32602, exit: 2 },
  CONFIG_INVALID: { http: 500, jsonRpc: -32603, exit: 78 },
  TASK_NOT_FOUND: { http: 404, jsonRpc: -32602, exit: 3 },
  TASK_INVALID: { http: 422, jsonRpc: -32602, exit: 4 },
  EXECUTION_NOT_FOUND: { http: 404, jsonRpc: -32602, exit: 3 },
  JOB_NOT_FOUND: { http: 404, jsonRpc: -32602, exit: 3 },
  SCHEDULE_NOT_FOUND: { http: 404, jsonRpc: -32602, exit: 3 },
  NOT_FOUND: { http: 404, jsonRpc: -32601, exit: 3 },
  METHOD_NOT_ALLOWED: { http: 405, jsonRpc: -32601, exit: 2 },
  CONFLICT: { http: 409, jsonRpc: -32602, exit: 2 },
  PAYLOAD_TOO_LARGE: { http: 413, jsonRpc: -32600, exit: 2 },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, jsonRpc: -32600, exit: 2 },
  INPUT_INVALID: { http: 422, jsonRpc: -32602, exit: 5 },
  OUTPUT_INVALID: { http: 500, jsonRpc: -32603, exit: 5 },
  TASK_FAILED: { http: 500, jsonRpc: -32603, exit: 1 },
  TIMED_OUT: { http: 504, jsonRpc: -32603, exit: 124 },
  CANCELLED: { http: 409, jsonRpc: -32603, exit: 130 },
  RESOURCE_EXHAUSTED: { http: 507, jsonRpc: -32603, exit: 137 },
  WORKER_CRASHED: { http: 500, jsonRpc: -32603, exit: 70 },
  INTERRUPTED: { http: 500, jsonRpc: -32603, exit: 70 },
  UNAUTHENTICATED: { http: 401, jsonRpc: -32000, exit: 77 },
  FORBIDDEN: { http: 403, jsonRpc: -32003, exit: 77 },
  RATE_LIMITED: { http: 429, jsonRpc: -32000, exit: 75 },
  BUSY: { http: 503, jsonRpc: -32603, exit: 75 },
  SHUTTING_DOWN: { http: 503, jsonRpc: -32603, exit: 75 },
  INTERNAL: { http: 500, jsonRpc: -32603, exit: 70 },
} as const satisfies Record<string, { http: number; jsonRpc: number; exit: number }>

export type ErrorCode = keyof typeof ERROR_TABLE

export interface AppErrorOptions {
  /** Structured details that explain the failure (file, path, limits, ...). Safe to show to users. */
  data?: Record<string, unknown>
  /** How to fix it, in one sentence. */
  hint?: string
  cause?: unknown
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly data?: Record<string, unknown>
  readonly hint?: string

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.data = options.data
    this.hint = options.hint
  }

  get httpStatus(): number {
    return ERROR_TABLE[this.code].http
  }

  get exitCode(): number {
    return ERROR_TABLE[this.code].exit
  }

  /** The message followed by the hint, as printed by the CLI. */
  describe(): string {
    return this.hint ? `${this.message}\n  hint: ${this.hint}` : this.message
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...(this.hint ? { hint: this.hint } : {}), ...(this.data ? { data: this.data } : {}) }
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}
