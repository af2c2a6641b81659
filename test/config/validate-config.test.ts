import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../src/config/index.ts'
import { AppError } from '../../src/errors.ts'

let dir: string
let counter = 0
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ratchet-validate-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function errorFor(yaml: string, env: Record<string, string> = {}): Promise<AppError> {
  const file = join(dir, `config-${counter++}.yaml`)
  writeFileSync(file, yaml)
  const error = await loadConfig({ file, env }).then(
    () => undefined,
    (e) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe('CONFIG_INVALID')
  expect((error as AppError).message).toContain(file)
  return error as AppError
}

describe('unknown keys', () => {
  test('suggests the closest key and lists the allowed ones', async () => {
    const error = await errorFor('workers:\n  cout: 4\n')
    expect(error.message).toContain('workers.cout: unknown key (did you mean "count"?)')
    expect(error.hint).toBe('Allowed keys at workers: count, restart_on_failure, max_queue.')
    expect(error.data?.errors).toEqual([
      { path: 'workers.cout', message: 'unknown key (did you mean "count"?)', hint: 'Allowed keys at workers: count, restart_on_failure, max_queue.' },
    ])
  })

  test('catches a misspelt top-level section', async () => {
    const error = await errorFor('worker:\n  count: 4\n')
    expect(error.message).toContain('worker: unknown key (did you mean "workers"?)')
    expect(error.hint).toContain('Allowed keys at the top level: database, logging, workers, execution, server, mcp, registry')
  })

  test('matches camelCase and dashes to the snake_case key', async () => {
    const error = await errorFor('workers:\n  maxQueue: 10\n  restart-on-failure: true\n')
    expect(error.message).toContain('workers.maxQueue: unknown key (did you mean "max_queue"?)')
    expect(error.message).toContain('workers.restart-on-failure: unknown key (did you mean "restart_on_failure"?)')
  })

  test('finds typos inside list items and referenced definitions', async () => {
    const error = await errorFor(
      'logging:\n  sinks:\n    - type: file\n      path: a.log\n      max_sizes: 10\nmcp:\n  api_keys:\n    - key: k\n      name: n\n      permissions:\n        can_execute_task: true\n',
    )
    expect(error.message).toContain('logging.sinks[0].max_sizes: unknown key (did you mean "max_size"?)')
    expect(error.message).toContain('mcp.api_keys[0].permissions.can_execute_task: unknown key (did you mean "can_execute_tasks"?)')
  })

  test('offers no suggestion when nothing is close', async () => {
    const error = await errorFor('execution:\n  zzzzzzzzzz: 1\n')
    expect(error.message).toEndWith('execution.zzzzzzzzzz: unknown key')
    expect(error.hint).toContain('Allowed keys at execution: max_execution_time, max_memory_mb, validate_schemas, sandbox, fetch')
  })

  test('per-tool rate limits accept any <tool>_per_minute key', async () => {
    const error = await errorFor('mcp:\n  security:\n    rate_limiting:\n      get_logs_per_minute: 5\n      global_per_minut: 5\n')
    expect(error.message).toContain('mcp.security.rate_limiting.global_per_minut: unknown key (did you mean "global_per_minute"?)')
    expect(error.message).not.toContain('get_logs_per_minute')
  })
})

describe('wrong values', () => {
  test('a wrong type names the key path and what was given', async () => {
    const error = await errorFor('workers:\n  count: four\n')
    expect(error.message).toContain('workers.count: must be integer (got string "four")')
  })

  test('a fraction where an integer is needed is rejected', async () => {
    const error = await errorFor('workers:\n  count: 1.5\n')
    expect(error.message).toContain('workers.count: must be integer (got number 1.5)')
  })

  test('out-of-range numbers name the limit', async () => {
    const error = await errorFor('workers:\n  count: 0\nserver:\n  port: 70000\nexecution:\n  max_execution_time: 0\n')
    expect(error.message).toContain('workers.count: must be >= 1 (got number 0)')
    expect(error.message).toContain('server.port: must be <= 65535 (got number 70000)')
    expect(error.message).toContain('execution.max_execution_time: must be > 0 (got number 0)')
  })

  test('an enum lists the allowed values and suggests the closest', async () => {
    const error = await errorFor('mcp:\n  transport: streamable_http\n')
    expect(error.message).toContain('mcp.transport: must be one of stdio, sse, streamable-http (got string "streamable_http"); did you mean "streamable-http"?')
  })

  test('a section that is not a mapping says so', async () => {
    const error = await errorFor('workers: 4\nregistry:\n  sources: local\n')
    expect(error.message).toContain('workers: must be a mapping (got number 4)')
    expect(error.message).toContain('registry.sources: must be a list (got string "local")')
  })

  test('a bad duration explains the accepted forms', async () => {
    const error = await errorFor('logging:\n  sinks:\n    - type: file\n      path: a.log\n      buffered:\n        flush_interval: 5 seconds\n')
    expect(error.message).toContain(
      'logging.sinks[0].buffered.flush_interval: must be a duration such as "5s", "500ms" or "1m" or a number of seconds (got string "5 seconds")',
    )
  })

  test('every problem is listed, not just the first', async () => {
    const error = await errorFor('workers:\n  count: x\n  max_queue: y\nmcp:\n  port: z\n')
    expect((error.data?.errors as unknown[]).length).toBe(3)
    expect(error.message.split('\n').filter((line) => line.includes(': must be integer'))).toHaveLength(3)
  })

  test('a value from ${VAR} names the variable', async () => {
    const error = await errorFor('mcp:\n  port: ${MCP_PORT}\n', { MCP_PORT: 'eighty' })
    expect(error.message).toContain('mcp.port (from ${MCP_PORT}): must be integer (got string "eighty")')
  })
})

describe('rules across keys', () => {
  test('a file sink needs a path', async () => {
    const error = await errorFor('logging:\n  sinks:\n    - type: console\n    - type: file\n      level: debug\n')
    expect(error.message).toContain('logging.sinks[1].path: required when type is "file"')
  })

  test('a sink needs a type', async () => {
    const error = await errorFor('logging:\n  sinks:\n    - level: debug\n')
    expect(error.message).toContain('logging.sinks[0].type: missing required key')
  })

  test('registry source names must be unique', async () => {
    const error = await errorFor('registry:\n  sources:\n    - name: a\n      uri: file://./x\n    - name: a\n      uri: file://./y\n')
    expect(error.message).toContain('registry.sources[1].name: duplicate source name "a" (also registry.sources[0])')
  })

  test('auth_type api_key needs at least one key', async () => {
    const error = await errorFor('mcp:\n  auth_type: api_key\n')
    expect(error.message).toContain('mcp.api_keys: at least one key is required when auth_type is api_key')
  })

  test('auth_type jwt needs a secret', async () => {
    const error = await errorFor('mcp:\n  auth_type: jwt\n  jwt:\n    issuer: x\n')
    expect(error.message).toContain('mcp.jwt.secret: required when auth_type is jwt')
  })
})

describe('YAML syntax errors', () => {
  test.each([
    ['an unclosed flow list', 'database:\n  url: "sqlite:x.db"\nmcp:\n  transport: [stdio\n  port: 1\n', 4],
    ['an unclosed quote', 'database:\n  url: "sqlite:x.db\nworkers:\n  count: 1\n', 2],
    ['a tab used for indentation', 'workers:\n\tcount: 1\n', 2],
    ['a bad indent after a valid multi-line value', 'mcp:\n  cors:\n    allowed_origins: [\n      "a",\n      "b"]\n   port: 1\n', 6],
  ])('names the line of %s', async (_, yaml, line) => {
    const error = await errorFor(yaml)
    expect(error.message).toContain(`at line ${line}:`)
    expect(error.data?.line).toBe(line)
    expect(error.message).toContain(`  ${line} | `)
  })

  test('a list instead of a mapping is rejected', async () => {
    const error = await errorFor('- workers\n- mcp\n')
    expect(error.message).toContain('must contain one YAML mapping of settings, not a list')
  })

  test('several documents are rejected', async () => {
    const error = await errorFor('workers:\n  count: 1\n---\nmcp:\n  port: 1\n')
    expect(error.hint).toContain('single document')
  })
})
