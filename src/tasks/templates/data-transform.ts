import { withConfig, type TaskTemplate } from './types.ts'

const TRANSFORMS = ['none', 'string', 'number', 'boolean', 'lowercase', 'uppercase', 'trim'] as const
type Transform = (typeof TRANSFORMS)[number]

interface FieldRule {
  from: string
  transform: Transform
  default?: unknown
}

const BODY = `
function readPath(record, path) {
  let value = record
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(key in value)) return undefined
    value = value[key]
  }
  return value
}

function convert(value, transform, field) {
  switch (transform) {
    case 'string': return String(value)
    case 'number': {
      const n = Number(value)
      if (value === '' || value === null || !Number.isFinite(n)) throw new DataError('field "' + field + '": ' + JSON.stringify(value) + ' is not a number')
      return n
    }
    case 'boolean':
      if (value === true || value === 'true' || value === 1 || value === '1') return true
      if (value === false || value === 'false' || value === 0 || value === '0') return false
      throw new DataError('field "' + field + '": ' + JSON.stringify(value) + ' is not a boolean')
    case 'lowercase': return String(value).toLowerCase()
    case 'uppercase': return String(value).toUpperCase()
    case 'trim': return String(value).trim()
    default: return value
  }
}

/** Maps every input record to a new record: one field per CONFIG.fields entry. */
function main(input) {
  const records = input.records.map(function (record, index) {
    const out = {}
    for (const field of Object.keys(CONFIG.fields)) {
      const rule = CONFIG.fields[field]
      const value = readPath(record, rule.from)
      if (value === undefined || value === null) {
        if ('default' in rule) out[field] = rule.default
        else if (!CONFIG.drop_missing) out[field] = null
        continue
      }
      try {
        out[field] = convert(value, rule.transform, field)
      } catch (error) {
        error.message = 'records[' + index + '] ' + error.message
        throw error
      }
    }
    return out
  })
  return { records: records, count: records.length }
}
`

/** `mapping` entries: "path" or {from, transform?, default?}. */
function readRules(mapping: Record<string, unknown>): FieldRule[] {
  return Object.values(mapping).map((spec) => {
    if (typeof spec === 'string') return { from: spec, transform: 'none' }
    const rule = spec as Partial<FieldRule> & { from: string }
    return { ...rule, transform: rule.transform ?? 'none' }
  })
}

function checkMapping(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object'
  const entries = Object.entries(value)
  if (entries.length === 0) return 'must map at least one output field'
  const paths: string[] = []
  for (const [field, spec] of entries) {
    const rule = typeof spec === 'string' ? { from: spec } : spec
    if (typeof rule !== 'object' || rule === null || typeof (rule as FieldRule).from !== 'string' || !(rule as FieldRule).from) {
      return `"${field}" must be an input path such as "user.name", or {"from": "user.name", "transform"?: ..., "default"?: ...}`
    }
    const transform = (rule as FieldRule).transform ?? 'none'
    if (!TRANSFORMS.includes(transform)) return `"${field}".transform must be one of ${TRANSFORMS.join(', ')}`
    const path = (rule as FieldRule).from
    const clash = paths.find((other) => other === path || other.startsWith(`${path}.`) || path.startsWith(`${other}.`))
    if (clash) return `"${field}" reads "${path}", which overlaps "${clash}" read by another field; map each input value once`
    paths.push(path)
  }
  return null
}

/** Sample input value for a transform, and the value the task must produce from it. */
const SAMPLES: Record<Transform, (field: string) => [unknown, unknown]> = {
  none: (field) => [`example-${field}`, `example-${field}`],
  string: () => [42, '42'],
  number: () => ['42', 42],
  boolean: () => ['true', true],
  lowercase: () => ['EXAMPLE', 'example'],
  uppercase: () => ['example', 'EXAMPLE'],
  trim: () => ['  example  ', 'example'],
}

function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = record
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>
  node[keys.at(-1)!] = value
}

export const dataTransform: TaskTemplate = {
  name: 'data_transform',
  description: 'Reshapes a list of records: each output field reads an input path ("user.address.city"), optionally converted (string, number, boolean, lowercase, uppercase, trim) or defaulted when missing.',
  category: 'data',
  tags: ['data', 'transform', 'mapping'],
  parameters: [
    { name: 'mapping', type: 'object', required: true, description: 'Output field → input path, or {from, transform?, default?}', example: { id: 'user.id', email: { from: 'user.email', transform: 'lowercase' }, plan: { from: 'plan', default: 'free' } }, check: checkMapping },
    { name: 'drop_missing', type: 'boolean', required: false, default: false, description: 'Leave out fields whose input is missing (instead of null) when they have no default' },
  ],
  generate(params) {
    const mapping = params.mapping as Record<string, unknown>
    const fields = Object.keys(mapping)
    const rules = readRules(mapping)
    const config = { fields: Object.fromEntries(fields.map((field, i) => [field, rules[i]])), drop_missing: params.drop_missing }
    const sample: Record<string, unknown> = {}
    const expected: Record<string, unknown> = {}
    const emptyExpected: Record<string, unknown> = {}
    fields.forEach((field, i) => {
      const [value, out] = SAMPLES[rules[i].transform](field)
      setPath(sample, rules[i].from, value)
      expected[field] = out
      if ('default' in rules[i]) emptyExpected[field] = rules[i].default
      else if (!params.drop_missing) emptyExpected[field] = null
    })
    return {
      description: `Maps records to {${fields.join(', ')}}`,
      code: withConfig(config, BODY),
      inputSchema: {
        type: 'object',
        properties: { records: { type: 'array', items: { type: 'object' }, description: 'Records to transform' } },
        required: ['records'],
      },
      outputSchema: {
        type: 'object',
        properties: { records: { type: 'array', items: { type: 'object' } }, count: { type: 'integer' } },
        required: ['records', 'count'],
      },
      tests: [
        { name: 'maps and converts every field', input: { records: [sample] }, expected_output: { records: [expected], count: 1 } },
        { name: 'fills defaults for missing fields', input: { records: [{}] }, expected_output: { records: [emptyExpected], count: 1 } },
        { name: 'handles an empty list', input: { records: [] }, expected_output: { records: [], count: 0 } },
      ],
    }
  },
}
