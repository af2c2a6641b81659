import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../src/config/index.ts'
import type { Config, LogSinkConfig } from '../../src/config/types.ts'
import { createLogger } from '../../src/lib/logger.ts'

const NOW = new Date('2026-11-25T14:00:00.000Z')
const now = () => NOW

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ratchet-logger-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Polls until `check` stops throwing, so timing tests do not depend on a fixed sleep. */
async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      check()
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await Bun.sleep(10)
    }
  }
}

function logging(...sinks: LogSinkConfig[]): Config['logging'] {
  return { level: 'info', sinks }
}

function consoleCapture(sink: Partial<LogSinkConfig> = {}) {
  const lines: string[] = []
  const logger = createLogger(logging({ type: 'console', level: 'info', json: false, ...sink }), { stderr: (line) => lines.push(line), now })
  return { lines, logger }
}

function fileSink(path: string, extra: Partial<LogSinkConfig> = {}): LogSinkConfig {
  return { type: 'file', level: 'trace', json: false, path, maxSize: 1024 * 1024, maxBackups: 3, buffer: { size: 1000, flushIntervalMs: 10 }, ...extra }
}

describe('text format', () => {
  test('writes time, padded level, message and key=value fields', () => {
    const { lines, logger } = consoleCapture()
    logger.info('message', { key: 'value' })
    logger.warn('careful')
    logger.error('failed', { count: 3, ok: false, none: null })
    expect(lines).toEqual([
      '2026-11-25T14:00:00.000Z INFO  message key=value',
      '2026-11-25T14:00:00.000Z WARN  careful',
      '2026-11-25T14:00:00.000Z ERROR failed count=3 ok=false none=null',
    ])
  })

  test('quotes values with spaces, shows objects as JSON and errors by name and message', () => {
    const { lines, logger } = consoleCapture()
    logger.info('detail', { text: 'two words', empty: '', obj: { a: [1, 2] }, err: new TypeError('boom'), skipped: undefined })
    expect(lines[0]).toBe('2026-11-25T14:00:00.000Z INFO  detail text="two words" empty="" obj={"a":[1,2]} err="TypeError: boom"')
  })

  test('survives circular fields', () => {
    const { lines, logger } = consoleCapture()
    const loop: Record<string, unknown> = { name: 'loop' }
    loop.self = loop
    logger.info('cycle', { loop })
    expect(lines[0]).toBe('2026-11-25T14:00:00.000Z INFO  cycle loop={"name":"loop","self":"[Circular]"}')
  })
})

describe('JSON format', () => {
  test('writes one JSON object per line with ts, level, msg and the fields', () => {
    const { lines, logger } = consoleCapture({ json: true })
    logger.info('started', { port: 8090, big: 10n, nested: { ok: true } })
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0])).toEqual({ ts: '2026-11-25T14:00:00.000Z', level: 'info', msg: 'started', port: 8090, big: '10', nested: { ok: true } })
    expect(Object.keys(JSON.parse(lines[0])).slice(0, 3)).toEqual(['ts', 'level', 'msg'])
  })

  test('serialises errors with their stack and keeps fields that clash with ts, level or msg', () => {
    const { lines, logger } = consoleCapture({ json: true })
    logger.error('failed', { error: new Error('bad'), level: 'custom' })
    const parsed = JSON.parse(lines[0])
    expect(parsed.level).toBe('error')
    expect(parsed._level).toBe('custom')
    expect(parsed.error).toMatchObject({ name: 'Error', message: 'bad' })
    expect(parsed.error.stack).toContain('bad')
  })
})

describe('levels and children', () => {
  test('each sink records only its own level and above', async () => {
    const path = join(dir, 'debug.log')
    const lines: string[] = []
    const logger = createLogger(logging({ type: 'console', level: 'warn', json: false }, fileSink(path, { level: 'debug' })), {
      stderr: (l) => lines.push(l),
      now,
    })
    logger.trace('t')
    logger.debug('d')
    logger.info('i')
    logger.warn('w')
    await logger.close()
    expect(lines.map((l) => l.split(' ').at(-1))).toEqual(['w'])
    expect(
      readFileSync(path, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' ').at(-1)),
    ).toEqual(['d', 'i', 'w'])
  })

  test('isLevelEnabled reflects the most verbose sink', () => {
    const { logger } = consoleCapture({ level: 'warn' })
    expect(logger.isLevelEnabled('info')).toBe(false)
    expect(logger.isLevelEnabled('error')).toBe(true)
  })

  test('a child adds its fields to every line; fields given to a call win', () => {
    const { lines, logger } = consoleCapture()
    const child = logger.child({ component: 'pool', worker: 1 }).child({ worker: 2 })
    child.info('spawned', { pid: 42 })
    child.info('override', { component: 'engine' })
    expect(lines).toEqual([
      '2026-11-25T14:00:00.000Z INFO  spawned component=pool worker=2 pid=42',
      '2026-11-25T14:00:00.000Z INFO  override component=engine worker=2',
    ])
  })

  test('a logger with no sinks is silent', () => {
    const logger = createLogger({ level: 'info', sinks: [] })
    expect(logger.isLevelEnabled('error')).toBe(false)
    logger.error('nothing happens')
  })
})

