import type { ToolIO } from '../../tool-catalog.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { refused } from './refusals.ts'
import { viewTestReport, type GeneratedFromTemplate } from '../../../authoring/index.ts'
import { authoringFor, callOptions } from './shared.ts'

type ListOutput = ToolIO['list_templates']['output']
type GenerateOutput = ToolIO['generate_from_template']['output']

export const listTemplates: ToolHandler<'list_templates'> = async (input, ctx): Promise<ToolOutcome<ListOutput>> => {
  const authoring = authoringFor(ctx)
  const templates = authoring.listTemplates(input.category).map((t) => ({
    name: t.name,
    description: t.description,
    category: t.category,
    tags: t.tags,
    required_parameters: t.parameters.filter((p) => p.required).map((p) => p.name),
    optional_parameters: t.parameters.filter((p) => !p.required).map((p) => p.name),
    parameters: t.parameters.map((p) => ({
      name: p.name,
      type: p.type,
      required: p.required,
      description: p.description,
      ...(p.default !== undefined ? { default: p.default } : {}),
      ...(p.example !== undefined ? { example: p.example } : {}),
    })),
  }))
  return { output: { templates, total_count: templates.length, categories: authoring.templateCategories() } }
}

export const generateFromTemplate: ToolHandler<'generate_from_template'> = async (input, ctx): Promise<ToolOutcome<GenerateOutput>> => {
  const authoring = authoringFor(ctx)
  let generated: GeneratedFromTemplate
  try {
    generated = authoring.generateFromTemplate({ template: input.template, name: input.name, parameters: input.parameters, description: input.description })
  } catch (error) {
    const { message, hint, data } = refused(error)
    const missing = Array.isArray(data.missing) ? (data.missing as string[]) : []
    return { isError: true, output: { name: input.name, template_used: input.template, saved: false, ...(missing.length ? { missing_parameters: missing } : {}), message, ...(hint ? { hint } : {}) } }
  }
  const { template, parameters, task, draft } = generated
  const base = {
    name: input.name,
    description: draft.description!,
    code: task.code,
    input_schema: task.inputSchema as Record<string, unknown>,
    output_schema: task.outputSchema as Record<string, unknown>,
    test_cases: task.tests,
    template_used: template.name,
    template_category: template.category,
    parameters,
  }
  if (input.save !== true) {
    return { output: { ...base, saved: false, message: `Generated "${input.name}" from ${template.name} with ${task.tests.length} tests (not saved)`, hint: 'Pass save: true to write it to the tasks folder, or send these fields to ratchet_create_task after adjusting them.' } }
  }
  try {
    const created = await authoring.createTask(draft, { ...callOptions(ctx), runTests: input.run_tests !== false })
    return {
      output: {
        ...base,
        saved: true,
        path: created.path,
        task_id: created.taskId,
        ...(created.testReport ? { test_results: viewTestReport(created.testReport, created.dir) } : {}),
        message: created.message,
      },
    }
  } catch (error) {
    const { message, hint, data } = refused(error)
    return { isError: true, output: { ...base, saved: false, ...(data.problems ? { problems: data.problems as GenerateOutput['problems'] } : {}), message, hint } }
  }
}
