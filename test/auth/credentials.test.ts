import { describe, expect, test } from 'bun:test'
import { readCredential } from '../../src/auth/credentials.ts'

const request = (headers: Record<string, string> = {}, query = '') => new Request(`http://127.0.0.1:8090/mcp${query}`, { headers })

describe('where credentials may come from', () => {
  test('Authorization: Bearer, Authorization: ApiKey and X-API-Key carry an API key', () => {
    expect(readCredential(request({ authorization: 'Bearer abc' }), { apiKeys: true })).toEqual({ scheme: 'bearer', value: 'abc' })
    expect(readCredential(request({ authorization: 'apikey abc' }), { apiKeys: true })).toEqual({ scheme: 'apikey', value: 'abc' })
    expect(readCredential(request({ 'x-api-key': 'abc' }), { apiKeys: true })).toEqual({ scheme: 'apikey', value: 'abc' })
    expect(readCredential(request({ authorization: 'Bearer abc', 'x-api-key': 'abc' }), { apiKeys: true })).toEqual({ scheme: 'bearer', value: 'abc' })
  })

  test('no credential is null', () => {
    expect(readCredential(request(), { apiKeys: true })).toBeNull()
  })

  test.each(['?api_key=abc', '?token=abc', '?access_token=abc', '?sessionId=1&API_KEY=abc'])('a credential in the query string (%s) is refused, even next to a valid header', (query) => {
    expect(readCredential(request({ authorization: 'Bearer abc' }, query), { apiKeys: true })).toMatchObject({ ok: false, status: 401, reason: 'credentials_in_query' })
  })

  test('other query parameters are fine', () => {
    expect(readCredential(request({ authorization: 'Bearer abc' }, '?sessionId=1'), { apiKeys: true })).toEqual({ scheme: 'bearer', value: 'abc' })
  })

  test('an unknown scheme, two different credentials, and API keys where tokens are expected are refused', () => {
    expect(readCredential(request({ authorization: 'Basic dXNlcjpwdw==' }), { apiKeys: true })).toMatchObject({ reason: 'unsupported_scheme' })
    expect(readCredential(request({ authorization: 'Bearer a', 'x-api-key': 'b' }), { apiKeys: true })).toMatchObject({ reason: 'ambiguous_credentials' })
    expect(readCredential(request({ 'x-api-key': 'b' }), { apiKeys: false })).toMatchObject({ reason: 'unsupported_scheme' })
    expect(readCredential(request({ authorization: 'ApiKey b' }), { apiKeys: false })).toMatchObject({ reason: 'unsupported_scheme' })
  })
})
