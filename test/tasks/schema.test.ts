import { describe, expect, test } from 'bun:test'
import { AppError } from '../../src/errors.ts'
import { checkSchema, compileSchema, formatSchemaErrors } from '../../src/tasks/index.ts'

describe('checkSchema', () => {
  test('accepts ordinary schemas, boolean schemas and local references', () => {
    expect(checkSchema(true)).toEqual([])
    expect(checkSchema({ type: ['string', 'null'], pattern: '^\\p{L}+$' })).toEqual([])
    expect(checkSchema({ $defs: { id: { $anchor: 'ident', type: 'string' } }, properties: { a: { $ref: '#/$defs/id' }, b: { $ref: '#ident' }, c: { $ref: '#' } } })).toEqual([])
    expect(checkSchema({ definitions: { 'a/b': { type: 'number' } }, items: { $ref: '#/definitions/a~1b' } })).toEqual([])
  })

  test('names the JSON pointer of every problem in the schema', () => {
    const problems = checkSchema({
      type: 'object',
      properties: {
        a: { type: 'bogus' },
        b: { type: 'string', pattern: '(' },
        c: { type: 'array', items: 5 },
        d: { type: 'object', required: 'x' },
        e: { enum: 'red' },
        f: { type: 'string', required: true },
      },
      additionalProperties: 'no',
      anyOf: [],
      oneOf: { type: 'string' },
      not: null,
      $defs: [],
    })
    expect(problems.map((problem) => problem.slice(0, problem.indexOf(':')))).toEqual([
      '#/properties/a/type',
      '#/properties/b/pattern',
      '#/properties/c/items',
      '#/properties/d/required',
      '#/properties/e/enum',
      '#/properties/f/required',
      '#/$defs',
      '#/additionalProperties',
      '#/not',
      '#/anyOf',
      '#/oneOf',
    ])
    expect(problems[0]).toBe('#/properties/a/type: unknown type "bogus" (expected one of null, boolean, object, array, number, integer, string)')
    expect(problems[5]).toContain('draft-03 style `required: true` is not supported')
  })

  test('rejects a non-object schema and properties that are not schemas', () => {
    expect(checkSchema('string')).toEqual(['#: a schema must be an object or a boolean, got string "string"'])
    expect(checkSchema({ properties: ['a'] })).toEqual(['#/properties: must be an object mapping names to schemas, got an array'])
    expect(checkSchema({ properties: { a: 'string' } })).toEqual(['#/properties/a: a schema must be an object or a boolean, got string "string"'])
    expect(checkSchema({ allOf: [{}, 3] })).toEqual(['#/allOf/1: a schema must be an object or a boolean, got number 3'])
  })

  test('rejects remote $ref and says schemas are never fetched', () => {
    const [problem] = checkSchema({ properties: { a: { $ref: 'https://example.com/person.json' } } })
    expect(problem).toStartWith('#/properties/a/$ref: remote reference "https://example.com/person.json" is not supported: schemas are never fetched')
    expect(checkSchema({ $ref: 'other.json#/x' })[0]).toContain('never fetched')
  })

  test('rejects a $ref to a path that does not exist', () => {
    expect(checkSchema({ $defs: { a: {} }, $ref: '#/$defs/b' })).toEqual(['#/$ref: reference "#/$defs/b" points to nothing in this schema'])
    expect(checkSchema({ $ref: '#nowhere' })).toEqual(['#/$ref: reference "#nowhere" names no "$anchor" in this schema'])
  })
})

