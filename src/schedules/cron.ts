/**
 * Cron expressions and time zones, through croner: 5 fields (minute hour day-of-month month day-of-week)
 * or 6 with seconds first. A bad expression is refused naming the field that is wrong, with examples of
 * both forms; a zone must be an IANA name the runtime knows.
 */
import { Cron } from 'croner'
import { AppError } from '../errors.ts'

const FIELDS_5 = ['minute', 'hour', 'day of month', 'month', 'day of week'] as const
const FIELDS_6 = ['second', ...FIELDS_5] as const
const RANGES: Record<string, string> = {
  second: '0-59',
  minute: '0-59',
  hour: '0-23',
  'day of month': '1-31 (or L, W)',
  month: '1-12 or JAN-DEC',
  'day of week': '0-7 or SUN-SAT (0 and 7 are Sunday)',
}
const EXAMPLES =
  '5 fields: "*/15 * * * *" (every 15 minutes), "0 9 * * MON-FRI" (09:00 on weekdays); ' +
  '6 fields, seconds first: "*/10 * * * * *" (every 10 seconds), "30 0 12 * * *" (12:00:30 daily)'

/** A parsed, validated expression in a zone: the fire times it yields. */
export interface CronSchedule {
  /** The first slot strictly after `after`, or null when the expression never fires again. */
  nextAfter(after: Date): Date | null
  /** Up to `count` slots strictly after `after`. */
  next(count: number, after: Date): Date[]
  /** The latest slot at or before `at`, or null when there is none. */
  latestAtOrBefore(at: Date): Date | null
}

/** Throws BAD_INPUT unless `timezone` is an IANA zone name (`UTC`, `Europe/Berlin`, `America/New_York`). */
export function checkTimezone(timezone: unknown): string {
  if (typeof timezone !== 'string' || timezone.trim() === '') {
    throw new AppError('BAD_INPUT', `timezone must be an IANA zone name such as "UTC" or "Europe/Berlin", got ${JSON.stringify(timezone)}`, {
      data: { field: 'timezone', timezone },
      hint: 'Use a zone from the IANA database, e.g. "UTC", "Europe/Berlin", "America/New_York"; leave it out for UTC.',
    })
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone })
  } catch {
    throw new AppError('BAD_INPUT', `Unknown time zone ${JSON.stringify(timezone)}`, {
      data: { field: 'timezone', timezone },
      hint: 'Use a zone from the IANA database, e.g. "UTC", "Europe/Berlin", "America/New_York" (fixed offsets are written "Etc/GMT-2").',
    })
  }
  return timezone
}

function make(expression: string, timezone: string): Cron {
  return new Cron(expression, { paused: true, timezone, mode: '5-or-6-parts' })
}

/** Finds the field croner refused by parsing each field alone with every other field a wildcard. */
function findBadField(parts: string[]): { name: string; value: string } | null {
  const names = parts.length === 6 ? FIELDS_6 : FIELDS_5
  for (let i = 0; i < parts.length; i++) {
    const probe = parts.map((part, j) => (j === i ? part : '*')).join(' ')
    try {
      make(probe, 'UTC')
    } catch {
      return { name: names[i]!, value: parts[i]! }
    }
  }
  return null
}

// The timer parses every active schedule on each pass; the same few expressions come back each time.
const parsed = new Map<string, CronSchedule>()
const PARSED_LIMIT = 1000

/** Parses `expression` in `timezone` (validated first); throws BAD_INPUT naming what is wrong. */
export function parseCron(expression: unknown, timezone = 'UTC'): CronSchedule {
  const key = typeof expression === 'string' && typeof timezone === 'string' ? `${timezone} ${expression}` : null
  const known = key === null ? undefined : parsed.get(key)
  if (known) return known
  const schedule = parseUncached(expression, timezone)
  if (parsed.size >= PARSED_LIMIT) parsed.clear()
  parsed.set(key!, schedule)
  return schedule
}

function parseUncached(expression: unknown, timezone: string): CronSchedule {
  checkTimezone(timezone)
  if (typeof expression !== 'string' || expression.trim() === '') {
    throw new AppError('BAD_INPUT', `cron_expression must be a cron expression string, got ${JSON.stringify(expression)}`, {
      data: { field: 'cron_expression', cronExpression: expression },
      hint: `Examples: ${EXAMPLES}.`,
    })
  }
  const text = expression.trim()
  const parts = text.split(/\s+/)
  if (!text.startsWith('@') && parts.length !== 5 && parts.length !== 6) {
    throw new AppError('BAD_INPUT', `The cron expression ${JSON.stringify(text)} has ${parts.length} field${parts.length === 1 ? '' : 's'}; it needs 5 (minute hour day-of-month month day-of-week) or 6 (second first)`, {
      data: { field: 'cron_expression', cronExpression: text, fields: parts.length },
      hint: `Examples: ${EXAMPLES}.`,
    })
  }
  let cron: Cron
  try {
    cron = make(text, timezone)
  } catch (error) {
    const reason = (error as Error).message.replace(/^CronPattern:\s*/, '')
    const bad = text.startsWith('@') ? null : findBadField(parts)
    const where = bad ? `the ${bad.name} field ${JSON.stringify(bad.value)} is not valid (allowed: ${RANGES[bad.name]}, lists a,b, ranges a-b, steps */n)` : reason
    throw new AppError('BAD_INPUT', `Invalid cron expression ${JSON.stringify(text)}: ${where}`, {
      data: { field: 'cron_expression', cronExpression: text, ...(bad ? { cronField: bad.name, value: bad.value } : {}), reason },
      hint: `Examples: ${EXAMPLES}.`,
    })
  }
  if (cron.nextRun(new Date()) === null) {
    throw new AppError('BAD_INPUT', `The cron expression ${JSON.stringify(text)} never fires (no date matches it)`, {
      data: { field: 'cron_expression', cronExpression: text },
      hint: `Check the day-of-month and month fields (e.g. "0 0 30 2 *" never happens). Examples: ${EXAMPLES}.`,
    })
  }
  return {
    nextAfter: (after) => cron.nextRun(after),
    next: (count, after) => cron.nextRuns(count, after),
    // previousRuns looks strictly before its reference; a millisecond later includes a slot at `at`.
    latestAtOrBefore: (at) => cron.previousRuns(1, new Date(at.getTime() + 1))[0] ?? null,
  }
}
