import { withConfig, type TaskTemplate } from './types.ts'

const METRICS = ['count', 'sum', 'min', 'max', 'avg'] as const

const BODY = `
function summarise(values) {
  const all = {
    count: values.length,
    sum: values.reduce(function (a, b) { return a + b }, 0),
    min: values.length ? Math.min.apply(null, values) : null,
    max: values.length ? Math.max.apply(null, values) : null,
  }
  all.avg = values.length ? all.sum / values.length : null
  const out = {}
  for (const metric of CONFIG.metrics) out[metric] = all[metric]
  return out
}

/**
 * A scheduled aggregation: summarises input.items[*][CONFIG.value_field] overall and per
 * CONFIG.group_by value. Items without a numeric value are counted in "skipped", not guessed at.
 */
function main(input, context) {
  const all = []
  const groups = {}
  let skipped = 0
  for (const item of input.items) {
    const value = item === null || typeof item !== 'object' ? undefined : item[CONFIG.value_field]
    if (typeof value !== 'number' || !Number.isFinite(value)) { skipped++; continue }
    all.push(value)
    if (CONFIG.group_by) {
      const key = String(item[CONFIG.group_by] === undefined ? '(none)' : item[CONFIG.group_by])
      ;(groups[key] = groups[key] || []).push(value)
    }
  }
  const grouped = {}
  for (const key of Object.keys(groups).sort()) grouped[key] = summarise(groups[key])
  context.log.info(CONFIG.job_name + ': aggregated ' + all.length + ' values, skipped ' + skipped)
  return { job: CONFIG.job_name, total: summarise(all), groups: grouped, skipped: skipped }
}
`

/** Host-side reference of the task's arithmetic, for the generated tests' expected outputs. */
function summarise(values: number[], metrics: string[]): Record<string, number | null> {
  const sum = values.reduce((a, b) => a + b, 0)
  const all: Record<string, number | null> = {
    count: values.length,
    sum,
    min: values.length ? Math.min(...values) : null,
    max: values.length ? Math.max(...values) : null,
    avg: values.length ? sum / values.length : null,
  }
  return Object.fromEntries(metrics.map((metric) => [metric, all[metric]]))
}

export const scheduledJob: TaskTemplate = {
  name: 'scheduled_job',
  description: 'A job meant to run on a schedule: aggregates a list of items (count, sum, min, max, avg of a numeric field), overall and per group, and reports items it had to skip.',
  category: 'scheduling',
  tags: ['scheduled', 'aggregation', 'report'],
  parameters: [
    { name: 'job_name', type: 'string', required: true, description: 'Name reported in the output and logs', example: 'daily-sales-summary', check: (v) => (String(v).trim() ? null : 'must not be empty') },
    { name: 'value_field', type: 'string', required: false, default: 'value', description: 'Item field holding the number to aggregate' },
    { name: 'group_by', type: 'string', required: false, default: '', description: 'Item field to group by (empty: no groups)', check: (v, params) => (v !== '' && v === params.value_field ? 'must differ from value_field' : null) },
    { name: 'metrics', type: 'array', required: false, default: [...METRICS], description: `Metrics to compute, from ${METRICS.join(', ')}`, check: (v) => (Array.isArray(v) && v.length > 0 && v.every((m) => METRICS.includes(m)) ? null : `must be a non-empty list from ${METRICS.join(', ')}`) },
  ],
  generate(params) {
    const valueField = String(params.value_field)
    const groupBy = String(params.group_by)
    const metrics = params.metrics as string[]
    const config = { job_name: params.job_name, value_field: valueField, group_by: groupBy, metrics }
    const items = [
      { [valueField]: 10, ...(groupBy ? { [groupBy]: 'a' } : {}) },
      { [valueField]: 20.5, ...(groupBy ? { [groupBy]: 'b' } : {}) },
      { [valueField]: 30, ...(groupBy ? { [groupBy]: 'a' } : {}) },
      { [valueField]: 'n/a' },
    ]
    const numbers = [10, 20.5, 30]
    const groups = groupBy ? { a: summarise([10, 30], metrics), b: summarise([20.5], metrics) } : {}
    const metricSchema = { type: 'object', properties: Object.fromEntries(metrics.map((m) => [m, { type: m === 'count' ? 'integer' : ['number', 'null'] }])), required: metrics }
    return {
      description: `Scheduled job ${String(params.job_name)}: aggregates ${valueField}${groupBy ? ` by ${groupBy}` : ''}`,
      code: withConfig(config, BODY),
      inputSchema: { type: 'object', properties: { items: { type: 'array', description: 'Items to aggregate' } }, required: ['items'] },
      outputSchema: {
        type: 'object',
        properties: { job: { type: 'string' }, total: metricSchema, groups: { type: 'object', additionalProperties: metricSchema }, skipped: { type: 'integer' } },
        required: ['job', 'total', 'groups', 'skipped'],
      },
      tests: [
        { name: 'aggregates numeric values and skips the rest', input: { items }, expected_output: { job: params.job_name, total: summarise(numbers, metrics), groups, skipped: 1 } },
        { name: 'handles an empty run', input: { items: [] }, expected_output: { job: params.job_name, total: summarise([], metrics), groups: {}, skipped: 0 } },
      ],
    }
  },
}