describe('compileSchema', () => {
  test('checks values and lists errors by instance path', () => {
    const validator = compileSchema({
      type: 'object',
      properties: { a: { type: 'number' }, list: { type: 'array', items: { type: 'object', properties: { b: { type: 'string' } } } } },
      required: ['a', 'b'],
    })
    expect(validator.check({ a: 1, b: 2 })).toBe(true)
    expect(validator.errors({ a: 1, b: 2 })).toEqual([])
    expect(validator.check({ a: 'x', list: [{ b: 1 }] })).toBe(false)
    expect(validator.errors({ a: 'x', list: [{ b: 1 }] })).toEqual([
      { path: '(root)', message: "must have required property 'b'" },
      { path: '/a', message: 'must be number' },
      { path: '/list/0/b', message: 'must be string' },
    ])
  })

  test('resolves $defs and draft-07 definitions through $ref', () => {
    const modern = compileSchema({
      $defs: { point: { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'] } },
      type: 'array',
      items: { $ref: '#/$defs/point' },
    })
    expect(modern.check([{ x: 1 }, { x: 2 }])).toBe(true)
    expect(modern.errors([{ x: 1 }, { x: 1.5 }, {}])).toEqual([
      { path: '/1/x', message: 'must be integer' },
      { path: '/2', message: "must have required property 'x'" },
    ])
    const draft07 = compileSchema({ definitions: { name: { type: 'string', minLength: 1 } }, properties: { name: { $ref: '#/definitions/name' } } })
    expect(draft07.check({ name: 'Ada' })).toBe(true)
    expect(draft07.errors({ name: '' })).toEqual([{ path: '/name', message: 'must not have fewer than 1 characters' }])
  })

  test('checks email, date-time and uri formats', () => {
    const validator = compileSchema({
      type: 'object',
      properties: { email: { format: 'email' }, at: { format: 'date-time' }, link: { format: 'uri' } },
    })
    expect(validator.check({ email: 'ada@example.com', at: '2024-05-01T12:00:00Z', link: 'https://example.com/a?b=c' })).toBe(true)
    expect(validator.errors({ email: 'ada', at: 'yesterday', link: 'not a uri' })).toEqual([
      { path: '/email', message: 'must match format "email"' },
      { path: '/at', message: 'must match format "date-time"' },
      { path: '/link', message: 'must match format "uri"' },
    ])
  })

  test('reports each extra property once, without TypeBox echoing "schema is false"', () => {
    const validator = compileSchema({ type: 'object', properties: { a: {} }, additionalProperties: false })
    expect(validator.errors({ a: 1, b: 2, 'c/d': 3 })).toEqual([
      { path: '(root)', message: "must not have additional property 'b'" },
      { path: '(root)', message: "must not have additional property 'c/d'" },
    ])
  })

  test('de-duplicates identical errors at the same spot', () => {
    const validator = compileSchema({ allOf: [{ required: ['x'] }, { required: ['x'] }] })
    expect(validator.errors({})).toEqual([{ path: '(root)', message: "must have required property 'x'" }])
  })

  test('lists the allowed values of an enum', () => {
    expect(compileSchema({ enum: ['red', 'green'] }).errors('blue')).toEqual([{ path: '(root)', message: 'must be one of "red", "green"' }])
  })

  test('returns the cached validator for an identical schema', () => {
    expect(compileSchema({ type: 'string', maxLength: 3 })).toBe(compileSchema({ type: 'string', maxLength: 3 }))
  })

  test('refuses schemas that checkSchema rejects, including remote $ref', () => {
    expect(() => compileSchema({ type: 'bogus' })).toThrow(AppError)
    try {
      compileSchema({ $ref: 'https://example.com/schema.json' })
      throw new Error('expected a rejection')
    } catch (error) {
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('TASK_INVALID')
      expect((error as AppError).message).toContain('schemas are never fetched')
    }
  })
})

describe('formatSchemaErrors', () => {
  test('lists each offending path on one line', () => {
    const validator = compileSchema({
      type: 'object',
      properties: { a: { type: 'number' }, list: { type: 'array', items: { type: 'string' } }, 'odd key': { type: 'boolean' } },
      required: ['a', 'b'],
    })
    const errors = validator.errors({ a: 'x', list: ['ok', 2], 'odd key': 1 })
    expect(formatSchemaErrors(errors)).toBe(
      "input: must have required property 'b'; input.a: must be number; input.list[1]: must be string; input[\"odd key\"]: must be boolean",
    )
    expect(formatSchemaErrors([{ path: '(root)', message: 'must be object' }], 'output')).toBe('output: must be object')
  })
})
