// @ts-nocheck
// GENERATED FILE — DO NOT EDIT. Edit schemas/tools/*.json and run `bun run gen`.

import { Hashing } from 'typebox/system'
import { Guard } from 'typebox/guard'
import type { ToolName } from './tool-types.ts'

// Each check below is TypeBox's generated code for one tool's input schema.
void Hashing
void Guard

const check_execute_task = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^input$|^trace$|^timeout$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("task_id" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && ((((typeof value.task_id === "string" && (value.task_id.length >= 2 || (value.task_id.length >= 1 && Guard.CodePointCount(value.task_id) >= 1))) && (value.input === undefined || (!("input" in value) || ((typeof value.input === "object" && value.input !== null && !(Array.isArray(value.input))) && true)))) && (value.trace === undefined || (!("trace" in value) || typeof value.trace === "boolean"))) && (value.timeout === undefined || (!("timeout" in value) || (Number.isFinite(value.timeout) && value.timeout > 0)))))));
  
  return function Check(value) { return check_0(value) }
})()

/** Precompiled input checks, by tool name. */
export const INPUT_CHECKS: Record<ToolName, (value: unknown) => boolean> = {
  execute_task: check_execute_task,
}
