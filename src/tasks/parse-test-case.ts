import type { HttpMock, TaskProblem, TaskTestCase } from './types.ts'
import { describeValue, isPlainObject } from './internal/json-value.ts'

/** Where a raw test case came from, for the TaskTestCase and for problem messages. */
export interface TestCaseSource {
  /** Absolute path of the test file (or meta.yaml). */
  file: string
  /** Path relative to the task folder, used in problems. */
  relFile: string
  /** Name used when the case has none: the file name without extension, or `case-N` for inline cases. */
  defaultName: string
  /** Location inside the file for inline cases, e.g. `test_cases[2]`. */
  where?: string
}

/** The keys a test case may have that ratchet evaluates. */
export const TEST_CASE_KEYS = ['name', 'description', 'input', 'expected_output', 'expected', 'should_fail', 'mock'] as const

/** Keys accepted without a warning because they only describe the case (nothing is checked). */
const DESCRIPTIVE_KEYS = new Set(['tags'])

/** What one raw test case became: the case (null when broken), its problems, and advice. */
export interface ParsedTestCase {
  test: TaskTestCase | null
  problems: TaskProblem[]
  /** Keys that are ignored (a misspelling such as `expect_output` means nothing is compared). */
  warnings: TaskProblem[]
}

/**
 * Maps one test file's JSON (`{name?, description?, input, expected_output | expected, should_fail?,
 * mock?, tags?}`) to a TaskTestCase, or lists every problem with it. `mock.http` may be one mock or a
 * list; legacy `response.ok` / `response.statusText` fields are ignored. Any other top-level key is a
 * warning, with the known key it most likely misspells, because it is silently not evaluated.
 */
export function parseTestCase(raw: unknown, source: TestCaseSource): ParsedTestCase {
  const problems: TaskProblem[] = []
  const prefix = source.where ? `${source.where}: ` : ''
  const add = (message: string, hint?: string): void => {
    problems.push({ file: source.relFile, message: `${prefix}${message}`, ...(hint ? { hint } : {}) })
  }
  if (!isPlainObject(raw)) {
    add(`a test case must be a JSON object, got ${describeValue(raw)}`, 'Write { "input": {...}, "expected_output": {...} }.')
    return { test: null, problems, warnings: [] }
  }
  const warnings = unknownKeyWarnings(raw, source.relFile, prefix)

  if (!('input' in raw)) add('"input" is missing', 'Add "input": the value passed to main(input); use {} for none.')
  if ('name' in raw && (typeof raw.name !== 'string' || raw.name.trim() === '')) add(`"name" must be a non-empty string, got ${describeValue(raw.name)}`)
  if ('description' in raw && typeof raw.description !== 'string') add(`"description" must be a string, got ${describeValue(raw.description)}`)
  if ('should_fail' in raw && typeof raw.should_fail !== 'boolean') add(`"should_fail" must be true or false, got ${describeValue(raw.should_fail)}`)

  const mockHttp = 'mock' in raw && raw.mock !== undefined && raw.mock !== null ? parseMock(raw.mock, add) : []

  if (problems.length > 0) return { test: null, problems, warnings }
  const hasOutput = 'expected_output' in raw
  const hasExpected = hasOutput || 'expected' in raw
  const test: TaskTestCase = {
    name: typeof raw.name === 'string' ? raw.name : source.defaultName,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    input: raw.input,
    hasExpected,
    ...(hasExpected ? { expectedOutput: hasOutput ? raw.expected_output : raw.expected } : {}),
    shouldFail: raw.should_fail === true,
    mockHttp,
    file: source.file,
  }
  return { test, problems, warnings }
}

function unknownKeyWarnings(raw: Record<string, unknown>, file: string, prefix: string): TaskProblem[] {
  const known = new Set<string>(TEST_CASE_KEYS)
  const warnings: TaskProblem[] = []
  for (const key of Object.keys(raw)) {
    if (known.has(key) || DESCRIPTIVE_KEYS.has(key)) continue
    if (key === 'assertions') {
      warnings.push({
        file,
        message: `${prefix}"assertions" is accepted but not evaluated: ratchet only compares expected_output (and checks should_fail)`,
        hint: 'Put the exact output you expect in "expected_output".',
      })
      continue
    }
    const guess = closestKey(key, TEST_CASE_KEYS)
    warnings.push({
      file,
      message: `${prefix}unknown key ${JSON.stringify(key)} is ignored${guess ? `; did you mean ${guess}?` : ''}`,
      hint: guess ? `Rename it to "${guess}".` : `A test case has ${TEST_CASE_KEYS.join(', ')} (and tags).`,
    })
  }
  return warnings
}

/** The known key within a few edits of `key` (ignoring case and - vs _), or null. */
function closestKey(key: string, known: readonly string[]): string | null {
  const norm = (text: string) => text.toLowerCase().replace(/-/g, '_')
  let best: { key: string; distance: number } | null = null
  for (const candidate of known) {
    const distance = editDistance(norm(key), norm(candidate))
    if (distance <= Math.max(2, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) best = { key: candidate, distance }
  }
  return best?.key ?? null
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length]
}

function parseMock(mock: unknown, add: (message: string, hint?: string) => void): HttpMock[] {
  if (!isPlainObject(mock)) {
    add(`"mock" must be an object like { "http": [...] }, got ${describeValue(mock)}`)
    return []
  }
  if (mock.http === undefined) return []
  const entries = Array.isArray(mock.http) ? mock.http : [mock.http]
  const mocks: HttpMock[] = []
  entries.forEach((entry, index) => {
    const at = Array.isArray(mock.http) ? `mock.http[${index}]` : 'mock.http'
    const parsed = parseHttpMock(entry, at, add)
    if (parsed) mocks.push(parsed)
  })
  return mocks
}

const MOCK_HINT = 'A mock looks like { "url": "https://api.example.com/x", "method": "GET", "response": { "status": 200, "body": {...} } }.'

function parseHttpMock(entry: unknown, at: string, add: (message: string, hint?: string) => void): HttpMock | null {
  if (!isPlainObject(entry)) {
    add(`${at} must be an object, got ${describeValue(entry)}`, MOCK_HINT)
    return null
  }
  let ok = true
  const bad = (message: string): void => {
    ok = false
    add(`${at}.${message}`, MOCK_HINT)
  }
  if (typeof entry.url !== 'string' || entry.url.trim() === '') bad(`url is missing (got ${describeValue(entry.url)})`)
  if (entry.method !== undefined && (typeof entry.method !== 'string' || !/^[A-Za-z]+$/.test(entry.method))) {
    bad(`method must be an HTTP method such as "GET", got ${describeValue(entry.method)}`)
  }
  const response = entry.response
  if (!isPlainObject(response)) {
    bad(`response is missing (got ${describeValue(response)})`)
    return null
  }
  const status = response.status
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    bad(`response.status must be an HTTP status code (100-599), got ${describeValue(status)}`)
  }
  const headers = response.headers
  if (headers !== undefined && (!isPlainObject(headers) || !Object.values(headers).every((value) => typeof value === 'string'))) {
    bad('response.headers must be an object of string values')
  }
  if (!ok) return null
  return {
    url: entry.url as string,
    ...(typeof entry.method === 'string' ? { method: entry.method.toUpperCase() } : {}),
    response: {
      status: status as number,
      ...(headers !== undefined ? { headers: headers as Record<string, string> } : {}),
      ...('body' in response ? { body: response.body } : {}),
    },
  }
}
