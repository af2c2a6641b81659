import { withConfig, type TaskTemplate } from './types.ts'

const TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object'] as const
const RULE_KEYS = ['type', 'required', 'minimum', 'maximum', 'min_length', 'max_length', 'pattern', 'enum', 'example']

interface Rule {
  type: (typeof TYPES)[number]
  required?: boolean
  minimum?: number
  maximum?: number
  min_length?: number
  max_length?: number
  pattern?: string
  enum?: unknown[]
  example?: unknown
}

const BODY = `
function typeOf(value) {
  if (Array.isArray(value)) return 'array'
  if (value === null) return 'null'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function checkField(field, rule, value, errors) {
  const add = function (message) { errors.push({ field: field, message: message }) }
  const actual = typeOf(value)
  const typeOk = rule.type === actual || (rule.type === 'number' && actual === 'integer')
  if (!typeOk) return add('must be of type ' + rule.type)
  if (rule.enum && !rule.enum.some(function (allowed) { return JSON.stringify(allowed) === JSON.stringify(value) })) add('must be one of ' + rule.enum.map(function (v) { return JSON.stringify(v) }).join(', '))
  if (rule.minimum !== undefined && value < rule.minimum) add('must be at least ' + rule.minimum)
  if (rule.maximum !== undefined && value > rule.maximum) add('must be at most ' + rule.maximum)
  const length = typeof value === 'string' || Array.isArray(value) ? value.length : undefined
  if (length !== undefined && rule.min_length !== undefined && length < rule.min_length) add('must have at least ' + rule.min_length + ' characters or items')
  if (length !== undefined && rule.max_length !== undefined && length > rule.max_length) add('must have at most ' + rule.max_length + ' characters or items')
  if (rule.pattern !== undefined && typeof value === 'string' && !new RegExp(rule.pattern, 'u').test(value)) add('must match ' + rule.pattern)
}

/** Checks input.data against CONFIG.fields; returns every problem instead of stopping at the first. */
function main(input) {
  const data = input.data
  const errors = []
  for (const field of Object.keys(CONFIG.fields)) {
    const rule = CONFIG.fields[field]
    if (data[field] === undefined || data[field] === null) {
      if (rule.required) errors.push({ field: field, message: 'is required' })
      continue
    }
    checkField(field, rule, data[field], errors)
  }
  if (!CONFIG.allow_unknown_fields) {
    for (const field of Object.keys(data)) {
      if (!(field in CONFIG.fields)) errors.push({ field: field, message: 'is not an allowed field' })
    }
  }
  return { valid: errors.length === 0, errors: errors }
}
`

function checkFields(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object of field → rules'
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length === 0) return 'must describe at least one field'
  for (const [field, raw] of entries) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return `"${field}" must be an object such as {"type": "string", "required": true}`
    const rule = raw as Record<string, unknown>
    const unknown = Object.keys(rule).filter((key) => !RULE_KEYS.includes(key))
    if (unknown.length > 0) return `"${field}" has unknown rule(s) ${unknown.join(', ')} (known: ${RULE_KEYS.join(', ')})`
    if (!TYPES.includes(rule.type as Rule['type'])) return `"${field}".type must be one of ${TYPES.join(', ')}`
    for (const key of ['minimum', 'maximum', 'min_length', 'max_length']) {
      if (rule[key] !== undefined && (typeof rule[key] !== 'number' || !Number.isFinite(rule[key]))) return `"${field}".${key} must be a number`
    }
    if (rule.enum !== undefined && (!Array.isArray(rule.enum) || rule.enum.length === 0)) return `"${field}".enum must be a non-empty list`
    if (rule.pattern !== undefined) {
      if (typeof rule.pattern !== 'string') return `"${field}".pattern must be a string`
      try {
        new RegExp(rule.pattern, 'u')
      } catch (error) {
        return `"${field}".pattern is not a valid regular expression: ${(error as Error).message}`
      }
      if (rule.example === undefined) return `"${field}" has a pattern, so give an "example" value that matches it (the generated tests use it)`
    }
    if (rule.example !== undefined && ruleErrors(rule as unknown as Rule, rule.example).length > 0) {
      return `"${field}".example does not satisfy its own rules: ${ruleErrors(rule as unknown as Rule, rule.example).join('; ')}`
    }
    if (rule.example === undefined && ruleErrors(rule as unknown as Rule, validSample(rule as unknown as Rule)).length > 0) {
      return `"${field}": cannot build a value that passes these rules; give an "example" value that does`
    }
  }
  return null
}

