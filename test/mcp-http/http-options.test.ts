import { describe, expect, test } from 'bun:test'
import type { Config } from '../../src/config/types.ts'
import { isAppError } from '../../src/errors.ts'
import { MCP_HTTP_DEFAULTS, resolveMcpHttpOptions, resolveMcpTransport } from '../../src/mcp/http/http-options.ts'
import { ratchet } from '../helpers/cli.ts'
import { makeTempRoot, writeFiles } from '../helpers/temp-files.ts'

const configWith = (mcp: Record<string, unknown> = {}) => ({ raw: { mcp } }) as unknown as Config

function refusal(run: () => unknown): { code: string; message: string } | null {
  try {
    run()
    return null
  } catch (error) {
    if (!isAppError(error)) throw error
    return { code: error.code, message: `${error.message} ${error.hint ?? ''}` }
  }
}

describe('MCP HTTP settings', () => {
  test('defaults: both transports on 127.0.0.1:8090, no auth, 8 s keep-alives', () => {
    expect(resolveMcpHttpOptions(configWith())).toMatchObject({ transport: 'sse', host: '127.0.0.1', port: 8090, authType: 'none', allowedOrigins: [], keepAliveMs: 8000 })
    expect(MCP_HTTP_DEFAULTS.keepAliveMs).toBeLessThan(10_000)
  })

  test('flags override mcp.host, mcp.port and mcp.transport; the config overrides the defaults', () => {
    const config = configWith({ host: 'localhost', port: 9000, transport: 'streamable-http', max_connections: 5, cors: { allowed_origins: ['https://app.example.com'] }, security: { request_size_limit: 1000 } })
    expect(resolveMcpHttpOptions(config)).toMatchObject({ host: 'localhost', port: 9000, transport: 'streamable-http', maxSessions: 5, allowedOrigins: ['https://app.example.com'], maxRequestBodySize: 1000 })
    expect(resolveMcpHttpOptions(config, { host: '::1', port: '0', transport: 'sse' })).toMatchObject({ host: '::1', port: 0, transport: 'sse' })
  })

  test('auth_type none on a non-loopback host is refused, naming both keys', () => {
    const problem = refusal(() => resolveMcpHttpOptions(configWith(), { host: '0.0.0.0' }))
    expect(problem?.code).toBe('CONFIG_INVALID')
    expect(problem?.message).toContain('mcp.auth_type')
    expect(problem?.message).toContain('mcp.allow_unauthenticated_remote')
    expect(resolveMcpHttpOptions(configWith({ allow_unauthenticated_remote: true }), { host: '0.0.0.0' }).host).toBe('0.0.0.0')
  })

  test('an auth type without its credentials is refused rather than ignored', () => {
    expect(refusal(() => resolveMcpHttpOptions(configWith({ auth_type: 'api_key' })))?.message).toContain('mcp.api_keys')
    expect(refusal(() => resolveMcpHttpOptions(configWith({ auth_type: 'jwt' })))?.message).toContain('mcp.jwt.secret')
    expect(refusal(() => resolveMcpHttpOptions(configWith({ auth_type: 'oauth2', oauth2: { issuer: 'https://id.example.com' } })))?.message).toContain('mcp.oauth2.jwks_uri')
  })

  test('with authentication configured, a non-loopback host is allowed', () => {
    const keys = [{ key: 'k'.repeat(32), name: 'ci' }]
    expect(resolveMcpHttpOptions(configWith({ auth_type: 'api_key', api_keys: keys }), { host: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', authType: 'api_key' })
  })

  test.each([['--port', 'abc'], ['--port', '70000'], ['--transport', 'websocket']])('a bad %s value is refused: %p', (flag, value) => {
    const flags = flag === '--port' ? { port: value } : { transport: value }
    expect(refusal(() => resolveMcpHttpOptions(configWith(), flags))?.code).toBe('BAD_INPUT')
  })

  test('stdio is a transport of ratchet mcp, but not an HTTP one', () => {
    expect(resolveMcpTransport(configWith({ transport: 'stdio' }))).toBe('stdio')
    expect(refusal(() => resolveMcpHttpOptions(configWith(), { transport: 'stdio' }))?.code).toBe('BAD_INPUT')
  })

  test('ratchet mcp --host 0.0.0.0 exits with the refusal before starting anything', async () => {
    const dir = await makeTempRoot('ratchet-mcp-refuse-')
    await writeFiles(dir, '.', { 'ratchet.yaml': 'database:\n  url: "sqlite::memory:"\n' })
    const result = await ratchet(['mcp', '--config', `${dir}/ratchet.yaml`, '--host', '0.0.0.0', '--port', '0'])
    expect(result.code).toBe(78)
    expect(result.stderr).toContain('mcp.allow_unauthenticated_remote')
    expect(result.stdout).toBe('')
  })
})
