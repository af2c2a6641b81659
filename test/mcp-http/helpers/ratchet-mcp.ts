/**
 * A real `ratchet mcp` process (from source or the compiled binary) on 127.0.0.1 with a free port,
 * serving sample/js-tasks plus the test fixture tasks. The bound URL is read from its stderr.
 */
import { join } from 'node:path'
import { ROOT, ensureBinary } from '../../helpers/cli.ts'
import { makeTempRoot, writeFiles } from '../../helpers/temp-files.ts'

export interface RatchetMcp {
  url: string
  /** The folder holding ratchet.yaml (relative paths in the config resolve here). */
  dir: string
  stderr(): string
  /** SIGTERM, then the exit code (SIGKILL after 10 s). */
  stop(): Promise<number>
}

export interface StartOptions {
  command?: 'mcp' | 'mcp-serve' | 'serve'
  args?: string[]
  compiled?: boolean
  /** Merged into the config's mcp section. */
  mcp?: Record<string, unknown>
  /** Top-level config sections that replace the defaults (database, ...). */
  config?: Record<string, unknown>
  /** Extra environment variables for the process (for ${VAR} in the config). */
  env?: Record<string, string>
}

export async function startRatchetMcp(options: StartOptions = {}): Promise<RatchetMcp> {
  const dir = await makeTempRoot('ratchet-mcp-http-')
  const config = {
    database: { url: 'sqlite::memory:' },
    logging: { level: 'info' },
    registry: {
      sources: [
        { name: 'samples', uri: `file://${join(ROOT, 'sample', 'js-tasks')}` },
        { name: 'fixtures', uri: `file://${join(ROOT, 'test', 'mcp-http', 'fixtures', 'tasks')}` },
      ],
    },
    workers: { count: 2 },
    mcp: { transport: 'sse', ...options.mcp },
    ...options.config,
  }
  // JSON is YAML: the config loader reads it as is.
  await writeFiles(dir, '.', { 'ratchet.yaml': JSON.stringify(config, null, 2) })
  const command = options.compiled ? [await ensureBinary()] : [process.execPath, join(ROOT, 'src', 'cli', 'main.ts')]
  const proc = Bun.spawn([...command, options.command ?? 'mcp', '--config', join(dir, 'ratchet.yaml'), '--port', '0', ...(options.args ?? [])], { cwd: dir, stdin: 'ignore', stdout: 'ignore', stderr: 'pipe', env: { ...process.env, ...options.env } })
  let log = ''
  const listening = Promise.withResolvers<string>()
  void (async () => {
    const decoder = new TextDecoder()
    for await (const chunk of proc.stderr as ReadableStream<Uint8Array>) {
      log += decoder.decode(chunk, { stream: true })
      const url = /listening on (http:\/\/\S+)/.exec(log)?.[1]
      if (url) listening.resolve(url)
    }
    listening.reject(new Error(`ratchet mcp exited before listening:\n${log}`))
  })()
  const timeout = setTimeout(() => listening.reject(new Error(`ratchet mcp did not listen within 20 s:\n${log}`)), 20_000)
  let url: string
  try {
    url = await listening.promise
  } catch (error) {
    proc.kill('SIGKILL')
    throw error
  } finally {
    clearTimeout(timeout)
  }
  return {
    url,
    dir,
    stderr: () => log,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM')
      const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000)
      const code = await proc.exited
      clearTimeout(killer)
      return code
    },
  }
}
