/**
 * http-json-fetch: one HTTP request, answered as { status, ok, headers, body }.
 *
 * Request body: objects, arrays, numbers, booleans and null are sent as JSON (Content-Type
 * application/json unless a Content-Type header is given); strings are sent as they are.
 * Response body: parsed as JSON when the Content-Type says JSON (or is absent and the text parses),
 * otherwise returned as text; an empty body is null.
 *
 * Only failures to talk to the server (DNS, refused connection, TLS, ...) fail the task, with a
 * NetworkError. HTTP error statuses are data: check `ok` / `status` in the output.
 */
const METHODS_WITHOUT_BODY = ['GET', 'HEAD']

function hasHeader(headers, name) {
  return Object.keys(headers).some((key) => key.toLowerCase() === name)
}

async function main(input, context) {
  const method = (input.method || 'GET').toUpperCase()
  const headers = { Accept: 'application/json', ...(input.headers || {}) }

  let url
  try {
    url = new URL(input.url)
  } catch {
    throw new ValidationError(`Not a valid URL: ${input.url}`, { url: input.url })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(`Only http and https URLs are supported, got ${url.protocol}`, { url: input.url })
  }

  const init = { method, headers, signal: context.signal }
  if (input.body !== undefined) {
    if (METHODS_WITHOUT_BODY.includes(method)) {
      throw new ValidationError(`A ${method} request cannot have a body`, { method })
    }
    if (typeof input.body === 'string') {
      init.body = input.body
    } else {
      init.body = JSON.stringify(input.body)
      if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json'
    }
  }

  context.log.info(`${method} ${url.origin}${url.pathname}`)
  const started = Date.now()

  let response
  try {
    response = await fetch(url.toString(), init)
  } catch (error) {
    if (context.signal && context.signal.aborted) throw error
    const reason = error && error.message ? error.message : String(error)
    // Ratchet's fetch already says which request failed ("GET https://… failed: …"); say it only once.
    const message = reason.startsWith(`${method} `) ? reason : `${method} ${url.origin}${url.pathname} failed: ${reason}`
    throw new NetworkError(message, { url: url.toString(), method })
  }

  const responseHeaders = {}
  response.headers.forEach((value, key) => {
    responseHeaders[key.toLowerCase()] = value
  })

  const text = method === 'HEAD' ? '' : await response.text()
  const contentType = responseHeaders['content-type'] || ''
  let body = null
  if (text !== '') {
    if (contentType.includes('json') || contentType === '') {
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
    } else {
      body = text
    }
  }

  context.log.info(`HTTP ${response.status} in ${Date.now() - started} ms`, { status: response.status })
  return { status: response.status, ok: response.ok, headers: responseHeaders, body }
}
