import { describe, expect, test } from 'bun:test'
import { deflateRawSync } from 'node:zlib'
import { readJsonBundle } from '../../src/tasks/bundle.ts'
import { bumpPatch, compareSemver, isStrictSemver, parseSemver } from '../../src/tasks/semver.ts'
import { createZip, readZip } from '../../src/tasks/zip.ts'

const enc = new TextEncoder()

describe('zip', () => {
  test('round-trips stored and deflated entries with UTF-8 names', () => {
    const entries = [
      { path: 'task/main.js', data: enc.encode('function main() { return 1 }\n'.repeat(50)) },
      { path: 'task/empty.txt', data: new Uint8Array(0) },
      { path: 'tâche/ü.json', data: enc.encode('{}') },
    ]
    const zip = createZip(entries)
    expect(readZip(zip)).toEqual(entries)
    // The repeated text was deflated: the archive is smaller than its content.
    expect(zip.length).toBeLessThan(entries[0].data.length)
  })

  test('detects corruption through the CRC-32', () => {
    const zip = createZip([{ path: 'a.txt', data: enc.encode('hello world') }])
    const damaged = zip.slice()
    damaged[30 + 'a.txt'.length] ^= 0xff
    expect(() => readZip(damaged)).toThrow('CRC-32')
  })

  test('refuses archives that are truncated, too large, or inflate past their declared size', () => {
    const zip = createZip([{ path: 'a.txt', data: enc.encode('x'.repeat(1000)) }])
    expect(() => readZip(zip.subarray(0, zip.length - 30))).toThrow('not a readable .zip')
    expect(() => readZip(zip, { maxTotalBytes: 10 })).toThrow('more than 10 bytes')

    // A hand-made bomb: 1 MB of zeros whose header claims 10 bytes.
    const body = new Uint8Array(deflateRawSync(new Uint8Array(1024 * 1024)))
    const bomb = createZip([{ path: 'z.bin', data: new Uint8Array(1024 * 1024) }])
    const view = new DataView(bomb.buffer)
    const central = bomb.length - 22 - (46 + 'z.bin'.length)
    view.setUint32(central + 24, 10, true)
    expect(body.length).toBeLessThan(2000)
    expect(() => readZip(bomb)).toThrow('does not inflate to its declared 10 bytes')
  })
})

describe('semver', () => {
  test.each([
    ['1.0.0', '1.0.1', -1],
    ['1.9.0', '1.10.0', -1],
    ['2.0.0', '1.99.99', 1],
    ['1.0.0-rc.1', '1.0.0', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-alpha.2', '1.0.0-alpha.10', -1],
    ['1.0.0-alpha.beta', '1.0.0-beta', -1],
    ['1.0.0-1', '1.0.0-alpha', -1],
    ['1.0.0+build.5', '1.0.0', 0],
    ['1.0', '1.0.0', 0],
  ] as const)('%s vs %s → %d', (a, b, sign) => {
    expect(Math.sign(compareSemver(parseSemver(a)!, parseSemver(b)!))).toBe(sign)
  })

  test('bumps patch versions and tells strict versions apart', () => {
    expect(bumpPatch('0.1.9')).toBe('0.1.10')
    expect(bumpPatch('1.0')).toBe('1.0.1')
    expect(bumpPatch('2.0.0-beta.1')).toBe('2.0.0')
    expect(bumpPatch('latest')).toBeNull()
    expect(isStrictSemver('1.2.3-rc.1+sha.5')).toBe(true)
    expect(isStrictSemver('1.2')).toBe(false)
    expect(isStrictSemver('01.2.3')).toBe(false)
  })
})

describe('bundle reading', () => {
  test("accepts the predecessor's export shape with test_cases", () => {
    const reading = readJsonBundle({ tasks: [{ name: 'old', version: '1.0.0', code: 'function main(i) { return i }', input_schema: { type: 'object' }, test_cases: [{ input: {}, expected: {} }] }] })
    expect(reading.errors).toEqual([])
    expect(reading.drafts[0]).toMatchObject({ name: 'old', tests: [{ input: {}, expected: {} }], outputSchema: null })
  })

  test('reports each malformed task by name and keeps the rest', () => {
    const reading = readJsonBundle([{ name: 'fine', code: 'x' }, { name: 'bad', code: 7, tags: 'a' }, 42])
    expect(reading.drafts.map((d) => d.name)).toEqual(['fine'])
    expect(reading.errors).toEqual([
      { name: 'bad', message: '"code" must be a string, got number 7; "tags" must be a list of strings, got string "a"' },
      { name: 'tasks[2]', message: 'a task must be an object, got number 42' },
    ])
  })

  test('refuses bundles of a newer version', () => {
    expect(() => readJsonBundle({ format: 'ratchet-bundle', version: 2, tasks: [] })).toThrow('version 2 is not supported')
  })
})
