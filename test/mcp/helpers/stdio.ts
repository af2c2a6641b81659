import type { ChildProcess } from 'node:child_process'
import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { StdioClientTransport, type StdioServerParameters } from '@modelcontextprotocol/sdk/client/stdio.js'
import { BINARY, ROOT, SAMPLES } from '../../helpers/cli.ts'

/**
 * The SDK's StdioClientTransport, plus a tap on the child's raw stdout (to check that every line is
 * JSON-RPC) and its exit status.
 */
export class RecordingStdioTransport extends StdioClientTransport {
  raw = ''
  stderrText = ''
  readonly exited = Promise.withResolvers<{ code: number | null; signal: NodeJS.Signals | null; at: number }>()

  constructor(params: StdioServerParameters) {
    super({ ...params, stderr: 'pipe' })
  }

  override async start(): Promise<void> {
    await super.start()
    // The SDK keeps the child private; the test reads the same stream next to it.
    const child = (this as unknown as { _process: ChildProcess })._process
    child.stdout?.on('data', (chunk: Buffer) => (this.raw += chunk.toString('utf8')))
    this.stderr?.on('data', (chunk: Buffer) => (this.stderrText += chunk.toString('utf8')))
    child.once('exit', (code, signal) => this.exited.resolve({ code, signal, at: Date.now() }))
  }
}

/** How to start ratchet: from source with Bun, or the compiled binary. */
export function ratchetCommand(compiled: boolean): { command: string; args: string[] } {
  return compiled ? { command: BINARY, args: [] } : { command: process.execPath, args: [join(ROOT, 'src', 'cli', 'main.ts')] }
}

/** A config file in `dir` that loads sample/js-tasks, stores in `dir/ratchet.db` and logs to stderr. */
export function writeConfig(dir: string, extra = ''): string {
  const file = join(dir, 'config.yaml')
  writeFileSync(
    file,
    [
      'database:',
      '  url: "sqlite:ratchet.db"',
      'logging:',
      '  level: info',
      '  sinks:',
      '    - type: console',
      'registry:',
      '  sources:',
      '    - name: samples',
      `      uri: "file://${SAMPLES}"`,
      'workers:',
      '  count: 1',
      extra,
    ].join('\n'),
  )
  return file
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Builds dist/ratchet when it is missing or older than the sources (npm test always rebuilds it). */
export async function ensureFreshBinary(): Promise<void> {
  let built = 0
  try {
    built = statSync(BINARY).mtimeMs
  } catch {
    // Missing: build it.
  }
  if (built > Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'generated')))) return
  const proc = Bun.spawn([process.execPath, join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, stdout: 'ignore', stderr: 'pipe' })
  if ((await proc.exited) !== 0) throw new Error(`building dist/ratchet failed: ${await new Response(proc.stderr).text()}`)
}
