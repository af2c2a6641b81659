import type { ParseArgsConfig } from 'node:util'
import type { GlobalFlags } from '../runtime.ts'
import { runOnceCommand } from './run-once.ts'
import { validateCommand } from './validate.ts'
import { testCommand } from './test.ts'
import { startCommand } from './start.ts'

export interface Command {
  name: string
  summary: string
  usage: string
  help: string[]
  options: NonNullable<ParseArgsConfig['options']>
  run(values: Record<string, string | boolean | undefined>, flags: GlobalFlags): Promise<number>
}

export const COMMANDS: Command[] = [startCommand, runOnceCommand, validateCommand, testCommand]
