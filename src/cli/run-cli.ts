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
    'Usage: ratchet <command> [options]',
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
  return [`Usage: ratchet ${command.name} ${command.usage}`, '', command.summary, '', 'Options:', ...command.help.map((line) => `  ${line}`), '', 'Global options: --config FILE, --log-level LEVEL'].join('\n')
}

/** Parses argv, runs the command and returns the process exit code; errors are mapped here, once. */
export async function runCli(argv: string[]): Promise<number> {
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
  try {
    if (!command) {
      throw new AppError('BAD_INPUT', `Unknown command "${name}"`, { hint: `Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run ratchet --help.` })
    }
    let parsed
    try {
      parsed = parseArgs({ args: argv.slice(1), options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: command.positionals === true, strict: true })
    } catch (error) {
      throw new AppError('BAD_INPUT', (error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''), { hint: `Run ratchet ${command.name} --help for its options.` })
    }
    const values = parsed.values as Record<string, string | boolean | undefined>
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
  } catch (error) {
    if (isAppError(error)) {
      process.stderr.write(`error: ${error.describe()}\n`)
      const problems = error.data?.problems
      if (Array.isArray(problems)) for (const p of problems) process.stderr.write(`  - ${p.file}: ${p.message}${p.hint ? ` (${p.hint})` : ''}\n`)
      return error.exitCode
    }
    process.stderr.write(`error: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`)
    return 70
  }
}