/** Host-side copy of the task's checks, used only to verify examples before generating tests. */
function ruleErrors(rule: Rule, value: unknown): string[] {
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value
  if (!(rule.type === kind || (rule.type === 'number' && kind === 'integer'))) return [`must be of type ${rule.type}`]
  const errors: string[] = []
  if (rule.enum && !rule.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) errors.push('is not in enum')
  if (typeof value === 'number' && rule.minimum !== undefined && value < rule.minimum) errors.push(`is below ${rule.minimum}`)
  if (typeof value === 'number' && rule.maximum !== undefined && value > rule.maximum) errors.push(`is above ${rule.maximum}`)
  const length = typeof value === 'string' || Array.isArray(value) ? value.length : undefined
  if (length !== undefined && rule.min_length !== undefined && length < rule.min_length) errors.push('is too short')
  if (length !== undefined && rule.max_length !== undefined && length > rule.max_length) errors.push('is too long')
  if (rule.pattern !== undefined && typeof value === 'string' && !new RegExp(rule.pattern, 'u').test(value)) errors.push(`does not match ${rule.pattern}`)
  return errors
}

/** A value that passes `rule` (its example, first enum value, or one built from the bounds). */
function validSample(rule: Rule): unknown {
  if (rule.example !== undefined) return rule.example
  if (rule.enum) return rule.enum[0]
  switch (rule.type) {
    case 'string': return 'x'.repeat(Math.max(1, rule.min_length ?? 1))
    case 'number':
    case 'integer': {
      const low = rule.minimum ?? Math.min(1, rule.maximum ?? 1)
      return rule.type === 'integer' ? Math.ceil(low) : low
    }
    case 'boolean': return true
    case 'array': return Array.from({ length: rule.min_length ?? 0 }, () => 'x')
    default: return {}
  }
}

export const validation: TaskTemplate = {
  name: 'validation',
  description: 'Validates a record (input.data) against per-field rules — type, required, minimum/maximum, min_length/max_length, pattern, enum — and returns {valid, errors[{field, message}]} listing every problem.',
  category: 'validation',
  tags: ['validation', 'data-quality'],
  parameters: [
    {
      name: 'fields', type: 'object', required: true, description: `Field → rules {type (${TYPES.join('|')}), required?, minimum?, maximum?, min_length?, max_length?, pattern? (needs example), enum?, example?}`,
      example: { email: { type: 'string', required: true, pattern: '^[^@]+@[^@]+$', example: 'ada@example.com' }, age: { type: 'integer', minimum: 0 } }, check: checkFields,
    },
    { name: 'allow_unknown_fields', type: 'boolean', required: false, default: true, description: 'Accept fields that have no rules' },
  ],
  generate(params) {
    const fields = params.fields as Record<string, Rule>
    const names = Object.keys(fields)
    const config = { fields: Object.fromEntries(names.map((name) => [name, Object.fromEntries(Object.entries(fields[name]).filter(([key]) => key !== 'example'))])), allow_unknown_fields: params.allow_unknown_fields }
    const valid = Object.fromEntries(names.map((name) => [name, validSample(fields[name])]))
    const target = names.find((name) => fields[name].required) ?? names[0]
    const invalid = { ...valid }
    let expectedError: { field: string; message: string }
    if (fields[target].required) {
      delete invalid[target]
      expectedError = { field: target, message: 'is required' }
    } else {
      invalid[target] = fields[target].type === 'string' ? 0 : 'not-a-' + fields[target].type
      expectedError = { field: target, message: `must be of type ${fields[target].type}` }
    }
    return {
      description: `Validates records with the fields ${names.join(', ')}`,
      code: withConfig(config, BODY),
      inputSchema: { type: 'object', properties: { data: { type: 'object', description: 'The record to validate' } }, required: ['data'] },
      outputSchema: {
        type: 'object',
        properties: {
          valid: { type: 'boolean' },
          errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } }, required: ['field', 'message'] } },
        },
        required: ['valid', 'errors'],
      },
      tests: [
        { name: 'accepts a valid record', input: { data: valid }, expected_output: { valid: true, errors: [] } },
        { name: `reports ${target} ${expectedError.message}`, input: { data: invalid }, expected_output: { valid: false, errors: [expectedError] } },
      ],
    }
  },
}
