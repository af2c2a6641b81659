import { describe, expect, test } from 'bun:test'
import type { Config } from '../../src/config/types.ts'
import { isAppError } from '../../src/errors.ts'
import { MCP_HTTP_DEFAULTS, refuseAddressWithStdio, resolveMcpHttpOptions, resolveMcpServeTransport, resolveMcpTransport } from '../../src/mcp/http/http-options.ts'
import { startRatchetMcp } from './helpers/ratchet-mcp.ts'
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

  test('flags override mcp.host and mcp.port; the config overrides the defaults; mcp.transport does not pick the HTTP transport', () => {
    const config = configWith({ host: 'localhost', port: 9000, transport: 'streamable-http', max_connections: 5, cors: { allowed_origins: ['https://app.example.com'] }, security: { request_size_limit: 1000 } })
    expect(resolveMcpHttpOptions(config)).toMatchObject({ host: 'localhost', port: 9000, transport: 'sse', maxSessions: 5, allowedOrigins: ['https://app.example.com'], maxRequestBodySize: 1000 })
    expect(resolveMcpHttpOptions(config, { transport: 'streamable-http' }).transport).toBe('streamable-http')
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

  test('ratchet mcp defaults to sse whatever mcp.transport says; mcp-serve takes the flag, else mcp.transport, else stdio', () => {
    expect(resolveMcpTransport()).toBe('sse')
    expect(resolveMcpTransport('stdio')).toBe('stdio')
    expect(resolveMcpServeTransport(configWith())).toBe('stdio')
    expect(resolveMcpServeTransport(configWith({ transport: 'sse' }))).toBe('sse')
    expect(resolveMcpServeTransport(configWith({ transport: 'sse' }), 'stdio')).toBe('stdio')
    expect(refusal(() => resolveMcpServeTransport(configWith(), 'websocket'))?.code).toBe('BAD_INPUT')
    expect(refusal(() => resolveMcpHttpOptions(configWith(), { transport: 'stdio' }))?.code).toBe('BAD_INPUT')
  })

  test('--host or --port with the stdio transport is a usage error naming the flags; with HTTP they are fine', () => {
    const problem = refusal(() => refuseAddressWithStdio('stdio', { port: '8091' }, '--transport stdio'))
    expect(problem?.code).toBe('BAD_INPUT')
    expect(problem?.message).toContain('--port cannot be used with the stdio transport (--transport stdio)')
    expect(problem?.message).toContain('--transport sse')
    expect(refusal(() => refuseAddressWithStdio('stdio', { host: '::1', port: 1 }, 'x'))?.message).toContain('--host and --port')
    expect(refusal(() => refuseAddressWithStdio('stdio', {}, 'x'))).toBeNull()
    expect(refusal(() => refuseAddressWithStdio('sse', { port: '1' }, 'x'))).toBeNull()
  })

  test('ratchet mcp --port serves HTTP even when the config says mcp.transport: stdio (the sample config)', async () => {
    const server = await startRatchetMcp({ mcp: { transport: 'stdio' } })
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(200)
    } finally {
      expect(await server.stop()).toBe(0)
    }
  })

  test('ratchet mcp-serve follows mcp.transport: sse in the config', async () => {
    const server = await startRatchetMcp({ command: 'mcp-serve', mcp: { transport: 'sse' } })
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(200)
    } finally {
      expect(await server.stop()).toBe(0)
    }
  })

  test.each([
    [['mcp', '--transport', 'stdio', '--port', '8091'], '--port cannot be used with the stdio transport (--transport stdio)'],
    [['mcp-serve', '--transport', 'stdio', '--host', '127.0.0.1'], '--host cannot be used with the stdio transport (--transport stdio)'],
    [['mcp-serve', '--port', '8091'], "(mcp-serve's default)"],
  ])('ratchet %p exits with a usage error before starting anything', async (args, message) => {
    const dir = await makeTempRoot('ratchet-mcp-stdio-port-')
    await writeFiles(dir, '.', { 'ratchet.yaml': 'database:\n  url: "sqlite::memory:"\n' })
    const result = await ratchet([...args, '--config', `${dir}/ratchet.yaml`])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
    expect(result.stdout).toBe('')
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
