import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { Server } from 'bun'
import type { HttpMock } from '../../src/tasks/types.ts'
import { makeTask } from '../helpers/make-task.ts'
import { openHarness, type Harness } from '../helpers/with-engine.ts'

let h: Harness
let server: Server<undefined>
let base: string

beforeAll(async () => {
  server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch(request) {
      const url = new URL(request.url)
      if (url.pathname === '/json') return Response.json({ hello: 'world', n: 3 }, { headers: { 'x-trace': 'abc' } })
      if (url.pathname === '/echo') return request.text().then((body) => Response.json({ method: request.method, body, type: request.headers.get('content-type') }))
      if (url.pathname === '/missing') return new Response('nothing here', { status: 404 })
      return new Response('plain text body')
    },
  })
  base = `http://127.0.0.1:${server.port}`
  h = await openHarness()
})

afterAll(async () => {
  await h.close()
  server.stop(true)
})

const run = (code: string, input: unknown = {}, mocks?: HttpMock[]) => h.engine.execute({ task: makeTask({ code }), input, source: 'test', timeout: 3, mocks })

describe('fetch against a real server', () => {
  test('returns a response with json(), ok, status and headers, and records an http span', async () => {
    const record = await run(
      'async function main(input) {\n  const res = await fetch(input.url)\n  return { body: await res.json(), ok: res.ok, status: res.status, trace: res.headers.get("X-Trace"), type: res.headers.get("content-type") }\n}\n',
      { url: `${base}/json` },
    )
    expect(record.error ?? null).toBeNull()
    expect(record.output).toEqual({ body: { hello: 'world', n: 3 }, ok: true, status: 200, trace: 'abc', type: expect.stringContaining('application/json') })
    const spans = await h.store.getSpans(record.id)
    const http = spans.filter((s) => s.kind === 'http')
    expect(http).toHaveLength(1)
    expect(http[0]).toMatchObject({ parentId: 'execution', status: 'ok', attributes: { method: 'GET', url: `${base}/json`, status: 200, bytes_in: JSON.stringify({ hello: 'world', n: 3 }).length, bytes_out: 0 } })
    expect(http[0].durationMs).toBeGreaterThan(0)
    expect(http[0].durationMs).toBeLessThan(3000)
    expect(spans.some((s) => s.kind === 'execution' && s.spanId === 'execution')).toBe(true)
  })

  test('reads text bodies, non-2xx statuses and sends a JSON body with its content type', async () => {
    const record = await run(
      [
        'async function main(input) {',
        '  const text = await (await fetch(input.base + "/other")).text()',
        '  const missing = await fetch(input.base + "/missing")',
        '  const echo = await (await fetch(input.base + "/echo", { method: "post", body: { a: 1 } })).json()',
        '  return { text, missing: [missing.ok, missing.status, await missing.text()], echo }',
        '}',
      ].join('\n'),
      { base },
    )
    expect(record.output).toEqual({
      text: 'plain text body',
      missing: [false, 404, 'nothing here'],
      echo: { method: 'POST', body: '{"a":1}', type: 'application/json' },
    })
    const http = (await h.store.getSpans(record.id)).filter((s) => s.kind === 'http')
    expect(http.map((s) => [s.attributes.method, s.attributes.status, s.status])).toEqual([['GET', 200, 'ok'], ['GET', 404, 'error'], ['POST', 200, 'ok']])
    expect(http[2].attributes.bytes_out).toBe(7)
  })

  test('a connection failure is a NetworkError naming the URL, recorded as an error span', async () => {
    const closed = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response('x') })
    const url = `http://127.0.0.1:${closed.port}/gone`
    closed.stop(true)
    const record = await run('async function main(input) {\n  await fetch(input.url)\n}\n', { url })
    expect(record.status).toBe('failed')
    expect(record.error?.type).toBe('NetworkError')
    expect(record.error?.message).toContain(`GET ${url} failed`)
    const [span] = (await h.store.getSpans(record.id)).filter((s) => s.kind === 'http')
    expect(span).toMatchObject({ status: 'error', attributes: { url } })
  })
})

describe('fetch answered by mock.http', () => {
  const mocks: HttpMock[] = [
    { url: 'https://api.example.com/users/1', method: 'GET', response: { status: 200, body: { id: 1, name: 'Ada' } } },
    { url: 'https://api.example.com/search', response: { status: 200, headers: { 'x-source': 'mock' }, body: 'prefix hit' } },
    { url: 'https://api.example.com/teapot', response: { status: 418, body: { error: 'short and stout' } } },
  ]

  test('answers an exact match and a prefix match', async () => {
    const record = await run(
      [
        'async function main() {',
        '  const user = await fetch("https://api.example.com/users/1")',
        '  const search = await fetch("https://api.example.com/search?q=ratchet&page=2")',
        '  return {',
        '    user: [user.status, user.ok, await user.json(), user.headers.get("content-type")],',
        '    search: [search.status, await search.text(), search.headers.get("X-Source")],',
        '  }',
        '}',
      ].join('\n'),
      {},
      mocks,
    )
    expect(record.error ?? null).toBeNull()
    expect(record.output).toEqual({
      user: [200, true, { id: 1, name: 'Ada' }, 'application/json'],
      search: [200, 'prefix hit', 'mock'],
    })
    const http = (await h.store.getSpans(record.id)).filter((s) => s.kind === 'http')
    expect(http.map((s) => s.attributes.mocked)).toEqual([true, true])
  })

  test('a mocked error status gives ok false and its status', async () => {
    const record = await run('async function main() {\n  const res = await fetch("https://api.example.com/teapot")\n  return [res.ok, res.status, (await res.json()).error]\n}\n', {}, mocks)
    expect(record.output).toEqual([false, 418, 'short and stout'])
  })

  test('an unmatched call fails with a message naming the URL', async () => {
    const record = await run('async function main() {\n  await fetch("https://other.example.org/v1/items")\n}\n', {}, mocks)
    expect(record.status).toBe('failed')
    expect(record.error?.type).toBe('NetworkError')
    expect(record.error?.message).toContain('https://other.example.org/v1/items')
    expect(record.error?.message).toContain('no mock.http entry matches')
  })

  test('a mock restricted to one method does not answer another', async () => {
    const record = await run('async function main() {\n  await fetch("https://api.example.com/users/1", { method: "DELETE" })\n}\n', {}, mocks)
    expect(record.status).toBe('failed')
    expect(record.error?.message).toContain('DELETE https://api.example.com/users/1')
  })
})
