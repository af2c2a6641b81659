/**
 * weather-api: current weather for a city from OpenWeatherMap.
 *
 * Needs an OpenWeatherMap API key (https://openweathermap.org/appid). The key is sent as the
 * `appid` query parameter and is never logged.
 */
const ENDPOINT = 'https://api.openweathermap.org/data/2.5/weather'

async function readJson(response) {
  const text = await response.text()
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return { message: text.slice(0, 200) }
  }
}

async function main(input, context) {
  const city = input.city.trim()
  const units = input.units || 'metric'

  const url = new URL(ENDPOINT)
  url.searchParams.set('q', city)
  url.searchParams.set('units', units)
  url.searchParams.set('appid', input.api_key)

  context.log.info('Fetching current weather', { city, units })

  let response
  try {
    response = await fetch(url.toString(), {
      method: 'GET',
      headers: { Accept: 'application/json' },
      signal: context.signal,
    })
  } catch (error) {
    if (context.signal && context.signal.aborted) throw error // cancelled or timed out: not a network fault
    throw new NetworkError(`Could not reach OpenWeatherMap: ${error && error.message ? error.message : error}`, {
      city,
    })
  }

  const body = await readJson(response)
  const apiMessage = body && typeof body.message === 'string' ? body.message : response.statusText

  if (!response.ok) {
    const status = response.status
    context.log.warn('OpenWeatherMap request failed', { city, status, message: apiMessage })
    if (status === 401) {
      throw new AuthenticationError('OpenWeatherMap rejected the API key', { status, message: apiMessage })
    }
    if (status === 404) throw new HttpError(404, `City not found: ${city}`)
    if (status === 429) {
      throw new RateLimitError('OpenWeatherMap rate limit exceeded; try again later', {
        status,
        retry_after: response.headers.get('retry-after'),
      })
    }
    if (status >= 500) {
      throw new ServiceUnavailableError(`OpenWeatherMap is unavailable (HTTP ${status})`, { status, message: apiMessage })
    }
    throw new HttpError(status, `OpenWeatherMap request failed: ${apiMessage}`)
  }

  if (!body || !body.main || typeof body.main.temp !== 'number' || !Array.isArray(body.weather)) {
    throw new DataError('Unexpected response shape from OpenWeatherMap', { keys: body ? Object.keys(body) : [] })
  }

  const country = body.sys && body.sys.country ? `, ${body.sys.country}` : ''
  const result = {
    location: `${body.name || city}${country}`,
    temperature: body.main.temp,
    units,
    description: body.weather.length > 0 ? body.weather[0].description : 'unknown',
    humidity: body.main.humidity,
  }
  context.log.info('Weather received', { location: result.location, temperature: result.temperature })
  return result
}

module.exports = { main }
