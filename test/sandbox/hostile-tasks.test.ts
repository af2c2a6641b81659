/**
 * The hostile-task suite: each case is a task that attacks the server from inside a run, and must end
 * in a clear error in its execution record while the pool stays healthy (the next run succeeds). Run
 * with the sandbox on `auto` (bwrap when installed: scripts/install-sandbox.sh) and `off` (the fallback).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { Database } from 'bun:sqlite'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Server } from 'bun'
import { createSandbox, type SandboxMode, type WorkerSandbox } from '../../src/pool/sandbox/index.ts'
import { makeTask } from '../helpers/make-task.ts'
import { silentLogger } from '../helpers/silent-logger.ts'
import { openHarness, type Harness } from '../helpers/with-engine.ts'

const SECRET_NAME = 'RATCHET_HOSTILE_TEST_SECRET'
const SECRET = 'hunter2-do-not-leak'
const bwrapInstalled = Bun.which('bwrap') !== null

let scratch: string
let dbPath: string
let local: Server<undefined>

beforeAll(() => {
  process.env[SECRET_NAME] = SECRET
  scratch = mkdtempSync(join(tmpdir(), 'ratchet-hostile-'))
  dbPath = join(scratch, 'server.db')
  const db = new Database(dbPath)
  db.run('CREATE TABLE secrets (value TEXT)')
  db.run('INSERT INTO secrets VALUES (?)', [SECRET])
  db.close()
  local = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response('internal admin page') })
})

afterAll(() => {
  delete process.env[SECRET_NAME]
  rmSync(scratch, { recursive: true, force: true })
  local.stop(true)
})

describe.each([['auto'], ['off']] as [SandboxMode][])('execution.sandbox: %s', (mode) => {
  let h: Harness
  let sandbox: WorkerSandbox

  beforeAll(async () => {
    sandbox = await createSandbox({ mode, fetch: { allowedHosts: [], deniedHosts: [] }, logger: silentLogger(), maxMemoryMb: 256 })
    if (mode === 'auto' && !bwrapInstalled) console.warn(`[sandbox] bwrap is not installed: the 'auto' run uses the fallback (${sandbox.level}); run scripts/install-sandbox.sh as root for the full suite`)
    h = await openHarness({ pool: { count: 1, maxMemoryMb: 256, memoryPollMs: 25, sandbox } })
  })

  afterAll(async () => {
    await h.close()
  })

  const run = (code: string, input: unknown = {}, timeout = 5) => h.engine.execute({ task: makeTask({ code }), input, source: 'test', timeout })

  /** The server is unharmed: the same worker pool runs the next execution normally. */
  const expectHealthy = async () => {
    const next = await run('function main(input) { return { ok: input.n + 1 } }', { n: 1 })
    expect(next.status).toBe('completed')
    expect(next.output).toEqual({ ok: 2 })
  }

  const expectBlocked = async (code: string, type: string | RegExp, message: string | RegExp) => {
    const record = await run(code)
    expect(record.status).toBe('failed')
    expect(record.error?.type ?? '').toMatch(typeof type === 'string' ? new RegExp(`^${type}$`) : type)
    expect(record.error?.message).toMatch(message)
    expect(JSON.stringify(record)).not.toContain(SECRET)
    await expectHealthy()
    return record
  }

  test('auto picks the strongest isolation available', () => {
    expect(sandbox.level).toBe(mode === 'off' ? 'off' : bwrapInstalled ? 'bwrap' : 'process')
  })

  test('reading /etc/passwd fails: tasks have no module loader and no file API', async () => {
    await expectBlocked('function main() { return require("fs").readFileSync("/etc/passwd", "utf8") }', 'ConfigurationError', /require\('fs'\) is not available/)
    await expectBlocked('async function main() { return (await Function("return import(\'node:fs\')")()).readFileSync("/etc/passwd", "utf8") }', 'TypeError', /dynamic import/i)
  })

  test('reading the database file fails: there is no Bun global', async () => {
    await expectBlocked(`async function main() { return await Bun.file(${JSON.stringify(dbPath)}).text() }`, 'ReferenceError', 'Bun is not defined')
  })

  test("reading a secret from the server's environment fails", async () => {
    await expectBlocked(`function main() { return process.env.${SECRET_NAME} }`, 'ReferenceError', 'process is not defined')
  })

  test.each([
    ['this.constructor.constructor', 'this.constructor.constructor("return process")()'],
    ['globalThis.constructor', 'Object.getPrototypeOf(globalThis) === null ? (void 0).env : globalThis.constructor.constructor("return process")()'],
    ['a host function (fetch)', 'fetch.constructor.constructor("return process")()'],
    ['a bridged function (console.log)', 'console.log.constructor.constructor("return process")()'],
    ['an async function', '(async () => {}).constructor("return process")()'],
    ['an error thrown by the host', '(() => { try { atob("%%%") } catch (e) { return e.constructor.constructor("return process")() } })()'],
    ['a promise returned by the host', 'fetch("http://127.0.0.1:1/").catch(() => {}).constructor.constructor("return process")()'],
  ])('the constructor escape through %s finds no process', async (_name, expression) => {
    await expectBlocked(`function main() { return (${expression}).env.${SECRET_NAME} }`, /^(ReferenceError|TypeError)$/, /process is not defined|undefined is not an object|null is not an object|Cannot read/)
  })

  test('a ShadowRealm, whose global would be the worker\'s, cannot be made', async () => {
    await expectBlocked('function main() { return new ShadowRealm().evaluate("Bun.spawnSync([\'id\']).stdout.toString()") }', 'ReferenceError', 'ShadowRealm is not defined')
  })

  test('spawning a process fails, so a fork bomb cannot start', async () => {
    await expectBlocked('function main() { return require("child_process").execSync("id").toString() }', 'ConfigurationError', /require\('child_process'\) is not available/)
    await expectBlocked('function main() { while (true) Bun.spawn(["sh", "-c", ":(){ :|:& };:"]) }', 'ReferenceError', 'Bun is not defined')
  })

  test('opening a raw socket fails', async () => {
    await expectBlocked('function main() { return require("net").connect(22, "127.0.0.1") }', 'ConfigurationError', /require\('net'\) is not available/)
    await expectBlocked('function main() { return new WebSocket("ws://127.0.0.1:22") }', 'ReferenceError', 'WebSocket is not defined')
  })

  test.each([
    ['the cloud metadata endpoint', 'http://169.254.169.254/latest/meta-data/iam/', '169.254.169.254 is a link-local address'],
    ['127.0.0.1', 'http://127.0.0.1:PORT/admin', '127.0.0.1 is a loopback address'],
    ['[::1]', 'http://[::1]:PORT/admin', '::1 is a loopback address'],
    ['127.0.0.1 written as a decimal number', 'http://2130706433:PORT/admin', '127.0.0.1 is a loopback address'],
    ['a name that resolves to 127.0.0.1', 'http://localhost:PORT/admin', 'localhost resolves to'],
  ])('fetching %s fails with a NetworkError naming the host and the setting', async (_name, template, reason) => {
    const url = template.replace('PORT', String(local.port))
    const record = await expectBlocked(`async function main(input) { const r = await fetch(${JSON.stringify(url)}); return await r.text() }`, 'NetworkError', 'egress denied')
    expect(record.error?.message).toContain(reason)
    expect(record.error?.message).toContain('execution.fetch.allowed_hosts')
    expect(JSON.stringify(record)).not.toContain('internal admin page')
  })

  test('prototype pollution does not leak into the next run', async () => {
    const polluter = makeTask({ code: 'function main() { try { Object.prototype.isAdmin = true; Array.prototype.map = function () { return ["hacked"] }; JSON.parse = () => ({ isAdmin: true }) } catch (e) {} return "done" }' })
    const victimCode = 'function main() { return { isAdmin: ({}).isAdmin ?? false, mapped: [1, 2].map((x) => x * 2), parsed: JSON.parse("{\\"a\\":1}") } }'
    const first = await h.engine.execute({ task: polluter, input: {}, source: 'test', timeout: 5 })
    expect(first.status).toBe('completed')
    const victim = await run(victimCode)
    expect(victim.output).toEqual({ isAdmin: false, mapped: [2, 4], parsed: { a: 1 } })
    await h.engine.execute({ task: polluter, input: {}, source: 'test', timeout: 5 })
    const again = await run(victimCode)
    expect(again.output).toEqual({ isAdmin: false, mapped: [2, 4], parsed: { a: 1 } })
  })

  test('a memory bomb ends as resource_exhausted', async () => {
    const record = await run('function main() { const keep = []; while (true) keep.push(new Array(1e6).fill(Math.random())) }', {}, 20)
    expect(record.status).toBe('failed')
    expect(record.error).toMatchObject({ code: 'RESOURCE_EXHAUSTED', reason: 'resource_exhausted' })
    expect(record.error?.message).toContain('memory')
    await expectHealthy()
  })

  test('a CPU bomb ends as timed_out', async () => {
    const record = await run('async function main() { await 0; while (true) {} }', {}, 1)
    expect(record.status).toBe('timed_out')
    expect(record.error?.message).toContain('did not finish within 1 s')
    await expectHealthy()
  })

  test('writing outside its folder fails and leaves the host untouched', async () => {
    const target = join(scratch, 'pwned')
    await expectBlocked(`function main() { require("fs").writeFileSync(${JSON.stringify(target)}, "x") }`, 'ConfigurationError', /require\('fs'\) is not available/)
    expect(existsSync(target)).toBe(false)
  })
})
