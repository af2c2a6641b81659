/**
 * `bun scripts/conformance.ts`: the MCP conformance suite (@modelcontextprotocol/conformance 0.1.16,
 * `--suite all`) against a real `ratchet mcp` serving the fixture pack in test/conformance/.
 *
 * Starts the server on a free port (from source, or `--binary dist/ratchet`), waits for /health to
 * report ready workers, runs the suite with the committed baseline of known gaps
 * (test/conformance/expected-failures.yml), prints the suite's summary and a count of checks, and
 * exits non-zero when any scenario fails that is not in the baseline (or a baseline entry now passes).
 * The server is always stopped, also when this script is interrupted.
 *
 *   bun scripts/conformance.ts [--binary dist/ratchet] [--scenario NAME] [--results DIR]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const root = join(import.meta.dir, '..')
const SUITE_VERSION = '0.1.16'
const suiteDir = join(root, 'node_modules', '@modelcontextprotocol', 'conformance')
const config = join(root, 'test', 'conformance', 'ratchet.yaml')
const baseline = join(root, 'test', 'conformance', 'expected-failures.yml')

const { values } = parseArgs({ options: { binary: { type: 'string' }, scenario: { type: 'string' }, results: { type: 'string' } } })

function fail(message: string): never {
  console.error(`conformance: ${message}`)
  process.exit(2)
}

const installed = existsSync(join(suiteDir, 'package.json')) ? (JSON.parse(readFileSync(join(suiteDir, 'package.json'), 'utf8')) as { version: string }).version : null
if (installed !== SUITE_VERSION) fail(`needs @modelcontextprotocol/conformance@${SUITE_VERSION} in node_modules (found ${installed ?? 'none'}); run npm install`)

const command = values.binary ? [values.binary] : [process.execPath, join(root, 'src', 'cli', 'main.ts')]
const server = Bun.spawn([...command, 'mcp', '--config', config, '--transport', 'streamable-http', '--host', '127.0.0.1', '--port', '0'], {
  cwd: root,
  stdin: 'ignore',
  stdout: 'ignore',
  stderr: 'pipe',
  env: { ...process.env, FORCE_COLOR: '0' },
})

let serverLog = ''
const listening = Promise.withResolvers<string>()
void (async () => {
  const decoder = new TextDecoder()
  for await (const chunk of server.stderr as ReadableStream<Uint8Array>) {
    serverLog += decoder.decode(chunk, { stream: true })
    const url = /listening on (http:\/\/\S+)/.exec(serverLog)?.[1]
    if (url) listening.resolve(url)
  }
  listening.reject(new Error('the server exited before it was listening'))
})()

let stopping: Promise<void> | null = null
function stopServer(): Promise<void> {
  stopping ??= (async () => {
    if (server.exitCode !== null || server.signalCode !== null) return
    server.kill('SIGTERM')
    const killer = setTimeout(() => server.kill('SIGKILL'), 10_000)
    await server.exited
    clearTimeout(killer)
  })()
  return stopping
}
// Last resort when this script dies some other way: never leave the server running.
process.once('exit', () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL')
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopServer().then(() => process.exit(130)))
}

async function waitUntilHealthy(url: string, timeoutMs: number): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/health`)
      const health = (await response.json()) as { status?: string; workers?: { ready?: number } }
      if (response.ok && health.status === 'ok' && (health.workers?.ready ?? 0) > 0) return health
      last = JSON.stringify(health)
    } catch (error) {
      last = String(error)
    }
    await Bun.sleep(100)
  }
  throw new Error(`/health did not report ready workers within ${timeoutMs} ms (last: ${last})`)
}

interface Check {
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO'
}

/** Counts the checks every scenario wrote to DIR/<scenario>-<time>/checks.json. */
function countChecks(dir: string): Record<Check['status'], number> & { scenarios: number } {
  const counts = { SUCCESS: 0, FAILURE: 0, WARNING: 0, INFO: 0, scenarios: 0 }
  for (const entry of readdirSync(dir)) {
    const file = join(dir, entry, 'checks.json')
    if (!existsSync(file)) continue
    counts.scenarios++
    for (const check of JSON.parse(readFileSync(file, 'utf8')) as Check[]) counts[check.status]++
  }
  return counts
}

const resultsDir = values.results ?? mkdtempSync(join(tmpdir(), 'ratchet-conformance-'))
let exitCode = 1
try {
  const url = await Promise.race([listening.promise, Bun.sleep(30_000).then(() => Promise.reject(new Error('no "listening on" line within 30 s')))])
  const health = await waitUntilHealthy(url, 30_000)
  console.error(`conformance: ratchet mcp at ${url} (${JSON.stringify(health.tasks)} tasks, workers ${JSON.stringify(health.workers)})`)
  const suiteArgs = ['server', '--url', `${url}/mcp`, '-o', resultsDir, '--expected-failures', baseline, ...(values.scenario ? ['--scenario', values.scenario] : ['--suite', 'all'])]
  // The suite needs Node 22 APIs (fs.globSync): run its CLI on Bun, from node_modules (no network).
  const suite = Bun.spawn([process.execPath, '--bun', join(suiteDir, 'dist', 'index.js'), ...suiteArgs], { cwd: root, stdin: 'ignore', stdout: 'inherit', stderr: 'inherit', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } })
  exitCode = await suite.exited
  const counts = countChecks(resultsDir)
  console.log(`\nconformance: ${counts.SUCCESS} checks passed, ${counts.FAILURE} failed, ${counts.WARNING} warnings in ${counts.scenarios} scenarios (baseline: test/conformance/expected-failures.yml) → ${exitCode === 0 ? 'PASS' : 'FAIL'}`)
} catch (error) {
  console.error(`conformance: ${(error as Error).message}`)
  exitCode = 1
} finally {
  await stopServer()
  if (exitCode !== 0) console.error(`--- ratchet mcp stderr ---\n${serverLog.trim()}\n---`)
  if (!values.results) rmSync(resultsDir, { recursive: true, force: true })
}
process.exit(exitCode)
