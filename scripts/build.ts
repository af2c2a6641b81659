/**
 * `npm run build`: the single binary `dist/ratchet` (bun build --compile). Workers are the same binary
 * re-entered with `__worker`, and SQL migrations are imported as text, so the binary is self-contained.
 * `--bytecode` ships precompiled JavaScriptCore bytecode: the binary (and each worker it starts) skips
 * parsing ~1,500 modules at start, which took the first MCP answer over stdio from ~630 ms to ~210 ms here.
 */
import { $ } from 'bun'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dir, '..')
const outfile = join(root, 'dist', 'ratchet')
mkdirSync(join(root, 'dist'), { recursive: true })
const started = performance.now()
await $`${process.execPath} build --compile --bytecode --minify --sourcemap=inline --format=esm ${join(root, 'src/cli/main.ts')} --outfile ${outfile}`.cwd(root).quiet()
const version = (await $`${outfile} --version`.text()).trim()
console.error(`built ${outfile} (${version}) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
