/** Task templates: the catalogue, and generating a task's code, schemas and tests from one. */
import { isAppError } from '../errors.ts'
import { generateFromTemplate as generate, TASK_TEMPLATES, type TaskTemplate, type TemplateGeneration } from '../tasks/task-templates.ts'
import { refusal } from './internal/refuse.ts'
import type { NewTask } from './types.ts'

export function listTemplates(category?: string): readonly TaskTemplate[] {
  return TASK_TEMPLATES.filter((t) => category === undefined || t.category === category)
}

/** Every template category, sorted. */
export function templateCategories(): string[] {
  return [...new Set(TASK_TEMPLATES.map((t) => t.category))].sort()
}

export interface GeneratedFromTemplate extends TemplateGeneration {
  /** The task to create from it (version 0.1.0, the template's tags, metadata naming the template). */
  draft: NewTask
}

/**
 * Generates task `name` from `template` without saving it; create it with createTask(result.draft).
 * Throws BAD_INPUT `bad_template` for an unknown template or missing/unusable parameters, with
 * `data.missing` naming the missing ones.
 */
export function generateFromTemplate(request: { template: string; name: string; parameters?: Record<string, unknown>; description?: string }): GeneratedFromTemplate {
  let generation: TemplateGeneration
  try {
    generation = generate(request.template, request.parameters ?? {})
  } catch (error) {
    if (!isAppError(error) || error.code !== 'BAD_INPUT') throw error
    const missing = Array.isArray(error.data?.missing) ? (error.data.missing as string[]) : []
    throw refusal('BAD_INPUT', 'bad_template', error.message, error.hint ?? 'List the templates to see their parameters.', { template: request.template, missing })
  }
  const { template, parameters, task } = generation
  return {
    ...generation,
    draft: {
      name: request.name,
      version: '0.1.0',
      description: request.description ?? task.description,
      tags: [...template.tags],
      code: task.code,
      inputSchema: task.inputSchema,
      outputSchema: task.outputSchema,
      tests: task.tests,
      metadata: { template: template.name, template_parameters: parameters },
    },
  }
}