describe('console sink', () => {
  test('writes only to stderr, never stdout', async () => {
    const script = join(dir, 'log-script.ts')
    writeFileSync(
      script,
      `import { createLogger } from ${JSON.stringify(join(import.meta.dir, '../../src/lib/logger.ts'))}
const logger = createLogger({ level: 'trace', sinks: [{ type: 'console', level: 'trace', json: false }, { type: 'console', level: 'info', json: true }] })
logger.trace('to stderr')
logger.error('also to stderr', { n: 1 })
await logger.close()
`,
    )
    const proc = Bun.spawn([process.execPath, script], { stdout: 'pipe', stderr: 'pipe' })
    const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited])
    expect(code).toBe(0)
    expect(stdout).toBe('')
    const lines = stderr.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z TRACE to stderr$/)
    expect(JSON.parse(lines[2])).toMatchObject({ level: 'error', msg: 'also to stderr', n: 1 })
  })

  test('a throwing stderr does not reach the caller', () => {
    const logger = createLogger(logging({ type: 'console', level: 'info', json: false }), {
      stderr: () => {
        throw new Error('EPIPE')
      },
    })
    expect(() => logger.error('still fine')).not.toThrow()
  })

  test('a buffered console sink holds lines until its interval passes', async () => {
    const { lines, logger } = consoleCapture({ buffer: { size: 100, flushIntervalMs: 20 } })
    logger.info('one')
    logger.info('two')
    expect(lines).toEqual([])
    await eventually(() => expect(lines).toHaveLength(2))
    await logger.close()
  })
})

