import { describe, expect, test } from 'bun:test'
import { ENV_OVERRIDES, parseRustLog } from '../../src/config/env-overrides.ts'
import { allowedKeysAt } from '../../src/config/internal/schema-at.ts'
import { CONFIG_SCHEMA } from '../../src/config/validate-config.ts'

describe('parseRustLog', () => {
  test.each([
    ['info', 'info'],
    ['DEBUG', 'debug'],
    ['ratchet=debug,tower=warn', 'debug'],
    ['tower=warn,ratchet=trace', 'trace'],
    ['warn,ratchet=debug', 'debug'],
    ['ratchet_mcp=debug,error', 'debug'],
    ['ratchet::server=trace', 'trace'],
    ['tower=warn,info', 'info'],
    ['off', 'error'],
    [' info , hyper=trace ', 'info'],
  ])('%s gives %s', (value, expected) => {
    expect(parseRustLog(value)).toBe(expected as never)
  })

  test.each(['', 'tower=warn', 'ratchet=loud', 'verbose', 'ratchetx=debug'])('%s gives no level', (value) => {
    expect(parseRustLog(value)).toBeUndefined()
  })

  test('undefined gives no level', () => {
    expect(parseRustLog(undefined)).toBeUndefined()
  })
})

describe('ENV_OVERRIDES', () => {
  test('every variable is named after the key it sets', () => {
    for (const [name, path] of Object.entries(ENV_OVERRIDES)) {
      if (name === 'RATCHET_LOG_LEVEL') continue
      expect(name).toBe(`RATCHET_${path.join('_').toUpperCase()}`)
    }
  })

  test('every target key exists in the schema', () => {
    for (const [section, key] of Object.values(ENV_OVERRIDES)) {
      expect(allowedKeysAt(CONFIG_SCHEMA, [section])).toContain(key)
    }
  })
})
