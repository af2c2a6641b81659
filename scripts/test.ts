/**
 * `npm test`: type-check, build the binary the end-to-end tests drive, then run the whole bun:test
 * suite. Prints a closing `N passed, N failed` line and exits non-zero on any failure.
 */
import { join } from 'node:path'

const root = join(import.meta.dir, '..')
const bun = process.execPath

async function step(name: string, cmd: string[], capture = false): Promise<{ code: number; output: string }> {
  console.error(`\n── ${name}: ${cmd.map((c) => c.replace(root + '/', '')).join(' ')}`)
  const proc = Bun.spawn(cmd, { cwd: root, stdout: capture ? 'pipe' : 'inherit', stderr: capture ? 'pipe' : 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  let output = ''
  if (capture) {
    const decoder = new TextDecoder()
    const pump = async (stream: ReadableStream<Uint8Array>, sink: NodeJS.WriteStream) => {
      for await (const chunk of stream) {
        const text = decoder.decode(chunk, { stream: true })
        output += text
        sink.write(text)
      }
    }
    await Promise.all([pump(proc.stdout as ReadableStream<Uint8Array>, process.stdout), pump(proc.stderr as ReadableStream<Uint8Array>, process.stderr)])
  }
  const code = await proc.exited
  return { code, output }
}

const only = process.argv.slice(2)
const failures: string[] = []

if (await Bun.file(join(root, 'scripts/gen.ts')).exists()) {
  const gen = await step('generated code is up to date', [bun, join(root, 'scripts/gen.ts'), '--check'])
  if (gen.code !== 0) failures.push('gen --check')
}
const tsc = await step('type-check', [bun, join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root])
if (tsc.code !== 0) failures.push('tsc')
const build = await step('build dist/ratchet', [bun, join(root, 'scripts/build.ts')])
if (build.code !== 0) failures.push('build')
const tests = await step('bun test', [bun, 'test', ...only], true)
if (tests.code !== 0) failures.push('bun test')

const passed = Number(/^\s*(\d+) pass$/m.exec(tests.output)?.[1] ?? 0)
const failed = Number(/^\s*(\d+) fail$/m.exec(tests.output)?.[1] ?? 0)
console.log(`\ntests: ${passed} passed, ${failed + (failures.length > 0 && failed === 0 ? failures.length : 0)} failed`)
if (failures.length > 0) {
  console.error(`failed steps: ${failures.join(', ')}`)
  process.exit(1)
}
if (passed === 0) {
  console.error('no test ran')
  process.exit(1)
}
