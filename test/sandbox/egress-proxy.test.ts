import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { Server } from 'bun'
import { fetchViaEgress, startEgressProxy, type EgressProxy, type Lookup } from '../../src/pool/egress/index.ts'
import { silentLogger } from '../helpers/silent-logger.ts'

let upstream: Server<undefined>
let port: number
const proxies: EgressProxy[] = []
const lookups: string[] = []

beforeAll(() => {
  upstream = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(request) {
      const url = new URL(request.url)
      if (url.pathname === '/echo') return Response.json({ host: request.headers.get('host'), method: request.method, body: await request.text(), auth: request.headers.get('authorization') })
      if (url.pathname === '/to-metadata') return Response.redirect('http://169.254.169.254/latest/meta-data/', 302)
      if (url.pathname === '/to-echo') return new Response(null, { status: 303, headers: { location: '/echo' } })
      if (url.pathname === '/to-other-origin') return Response.redirect(`http://localhost:${port}/echo`, 307)
      if (url.pathname === '/loop') return Response.redirect(`/loop?n=${Number(url.searchParams.get('n') ?? 0) + 1}`, 302)
      if (url.pathname === '/big') return new Response('x'.repeat(4096))
      if (url.pathname === '/slow') return Bun.sleep(2000).then(() => new Response('late'))
      return new Response('plain')
    },
  })
  port = upstream.port!
})

afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()))
  upstream.stop(true)
})

/** A proxy whose resolver maps every name through `names` (and records the lookups). */
function proxy(allowedHosts: string[], deniedHosts: string[] = [], limits = {}, names: Record<string, string[]> = {}): EgressProxy {
  const lookup: Lookup = async (host) => {
    lookups.push(host)
    if (host === 'localhost') return ['127.0.0.1']
    if (names[host]) return names[host]
    throw new Error('ENOTFOUND')
  }
  const p = startEgressProxy({ policy: { allowedHosts, deniedHosts }, logger: silentLogger(), limits, lookup })
  proxies.push(p)
  return p
}

const get = (p: EgressProxy, url: string, init: { method?: string; headers?: [string, string][]; body?: string } = {}) =>
  fetchViaEgress(p.socketPath, { executionId: 'test', url, method: init.method ?? 'GET', headersJson: JSON.stringify(init.headers ?? []), body: init.body ?? null }, AbortSignal.timeout(5000))

describe('egress proxy', () => {
  test('forwards an allowed request and returns status, headers and the body as base64', async () => {
    const p = proxy(['127.0.0.1'])
    const reply = await get(p, `http://127.0.0.1:${port}/echo`, { method: 'POST', body: 'hi', headers: [['authorization', 'Bearer t']] })
    expect(reply.status).toBe(200)
    expect(JSON.parse(Buffer.from(reply.body, 'base64').toString())).toEqual({ host: `127.0.0.1:${port}`, method: 'POST', body: 'hi', auth: 'Bearer t' })
    expect(reply.url).toBe(`http://127.0.0.1:${port}/echo`)
  })

  test('connects to the address it checked and keeps the Host header of the name', async () => {
    const p = proxy(['localhost'])
    lookups.length = 0
    const reply = await get(p, `http://localhost:${port}/echo`)
    expect(JSON.parse(Buffer.from(reply.body, 'base64').toString()).host).toBe(`localhost:${port}`)
    expect(lookups).toEqual(['localhost'])
  })

  test.each([
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://127.0.0.1:1/', 'loopback'],
    ['http://[::1]:1/', 'loopback'],
    ['http://2130706433:1/', 'loopback'],
    ['http://0x7f.1:1/', 'loopback'],
    ['http://0.0.0.0:1/', 'unspecified'],
    ['http://localhost:1/', 'localhost resolves to 127.0.0.1'],
    ['http://rebind.test/', 'rebind.test resolves to 10.0.0.7'],
  ])('denies %s (%s) unless allowed', async (url, why) => {
    const p = proxy([], [], {}, { 'rebind.test': ['93.184.216.34', '10.0.0.7'] })
    const error = await get(p, url).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).name).toBe('NetworkError')
    expect((error as Error).message).toContain('egress denied')
    expect((error as Error).message).toContain(why)
    expect((error as Error).message).toContain('execution.fetch.allowed_hosts')
  })

  test('applies denied_hosts globs and allowed_hosts, naming the key to change', async () => {
    const p = proxy(['*.example.com'], ['secret.example.com'])
    await expect(get(p, 'http://secret.example.com/')).rejects.toThrow('execution.fetch.denied_hosts')
    await expect(get(p, 'http://example.org/')).rejects.toThrow('example.org is not in execution.fetch.allowed_hosts')
  })

  test('refuses schemes other than http and https', async () => {
    const p = proxy([])
    await expect(get(p, 'file:///etc/passwd')).rejects.toThrow('only http and https')
  })

  test('checks every redirect hop again, and a 303 turns a POST into a GET', async () => {
    const p = proxy(['127.0.0.1'])
    await expect(get(p, `http://127.0.0.1:${port}/to-metadata`)).rejects.toThrow('169.254.169.254 is not in execution.fetch.allowed_hosts')
    const reply = await get(p, `http://127.0.0.1:${port}/to-echo`, { method: 'POST', body: 'x' })
    expect(reply.redirected).toBe(true)
    expect(reply.url).toBe(`http://127.0.0.1:${port}/echo`)
    expect(JSON.parse(Buffer.from(reply.body, 'base64').toString())).toMatchObject({ method: 'GET', body: '' })
  })

  test('drops credentials when a redirect changes origin', async () => {
    const p = proxy(['127.0.0.1', 'localhost'])
    const reply = await get(p, `http://127.0.0.1:${port}/to-other-origin`, { headers: [['authorization', 'Bearer t']] })
    expect(JSON.parse(Buffer.from(reply.body, 'base64').toString())).toMatchObject({ host: `localhost:${port}`, auth: null })
  })

  test('stops after 5 redirects', async () => {
    const p = proxy(['127.0.0.1'])
    await expect(get(p, `http://127.0.0.1:${port}/loop`)).rejects.toThrow('more than 5 redirects')
  })

  test('caps request and response sizes and enforces its deadline', async () => {
    const p = proxy(['127.0.0.1'], [], { maxResponseBytes: 1000, maxRequestBytes: 10, timeoutMs: 300 })
    await expect(get(p, `http://127.0.0.1:${port}/big`)).rejects.toThrow('over the 1000-byte limit')
    await expect(get(p, `http://127.0.0.1:${port}/echo`, { method: 'POST', body: 'x'.repeat(11) })).rejects.toThrow('over the 10-byte limit')
    const error = await get(p, `http://127.0.0.1:${port}/slow`).catch((e: Error) => e)
    expect(error).toMatchObject({ name: 'TimeoutError', message: 'no response within 300 ms' })
  })
})
