/**
 * What a sandboxed worker must see of the host file system, read-only: its executable, the shared
 * libraries that executable loads (from `ldd`), and, when running from source, the project's code and
 * node_modules. Nothing else: no /etc, no home, no database, no config.
 */
import { existsSync, realpathSync, statSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'

export interface Bind {
  source: string
  dest: string
}

const FALLBACK_LIBRARY_DIRS = ['/lib', '/lib64', '/usr/lib', '/usr/lib64']

/**
 * The shared libraries `exe` loads, each as a bind of its real file at the path the loader asks for
 * (Debian's /lib is a symlink to /usr/lib: the file is bound where the loader will look). Without `ldd`
 * the whole system library folders are bound instead.
 */
export function sharedLibraryBinds(exe: string): Bind[] {
  const result = Bun.spawnSync(['ldd', exe], { stdout: 'pipe', stderr: 'pipe', env: { PATH: '/usr/bin:/bin', LANG: 'C' } })
  const text = result.stdout.toString() + result.stderr.toString()
  if (/not a dynamic executable|statically linked/.test(text)) return []
  if (!result.success) return FALLBACK_LIBRARY_DIRS.filter(existsSync).map((dir) => ({ source: dir, dest: dir }))
  const binds: Bind[] = []
  for (const line of text.split('\n')) {
    // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)" or "/lib64/ld-linux-x86-64.so.2 (0x…)"
    const match = /(?:=>\s*)?(\/\S+)\s+\(0x[0-9a-f]+\)/.exec(line)
    if (!match) continue
    const path = match[1]
    try {
      binds.push({ source: realpathSync(path), dest: path })
    } catch {
      // A library ldd names but that is gone cannot be needed at run time either.
    }
  }
  return binds
}

/** The nearest folder at or above `start` that holds a package.json. */
function projectRoot(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) return null
  }
}

/**
 * Binds for the script arguments of a worker command (source mode: `bun …/src/pool/worker-entry.ts`):
 * the top-level project folder that holds the script (src/), node_modules, package.json and
 * tsconfig.json. A script outside any project is bound alone. A compiled binary has no such argument.
 */
export function scriptBinds(args: string[]): Bind[] {
  const binds = new Map<string, Bind>()
  const add = (path: string) => { if (existsSync(path) && !binds.has(path)) binds.set(path, { source: realpathSync(path), dest: path }) }
  for (const arg of args) {
    if (!arg.startsWith('/') || !existsSync(arg) || !statSync(arg).isFile()) continue
    const root = projectRoot(dirname(arg))
    if (!root) {
      add(arg)
      continue
    }
    const top = relative(root, arg).split(sep)[0]
    add(join(root, top))
    for (const name of ['node_modules', 'package.json', 'tsconfig.json']) add(join(root, name))
  }
  return [...binds.values()]
}
