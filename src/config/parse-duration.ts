const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 }

/**
 * Milliseconds in a config duration: `"500ms"`, `"5s"`, `"1.5m"`, or a number of seconds. The
 * schema has already checked the form, so anything else is a programming error.
 */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return Math.round(value * 1000)
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(value.trim())
  if (!match) throw new TypeError(`Not a duration: ${JSON.stringify(value)}`)
  return Math.round(Number(match[1]) * UNITS[match[2]])
}
