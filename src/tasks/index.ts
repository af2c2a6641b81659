/**
 * The task package format: loading a task folder (two layouts), turning its code into a sandboxable
 * script, compiling its JSON Schemas, and validating (and fixing) a folder for `ratchet validate`.
 */
export { isTaskDir, loadTaskPackage } from './load-task.ts'
export { checkSyntax, toScript } from './to-script.ts'
export { checkSchema, compileSchema, formatSchemaErrors, type SchemaError, type SchemaValidator } from './schema.ts'
export { validateTaskDir, type ValidateTaskOptions, type ValidateTaskResult } from './validate-task.ts'
export { TASK_NAME_PATTERN } from './read-metadata.ts'
export type { HttpMock, JsonSchema, TaskPackage, TaskProblem, TaskTestCase } from './types.ts'
