import type { ParseArgsConfig } from 'node:util'
import type { GlobalFlags } from '../runtime.ts'
import { runOnceCommand } from './run-once.ts'
import { validateCommand } from './validate.ts'
import { testCommand } from './test.ts'
import { demoCommand } from './demo.ts'
import { mcpServeCommand } from './mcp-serve.ts'
import { generateCommand } from './generate.ts'
import { mcpCommand } from './mcp.ts'
import { auditCommand } from './audit.ts'
import { serveCommand } from './serve.ts'

export interface Command {
  name: string
  summary: string
  usage: string
  help: string[]
  options: NonNullable<ParseArgsConfig['options']>
  /** Takes positional arguments (`ratchet generate mcpservers-json`); they come as `run`'s third argument. */
  positionals?: boolean
  run(values: Record<string, string | boolean | undefined>, flags: GlobalFlags, positionals?: string[]): Promise<number>
}

export const COMMANDS: Command[] = [serveCommand, mcpServeCommand, mcpCommand, runOnceCommand, validateCommand, testCommand, demoCommand, generateCommand, auditCommand]
