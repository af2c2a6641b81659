import type { ExecutionError, SourceLocation } from '../store/types.ts'

interface RawError {
  type: string
  message: string
  stack: string
  status?: number
  details?: string
}

const FRAME = /\(?((?:\/|[A-Za-z]:\\)[^():]+):(\d+):(\d+)\)?\s*$/

/**
 * Turns an error thrown by task code into an ExecutionError whose stack keeps only the frames in the
 * task's own file and whose `location` names the line that threw, with its source text.
 */
export function mapErrorToTask(raw: RawError, file: string, lines: string[]): ExecutionError {
  const stackLines = raw.stack.split('\n')
  const frames = stackLines.filter((line) => line.includes(file))
  let location: SourceLocation | undefined
  for (const frame of frames) {
    const match = FRAME.exec(frame)
    if (!match || match[1] !== file) continue
    const line = Number(match[2])
    location = { file, line, column: Number(match[3]), source: lines[line - 1]?.trim() }
    break
  }
  const header = `${raw.type}: ${raw.message}`
  const error: ExecutionError = {
    type: raw.type,
    code: 'TASK_FAILED',
    message: raw.message,
    stack: [header, ...frames.map((f) => (f.trimStart().startsWith('at ') ? '    ' + f.trim() : '    at ' + f.trim()))].join('\n'),
  }
  if (location) error.location = location
  const details: Record<string, unknown> = {}
  if (raw.status !== undefined) details.status = raw.status
  if (raw.details !== undefined) details.details = JSON.parse(raw.details)
  if (Object.keys(details).length > 0) error.details = details
  return error
}
