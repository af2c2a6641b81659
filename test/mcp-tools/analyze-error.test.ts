import { describe, expect, test } from 'bun:test'
import { analyzeExecutionError, classifyError, type ErrorFacts } from '../../src/engine/analyze-error.ts'
import { parseMissingVariable, parseNotAFunction, parseUndefinedAccess, sourceContext, traceInputPath } from '../../src/engine/error-facts.ts'
import { recheckInput } from '../../src/engine/input-recheck.ts'
import type { ExecutionError, ExecutionRecord, TraceSpan } from '../../src/store/types.ts'
import { makeTask } from '../helpers/make-task.ts'

const err = (type: string, code = 'TASK_FAILED', extra: Partial<ExecutionError> = {}): ExecutionError => ({ type, code, message: `${type} happened`, ...extra })
const httpSpan = (url: string, status: number | undefined, error?: string, durationMs = 12): TraceSpan => ({
  executionId: 'e',
  spanId: `http-${url}`,
  parentId: 'execution',
  name: `HTTP GET ${new URL(url).host}`,
  kind: 'http',
  startMs: 1000,
  durationMs,
  status: status === undefined || status >= 400 ? 'error' : 'ok',
  attributes: { method: 'GET', url, bytes_out: 0, ...(status === undefined ? {} : { status, bytes_in: 10 }), ...(error ? { error } : {}) },
})

function record(error: ExecutionError | null, patch: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return {
    id: 'exec-1',
    taskName: 'weather',
    taskVersion: '1.2.0',
    taskChecksum: 'c1',
    input: { city: 'Atlantis', api_key: 'k' },
    status: error ? 'failed' : 'completed',
    error,
    queuedAt: '2026-01-01T00:00:00.000Z',
    startedAt: '2026-01-01T00:00:00.010Z',
    completedAt: '2026-01-01T00:00:00.100Z',
    durationMs: 90,
    attempt: 1,
    source: 'mcp',
    ...patch,
  }
}

const facts = (rec: ExecutionRecord, extra: Partial<ErrorFacts> = {}): ErrorFacts => ({ record: rec, spans: [], logs: [], timeoutCapSeconds: 300, ...extra })
const analyse = (f: ErrorFacts) => analyzeExecutionError(f, { includeSuggestions: true, includeContext: true })

describe('classifyError', () => {
  test.each([
    [err('ValidationError', 'INPUT_INVALID'), [], 'input_validation'],
    [err('ValidationError', 'OUTPUT_INVALID'), [], 'output_validation'],
    [err('TimeoutError', 'TIMED_OUT'), [], 'timeout'],
    [err('ResourceExhausted', 'RESOURCE_EXHAUSTED'), [], 'resource_exhausted'],
    [err('WorkerCrashed', 'WORKER_CRASHED'), [], 'worker_crashed'],
    [err('Cancelled', 'CANCELLED'), [], 'cancelled'],
    [err('Interrupted', 'INTERRUPTED'), [], 'interrupted'],
    [err('SyntaxError', 'TASK_INVALID'), [], 'code_error'],
    [err('NetworkError'), [], 'network'],
    [err('TimeoutError'), [], 'timeout'],
    [err('HttpError', 'TASK_FAILED', { details: { status: 404 } }), [], 'http_status'],
    [err('HttpError', 'TASK_FAILED', { details: { status: 401 } }), [], 'authentication'],
    [err('HttpError', 'TASK_FAILED', { details: { status: 429 } }), [], 'rate_limit'],
    [err('HttpError'), [httpSpan('https://api.x/a', 403)], 'authentication'],
    [err('AuthenticationError'), [], 'authentication'],
    [err('RateLimitError'), [], 'rate_limit'],
    [err('ValidationError'), [], 'input_validation'],
    [err('TypeError'), [], 'code_error'],
    [err('ReferenceError'), [], 'code_error'],
    [err('SyntaxError', 'TASK_FAILED', { message: 'JSON Parse error: Expected }' }), [], 'data_error'],
    [err('DataError'), [], 'data_error'],
    [err('ConfigurationError'), [], 'configuration'],
    [err('Error'), [httpSpan('https://api.x/a', 500)], 'http_status'],
    [err('Error'), [], 'unknown'],
  ] as const)('%o with %o spans is %s', (error, spans, category) => {
    expect(classifyError(error, spans as unknown as TraceSpan[])).toBe(category)
  })
})

