import { AppError } from '../errors.ts'
import { isPlainObject } from './internal/json-value.ts'
import { dataTransform } from './templates/data-transform.ts'
import { fileProcessor } from './templates/file-processor.ts'
import { httpApiCall } from './templates/http-api-call.ts'
import { scheduledJob } from './templates/scheduled-job.ts'
import type { GeneratedTask, TaskTemplate, TemplateParameter } from './templates/types.ts'
import { validation } from './templates/validation.ts'
import { webhookHandler } from './templates/webhook-handler.ts'

export type { GeneratedTask, TaskTemplate, TemplateParameter } from './templates/types.ts'

/**
 * The built-in task templates. Each generates code, schemas and tests from checked parameters; the
 * generated tests pass against the generated code (test/dev-tools proves it for every template).
 */
export const TASK_TEMPLATES: readonly TaskTemplate[] = [httpApiCall, dataTransform, validation, fileProcessor, webhookHandler, scheduledJob]

export function findTemplate(name: string): TaskTemplate | undefined {
  return TASK_TEMPLATES.find((template) => template.name === name)
}

/** The result of generateFromTemplate: the task plus the parameters used (defaults filled in). */
export interface TemplateGeneration {
  template: TaskTemplate
  parameters: Record<string, unknown>
  task: GeneratedTask
}

function typeMatches(param: TemplateParameter, value: unknown): boolean {
  switch (param.type) {
    case 'array': return Array.isArray(value)
    case 'object': return isPlainObject(value)
    case 'number': return typeof value === 'number' && Number.isFinite(value)
    default: return typeof value === param.type
  }
}

/**
 * Generates a task from a template. Throws AppError('BAD_INPUT') for an unknown template, and for
 * missing, unknown or unusable parameters with `data: { missing, invalid }` naming every one of them.
 */
export function generateFromTemplate(name: string, given: Record<string, unknown>): TemplateGeneration {
  const template = findTemplate(name)
  if (!template) {
    throw new AppError('BAD_INPUT', `unknown template ${JSON.stringify(name)}; the templates are ${TASK_TEMPLATES.map((t) => t.name).join(', ')}`, {
      data: { template: name },
      hint: 'See ratchet_list_templates for each template and its parameters.',
    })
  }
  const parameters: Record<string, unknown> = {}
  const missing: string[] = []
  const invalid: string[] = []
  for (const param of template.parameters) {
    const value = given[param.name]
    if (value === undefined || value === null) {
      if (param.required) missing.push(param.name)
      else parameters[param.name] = structuredClone(param.default)
      continue
    }
    if (!typeMatches(param, value)) invalid.push(`${param.name} must be ${param.type === 'array' || param.type === 'object' ? 'an' : 'a'} ${param.type}`)
    else parameters[param.name] = value
  }
  const known = new Set(template.parameters.map((p) => p.name))
  for (const key of Object.keys(given)) if (!known.has(key)) invalid.push(`${key} is not a parameter of ${template.name} (it has ${[...known].join(', ')})`)
  if (missing.length === 0 && invalid.length === 0) {
    for (const param of template.parameters) {
      const problem = param.check?.(parameters[param.name], parameters)
      if (problem) invalid.push(`${param.name} ${problem}`)
    }
  }
  if (missing.length > 0 || invalid.length > 0) {
    const parts = [
      ...(missing.length > 0 ? [`missing required parameter${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`] : []),
      ...invalid,
    ]
    const examples = template.parameters.filter((p) => missing.includes(p.name) && p.example !== undefined).map((p) => `"${p.name}": ${JSON.stringify(p.example)}`)
    throw new AppError('BAD_INPUT', `template ${template.name}: ${parts.join('; ')}`, {
      data: { template: template.name, missing, invalid },
      hint: examples.length > 0 ? `For example: {${examples.join(', ')}}` : 'See ratchet_list_templates for the parameters.',
    })
  }
  return { template, parameters, task: template.generate(parameters) }
}
