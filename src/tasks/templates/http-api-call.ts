import { withConfig, type TaskTemplate } from './types.ts'

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const AUTH_TYPES = ['none', 'bearer', 'api_key']

const BODY = `
/** Calls CONFIG.method CONFIG.base_url + CONFIG.path and returns the status and parsed body. */
async function main(input, context) {
  const pathParams = input.path_params || {}
  const path = CONFIG.path.replace(/\\{([A-Za-z0-9_]+)\\}/g, function (_, key) {
    if (pathParams[key] === undefined) throw new ValidationError('input.path_params.' + key + ' is missing (the path is ' + CONFIG.path + ')')
    return encodeURIComponent(String(pathParams[key]))
  })
  const url = new URL(CONFIG.base_url.replace(/\\/+$/, '') + path)
  const query = input.query || {}
  for (const key of Object.keys(query)) url.searchParams.set(key, String(query[key]))

  const headers = Object.assign({ accept: 'application/json' }, CONFIG.headers, input.headers || {})
  if (CONFIG.auth_type !== 'none') {
    if (!input.token) throw new AuthenticationError('input.token is required: this API uses ' + CONFIG.auth_type + ' authentication')
    if (CONFIG.auth_type === 'bearer') headers.authorization = 'Bearer ' + input.token
    else headers[CONFIG.api_key_header] = input.token
  }
  const init = { method: CONFIG.method, headers: headers, signal: context.signal }
  if (input.body !== undefined && CONFIG.method !== 'GET') {
    init.body = JSON.stringify(input.body)
    headers['content-type'] = 'application/json'
  }

  context.log.info('calling ' + CONFIG.method + ' ' + url.origin + url.pathname)
  const response = await fetch(url.toString(), init)
  const text = await response.text()
  let data = text === '' ? null : text
  try {
    if (text !== '') data = JSON.parse(text)
  } catch (notJson) {
    // Not JSON: keep the text as it is.
  }
  if (!response.ok) {
    const detail = typeof data === 'string' ? data : JSON.stringify(data)
    throw new HttpError(response.status, CONFIG.method + ' ' + url.pathname + ' answered HTTP ' + response.status + ': ' + String(detail).slice(0, 200))
  }
  return { status: response.status, data: data }
}
`

function checkUrl(value: unknown): string | null {
  try {
    const url = new URL(String(value))
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'must be an http:// or https:// URL'
  } catch {
    return 'must be an absolute URL such as "https://api.example.com"'
  }
}

/** A sample value for each `{name}` parameter of the path, used by the generated tests. */
function samplePathParams(path: string): Record<string, string> {
  return Object.fromEntries([...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => [m[1], `example-${m[1]}`]))
}

export const httpApiCall: TaskTemplate = {
  name: 'http_api_call',
  description: 'Calls one HTTP endpoint with fetch: path placeholders and query from the input, optional bearer or API-key auth (the token comes from the input, never the code), JSON body; returns {status, data} and fails with HttpError on non-2xx answers.',
  category: 'http',
  tags: ['http', 'api', 'fetch'],
  parameters: [
    { name: 'base_url', type: 'string', required: true, description: 'Base URL of the API', example: 'https://api.example.com', check: checkUrl },
    { name: 'path', type: 'string', required: false, default: '/', description: 'Path after base_url; {name} placeholders are filled from input.path_params', example: '/users/{id}', check: (v) => (String(v).startsWith('/') ? null : 'must start with "/"') },
    { name: 'method', type: 'string', required: false, default: 'GET', description: `HTTP method: ${METHODS.join(', ')}`, check: (v) => (METHODS.includes(String(v).toUpperCase()) ? null : `must be one of ${METHODS.join(', ')}`) },
    { name: 'auth_type', type: 'string', required: false, default: 'none', description: `none, bearer (Authorization: Bearer <input.token>) or api_key (<api_key_header>: <input.token>)`, check: (v) => (AUTH_TYPES.includes(String(v)) ? null : `must be one of ${AUTH_TYPES.join(', ')}`) },
    { name: 'api_key_header', type: 'string', required: false, default: 'X-API-Key', description: 'Header carrying the key when auth_type is api_key' },
    { name: 'headers', type: 'object', required: false, default: {}, description: 'Fixed request headers (no secrets: pass those as input.token)' },
  ],
  generate(params) {
    const method = String(params.method).toUpperCase()
    const auth = String(params.auth_type)
    const config = { base_url: params.base_url, path: params.path, method, auth_type: auth, api_key_header: params.api_key_header, headers: params.headers }
    const pathParams = samplePathParams(String(params.path))
    const url = new URL(String(params.base_url).replace(/\/+$/, '') + String(params.path).replace(/\{([A-Za-z0-9_]+)\}/g, (_, key: string) => encodeURIComponent(pathParams[key]))).toString()
    const input: Record<string, unknown> = {}
    if (Object.keys(pathParams).length > 0) input.path_params = pathParams
    if (auth !== 'none') input.token = 'test-token'
    if (method !== 'GET') input.body = { example: true }
    const body = { id: 1, name: 'example' }
    return {
      description: `Calls ${method} ${String(params.base_url).replace(/\/+$/, '')}${String(params.path)} and returns the status and JSON body`,
      code: withConfig(config, BODY),
      inputSchema: {
        type: 'object',
        properties: {
          path_params: { type: 'object', additionalProperties: { type: ['string', 'number'] }, description: 'Values for the {placeholders} in the path' },
          query: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] }, description: 'Query string parameters' },
          headers: { type: 'object', additionalProperties: { type: 'string' }, description: 'Extra request headers' },
          body: { description: 'JSON request body (not sent with GET)' },
          token: { type: 'string', description: 'Credential for bearer or API-key auth' },
        },
        ...(auth !== 'none' ? { required: ['token'] } : {}),
        additionalProperties: false,
      },
      outputSchema: {
        type: 'object',
        properties: { status: { type: 'integer' }, data: { description: 'Parsed JSON body (or text)' } },
        required: ['status', 'data'],
      },
      tests: [
        { name: 'returns the parsed body', input, expected_output: { status: 200, data: body }, mock: { http: { url, method, response: { status: 200, headers: { 'content-type': 'application/json' }, body } } } },
        { name: 'fails on an HTTP error status', input, should_fail: true, mock: { http: { url, method, response: { status: 404, body: { error: 'not found' } } } } },
      ],
    }
  },
}
