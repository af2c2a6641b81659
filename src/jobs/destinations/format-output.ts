/**
 * Serialises a job's output for a filesystem destination: pretty JSON, YAML (Bun.YAML) or CSV (an
 * array of objects: a header of every key in first-seen order, then one row per object, RFC 4180
 * quoting). A shape a format cannot hold is an error that says what was expected.
 */
export type OutputFormat = 'json' | 'yaml' | 'csv'
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'yaml', 'csv']

/** The format a path's extension implies (.yaml/.yml, .csv), else json. */
export function formatFromPath(path: string): OutputFormat {
  const lower = path.toLowerCase()
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml'
  if (lower.endsWith('.csv')) return 'csv'
  return 'json'
}

export function formatOutput(value: unknown, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(value ?? null, null, 2)}\n`
    case 'yaml': {
      const text = Bun.YAML.stringify(value ?? null, null, 2)
      return text.endsWith('\n') ? text : `${text}\n`
    }
    case 'csv':
      return toCsv(value)
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(value: unknown): string {
  if (!Array.isArray(value)) {
    throw new Error(`csv needs the output to be an array of objects (one row each), but it is ${describe(value)}; use format json or yaml for other shapes`)
  }
  const columns: string[] = []
  const seen = new Set<string>()
  value.forEach((row, index) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new Error(`csv needs an array of objects, but item ${index} is ${describe(row)}; use format json or yaml for other shapes`)
    }
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key)
        columns.push(key)
      }
    }
  })
  if (value.length === 0) return ''
  const lines = [columns.map(csvCell).join(',')]
  for (const row of value as Record<string, unknown>[]) lines.push(columns.map((column) => csvCell(row[column])).join(','))
  return `${lines.join('\r\n')}\r\n`
}
