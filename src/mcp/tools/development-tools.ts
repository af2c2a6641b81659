/**
 * The task-development tools: create, edit, delete, validate, test, version, import/export tasks and
 * generate them from templates. Each tool in ./development/ translates its arguments into a call of the
 * authoring service (src/authoring/, which writes ONLY inside ctx.tasksDir and runs tests in the real
 * pool) and the service's records and refusals back into the tool's result.
 */
import type { ToolHandlers } from './types.ts'
import { createTask } from './development/create-task.ts'
import { createTaskVersion } from './development/create-task-version.ts'
import { deleteTask } from './development/delete-task.ts'
import { editTask } from './development/edit-task.ts'
import { exportTasks } from './development/export-tasks.ts'
import { importTasks } from './development/import-tasks.ts'
import { runTaskTestsTool } from './development/run-task-tests.ts'
import { generateFromTemplate, listTemplates } from './development/templates.ts'
import { validateTask } from './development/validate-task.ts'

export type DevelopmentToolName =
  | 'create_task'
  | 'edit_task'
  | 'delete_task'
  | 'validate_task'
  | 'run_task_tests'
  | 'create_task_version'
  | 'import_tasks'
  | 'export_tasks'
  | 'list_templates'
  | 'generate_from_template'

export const developmentHandlers: Pick<ToolHandlers, DevelopmentToolName> = {
  create_task: createTask,
  edit_task: editTask,
  delete_task: deleteTask,
  validate_task: validateTask,
  run_task_tests: runTaskTestsTool,
  create_task_version: createTaskVersion,
  import_tasks: importTasks,
  export_tasks: exportTasks,
  list_templates: listTemplates,
  generate_from_template: generateFromTemplate,
}