describe('error facts', () => {
  test('read undefined property accesses in both engines\u2019 wording', () => {
    expect(parseUndefinedAccess("undefined is not an object (evaluating 'input.user.profile')")).toEqual({ base: 'input.user', property: 'profile', value: 'undefined' })
    expect(parseUndefinedAccess("null is not an object (evaluating 'rows[0]')")).toEqual({ base: 'rows', property: '0', value: 'null' })
    expect(parseUndefinedAccess("Cannot read properties of undefined (reading 'name')", 'return data.owner.name')).toEqual({ base: 'data.owner', property: 'name', value: 'undefined' })
    expect(parseNotAFunction("input.x is not a function. (In 'input.x()', 'input.x' is undefined)")).toEqual({ callee: 'input.x', actual: 'undefined' })
    expect(parseMissingVariable('fooBar is not defined')).toBe('fooBar')
    expect(parseMissingVariable("Can't find variable: fooBar")).toBe('fooBar')
  })

  test('follow an input path to the first missing key', () => {
    expect(traceInputPath('input.user.profile', { user: {} })).toEqual({ path: ['user'], missing: 'profile' })
    expect(traceInputPath('input["a"][0]', { a: [7] })).toEqual({ path: ['a', '0'], value: 7 })
    expect(traceInputPath('data.x', {})).toBeNull()
  })

  test('show three numbered lines either side of the failing line and notice edits', () => {
    const text = ['l1', 'l2', 'l3', 'l4', 'l5 boom', 'l6', 'l7', 'l8', 'l9'].join('\n')
    const ctx = sourceContext(text, { file: 'f', line: 5, source: 'l5 boom' })!
    expect(ctx.lines.map((l) => l.line)).toEqual([2, 3, 4, 5, 6, 7, 8])
    expect(ctx.lines.find((l) => l.is_error_line)).toEqual({ line: 5, text: 'l5 boom', is_error_line: true })
    expect(ctx.changed).toBe(false)
    expect(sourceContext(text, { file: 'f', line: 5, source: 'something else' })!.changed).toBe(true)
    expect(sourceContext(text, { file: 'f', line: 1 })!.lines.map((l) => l.line)).toEqual([1, 2, 3, 4])
  })

  test('re-check input against a schema, locating missing properties and naming expected types', () => {
    const schema = { type: 'object', required: ['a', 'b'], properties: { a: { type: 'number' }, b: { type: 'string', format: 'email' }, tags: { type: 'array', items: { enum: ['x', 'y'] } } }, additionalProperties: false }
    const result = recheckInput({ a: 'one', tags: ['z'], extra: 1 }, schema)
    expect(result.valid).toBe(false)
    expect(result.errors).toContainEqual({ path: '/a', message: expect.any(String), expected: 'number', actual: 'one' })
    expect(result.errors).toContainEqual({ path: '/b', message: "must have required property 'b'", expected: 'string (format email)', missing: true })
    expect(result.errors).toContainEqual({ path: '/tags/0', message: 'must be one of "x", "y"', expected: 'one of "x", "y"', actual: 'z' })
    expect(result.errors.some((e) => e.message === "must not have additional property 'extra'")).toBe(true)
    expect(recheckInput({ a: 1, b: 'a@b.co' }, schema)).toEqual({ valid: true, errors: [] })
  })
})

