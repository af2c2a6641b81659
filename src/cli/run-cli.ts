import { parseArgs, type ParseArgsConfig } from 'node:util'
import { AppError, isAppError } from '../errors.ts'
import type { LogLevel } from '../store/types.ts'
import pkg from '../../package.json' with { type: 'json' }
import { COMMANDS, type Command } from './commands/index.ts'

const LEVELS: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error']

const GLOBAL_OPTIONS = {
  config: { type: 'string', short: 'c' },
  'log-level': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const satisfies ParseArgsConfig['options']

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    `ratchet ${pkg.version} — run JavaScript tasks in a warm pool of sandboxed Bun workers`,
    '',
    'Usage: ratchet [global options] <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  -c, --config FILE      YAML config (see docs/configuration.md); default: built-in defaults',
    '      --log-level LEVEL  trace | debug | info | warn | error (overrides config, RATCHET_LOG_LEVEL, RUST_LOG)',
    '  -h, --help             help for ratchet or a command (ratchet <command> --help)',
    '  -V, --version          print the version',
  ].join('\n')
}

function commandUsage(command: Command): string {
  return [`Usage: ratchet ${command.name} ${command.usage}`, '', command.summary, '', 'Options:', ...command.help.map((line) => `  ${line}`), '', 'Global options (before or after the command): --config FILE, --log-level LEVEL'].join('\n')
}

/** Global options accepted before the command name, and the option each one sets. */
const LEADING_OPTIONS: Record<string, 'config' | 'log-level'> = { '-c': 'config', '--config': 'config', '--log-level': 'log-level' }

/**
 * Consumes `-c/--config FILE`, `--config=FILE`, `--log-level LEVEL` and `--log-level=LEVEL` from the
 * front of argv, so `ratchet --log-level warn run-once ...` works like the help says. Returns what
 * was set and the rest of argv (starting at the command name, or at --help/--version).
 */
export function takeLeadingGlobals(argv: string[]): { globals: { config?: string; 'log-level'?: string }; rest: string[] } {
  const globals: { config?: string; 'log-level'?: string } = {}
  let i = 0
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '-') {
    const arg = argv[i]
    const eq = arg.indexOf('=')
    const flag = eq === -1 ? arg : arg.slice(0, eq)
    const key = LEADING_OPTIONS[flag]
    if (!key) break
    let value: string | undefined
    if (eq !== -1) {
      value = arg.slice(eq + 1)
      i += 1
    } else {
      value = argv[i + 1]
      if (value !== undefined && value.startsWith('-') && value !== '-') value = undefined
      i += 2
    }
    if (value === undefined || value === '') {
      throw new AppError('BAD_INPUT', `${flag} needs a value`, { hint: key === 'config' ? 'Write ratchet --config FILE <command> ...' : `Write ratchet --log-level LEVEL <command> ... (LEVEL: ${LEVELS.join(', ')}).` })
    }
    globals[key] = value
  }
  return { globals, rest: argv.slice(i) }
}

/** Parses argv, runs the command and returns the process exit code; errors are mapped here, once. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    const { globals, rest } = takeLeadingGlobals(argv)
    return await dispatch(rest, globals)
  } catch (error) {
    return reportError(error)
  }
}

async function dispatch(argv: string[], globals: { config?: string; 'log-level'?: string }): Promise<number> {
  const name = argv[0]
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n')
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`ratchet ${pkg.version}\n`)
    return 0
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    const what = name.startsWith('-') ? `Unknown global option "${name}"` : `Unknown command "${name}"`
    throw new AppError('BAD_INPUT', what, { hint: `Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run ratchet --help.` })
  }
  let parsed
  try {
    parsed = parseArgs({ args: argv.slice(1), options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: command.positionals === true, strict: true })
  } catch (error) {
    throw new AppError('BAD_INPUT', (error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''), { hint: `Run ratchet ${command.name} --help for its options.` })
  }
  // A global option given after the command wins over the same option given before it.
  const values: Record<string, string | boolean | undefined> = { ...globals, ...definedOnly(parsed.values as Record<string, string | boolean | undefined>) }
  if (values.help) {
    process.stdout.write(commandUsage(command) + '\n')
    return 0
  }
  if (values.version) {
    process.stdout.write(`ratchet ${pkg.version}\n`)
    return 0
  }
  const logLevel = values['log-level'] as string | undefined
  if (logLevel !== undefined && !LEVELS.includes(logLevel as LogLevel)) {
    throw new AppError('BAD_INPUT', `--log-level must be one of ${LEVELS.join(', ')}, got "${logLevel}"`)
  }
  return await command.run(values, { config: values.config as string | undefined, logLevel: logLevel as LogLevel | undefined }, parsed.positionals)
}

function definedOnly(values: Record<string, string | boolean | undefined>): Record<string, string | boolean> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<string, string | boolean>
}

/** Maps an error to stderr lines and an exit code: the CLI's one error boundary. */
function reportError(error: unknown): number {
  if (isAppError(error)) {
    const described = error.describe()
    process.stderr.write(`error: ${described}\n`)
    for (const line of problemLines(error.data?.problems, described)) process.stderr.write(`${line}\n`)
    return error.exitCode
  }
  process.stderr.write(`error: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`)
  return 70
}

/**
 * `  - file: message (hint)` for each well-formed `{ file, message }` problem that the error message
 * does not already spell out; anything else under `data.problems` is left to the message.
 */
export function problemLines(problems: unknown, described: string): string[] {
  if (!Array.isArray(problems)) return []
  const lines: string[] = []
  for (const p of problems) {
    if (typeof p !== 'object' || p === null) continue
    const { file, message, hint } = p as { file?: unknown; message?: unknown; hint?: unknown }
    if (typeof file !== 'string' || typeof message !== 'string') continue
    if (described.includes(`${file}: ${message}`)) continue
    lines.push(`  - ${file}: ${message}${typeof hint === 'string' && hint ? ` (${hint})` : ''}`)
  }
  return lines
}
