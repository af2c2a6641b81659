import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultConfig, loadConfig } from '../../src/config/index.ts'
import { AppError } from '../../src/errors.ts'

const FIXTURES = join(import.meta.dir, '../fixtures/config')
const GUIDE_ENV = { MCP_API_KEY_CLAUDE: 'claude-key', MCP_API_KEY_DEV: 'dev-key', JWT_SECRET: 'jwt-secret' }

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ratchet-config-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function writeConfig(text: string, name = 'config.yaml'): string {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

async function loadError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe('CONFIG_INVALID')
  return error as AppError
}

describe('guide examples', () => {
  const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml'))

  test('there is a fixture for every example in the guide', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(13)
  })

  test.each(fixtures)('loads %s', async (name) => {
    const config = await loadConfig({ file: join(FIXTURES, name), env: GUIDE_ENV, cwd: dir })
    expect(config.file).toBe(join(FIXTURES, name))
    expect(Object.isFrozen(config)).toBe(true)
  })

  test('the quick-setup config maps onto typed settings', async () => {
    const config = await loadConfig({ file: join(FIXTURES, 'quick-setup.yaml'), env: {} })
    expect(config.database).toEqual({ url: 'sqlite:ratchet.db', path: join(FIXTURES, 'ratchet.db'), synchronous: 'normal' })
    expect(config.logging.level).toBe('info')
    expect(config.logging.sinks).toEqual([
      { type: 'console', level: 'info', json: false },
      {
        type: 'file',
        level: 'debug',
        json: false,
        path: join(FIXTURES, 'ratchet.log'),
        maxSize: 10485760,
        maxBackups: 5,
        buffer: { size: 1000, flushIntervalMs: 1000 },
      },
    ])
    expect(config.registry.sources).toEqual([
      { name: 'local-tasks', uri: 'file://./sample/js-tasks', path: join(FIXTURES, 'sample/js-tasks'), watchForChanges: true, autoReload: true },
    ])
    expect(config.raw.mcp).toEqual({
      enabled: true,
      transport: 'stdio',
      auth_type: 'none',
      max_connections: 10,
      request_timeout: 30,
      rate_limit_per_minute: 100,
    })
  })

  test('the enhanced-logging config keeps buffering and rotation settings', async () => {
    const config = await loadConfig({ file: join(FIXTURES, 'enhanced-logging.yaml'), env: {} })
    expect(config.logging.level).toBe('debug')
    expect(config.logging.sinks[1]).toEqual({
      type: 'file',
      level: 'debug',
      json: false,
      path: join(FIXTURES, 'ratchet-mcp.log'),
      maxSize: 10485760,
      maxBackups: 5,
      buffer: { size: 1000, flushIntervalMs: 5000 },
    })
  })

  test('the api-key example substitutes the keys from the environment', async () => {
    const config = await loadConfig({ file: join(FIXTURES, 'production-security.yaml'), env: GUIDE_ENV })
    const keys = (config.raw.mcp as { api_keys: Array<{ key: string; name: string }> }).api_keys
    expect(keys.map((k) => [k.name, k.key])).toEqual([
      ['claude-desktop-prod', 'claude-key'],
      ['development', 'dev-key'],
    ])
  })

  test('mcp.max_execution_time from the troubleshooting example sets the MCP cap', async () => {
    const config = await loadConfig({ file: join(FIXTURES, 'timeouts.yaml'), env: {} })
    expect(config.mcp.maxExecutionTime).toBe(300)
    const tighter = await loadConfig({ file: writeConfig('mcp:\n  max_execution_time: 60\n'), env: {} })
    expect(tighter.mcp.maxExecutionTime).toBe(60)
    const both = await loadConfig({ file: writeConfig('mcp:\n  max_execution_time: 60\n  security:\n    max_execution_time: 90\n'), env: {} })
    expect(both.mcp.maxExecutionTime).toBe(90)
  })
})

