/**
 * The OS layer on its own: what task code would find if it ever escaped the `node:vm` context into the
 * worker process. Needs bwrap (scripts/install-sandbox.sh); without it these tests are skipped, saying so.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Server } from 'bun'
import { createSandbox, type WorkerSandbox } from '../../src/pool/sandbox/index.ts'
import { isAppError } from '../../src/errors.ts'
import type { HttpMock } from '../../src/tasks/types.ts'
import { makeTask } from '../helpers/make-task.ts'
import { silentLogger } from '../helpers/silent-logger.ts'
import { openHarness } from '../helpers/with-engine.ts'

const ROOT = join(import.meta.dir, '..', '..')
const FIXTURE = join(import.meta.dir, 'fixtures', 'escaped-worker.ts')
const bwrapInstalled = Bun.which('bwrap') !== null
const SKIP_REASON = 'bwrap is not installed (run scripts/install-sandbox.sh as root)'
if (!bwrapInstalled) console.warn(`[sandbox] skipping the OS-layer tests: ${SKIP_REASON}`)

let sandbox: WorkerSandbox
let scratch: string
let local: Server<undefined>

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'ratchet-os-layer-'))
  local = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: (request) => Response.json({ host: request.headers.get('host') }) })
  if (bwrapInstalled) sandbox = await createSandbox({ mode: 'strict', fetch: { allowedHosts: ['127.0.0.1'], deniedHosts: [] }, logger: silentLogger(), maxMemoryMb: 1024 })
})

afterAll(async () => {
  await sandbox?.close()
  rmSync(scratch, { recursive: true, force: true })
  local.stop(true)
})

/** Starts the escaped-worker fixture under the sandbox's launch plan and returns its report. */
async function escapedWorkerReport(): Promise<Record<string, any>> {
  process.env.RATCHET_OS_LAYER_SECRET = 'do-not-leak'
  const dbPath = join(scratch, 'server.db')
  writeFileSync(dbPath, 'secret rows')
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-worker-'))
  const args = { secretName: 'RATCHET_OS_LAYER_SECRET', dbPath, projectFile: join(ROOT, 'package-lock.json'), hostPort: local.port, srcFile: FIXTURE }
  const { cmd, env } = sandbox.wrap([process.execPath, FIXTURE, JSON.stringify(args)], dir, { PATH: '/usr/bin:/bin', HOME: dir, TMPDIR: dir, LANG: 'C.UTF-8' })
  const report = Promise.withResolvers<Record<string, any>>()
  const proc = Bun.spawn({ cmd, env, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], serialization: 'json', ipc: (message) => report.resolve(message) })
  // Cgroup limits go on once the process tree exists (the pool does this on `ready`).
  for (let i = 0; i < 100 && (await Bun.file(`/proc/${proc.pid}/task/${proc.pid}/children`).text().catch(() => '')).trim() === ''; i++) await Bun.sleep(5)
  sandbox.adopt(proc.pid, dir)
  try {
    return await Promise.race([report.promise, proc.exited.then(async (code) => { throw new Error(`fixture exited ${code}: ${await new Response(proc.stderr).text()}`) })])
  } finally {
    proc.kill('SIGKILL')
    await proc.exited
    sandbox.release(proc.pid)
    rmSync(dir, { recursive: true, force: true })
    delete process.env.RATCHET_OS_LAYER_SECRET
  }
}

