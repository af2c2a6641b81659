/**
 * Filesystem destination paths: a template such as `{{task}}/{{date}}/{{job_id}}.json` rendered under
 * output.filesystem_root. Values are reduced to file-name-safe characters, so a variable can never add
 * a folder level or a `..`; the literal parts are checked once, at creation, by checkPathTemplate.
 */
export const PATH_VARIABLES = ['task', 'job_id', 'execution_id', 'date', 'timestamp', 'status'] as const
export type PathVariable = (typeof PATH_VARIABLES)[number]

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g

/** Why the template cannot be used, or null. */
export function checkPathTemplate(template: string): string | null {
  if (template.trim() === '') return 'the path is empty'
  if (template.includes('\0')) return 'the path contains a NUL character'
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (!(PATH_VARIABLES as readonly string[]).includes(match[1])) {
      return `{{${match[1]}}} is not a path variable (use ${PATH_VARIABLES.map((v) => `{{${v}}}`).join(', ')})`
    }
  }
  const literal = template.replace(PLACEHOLDER, 'x')
  if (literal.includes('{{') || literal.includes('}}')) return 'the path has an unclosed {{ or a stray }}'
  if (literal.startsWith('/') || literal.startsWith('\\') || /^[a-zA-Z]:/.test(literal)) return 'the path must be relative to output.filesystem_root, not absolute'
  if (literal.split(/[\\/]/).includes('..')) return 'the path must not contain ".." (it has to stay under output.filesystem_root)'
  if (/[\\/]$/.test(literal)) return 'the path names a folder; end it with a file name such as {{job_id}}.json'
  return null
}

/** Letters, digits, `.`, `_` and `-` only; anything else becomes `_` (and a lone `.`/`..` too). */
function safeSegment(value: string): string {
  const safe = value.replace(/[^A-Za-z0-9._-]/g, '_')
  return safe === '' || safe === '.' || safe === '..' ? '_' : safe
}

export function renderPath(template: string, values: Record<PathVariable, string>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => safeSegment(values[name as PathVariable] ?? ''))
}

/** The template values for a finished job: `date` is YYYY-MM-DD (UTC), `timestamp` a file-safe ISO time. */
export function pathValues(input: { task: string; jobId: string; executionId: string | null; status: string; completedAt: string }): Record<PathVariable, string> {
  return {
    task: input.task,
    job_id: input.jobId,
    execution_id: input.executionId ?? 'none',
    date: input.completedAt.slice(0, 10),
    timestamp: input.completedAt.replace(/[:.]/g, '-'),
    status: input.status,
  }
}