describe('defaults', () => {
  test('running without a file gives every default, with paths relative to cwd', async () => {
    const config = await loadConfig({ file: null, env: {}, cwd: dir })
    expect(config).toEqual(defaultConfig(dir))
    expect(config.file).toBeNull()
    expect(config.baseDir).toBe(dir)
    expect(config.database).toEqual({ url: 'sqlite:ratchet.db', path: join(dir, 'ratchet.db'), synchronous: 'normal' })
    expect(config.workers).toEqual({ count: navigator.hardwareConcurrency, restartOnFailure: true, maxQueue: 1000 })
    expect(config.execution).toEqual({
      maxExecutionTime: 300,
      maxMemoryMb: 512,
      validateSchemas: true,
      sandbox: 'auto',
      fetch: { allowedHosts: [], deniedHosts: [] },
    })
    expect(config.mcp.maxExecutionTime).toBe(300)
    expect(config.server).toEqual({ host: '127.0.0.1', port: 8080 })
    expect(config.logging).toEqual({ level: 'info', sinks: [{ type: 'console', level: 'info', json: false }] })
    expect(config.registry.sources).toEqual([])
    expect(config.raw).toEqual({})
  })

  test('an empty file is the same as no settings', async () => {
    const config = await loadConfig({ file: writeConfig('# nothing yet\n'), env: {} })
    expect(config.workers.maxQueue).toBe(1000)
    expect(config.baseDir).toBe(dir)
  })

  test('the result is deeply frozen', async () => {
    const config = await loadConfig({ file: join(FIXTURES, 'quick-setup.yaml'), env: {} })
    expect(Object.isFrozen(config.logging.sinks[0])).toBe(true)
    expect(Object.isFrozen(config.raw.mcp)).toBe(true)
    expect(() => {
      ;(config.workers as { count: number }).count = 99
    }).toThrow()
  })

  test('a relative file path is resolved against cwd', async () => {
    writeConfig('workers:\n  count: 3\n', 'relative.yaml')
    const config = await loadConfig({ file: 'relative.yaml', env: {}, cwd: dir })
    expect(config.file).toBe(join(dir, 'relative.yaml'))
    expect(config.workers.count).toBe(3)
  })

  test('a missing file is CONFIG_INVALID naming the path', async () => {
    const error = await loadError(loadConfig({ file: join(dir, 'nope.yaml'), env: {} }))
    expect(error.message).toContain(join(dir, 'nope.yaml'))
    expect(error.hint).toContain('--config')
  })
})

describe('environment variable substitution', () => {
  test('replaces ${VAR} and ${VAR:-default} in string values', async () => {
    const file = writeConfig('mcp:\n  host: "${HOST}"\n  jwt:\n    secret: "pre-${SECRET}-post"\n    issuer: "${ISSUER:-ratchet}"\n')
    const config = await loadConfig({ file, env: { HOST: '10.0.0.1', SECRET: 's3' } })
    expect(config.raw.mcp).toEqual({ host: '10.0.0.1', jwt: { secret: 'pre-s3-post', issuer: 'ratchet' } })
  })

  test('coerces substituted numbers and booleans where the schema expects them', async () => {
    const file = writeConfig('workers:\n  count: ${WORKERS:-2}\n  restart_on_failure: ${RESTART}\nmcp:\n  port: "${PORT}"\n')
    const config = await loadConfig({ file, env: { PORT: '9001', RESTART: 'false' } })
    expect(config.workers.count).toBe(2)
    expect(config.workers.restartOnFailure).toBe(false)
    expect((config.raw.mcp as { port: number }).port).toBe(9001)
  })

  test('an empty variable falls back to the default, and $${ is a literal', async () => {
    const file = writeConfig('mcp:\n  host: "${EMPTY:-localhost}"\n  audit_log_file: "$${NOT_A_VAR}.log"\n')
    const config = await loadConfig({ file, env: { EMPTY: '' } })
    expect(config.raw.mcp).toEqual({ host: 'localhost', audit_log_file: '${NOT_A_VAR}.log' })
  })

  test('an unset variable without a default names the key and the variable', async () => {
    const file = writeConfig('mcp:\n  auth_type: api_key\n  api_keys:\n    - key: "${MCP_API_KEY_CLAUDE}"\n      name: claude\n')
    const error = await loadError(loadConfig({ file, env: {} }))
    expect(error.message).toContain(file)
    expect(error.message).toContain('mcp.api_keys[0].key')
    expect(error.message).toContain('MCP_API_KEY_CLAUDE')
    expect(error.hint).toContain('Export MCP_API_KEY_CLAUDE')
    expect(error.hint).toContain('${MCP_API_KEY_CLAUDE:-')
  })

  test('the error lists each unresolved reference under data.unresolved, not data.problems', async () => {
    const error = await loadError(loadConfig({ file: writeConfig('mcp:\n  host: "${NOPE_HOST}"\n  port: "${bad ref}"\n'), env: {} }))
    expect(error.data?.problems).toBeUndefined()
    expect(error.data?.unresolved).toEqual([
      { path: 'mcp.host', variable: 'NOPE_HOST', reference: '${NOPE_HOST}' },
      { path: 'mcp.port', variable: undefined, reference: '${bad ref}' },
    ])
  })

  test('a malformed reference is an error rather than a literal', async () => {
    const error = await loadError(loadConfig({ file: writeConfig('mcp:\n  host: "${not valid}"\n'), env: {} }))
    expect(error.message).toContain('mcp.host: malformed variable reference ${not valid}')
  })

  test('keys are not substituted', async () => {
    const error = await loadError(loadConfig({ file: writeConfig('"${KEY}": 1\n'), env: { KEY: 'workers' } }))
    expect(error.message).toContain('["${KEY}"]: unknown key')
  })
})