describe('file sink', () => {
  test('buffers lines and writes them after the flush interval', async () => {
    const path = join(dir, 'buffered.log')
    const logger = createLogger(logging(fileSink(path, { buffer: { size: 1000, flushIntervalMs: 30 } })), { now })
    logger.info('first')
    logger.info('second')
    expect(existsSync(path)).toBe(false)
    await eventually(() =>
      expect(existsSync(path) && readFileSync(path, 'utf8')).toBe('2026-11-25T14:00:00.000Z INFO  first\n2026-11-25T14:00:00.000Z INFO  second\n'),
    )
    await logger.close()
  })

  test('a full buffer is written without waiting for the interval', async () => {
    const path = join(dir, 'full.log')
    const logger = createLogger(logging(fileSink(path, { buffer: { size: 3, flushIntervalMs: 60_000 } })), { now })
    for (const n of [1, 2, 3]) logger.info(`line ${n}`)
    await eventually(() => expect(existsSync(path) && readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(3))
    await logger.close()
  })

  test('close flushes everything and creates missing folders', async () => {
    const path = join(dir, 'nested/deeper/app.log')
    const logger = createLogger(logging(fileSink(path, { json: true, buffer: { size: 1000, flushIntervalMs: 60_000 } })), { now })
    for (let i = 0; i < 50; i++) logger.info('entry', { i })
    await logger.close()
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.i)).toEqual([...Array(50).keys()])
  })

  test('appends to an existing file', async () => {
    const path = join(dir, 'existing.log')
    writeFileSync(path, 'old line\n')
    const logger = createLogger(logging(fileSink(path)), { now })
    logger.info('new line')
    await logger.close()
    expect(readFileSync(path, 'utf8')).toBe('old line\n2026-11-25T14:00:00.000Z INFO  new line\n')
  })

  test('rotates at max_size and keeps max_backups files', async () => {
    const path = join(dir, 'ratchet.log')
    const logger = createLogger(logging(fileSink(path, { maxSize: 200, maxBackups: 2, buffer: { size: 5, flushIntervalMs: 5 } })), { now })
    // Each line is 42 bytes, so 4 fit in 200.
    for (let i = 0; i < 30; i++) logger.info(`entry ${String(i).padStart(4, '0')}`)
    await logger.close()

    expect(readdirSync(dir).sort()).toEqual(['ratchet.log', 'ratchet.log.1', 'ratchet.log.2'])
    for (const name of ['ratchet.log', 'ratchet.log.1', 'ratchet.log.2']) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(200)
    const numbers = (name: string) =>
      readFileSync(join(dir, name), 'utf8')
        .trim()
        .split('\n')
        .map((l) => Number(l.split(' ').at(-1)))
    // Newest lines in ratchet.log, the older ones in .1 and .2, nothing lost between them.
    expect(numbers('ratchet.log')).toEqual([28, 29])
    expect(numbers('ratchet.log.1')).toEqual([24, 25, 26, 27])
    expect(numbers('ratchet.log.2')).toEqual([20, 21, 22, 23])
  })

  test('rotation takes an existing file size into account', async () => {
    const path = join(dir, 'sized.log')
    writeFileSync(path, 'x'.repeat(190) + '\n')
    const logger = createLogger(logging(fileSink(path, { maxSize: 200, maxBackups: 1 })), { now })
    logger.info('does not fit')
    await logger.close()
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('x'.repeat(190) + '\n')
    expect(readFileSync(path, 'utf8')).toBe('2026-11-25T14:00:00.000Z INFO  does not fit\n')
  })

  test('max_backups 0 starts the file afresh instead of keeping a backup', async () => {
    const path = join(dir, 'nobackup.log')
    const logger = createLogger(logging(fileSink(path, { maxSize: 100, maxBackups: 0, buffer: { size: 1, flushIntervalMs: 5 } })), { now })
    for (let i = 0; i < 5; i++) logger.info(`entry ${i}`)
    await logger.close()
    expect(readdirSync(dir)).toEqual(['nobackup.log'])
    expect(readFileSync(path, 'utf8')).toBe('2026-11-25T14:00:00.000Z INFO  entry 4\n')
  })

  test('a line longer than max_size gets a file to itself', async () => {
    const path = join(dir, 'long.log')
    const logger = createLogger(logging(fileSink(path, { maxSize: 50, maxBackups: 3 })), { now })
    logger.info('short')
    logger.info('x'.repeat(100))
    logger.info('after')
    await logger.close()
    expect(readFileSync(`${path}.2`, 'utf8')).toContain('short')
    expect(readFileSync(`${path}.1`, 'utf8')).toContain('x'.repeat(100))
    expect(readFileSync(path, 'utf8')).toContain('after')
  })

  test('a write failure is reported once on stderr and never thrown', async () => {
    const blocker = join(dir, 'not-a-folder')
    writeFileSync(blocker, '')
    const errors: string[] = []
    const logger = createLogger(logging(fileSink(join(blocker, 'app.log'), { buffer: { size: 1, flushIntervalMs: 5 } })), {
      stderr: (l) => errors.push(l),
      now,
    })
    expect(() => {
      logger.info('one')
      logger.info('two')
    }).not.toThrow()
    await logger.flush()
    logger.info('three')
    await logger.close()
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`ERROR logger: cannot write log file ${join(blocker, 'app.log')}`)
    expect(errors[0]).toContain('later failures of this sink are not reported')
  })

  test('after close, file sinks drop lines and close can be called again', async () => {
    const path = join(dir, 'closed.log')
    const logger = createLogger(logging(fileSink(path)), { now })
    logger.info('before')
    await logger.close()
    logger.info('after')
    await logger.close()
    await Bun.sleep(30)
    expect(readFileSync(path, 'utf8')).toBe('2026-11-25T14:00:00.000Z INFO  before\n')
  })

  test('closing a child only flushes; the root still writes', async () => {
    const path = join(dir, 'child.log')
    const logger = createLogger(logging(fileSink(path, { buffer: { size: 1000, flushIntervalMs: 60_000 } })), { now })
    const child = logger.child({ part: 'x' })
    child.info('from child')
    await child.close()
    expect(readFileSync(path, 'utf8')).toBe('2026-11-25T14:00:00.000Z INFO  from child part=x\n')
    logger.info('root still open')
    await logger.close()
    expect(readFileSync(path, 'utf8')).toContain('root still open')
  })
})

test('a logger built from a loaded config writes where the config says', async () => {
  const file = join(dir, 'ratchet.yaml')
  writeFileSync(
    file,
    'logging:\n  level: info\n  sinks:\n    - type: console\n      level: warn\n    - type: file\n      path: logs/ratchet.log\n      use_json: true\n      level: debug\n      buffered:\n        size: 10\n        flush_interval: 50ms\n',
  )
  const config = await loadConfig({ file, env: {} })
  const lines: string[] = []
  const logger = createLogger(config.logging, { stderr: (l) => lines.push(l), now })
  logger.debug('only in the file')
  logger.warn('in both')
  await logger.close()
  expect(lines).toEqual(['2026-11-25T14:00:00.000Z WARN  in both'])
  const written = readFileSync(join(dir, 'logs/ratchet.log'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).msg)
  expect(written).toEqual(['only in the file', 'in both'])
})
