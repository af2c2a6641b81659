import type { ToolIO } from '../../../../generated/tool-types.ts'
import { isAppError } from '../../../errors.ts'
import { generateFromTemplate as generate, TASK_TEMPLATES } from '../../../tasks/task-templates.ts'
import type { ToolHandler, ToolOutcome } from '../types.ts'
import { newTaskMetadata, saveNewTask } from './create-task.ts'

type ListOutput = ToolIO['list_templates']['output']
type GenerateOutput = ToolIO['generate_from_template']['output']

export const listTemplates: ToolHandler<'list_templates'> = async (input): Promise<ToolOutcome<ListOutput>> => {
  const all = TASK_TEMPLATES.filter((t) => input.category === undefined || t.category === input.category)
  const templates = all.map((t) => ({
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
  return { output: { templates, total_count: templates.length, categories: [...new Set(TASK_TEMPLATES.map((t) => t.category))].sort() } }
}

export const generateFromTemplate: ToolHandler<'generate_from_template'> = async (input, ctx): Promise<ToolOutcome<GenerateOutput>> => {
  let generation: ReturnType<typeof generate>
  try {
    generation = generate(input.template, input.parameters ?? {})
  } catch (error) {
    if (!isAppError(error) || error.code !== 'BAD_INPUT') throw error
    const missing = Array.isArray(error.data?.missing) ? (error.data.missing as string[]) : []
    return {
      isError: true,
      output: { name: input.name, template_used: input.template, saved: false, ...(missing.length ? { missing_parameters: missing } : {}), message: error.message, ...(error.hint ? { hint: error.hint } : {}) },
    }
  }
  const { template, parameters, task } = generation
  const description = input.description ?? task.description
  const base = {
    name: input.name,
    description,
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
  const result = await saveNewTask(ctx, {
    name: input.name,
    version: '0.1.0',
    description,
    tags: [...template.tags],
    code: task.code,
    inputSchema: task.inputSchema,
    outputSchema: task.outputSchema,
    tests: task.tests,
    metadata: newTaskMetadata(ctx, { template: template.name, template_parameters: parameters }),
  }, { runTests: input.run_tests !== false })
  if (!result.ok) {
    return { isError: true, output: { ...base, saved: false, ...(result.problems ? { problems: result.problems } : {}), message: result.message, hint: result.hint } }
  }
  return {
    output: {
      ...base,
      saved: true,
      path: result.path,
      task_id: result.taskId,
      ...(result.testResults ? { test_results: result.testResults } : {}),
      message: result.message,
    },
  }
}
