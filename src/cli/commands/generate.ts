import { resolve } from 'node:path'
import { AppError } from '../../errors.ts'
import { isCompiled } from '../../pool/worker-command.ts'
import { loadRuntimeConfig } from '../runtime.ts'
import type { Command } from './index.ts'

const TARGETS = ['mcpservers-json'] as const

/** How a client starts this ratchet: the binary itself, or Bun with the entry script when run from source. */
export function launchCommand(): { command: string; args: string[] } {
  if (isCompiled()) return { command: process.execPath, args: [] }
  return { command: process.execPath, args: [resolve(Bun.main)] }
}

/** The `mcpServers` block of Claude Desktop's claude_desktop_config.json (also read by Claude Code and others). */
export function mcpServersJson(options: { name: string; config: string | null }): Record<string, unknown> {
  const { command, args } = launchCommand()
  return {
    mcpServers: {
      [options.name]: {
        command,
        args: [...args, 'mcp-serve', ...(options.config ? ['--config', options.config] : [])],
        env: { RUST_LOG: 'info' },
      },
    },
  }
}

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Print configuration for other programs: mcpservers-json (the Claude Desktop mcpServers block)',
  usage: 'mcpservers-json [--config FILE] [--name NAME]',
  help: [
    'mcpservers-json   prints {"mcpServers": {"ratchet": {command, args, env}}} for claude_desktop_config.json,',
    '                  starting this ratchet (absolute path) with mcp-serve and the absolute --config path',
    '--name NAME       the server key (default ratchet)',
  ],
  options: { name: { type: 'string' } },
  positionals: true,
  async run(values, flags, positionals = []) {
    const [target, ...extra] = positionals
    if (target === undefined || !TARGETS.includes(target as (typeof TARGETS)[number]) || extra.length > 0) {
      throw new AppError('BAD_INPUT', target === undefined ? 'ratchet generate needs what to generate' : `ratchet generate cannot generate "${[target, ...extra].join(' ')}"`, { hint: `Try: ratchet generate ${TARGETS.join(' | ')} --config FILE` })
    }
    const name = (values.name as string | undefined) ?? 'ratchet'
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new AppError('BAD_INPUT', `--name must be letters, digits, "_", "." or "-", got "${name}"`)
    // Loading the config now reports a broken file here rather than in the client's logs.
    const config = await loadRuntimeConfig(flags)
    if (!config.file) process.stderr.write('warning: no --config given; the server will run on built-in defaults, with its database and ./tasks in the client\'s working directory\n')
    process.stdout.write(JSON.stringify(mcpServersJson({ name, config: config.file }), null, 2) + '\n')
    return 0
  },
}
