import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { Database } from 'bun:sqlite'
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureBinary, ratchet, SAMPLES } from '../helpers/cli.ts'

let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ratchet-e2e-'))
  await ensureBinary()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function writeTask(name: string, code: string, extra: Record<string, unknown> = {}): string {
  const taskDir = join(dir, name)
  mkdirSync(join(taskDir, 'tests'), { recursive: true })
  writeFileSync(join(taskDir, 'metadata.json'), JSON.stringify({ name, version: '1.0.0', description: `${name} task`, ...extra }))
  writeFileSync(join(taskDir, 'main.js'), code)
  return taskDir
}

describe.each([false, true])('ratchet CLI (compiled: %p)', (compiled) => {
  test('run-once prints the output as JSON on stdout and exits 0', async () => {
    const result = await ratchet(['run-once', '--from-fs', join(SAMPLES, 'addition'), '--input-json', '{"a": 2, "b": 40}'], { compiled })
    expect(result.stderr).not.toContain('error')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({ result: 42 })
  })

  test('test runs every sample task with its mocks and reports each case', async () => {
    const result = await ratchet(['test', '--from-fs', SAMPLES], { compiled })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^36 passed, 0 failed$/m)
    expect(result.stdout).toContain('✓ weather-api@1.0.0  6/6 passed')
    expect(result.stdout).toContain('✓ progress-reporter@1.0.0')
  })

  test('typed errors keep their names, also in the minified binary', async () => {
    const taskDir = writeTask(`named-${compiled}`, 'function main() { throw new HttpError(404, "Not found here") }\n')
    const result = await ratchet(['run-once', '--from-fs', taskDir, '--input-json', '{}'], { compiled })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('HttpError: Not found here')
    const errors = ['NetworkError', 'HttpError', 'ValidationError', 'TimeoutError', 'AuthenticationError', 'AuthorizationError', 'RateLimitError', 'ConfigurationError', 'ServiceUnavailableError', 'DataError']
    const rest = writeTask(`rest-${compiled}`, `function main() { return { types: [new URLSearchParams("a=1"), new Headers(), new TextEncoder(), new AbortController()].map((v) => v.constructor.name), errors: [${errors.join(', ')}].map((E) => new E("x").name) } }\n`)
    const names = await ratchet(['run-once', '--from-fs', rest, '--input-json', '{}'], { compiled })
    expect(JSON.parse(names.stdout)).toEqual({ types: ['URLSearchParams', 'Headers', 'TextEncoder', 'AbortController'], errors })
  })
})

