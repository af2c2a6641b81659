import { AppError } from '../errors.ts'

/** Files longer than this are not searched for the failing line (the search re-parses prefixes). */
const MAX_LINES_TO_LOCATE = 5000

function parses(text: string): boolean {
  try {
    Bun.YAML.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * Bun's YAML errors carry no position, so find it: the error is on the line after the longest
 * prefix of whole lines that still parses. A prefix may fail only because it cuts a multi-line
 * value in half, which is why the search starts from the end rather than the top.
 */
export function locateYamlError(text: string): number | undefined {
  const lines = text.split('\n')
  if (lines.length > MAX_LINES_TO_LOCATE) return undefined
  for (let count = lines.length - 1; count >= 0; count--) {
    if (parses(lines.slice(0, count).join('\n'))) return count + 1
  }
  return 1
}

/** Parses YAML text into a plain mapping; a syntax error or a non-mapping document is CONFIG_INVALID. */
export function parseConfigText(text: string, file: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = Bun.YAML.parse(text)
  } catch (error) {
    const line = locateYamlError(text)
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^YAML Parse error:\s*/, '')
    const lineText = line === undefined ? undefined : text.split('\n')[line - 1]?.trim()
    throw new AppError(
      'CONFIG_INVALID',
      `Invalid YAML in ${file}${line === undefined ? '' : ` at line ${line}`}: ${reason}${lineText ? `\n  ${line} | ${lineText}` : ''}`,
      {
        data: { file, line },
        hint: 'Check indentation (spaces, not tabs), unclosed quotes and brackets on or just before that line.',
        cause: error,
      },
    )
  }
  if (parsed === null || parsed === undefined) return {}
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    const what = Array.isArray(parsed) ? 'a list (or several documents)' : `a ${typeof parsed}`
    throw new AppError('CONFIG_INVALID', `Config file ${file} must contain one YAML mapping of settings, not ${what}`, {
      data: { file },
      hint: 'Start the file with top-level keys such as `database:`, `logging:` or `mcp:`, and use a single document (no `---`).',
    })
  }
  return parsed as Record<string, unknown>
}

/** Reads and parses a config file; a missing or unreadable file is CONFIG_INVALID. */
export async function readConfigFile(file: string): Promise<Record<string, unknown>> {
  let text: string
  try {
    text = await Bun.file(file).text()
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException)?.code === 'ENOENT'
    throw new AppError('CONFIG_INVALID', missing ? `Config file not found: ${file}` : `Cannot read config file ${file}: ${String(error)}`, {
      data: { file },
      hint: missing ? 'Check the --config path, or leave it out to run on defaults.' : 'Check the file permissions.',
      cause: error,
    })
  }
  return parseConfigText(text, file)
}