describe(`if task code escaped into the worker process${bwrapInstalled ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let report: Record<string, any>
  beforeAll(async () => {
    if (bwrapInstalled) report = await escapedWorkerReport()
  })

  test.skipIf(!bwrapInstalled)('it runs as uid 65534 with only the variables the pool passes', () => {
    expect(report.uid).toBe(65534)
    expect(report.secret).toBeNull()
    expect(report.env).toEqual(['HOME', 'LANG', 'PATH', 'PWD', 'RATCHET_EGRESS_SOCKET', 'TMPDIR'])
  })

  test.skipIf(!bwrapInstalled)('it sees no /etc, no database file and no project files beyond the code it runs', () => {
    // The project's own top folder is there only because its code is bound read-only (e.g. /work/...).
    const projectTop = resolve(ROOT).split('/')[1]!
    const expected = [...new Set(['dev', 'lib', 'lib64', 'proc', 'run', 'tmp', projectTop])].sort()
    expect(report.root).toBe(`ok:${expected.join(',')}`)
    expect(report.passwd).toBe('error:ENOENT')
    expect(report.db).toBe('error:ENOENT')
    expect(report.projectFile).toBe('error:ENOENT')
  })

  test.skipIf(!bwrapInstalled)('it cannot write outside its private /tmp, and that is size-capped', () => {
    expect(report.writeRoot).toMatch(/^error:(EROFS|EACCES)$/)
    expect(report.writeSource).toMatch(/^error:(EROFS|EACCES)$/)
    expect(report.writeOwnTmp).toBe('ok:undefined')
    expect(report.bigFile).toMatch(/error:(ENOSPC|EFBIG)/)
  })

  test.skipIf(!bwrapInstalled)('it has no network: the host\'s loopback is unreachable and DNS fails', () => {
    expect(report.hostPort).toBe('error:ECONNREFUSED')
    expect(report.dns).toMatch(/^error:/)
  })

  test.skipIf(!bwrapInstalled)('it finds no programs to run, and a fork bomb of its own executable is stopped', () => {
    expect(report.spawnShell).toBe('error:ENOENT')
    expect(report.fork.error).toBe('EAGAIN')
    expect(report.fork.started).toBeLessThan(80)
  })
})

describe(`sandboxed workers${bwrapInstalled ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  test.skipIf(!bwrapInstalled)('fetch an allowed host through the egress proxy, keep mocks off the network, and report the level', async () => {
    expect(sandbox.level).toBe('bwrap')
    const h = await openHarness({ pool: { count: 1, sandbox: await createSandbox({ mode: 'auto', fetch: { allowedHosts: ['localhost'], deniedHosts: [] }, logger: silentLogger(), maxMemoryMb: 256 }) } })
    try {
      const code = 'async function main(input) { const r = await fetch(input.url); return await r.json() }'
      const real = await h.engine.execute({ task: makeTask({ code }), input: { url: `http://localhost:${local.port}/x` }, source: 'test', timeout: 5 })
      expect(real.error ?? null).toBeNull()
      expect(real.output).toEqual({ host: `localhost:${local.port}` })
      const mocks: HttpMock[] = [{ url: 'http://169.254.169.254/', response: { status: 200, body: { mocked: true } } }]
      const mocked = await h.engine.execute({ task: makeTask({ code }), input: { url: 'http://169.254.169.254/' }, source: 'test', timeout: 5, mocks })
      expect(mocked.output).toEqual({ mocked: true })
    } finally {
      await h.close()
    }
  })

  test.skipIf(!bwrapInstalled)('a memory bomb faster than the RSS poll is stopped by the cgroup cap and recorded as resource_exhausted', async () => {
    const sandboxed = await createSandbox({ mode: 'auto', fetch: { allowedHosts: [], deniedHosts: [] }, logger: silentLogger(), maxMemoryMb: 128 })
    if (!sandboxed.cgroup) {
      console.warn('[sandbox] skipping the cgroup memory check: no writable cgroup here')
      await sandboxed.close()
      return
    }
    // The RSS poll is slowed right down, so only the kernel can stop this one in time.
    const h = await openHarness({ pool: { count: 1, maxMemoryMb: 128, memoryPollMs: 60_000, sandbox: sandboxed } })
    try {
      const record = await h.engine.execute({ task: makeTask({ code: 'function main() { const keep = []; for (;;) keep.push(new Uint8Array(32 * 1024 * 1024).fill(7)) }' }), input: {}, source: 'test', timeout: 10 })
      expect(record.status).toBe('failed')
      expect(record.error).toMatchObject({ code: 'RESOURCE_EXHAUSTED', reason: 'resource_exhausted' })
      expect(record.error?.message).toContain('hard memory limit')
      const next = await h.engine.execute({ task: makeTask({ code: 'function main() { return 1 }' }), input: {}, source: 'test', timeout: 5 })
      expect(next.output).toBe(1)
    } finally {
      await h.close()
    }
  })

  test.skipIf(!bwrapInstalled)('strict refuses to start when bwrap cannot start the worker, saying how to fix it', async () => {
    const broken = join(scratch, 'broken-worker.ts')
    writeFileSync(broken, 'process.exit(3)\n')
    const error = await createSandbox({ mode: 'strict', fetch: { allowedHosts: [], deniedHosts: [] }, logger: silentLogger(), maxMemoryMb: 256, command: [process.execPath, broken] }).catch((e) => e)
    expect(isAppError(error)).toBe(true)
    expect(error.code).toBe('CONFIG_INVALID')
    expect(error.message).toContain('execution.sandbox is "strict"')
    expect(error.message).toContain('could not start a worker (the worker exited with code')
    expect(error.hint).toContain('apt-get install bubblewrap')
  })
})
