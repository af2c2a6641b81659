import { describe, expect, test } from 'bun:test'
import { classifyAddress, createHostPolicy, matchesHost, normalizeHost, parseIpv4 } from '../../src/pool/egress/index.ts'

describe('IP classification', () => {
  test.each([
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['100.64.0.1', 'carrier-nat'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    // The forms inet_aton accepts, which URL parsers and resolvers turn into the same addresses.
    ['2130706433', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['127.1', 'loopback'],
    ['2852039166', 'link-local'],
    ['0xa9.0xfe.0xa9.0xfe', 'link-local'],
    ['012.0.0.1', 'private'],
    ['0', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2606:4700:4700::1111', 'public'],
    ['2001:db8::1', 'reserved'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected as never)
  })

  test.each(['example.com', 'localhost', '1.2.3.4.5', '256.1.1.1', '08.0.0.1', '1::2::3', 'gggg::1', ''])('%p is not an IP literal', (text) => {
    expect(classifyAddress(text)).toBeNull()
  })

  test('parses every IPv4 form to the same number', () => {
    expect(new Set(['127.0.0.1', '2130706433', '0x7f000001', '0177.0.0.01', '127.0.1', '127.1'].map(parseIpv4))).toEqual(new Set([2130706433]))
  })
})

describe('host lists', () => {
  test.each([
    ['api.example.com', 'api.example.com', true],
    ['API.Example.COM.', 'api.example.com', true],
    ['a.example.com', '*.example.com', true],
    ['a.b.example.com', '*.example.com', true],
    ['example.com', '*.example.com', false],
    ['badexample.com', '*.example.com', false],
    ['127.0.0.1', '2130706433', true],
    ['anything.test', '*', true],
  ])('%s matches %s: %p', (host, pattern, expected) => {
    expect(matchesHost(normalizeHost(host), pattern)).toBe(expected)
  })

  test('denied_hosts wins over allowed_hosts and names the key to change', () => {
    const policy = createHostPolicy({ allowedHosts: ['*.example.com'], deniedHosts: ['secret.example.com'] })
    expect(policy.checkHost('api.example.com')).toEqual({ allowed: true, explicit: false })
    expect(policy.checkHost('secret.example.com')).toEqual({ allowed: false, reason: expect.stringContaining('execution.fetch.denied_hosts') })
    expect(policy.checkHost('other.org')).toEqual({ allowed: false, reason: expect.stringContaining('not in execution.fetch.allowed_hosts') })
  })

  test('an empty allow list allows any public host but no internal address', () => {
    const policy = createHostPolicy({ allowedHosts: [], deniedHosts: [] })
    expect(policy.checkHost('example.com')).toEqual({ allowed: true, explicit: false })
    expect(policy.checkAddress('example.com', '93.184.216.34', false)).toBeNull()
    expect(policy.checkAddress('example.com', '10.1.2.3', false)).toContain('example.com resolves to 10.1.2.3, which is a private address')
    expect(policy.checkAddress('169.254.169.254', '169.254.169.254', false)).toContain('169.254.169.254 is a link-local address')
  })

  test('only an exact allowed_hosts entry unlocks an internal address, never a glob', () => {
    const policy = createHostPolicy({ allowedHosts: ['localhost', '127.0.0.1', '*.internal.test'], deniedHosts: [] })
    const exact = policy.checkHost('localhost')
    expect(exact).toEqual({ allowed: true, explicit: true })
    expect(policy.checkAddress('localhost', '::1', true)).toBeNull()
    expect(policy.checkHost('2130706433')).toEqual({ allowed: true, explicit: true })
    const glob = policy.checkHost('db.internal.test')
    expect(glob).toEqual({ allowed: true, explicit: false })
    expect(policy.checkAddress('db.internal.test', '10.0.0.5', false)).toContain('lists "db.internal.test" exactly')
  })
})
