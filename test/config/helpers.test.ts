import { describe, expect, test } from 'bun:test'
import { closestMatch } from '../../src/config/internal/closest-match.ts'
import { formatKeyPath } from '../../src/config/internal/key-path.ts'
import { parseDuration } from '../../src/config/parse-duration.ts'

describe('parseDuration', () => {
  test.each([
    ['5s', 5000],
    ['500ms', 500],
    ['1m', 60000],
    ['1.5s', 1500],
    [2, 2000],
    [0.25, 250],
  ])('%p is %p ms', (value, ms) => {
    expect(parseDuration(value)).toBe(ms)
  })

  test('rejects a string without a unit', () => {
    expect(() => parseDuration('5')).toThrow('Not a duration')
  })
})

describe('closestMatch', () => {
  const keys = ['count', 'restart_on_failure', 'max_queue']
  test.each([
    ['cout', 'count'],
    ['counts', 'count'],
    ['MaxQueue', 'max_queue'],
    ['restart-on-failure', 'restart_on_failure'],
    ['restart_on_falure', 'restart_on_failure'],
  ])('%s → %s', (input, expected) => {
    expect(closestMatch(input, keys)).toBe(expected)
  })

  test('returns nothing when no key is close', () => {
    expect(closestMatch('database', keys)).toBeUndefined()
  })
})

describe('formatKeyPath', () => {
  test('writes indexes in brackets and quotes odd keys', () => {
    expect(formatKeyPath(['registry', 'sources', 0, 'uri'])).toBe('registry.sources[0].uri')
    expect(formatKeyPath(['a b'])).toBe('["a b"]')
    expect(formatKeyPath([])).toBe('(root)')
  })
})
