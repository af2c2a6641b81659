import { describe, expect, test } from 'bun:test'
import schema from '../../schemas/config.schema.json'
import { DEFAULTS } from '../../src/config/defaults.ts'
import { getAt } from '../../src/config/internal/key-path.ts'

type Node = Record<string, unknown>

/** Every property schema in the file, with its dotted location. */
function properties(node: unknown, at: string, out: Array<[string, Node]> = []): Array<[string, Node]> {
  if (typeof node !== 'object' || node === null) return out
  const record = node as Node
  for (const [key, child] of Object.entries((record.properties as Node) ?? {})) {
    out.push([`${at}${key}`, child as Node])
    properties(child, `${at}${key}.`, out)
  }
  for (const [key, child] of Object.entries((record.$defs as Node) ?? {})) properties(child, `$defs.${key}.`, out)
  if (record.items) properties(record.items, at, out)
  return out
}

function resolve(node: Node): Node {
  if (typeof node.$ref !== 'string') return node
  return { ...(getAt(schema, node.$ref.slice(2).split('/')) as Node), ...node }
}

describe('schemas/config.schema.json', () => {
  test('describes every key', () => {
    const undocumented = properties(schema, '')
      .filter(([, node]) => typeof resolve(node).description !== 'string')
      .map(([path]) => path)
    expect(undocumented).toEqual([])
  })

  test('closes our own sections to unknown keys', () => {
    for (const section of ['database', 'logging', 'workers', 'execution', 'server', 'registry']) {
      expect(((schema.properties as Node)[section] as Node).additionalProperties).toBe(false)
    }
    expect(schema.additionalProperties).toBe(false)
    expect(schema.$defs.mcp.additionalProperties).toBe(false)
  })

  test.each([
    ['database.url', DEFAULTS.database.url],
    ['logging.level', DEFAULTS.logging.level],
    ['workers.restart_on_failure', DEFAULTS.workers.restart_on_failure],
    ['workers.max_queue', DEFAULTS.workers.max_queue],
    ['execution.max_execution_time', DEFAULTS.execution.max_execution_time],
    ['execution.max_memory_mb', DEFAULTS.execution.max_memory_mb],
    ['execution.validate_schemas', DEFAULTS.execution.validate_schemas],
    ['execution.sandbox', DEFAULTS.execution.sandbox],
    ['execution.fetch.allowed_hosts', DEFAULTS.execution.fetch.allowed_hosts],
    ['execution.fetch.denied_hosts', DEFAULTS.execution.fetch.denied_hosts],
    ['server.host', DEFAULTS.server.host],
    ['server.port', DEFAULTS.server.port],
    ['$defs.mcp.security.max_execution_time', DEFAULTS.mcp.security.max_execution_time],
    ['$defs.logSink.use_json', DEFAULTS.log_sink.use_json],
    ['$defs.logSink.max_size', DEFAULTS.log_sink.max_size],
    ['$defs.logSink.max_backups', DEFAULTS.log_sink.max_backups],
    ['$defs.logSink.buffered.size', DEFAULTS.log_buffer.size],
    ['$defs.logSink.buffered.flush_interval', DEFAULTS.log_buffer.flush_interval],
    ['$defs.registrySource.config.watch_for_changes', DEFAULTS.registry_source.watch_for_changes],
    ['$defs.registrySource.config.auto_reload', DEFAULTS.registry_source.auto_reload],
  ])('the documented default of %s matches DEFAULTS', (path, expected) => {
    const found = properties(schema, '').find(([at]) => at === path)
    expect(found).toBeDefined()
    expect(found?.[1].default).toEqual(expected)
  })

  test('the CPU-count default is read when asked for, not fixed at import', () => {
    expect(DEFAULTS.workers.count).toBe(navigator.hardwareConcurrency)
  })
})