describe('RATCHET_* overrides', () => {
  test('map onto their keys with numbers and booleans coerced', async () => {
    const file = writeConfig('workers:\n  count: 2\nmcp:\n  transport: sse\n  port: 8090\n')
    const config = await loadConfig({
      file,
      env: {
        RATCHET_DATABASE_URL: 'sqlite::memory:',
        RATCHET_WORKERS_COUNT: '7',
        RATCHET_WORKERS_RESTART_ON_FAILURE: 'no',
        RATCHET_EXECUTION_MAX_EXECUTION_TIME: '12.5',
        RATCHET_EXECUTION_MAX_MEMORY_MB: '128',
        RATCHET_MCP_PORT: '9999',
        RATCHET_MCP_HOST: '0.0.0.0',
        RATCHET_SERVER_PORT: '8181',
        RATCHET_ENV: 'production',
      },
    })
    expect(config.database).toEqual({ url: 'sqlite::memory:', path: ':memory:', synchronous: 'normal' })
    expect(config.workers.count).toBe(7)
    expect(config.workers.restartOnFailure).toBe(false)
    expect(config.execution.maxExecutionTime).toBe(12.5)
    expect(config.execution.maxMemoryMb).toBe(128)
    expect(config.raw.mcp).toEqual({ transport: 'sse', port: 9999, host: '0.0.0.0' })
    expect(config.server).toEqual({ host: '127.0.0.1', port: 8181 })
  })

  test('an empty override counts as unset', async () => {
    const config = await loadConfig({ file: writeConfig('workers:\n  count: 2\n'), env: { RATCHET_WORKERS_COUNT: '' } })
    expect(config.workers.count).toBe(2)
  })

  test('a bad override value names the variable', async () => {
    const error = await loadError(loadConfig({ file: null, env: { RATCHET_WORKERS_COUNT: 'four' }, cwd: dir }))
    expect(error.message).toContain('workers.count (from RATCHET_WORKERS_COUNT): must be integer (got string "four")')
    expect(error.hint).toContain('Fix or unset RATCHET_WORKERS_COUNT')
  })

  test('a relative RATCHET_DATABASE_URL resolves against cwd, not the config folder', async () => {
    const file = writeConfig('database:\n  url: sqlite:from-file.db\n', 'config.yaml')
    const elsewhere = join(dir, 'elsewhere')
    const config = await loadConfig({ file, env: { RATCHET_DATABASE_URL: 'sqlite:from-env.db' }, cwd: elsewhere })
    expect(config.database.path).toBe(join(elsewhere, 'from-env.db'))
  })
})