describe('analyzeExecutionError', () => {
  test('a completed execution has category none and a note', () => {
    const analysis = analyse(facts(record(null, { output: { ok: true } })))
    expect(analysis).toMatchObject({ category: 'none', status: 'completed', suggestions: [], note: expect.stringContaining('completed successfully') })
  })

  test('invalid input: lists every path with the expected type and the value given', () => {
    const task = makeTask({ name: 'weather', code: 'function main(){}', inputSchema: { type: 'object', required: ['city', 'days'], properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } } } })
    const error = err('ValidationError', 'INPUT_INVALID', { message: 'The input does not match', details: { errors: [{ path: '/city', message: 'must be string' }, { path: '(root)', message: "must have required property 'days'" }] } })
    const analysis = analyse(facts(record(error, { input: { city: 42 }, taskChecksum: task.checksum }), { task }))
    expect(analysis.category).toBe('input_validation')
    expect(analysis.root_cause).toContain("never ran: /city must be string; (root) must have required property 'days'")
    expect(analysis.input_validation).toMatchObject({ valid: false, schema_changed: false })
    expect(analysis.suggestions).toContain('Set `/city` to a value of type string: it was 42 (must be string).')
    expect(analysis.suggestions).toContain('Add `/days` to the input: the schema requires it (integer (≥ 1)).')
  })

  test('TypeError on undefined: names the value, the property, the line, and the missing input key', () => {
    const error = err('TypeError', 'TASK_FAILED', { message: "undefined is not an object (evaluating 'input.user.name')", location: { file: '/t/weather/main.js', line: 3, column: 20, source: 'return input.user.name' } })
    const fileText = 'function main(input) {\n  // greet\n  return input.user.name\n}\n'
    const analysis = analyse(facts(record(error, { input: { id: 1 } }), { fileText }))
    expect(analysis.category).toBe('code_error')
    expect(analysis.root_cause).toContain('`input.user` was undefined when its property `name` was read. The input has no `user`.')
    expect(analysis.suggestions[0]).toBe('Guard the read at line 3 of main.js: use `input.user?.name`, or check `if (input.user == null)` before it and fail with a clear message.')
    expect(analysis.suggestions[1]).toContain('`input.user` is absent from this execution\'s input ({"id":1})')
    expect(analysis.location?.context_lines?.map((l) => l.line)).toEqual([1, 2, 3, 4])
    expect(analysis.location?.source_changed).toBe(false)
  })

  test('ReferenceError: suggests the similarly named identifier from the code', () => {
    const task = makeTask({ name: 'weather', code: 'function main(input) {\n  const temperature = 3\n  return temprature\n}' })
    const error = err('ReferenceError', 'TASK_FAILED', { message: 'temprature is not defined', location: { file: task.entryFile, line: 3, source: 'return temprature' } })
    const analysis = analyse(facts(record(error), { task }))
    expect(analysis.suggestions[0]).toContain('(did you mean `temperature`?)')
  })

  test('HttpError 404: names the URL that answered 404 and the input value inside it', () => {
    const error = err('HttpError', 'TASK_FAILED', { message: 'City not found: Atlantis', details: { status: 404 } })
    const spans = [httpSpan('https://api.weather.test/data?q=Atlantis', 404)]
    const analysis = analyse(facts(record(error), { spans }))
    expect(analysis.category).toBe('http_status')
    expect(analysis.root_cause).toContain('GET https://api.weather.test/data?q=Atlantis answered HTTP 404')
    expect(analysis.failed_http_calls).toEqual([{ method: 'GET', url: 'https://api.weather.test/data?q=Atlantis', status: 404, duration_ms: 12 }])
    expect(analysis.suggestions[0]).toBe('GET https://api.weather.test/data?q=Atlantis returned 404 Not Found: check the URL and any id or name in it (it contains input.city ("Atlantis") from the input).')
    expect(analysis.retryable).toBe(false)
  })

  test('401: points at the credentials in the input; network failures are retryable', () => {
    const auth = analyse(facts(record(err('HttpError', 'TASK_FAILED', { details: { status: 401 } })), { spans: [httpSpan('https://api.x/me', 401)] }))
    expect(auth.category).toBe('authentication')
    expect(auth.suggestions[0]).toContain('check the credentials the task sends (input.api_key)')
    const net = analyse(facts(record(err('NetworkError')), { spans: [httpSpan('https://down.example/x', undefined, 'ECONNREFUSED')] }))
    expect(net).toMatchObject({ category: 'network', retryable: true })
    expect(net.suggestions[0]).toContain('check that down.example is reachable')
  })

  test('timeout: compares the run with its timeout and suggests a value up to the cap', () => {
    const error = err('TimeoutError', 'TIMED_OUT', { message: 'did not finish', reason: 'timeout', details: { timeoutMs: 2000 } })
    const analysis = analyse(facts(record(error, { status: 'timed_out', durationMs: 2003 }), { timeoutCapSeconds: 30, spans: [httpSpan('https://slow.example/big', 200, undefined, 1800)] }))
    expect(analysis.category).toBe('timeout')
    expect(analysis.root_cause).toContain('timeout of 2.0 s elapsed')
    expect(analysis.root_cause).toContain('slowest HTTP call, GET https://slow.example/big, took 1.8 s')
    expect(analysis.suggestions[0]).toBe('It ran 2.0 s against a timeout of 2 s: pass `timeout` (seconds) up to 30, the cap set by execution.max_execution_time and mcp.security.max_execution_time; e.g. timeout: 5.')
    const atCap = analyse(facts(record(error, { status: 'timed_out' }), { timeoutCapSeconds: 2 }))
    expect(atCap.suggestions[0]).toContain('already equals the cap of 2 s')
  })

  test('include_context false leaves out the source lines and the input; include_suggestions false the suggestions', () => {
    const error = err('TypeError', 'TASK_FAILED', { location: { file: '/t/main.js', line: 1, source: 'x' } })
    const analysis = analyzeExecutionError(facts(record(error), { fileText: 'x\n' }), { includeSuggestions: false, includeContext: false })
    expect(analysis.context).toBeUndefined()
    expect(analysis.location).toEqual({ file: '/t/main.js', line: 1, source: 'x' })
    expect(analysis.suggestions).toEqual([])
  })
})
