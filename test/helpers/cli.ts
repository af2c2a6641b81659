import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(import.meta.dir, '..', '..')
export const BINARY = join(ROOT, 'dist', 'ratchet')
export const SAMPLES = join(ROOT, 'sample', 'js-tasks')

/** Builds dist/ratchet when it is missing (npm test always rebuilds it first). */
export async function ensureBinary(): Promise<string> {
  if (!existsSync(BINARY)) {
    const proc = Bun.spawn([process.execPath, join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, stdout: 'ignore', stderr: 'inherit' })
    if ((await proc.exited) !== 0) throw new Error('building dist/ratchet failed')
  }
  return BINARY
}

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs `ratchet ARGS` from source (bun src/cli/main.ts) or as the compiled binary. */
export async function ratchet(args: string[], options: { compiled?: boolean; cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
  const cmd = options.compiled ? [await ensureBinary(), ...args] : [process.execPath, join(ROOT, 'src', 'cli', 'main.ts'), ...args]
  const proc = Bun.spawn(cmd, { cwd: options.cwd ?? ROOT, stdout: 'pipe', stderr: 'pipe', stdin: 'ignore', env: { ...process.env, ...options.env } })
  const timer = setTimeout(() => proc.kill('SIGKILL'), options.timeoutMs ?? 20_000)
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited])
  clearTimeout(timer)
  return { code, stdout, stderr }
}
