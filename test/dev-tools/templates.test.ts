import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { TASK_TEMPLATES } from '../../src/tasks/task-templates.ts'
import { openDevTools, type DevToolsHarness } from './harness.ts'

let h: DevToolsHarness

beforeAll(async () => {
  h = await openDevTools()
})

afterAll(async () => {
  await h.close()
})

/** Parameters for each template: its examples for required ones, plus a variant exercising options. */
const CASES: Array<[string, Record<string, unknown>]> = [
  ['http_api_call', { base_url: 'https://api.example.com', path: '/users/{id}' }],
  ['http_api_call', { base_url: 'https://api.example.com/v2/', path: '/items', method: 'POST', auth_type: 'bearer' }],
  ['data_transform', { mapping: { id: 'user.id', email: { from: 'user.email', transform: 'lowercase' }, plan: { from: 'plan', default: 'free' }, age: { from: 'age', transform: 'number' } } }],
  ['data_transform', { mapping: { name: 'name', active: { from: 'flags.active', transform: 'boolean' } }, drop_missing: true }],
  ['validation', { fields: { email: { type: 'string', required: true, pattern: '^[^@]+@[^@]+$', example: 'ada@example.com' }, age: { type: 'integer', minimum: 18 } } }],
  ['validation', { fields: { score: { type: 'number', maximum: 0.5 } }, allow_unknown_fields: false }],
  ['file_processor', {}],
  ['file_processor', { delimiter: ';', has_header: false, convert_numbers: false, trim_values: false, skip_empty_lines: false }],
  ['webhook_handler', { required_fields: ['type', 'id'], allowed_events: ['order.created'] }],
  ['webhook_handler', { required_fields: ['delivery'], event_field: 'event', signature_prefix: '' }],
  ['scheduled_job', { job_name: 'daily-summary' }],
  ['scheduled_job', { job_name: 'by-region', value_field: 'amount', group_by: 'region', metrics: ['count', 'avg'] }],
]

describe('every template generates a task whose own tests pass', () => {
  test('there are at least six templates, each listed with its parameters', async () => {
    const { output } = await h.call('list_templates', {})
    expect(output.total_count).toBeGreaterThanOrEqual(6)
    expect(output.templates.map((t) => t.name)).toEqual(TASK_TEMPLATES.map((t) => t.name))
    expect(output.categories.length).toBeGreaterThanOrEqual(6)
    const http = output.templates.find((t) => t.name === 'http_api_call')!
    expect(http.required_parameters).toEqual(['base_url'])
    expect(http.optional_parameters).toContain('auth_type')
    expect((await h.call('list_templates', { category: 'webhooks' })).output.templates.map((t) => t.name)).toEqual(['webhook_handler'])
  })

  test.each(CASES.map(([template, params], i) => [`${template} #${i}`, template, params] as const))('%s', async (_label, template, parameters) => {
    const name = `tpl-${template.replace(/_/g, '-')}-${CASES.findIndex(([t, p]) => t === template && p === parameters)}`
    const { output, isError } = await h.call('generate_from_template', { template, name, parameters, save: true })
    expect(output.message).not.toContain('problem')
    expect(isError ?? false).toBe(false)
    expect(output.saved).toBe(true)
    expect(existsSync(join(h.tasksDir, name, 'main.js'))).toBe(true)
    const results = output.test_results!
    expect(results.total).toBeGreaterThanOrEqual(2)
    expect(results.results.filter((r) => r.status === 'failed').map((r) => `${r.name}: ${r.reason}`)).toEqual([])
    expect(results.passed).toBe(results.total)
  })
})

describe('generate_from_template', () => {
  test('returns the task without saving it by default', async () => {
    const { output, isError } = await h.call('generate_from_template', { template: 'scheduled_job', name: 'not-saved', parameters: { job_name: 'x' } })
    expect(isError ?? false).toBe(false)
    expect(output.saved).toBe(false)
    expect(output.code).toContain('const CONFIG')
    expect(output.test_cases!.length).toBe(2)
    expect(output.parameters).toMatchObject({ job_name: 'x', value_field: 'value' })
    expect(existsSync(join(h.tasksDir, 'not-saved'))).toBe(false)
  })

  test('names every missing required parameter', async () => {
    const { output, isError } = await h.call('generate_from_template', { template: 'webhook_handler', name: 'hook', parameters: {} })
    expect(isError).toBe(true)
    expect(output.missing_parameters).toEqual(['required_fields'])
    expect(output.message).toContain('required_fields')
    expect(output.hint).toContain('"required_fields"')
  })

  test('rejects unknown templates, unknown parameters and unusable values', async () => {
    expect((await h.call('generate_from_template', { template: 'nope', name: 'x' })).output.message).toContain('http_api_call')
    const bad = await h.call('generate_from_template', { template: 'http_api_call', name: 'x', parameters: { base_url: 'ftp://host', colour: 'red' } })
    expect(bad.isError).toBe(true)
    expect(bad.output.message).toContain('colour is not a parameter')
    const url = await h.call('generate_from_template', { template: 'http_api_call', name: 'x', parameters: { base_url: 'ftp://host' } })
    expect(url.output.message).toContain('base_url must be an http:// or https:// URL')
  })

  test('embeds parameters as data, so a hostile value cannot become code', async () => {
    const job = "x'); globalThis.pwned = true; ('"
    const { output } = await h.call('generate_from_template', { template: 'scheduled_job', name: 'tpl-inject', parameters: { job_name: job }, save: true })
    expect(output.saved).toBe(true)
    expect(output.test_results!.failed).toBe(0)
    expect(output.code).toContain(JSON.stringify(job))
  })

  test('refuses a path-traversal name even when the template is fine', async () => {
    const { output, isError } = await h.call('generate_from_template', { template: 'scheduled_job', name: '../escape', parameters: { job_name: 'x' }, save: true })
    expect(isError).toBe(true)
    expect(output.saved).toBe(false)
    expect(existsSync(join(h.tasksDir, '..', 'escape'))).toBe(false)
  })
})
