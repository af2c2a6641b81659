import { join } from 'node:path'

/** True inside a `bun build --compile` binary, whose modules live in Bun's embedded file system. */
export function isCompiled(): boolean {
  return import.meta.path.startsWith('/$bunfs/') || import.meta.path.startsWith('B:/~BUN')
}

/**
 * The command that starts one worker: the compiled binary re-enters itself with the hidden `__worker`
 * command; from source, Bun runs the worker entry directly.
 */
export function workerCommand(): string[] {
  if (isCompiled()) return [process.execPath, '__worker']
  return [process.execPath, join(import.meta.dir, 'worker-entry.ts')]
}