describe('log level precedence', () => {
  const file = () =>
    writeConfig('logging:\n  level: warn\n  sinks:\n    - type: console\n      level: error\n    - type: file\n      path: out.log\n      level: debug\n')

  test('the file level applies when nothing overrides it', async () => {
    const config = await loadConfig({ file: file(), env: {} })
    expect(config.logging.level).toBe('warn')
    expect(config.logging.sinks.map((s) => s.level)).toEqual(['error', 'debug'])
  })

  test('RUST_LOG beats the file and also sets console sinks, leaving file sinks alone', async () => {
    const config = await loadConfig({ file: file(), env: { RUST_LOG: 'info' } })
    expect(config.logging.level).toBe('info')
    expect(config.logging.sinks.map((s) => s.level)).toEqual(['info', 'debug'])
  })

  test('RUST_LOG takes the level for the ratchet target', async () => {
    const config = await loadConfig({ file: file(), env: { RUST_LOG: 'tower=warn,ratchet=debug' } })
    expect(config.logging.level).toBe('debug')
  })

  test('RUST_LOG without a level for ratchet is ignored', async () => {
    const config = await loadConfig({ file: file(), env: { RUST_LOG: 'tower=trace,hyper=debug' } })
    expect(config.logging.level).toBe('warn')
  })

  test('RATCHET_LOG_LEVEL beats RUST_LOG', async () => {
    const config = await loadConfig({ file: file(), env: { RUST_LOG: 'debug', RATCHET_LOG_LEVEL: 'trace' } })
    expect(config.logging.level).toBe('trace')
    expect(config.logging.sinks[0].level).toBe('trace')
  })

  test('the CLI --log-level beats RATCHET_LOG_LEVEL and RUST_LOG', async () => {
    const config = await loadConfig({ file: file(), env: { RUST_LOG: 'debug', RATCHET_LOG_LEVEL: 'trace' }, overrides: { logLevel: 'error' } })
    expect(config.logging.level).toBe('error')
    expect(config.logging.sinks.map((s) => s.level)).toEqual(['error', 'debug'])
    expect((config.raw.logging as { level: string }).level).toBe('error')
  })

  test('a bad RATCHET_LOG_LEVEL lists the allowed levels', async () => {
    const error = await loadError(loadConfig({ file: null, env: { RATCHET_LOG_LEVEL: 'verbose' }, cwd: dir }))
    expect(error.message).toContain('logging.level (from RATCHET_LOG_LEVEL): must be one of trace, debug, info, warn, error')
  })

  test('sinks without their own level inherit the effective level', async () => {
    const config = await loadConfig({
      file: writeConfig('logging:\n  level: warn\n  sinks:\n    - type: file\n      path: a.log\n'),
      env: { RATCHET_LOG_LEVEL: 'debug' },
    })
    expect(config.logging.sinks[0].level).toBe('debug')
  })
})

describe('paths', () => {
  test('relative paths resolve against the config file folder, not cwd', async () => {
    const file = writeConfig(
      'database:\n  url: sqlite:data/ratchet.db\nlogging:\n  sinks:\n    - type: file\n      path: logs/r.log\nregistry:\n  sources:\n    - name: local\n      uri: file://./tasks\n',
      'ratchet.yaml',
    )
    const config = await loadConfig({ file, env: {}, cwd: '/' })
    expect(config.baseDir).toBe(dir)
    expect(config.database.path).toBe(join(dir, 'data/ratchet.db'))
    expect(config.logging.sinks[0].path).toBe(join(dir, 'logs/r.log'))
    expect(config.registry.sources[0].path).toBe(join(dir, 'tasks'))
  })

  test.each([
    ['sqlite:ratchet.db', 'REL/ratchet.db'],
    ['sqlite://ratchet.db', 'REL/ratchet.db'],
    ['sqlite:ratchet.db?mode=rwc', 'REL/ratchet.db'],
    ['sqlite::memory:', ':memory:'],
    ['sqlite:///abs/path.db', '/abs/path.db'],
    ['sqlite:/abs/path.db', '/abs/path.db'],
  ])('database url %s names %s', async (url, expected) => {
    const config = await loadConfig({ file: writeConfig(`database:\n  url: "${url}"\n`), env: {} })
    expect(config.database.url).toBe(url)
    expect(config.database.path).toBe(expected.replace('REL', dir))
  })

  test.each(['postgres://user:pw@localhost/ratchet', 'mysql://localhost/db', 'ratchet.db'])('database url %s is rejected: only sqlite', async (url) => {
    const error = await loadError(loadConfig({ file: writeConfig(`database:\n  url: "${url}"\n`), env: {} }))
    expect(error.message).toContain('database.url')
    expect(error.message).toContain('only SQLite is supported in this build')
    expect(error.message).not.toContain('pw@')
  })

  test('file:/// registry sources are absolute and %-escapes are decoded', async () => {
    const config = await loadConfig({ file: writeConfig('registry:\n  sources:\n    - name: a\n      uri: "file:///opt/my%20tasks"\n'), env: {} })
    expect(config.registry.sources[0].path).toBe('/opt/my tasks')
    expect(config.registry.sources[0].watchForChanges).toBe(false)
  })

  test.each(['git://github.com/x/tasks', 'https://example.com/tasks', './tasks'])('registry uri %s is rejected: only file://', async (uri) => {
    const error = await loadError(loadConfig({ file: writeConfig(`registry:\n  sources:\n    - name: a\n      uri: "${uri}"\n`), env: {} }))
    expect(error.message).toContain('registry.sources[0].uri')
    expect(error.message).toContain('only file:// sources are supported')
  })
})

test('an override does not paper over a section that is not a mapping', async () => {
  const error = await loadError(loadConfig({ file: writeConfig('workers: 4\n'), env: { RATCHET_WORKERS_COUNT: '2' } }))
  expect(error.message).toContain('workers: must be a mapping (got number 4)')
})