describe('ratchet run-once', () => {
  test('a failing task exits non-zero with the error type, message and task line on stderr', async () => {
    const taskDir = writeTask('thrower', 'function main(input) {\n  const limit = 3\n  throw new DataError(`too many: ${input.n} > ${limit}`)\n}\n')
    const result = await ratchet(['run-once', '--from-fs', taskDir, '--input-json', '{"n": 9}'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('DataError: too many: 9 > 3')
    expect(result.stderr).toContain(`${join(taskDir, 'main.js')}:3`)
    expect(result.stderr).toContain('throw new DataError')
  })

  test("the task's console output goes to stderr, never stdout", async () => {
    const taskDir = writeTask('chatty', 'function main(input) { console.log("hello from the task"); console.error("oops"); return { ok: true } }')
    const result = await ratchet(['run-once', '--from-fs', taskDir])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({ ok: true })
    expect(result.stderr).toContain('hello from the task')
    expect(result.stderr).toContain('ERROR oops')
  })

  test('an input that violates the schema exits 5 naming the offending path', async () => {
    const result = await ratchet(['run-once', '--from-fs', join(SAMPLES, 'addition'), '--input-json', '{"a": "x", "b": 1}'])
    expect(result.code).toBe(5)
    expect(result.stderr).toContain("does not match the task's input schema")
    expect(result.stderr).toMatch(/a\b.*number/)
  })

  test('bad --input-json is a usage error that says how to quote it', async () => {
    const result = await ratchet(['run-once', '--from-fs', join(SAMPLES, 'addition'), '--input-json', '{a:1}'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--input-json is not valid JSON')
    expect(result.stderr).toContain('hint:')
  })

  test('--timeout stops a task that never finishes, with exit code 124', async () => {
    const taskDir = writeTask('spinner', 'async function main() { await 0; while (true) {} }')
    const started = Date.now()
    const result = await ratchet(['run-once', '--from-fs', taskDir, '--timeout', '0.5'])
    expect(result.code).toBe(124)
    expect(result.stderr).toContain('timed out')
    expect(Date.now() - started).toBeLessThan(15_000)
  })

  test('--trace prints the execution and HTTP spans to stderr', async () => {
    const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => Response.json({ pong: true }) })
    try {
      const taskDir = writeTask('pinger', 'async function main(input) { const r = await fetch(input.url); return await r.json() }')
      // Loopback is blocked by the egress policy unless the config allows it.
      const config = join(dir, 'allow-loopback.yaml')
      writeFileSync(config, 'database:\n  url: "sqlite::memory:"\nexecution:\n  fetch:\n    allowed_hosts: ["127.0.0.1"]\n')
      const url = `http://127.0.0.1:${server.port}/ping`
      const denied = await ratchet(['run-once', '--from-fs', taskDir, '--input-json', JSON.stringify({ url })])
      expect(denied.code).toBe(1)
      expect(denied.stderr).toContain('NetworkError')
      expect(denied.stderr).toContain('allowed_hosts')
      const result = await ratchet(['run-once', '--config', config, '--from-fs', taskDir, '--trace', '--input-json', JSON.stringify({ url })])
      expect(result.code).toBe(0)
      expect(JSON.parse(result.stdout)).toEqual({ pong: true })
      expect(result.stderr).toContain('execute pinger')
      expect(result.stderr).toMatch(/HTTP GET 127\.0\.0\.1:\d+ .* status=200/)
    } finally {
      server.stop(true)
    }
  })
})

describe('ratchet validate', () => {
  test('names the file and the cause of each problem and exits 4', async () => {
    const taskDir = writeTask('broken', 'function main(input) {\n  return {\n}\n')
    writeFileSync(join(taskDir, 'input.schema.json'), '{ "type": "object", }')
    const result = await ratchet(['validate', '--from-fs', taskDir])
    expect(result.code).toBe(4)
    expect(result.stdout).toContain('input.schema.json')
    expect(result.stdout).toContain('main.js')
    expect(result.stdout).toMatch(/line \d+/)
  })

  test('--fix writes the missing files and the package then validates', async () => {
    const taskDir = join(dir, 'bare')
    mkdirSync(taskDir, { recursive: true })
    writeFileSync(join(taskDir, 'main.js'), 'function main(input) { return { echo: input } }\n')
    const before = await ratchet(['validate', '--from-fs', taskDir])
    expect(before.code).toBe(4)
    const fixed = await ratchet(['validate', '--from-fs', taskDir, '--fix'])
    expect(fixed.stdout).toContain('wrote')
    expect(existsSync(join(taskDir, 'metadata.json'))).toBe(true)
    expect(existsSync(join(taskDir, 'input.schema.json'))).toBe(true)
    const after = await ratchet(['validate', '--from-fs', taskDir])
    expect(after.code).toBe(0)
    expect(after.stdout).toContain('1 valid, 0 invalid')
  })

  test('validates every sample task', async () => {
    const result = await ratchet(['validate', '--from-fs', SAMPLES])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('6 valid, 0 invalid')
  })
})

describe('ratchet test', () => {
  test('a failing test case exits 1 and says why', async () => {
    const taskDir = writeTask('wrong', 'function main(input) { return { value: input.x * 2 } }')
    writeFileSync(join(taskDir, 'tests', 'test-001.json'), JSON.stringify({ name: 'doubles', input: { x: 2 }, expected_output: { value: 5 } }))
    const result = await ratchet(['test', '--from-fs', taskDir])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('✗ doubles')
    expect(result.stdout).toContain('expected {"value":5}, got {"value":4}')
    expect(result.stdout).toMatch(/^0 passed, 1 failed$/m)
  })
})

describe('ratchet (general)', () => {
  test('--help lists the commands and --version prints the version', async () => {
    const help = await ratchet(['--help'])
    expect(help.code).toBe(0)
    for (const name of ['run-once', 'validate', 'test', 'demo', 'mcp-serve', 'mcp', 'generate']) expect(help.stdout).toContain(name)
    const version = await ratchet(['--version'])
    expect(version.stdout).toMatch(/^ratchet \d+\.\d+\.\d+/)
  })

  test('an unknown command or option is a usage error with a hint', async () => {
    const unknown = await ratchet(['frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Unknown command "frobnicate"')
    const option = await ratchet(['run-once', '--from-fs', SAMPLES, '--bogus'])
    expect(option.code).toBe(2)
    expect(option.stderr).toContain('--bogus')
  })

  test('a config error names the key path and the fix', async () => {
    const config = join(dir, 'bad-config.yaml')
    writeFileSync(config, 'workers:\n  cout: 2\n')
    const result = await ratchet(['run-once', '--config', config, '--from-fs', join(SAMPLES, 'addition')])
    expect(result.code).toBe(78)
    expect(result.stderr).toContain('workers.cout')
    expect(result.stderr).toContain('count')
  })
})

describe('global options before the command', () => {
  const addition = join(SAMPLES, 'addition')

  test('--log-level and --config are accepted before the command name', async () => {
    const config = join(dir, 'global-before.yaml')
    writeFileSync(config, 'database:\n  url: "sqlite::memory:"\n')
    for (const globals of [['--log-level', 'warn'], ['--log-level=warn'], ['--config', config], ['-c', config], [`--config=${config}`], ['-c', config, '--log-level', 'error']]) {
      const result = await ratchet([...globals, 'run-once', '--from-fs', addition, '--input-json', '{"a": 1, "b": 2}'])
      expect({ globals, stderr: result.stderr, code: result.code }).toEqual({ globals, stderr: expect.not.stringContaining('Unknown command'), code: 0 })
      expect(JSON.parse(result.stdout)).toEqual({ result: 3 })
    }
  }, 30_000)

  test('a --config before the command is really read', async () => {
    const config = join(dir, 'global-bad.yaml')
    writeFileSync(config, 'workers:\n  cout: 2\n')
    const result = await ratchet(['--config', config, 'run-once', '--from-fs', addition])
    expect(result.code).toBe(78)
    expect(result.stderr).toContain('workers.cout')
  })

  test('a value after the command wins over one before it', async () => {
    const good = join(dir, 'global-good.yaml')
    const bad = join(dir, 'global-bad-2.yaml')
    writeFileSync(good, 'database:\n  url: "sqlite::memory:"\n')
    writeFileSync(bad, 'workers:\n  cout: 2\n')
    const input = ['--from-fs', addition, '--input-json', '{"a": 1, "b": 2}']
    expect((await ratchet(['--log-level', 'nope', 'run-once', '--log-level', 'warn', ...input])).code).toBe(0)
    const later = await ratchet(['--log-level', 'warn', 'run-once', '--log-level', 'nope', ...input])
    expect(later.code).toBe(2)
    expect(later.stderr).toContain('--log-level must be one of')
    expect((await ratchet(['--config', bad, 'run-once', '--config', good, ...input])).code).toBe(0)
    expect((await ratchet(['--config', good, 'run-once', '--config', bad, ...input])).code).toBe(78)
  }, 20_000)

  test('a global option without its value, or an unknown one, is a usage error', async () => {
    const missing = await ratchet(['--log-level'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--log-level needs a value')
    const swallowed = await ratchet(['--config', '--log-level', 'warn', 'run-once'])
    expect(swallowed.code).toBe(2)
    expect(swallowed.stderr).toContain('--config needs a value')
    const unknown = await ratchet(['--bogus', 'run-once'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Unknown global option "--bogus"')
    const help = await ratchet(['--log-level', 'warn', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: ratchet [global options] <command> [options]')
  })
})

describe('error output', () => {
  test('an unset variable in the config prints the error without junk problem lines', async () => {
    const config = join(dir, 'unset-var.yaml')
    writeFileSync(config, 'workers:\n  count: ${RATCHET_E2E_SURELY_UNSET}\n')
    const result = await ratchet(['run-once', '--config', config, '--from-fs', join(SAMPLES, 'addition')])
    expect(result.code).toBe(78)
    expect(result.stderr).toContain('workers.count: environment variable RATCHET_E2E_SURELY_UNSET is not set')
    expect(result.stderr).not.toContain('undefined')
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `error: Cannot substitute environment variables in ${config}:`,
      '  workers.count: environment variable RATCHET_E2E_SURELY_UNSET is not set (used as ${RATCHET_E2E_SURELY_UNSET})',
      expect.stringMatching(/^  hint: Export RATCHET_E2E_SURELY_UNSET/),
    ])
  })

  test('a broken task package lists each problem once', async () => {
    const taskDir = writeTask('syntax-once', 'function main( {\n')
    const result = await ratchet(['run-once', '--from-fs', taskDir])
    expect(result.code).toBe(4)
    expect(result.stderr.match(/main\.js: syntax error/g)).toHaveLength(1)
  })
})

describe('folders of tasks', () => {
  function folderOfTasks(name: string): string {
    const root = join(dir, name)
    for (const sub of ['a', 'b']) {
      const taskDir = join(root, sub)
      mkdirSync(join(taskDir, 'tests'), { recursive: true })
      writeFileSync(join(taskDir, 'metadata.json'), JSON.stringify({ name: 'same-name', version: '1.0.0' }))
      writeFileSync(join(taskDir, 'main.js'), `function main() { return { from: "${sub}" } }\n`)
      writeFileSync(join(taskDir, 'tests', 'one.json'), JSON.stringify({ input: {}, expected_output: { from: sub } }))
    }
    return root
  }

  test('validate reports a package whose code file is missing and exits non-zero', async () => {
    const root = join(dir, 'with-no-code')
    mkdirSync(join(root, 'fine', 'tests'), { recursive: true })
    writeFileSync(join(root, 'fine', 'metadata.json'), JSON.stringify({ name: 'fine', version: '1.0.0' }))
    writeFileSync(join(root, 'fine', 'main.js'), 'function main() { return {} }\n')
    mkdirSync(join(root, 'no-code'), { recursive: true })
    writeFileSync(join(root, 'no-code', 'metadata.json'), JSON.stringify({ name: 'no-code', version: '1.0.0' }))
    const result = await ratchet(['validate', '--from-fs', root])
    expect(result.code).toBe(4)
    expect(result.stdout).toContain('✗ no-code')
    expect(result.stdout).toContain('main.js: missing code file main.js')
    expect(result.stdout).toContain('1 valid, 1 invalid')
    const tested = await ratchet(['test', '--from-fs', root])
    expect(tested.code).toBe(1)
    expect(tested.stdout).toContain('✗ no-code: cannot load the task package')
  })

  test('validate counts a second package with the same name as invalid, naming both folders', async () => {
    const root = folderOfTasks('dup-validate')
    const result = await ratchet(['validate', '--from-fs', root])
    expect(result.code).toBe(4)
    expect(result.stdout).toContain('✓ a')
    expect(result.stdout).toContain(`✗ b\n    metadata.json: duplicate task name "same-name": already used by ${join(root, 'a')}`)
    expect(result.stdout).toContain('1 valid, 1 invalid')
  })

  test('test runs the first package of a name and marks the second as not run', async () => {
    const root = folderOfTasks('dup-test')
    const result = await ratchet(['test', '--from-fs', root])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('✓ same-name@1.0.0  1/1 passed')
    expect(result.stdout).toContain(`✗ same-name@1.0.0 (b): not run: duplicate task name "same-name": already used by ${join(root, 'a')}`)
    expect(result.stdout).toMatch(/^1 passed, 1 failed$/m)
  })

  test('a misspelled test-case key is a validate warning and a note in the test report', async () => {
    const taskDir = writeTask('misspelled', 'function main() { return { value: 1 } }\n')
    writeFileSync(join(taskDir, 'tests', 'typo.json'), JSON.stringify({ name: 'typo', input: {}, expect_output: { value: 2 } }))
    const validated = await ratchet(['validate', '--from-fs', taskDir])
    expect(validated.code).toBe(0)
    expect(validated.stdout).toContain('note: tests/typo.json: unknown key "expect_output" is ignored; did you mean expected_output?')
    const tested = await ratchet(['test', '--from-fs', taskDir])
    expect(tested.code).toBe(0)
    expect(tested.stdout).toMatch(/✓ typo \([\d.]+ ms\)\n {8}note: tests\/typo\.json: unknown key "expect_output" is ignored; did you mean expected_output\?/)
  })
})

describe('crash recovery', () => {
  test('after kill -9 of the server, the next start marks its running execution interrupted and no worker is left behind', async () => {
    const home = mkdtempSync(join(dir, 'crash-'))
    const config = join(home, 'config.yaml')
    writeFileSync(config, 'database:\n  url: "sqlite:ratchet.db"\nworkers:\n  count: 1\nlogging:\n  level: warn\n')
    const slow = writeTask('sleeper', 'async function main() { await new Promise((r) => setTimeout(r, 60000)); return {} }')
    const proc = Bun.spawn([process.execPath, join(import.meta.dir, '..', '..', 'src', 'cli', 'main.ts'), 'run-once', '--config', config, '--from-fs', slow], { stdout: 'ignore', stderr: 'ignore' })
    const dbPath = join(home, 'ratchet.db')
    let running = 0
    for (let i = 0; i < 200 && running === 0; i++) {
      await Bun.sleep(50)
      if (!existsSync(dbPath)) continue
      const db = new Database(dbPath, { readonly: true })
      try {
        running = (db.query("SELECT count(*) AS n FROM executions WHERE status = 'running'").get() as { n: number }).n
      } catch {
        // the schema may not exist yet
      } finally {
        db.close()
      }
    }
    expect(running).toBe(1)
    const workers = childrenOf(proc.pid)
    expect(workers.length).toBe(1)
    const workerDir = readlinkSync(`/proc/${workers[0]}/cwd`)
    expect(workerDir).toContain('ratchet-worker-')
    proc.kill('SIGKILL')
    await proc.exited
    // Orphaned workers notice that their parent is gone and exit.
    for (let i = 0; i < 60 && workers.some(alive); i++) await Bun.sleep(50)
    expect(workers.filter(alive)).toEqual([])
    expect(existsSync(workerDir)).toBe(false)

    const next = await ratchet(['run-once', '--config', config, '--from-fs', join(SAMPLES, 'addition'), '--input-json', '{"a":1,"b":1}'])
    expect(next.code).toBe(0)
    expect(next.stderr).toContain('interrupted')
    const db = new Database(dbPath, { readonly: true })
    const row = db.query("SELECT status, error FROM executions WHERE task_name = 'sleeper'").get() as { status: string; error: string }
    db.close()
    expect(row.status).toBe('failed')
    expect(JSON.parse(row.error)).toMatchObject({ code: 'INTERRUPTED', reason: 'interrupted' })
  })
})

function childrenOf(pid: number): number[] {
  const out: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) out.push(Number(entry))
    } catch {
      // the process is gone
    }
  }
  return out
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
