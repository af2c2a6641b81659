// @ts-nocheck
// GENERATED FILE — DO NOT EDIT. Edit schemas/tools/*.json and run `bun run gen`.

import { Hashing } from 'typebox/system'
import { Guard } from 'typebox/guard'
import type { ToolName } from './tool-types.ts'

// Each check below is TypeBox's generated code for one tool's input schema.
void Hashing
void Guard

const check_analyze_execution_error = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^execution_id$|^include_suggestions$|^include_context$|^ask_model$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("execution_id" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && ((((typeof value.execution_id === "string" && (value.execution_id.length >= 2 || (value.execution_id.length >= 1 && Guard.CodePointCount(value.execution_id) >= 1))) && (value.include_suggestions === undefined || (!("include_suggestions" in value) || typeof value.include_suggestions === "boolean"))) && (value.include_context === undefined || (!("include_context" in value) || typeof value.include_context === "boolean"))) && (value.ask_model === undefined || (!("ask_model" in value) || typeof value.ask_model === "boolean"))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_batch_execute = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^requests$|^tasks$|^execution_mode$|^max_parallel$|^fail_fast$|^stop_on_error$|^timeout_ms$|^correlation_token$)/u, /(^id$|^task_id$|^input$|^dependencies$|^timeout_ms$|^priority$)/u, /(^id$|^task_id$|^input$|^dependencies$|^timeout_ms$|^priority$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && ((((((((value.requests === undefined || (!("requests" in value) || (Array.isArray(value.requests) && value.requests.every((unique_2, index) => (((typeof unique_2 === "object" && unique_2 !== null && !(Array.isArray(unique_2))) && (("task_id" in unique_2 && Object.getOwnPropertyNames(unique_2).every((unique_3, unique_4) => ((External[1].test(unique_3) || false)))) && ((((((unique_2.id === undefined || (!("id" in unique_2) || (typeof unique_2.id === "string" && (unique_2.id.length >= 2 || (unique_2.id.length >= 1 && Guard.CodePointCount(unique_2.id) >= 1))))) && (typeof unique_2.task_id === "string" && (unique_2.task_id.length >= 2 || (unique_2.task_id.length >= 1 && Guard.CodePointCount(unique_2.task_id) >= 1)))) && (unique_2.input === undefined || (!("input" in unique_2) || ((typeof unique_2.input === "object" && unique_2.input !== null && !(Array.isArray(unique_2.input))) && true)))) && (unique_2.dependencies === undefined || (!("dependencies" in unique_2) || (Array.isArray(unique_2.dependencies) && unique_2.dependencies.every((unique_5, index) => (typeof unique_5 === "string")))))) && (unique_2.timeout_ms === undefined || (!("timeout_ms" in unique_2) || (Number.isFinite(unique_2.timeout_ms) && unique_2.timeout_ms > 0)))) && (unique_2.priority === undefined || (!("priority" in unique_2) || Number.isInteger(unique_2.priority))))))))))) && (value.tasks === undefined || (!("tasks" in value) || (Array.isArray(value.tasks) && value.tasks.every((unique_6, index) => (((typeof unique_6 === "object" && unique_6 !== null && !(Array.isArray(unique_6))) && (("task_id" in unique_6 && Object.getOwnPropertyNames(unique_6).every((unique_7, unique_8) => ((External[2].test(unique_7) || false)))) && ((((((unique_6.id === undefined || (!("id" in unique_6) || (typeof unique_6.id === "string" && (unique_6.id.length >= 2 || (unique_6.id.length >= 1 && Guard.CodePointCount(unique_6.id) >= 1))))) && (typeof unique_6.task_id === "string" && (unique_6.task_id.length >= 2 || (unique_6.task_id.length >= 1 && Guard.CodePointCount(unique_6.task_id) >= 1)))) && (unique_6.input === undefined || (!("input" in unique_6) || ((typeof unique_6.input === "object" && unique_6.input !== null && !(Array.isArray(unique_6.input))) && true)))) && (unique_6.dependencies === undefined || (!("dependencies" in unique_6) || (Array.isArray(unique_6.dependencies) && unique_6.dependencies.every((unique_9, index) => (typeof unique_9 === "string")))))) && (unique_6.timeout_ms === undefined || (!("timeout_ms" in unique_6) || (Number.isFinite(unique_6.timeout_ms) && unique_6.timeout_ms > 0)))) && (unique_6.priority === undefined || (!("priority" in unique_6) || Number.isInteger(unique_6.priority)))))))))))) && (value.execution_mode === undefined || (!("execution_mode" in value) || (typeof value.execution_mode === "string" && (((value.execution_mode === "parallel" || value.execution_mode === "sequential") || value.execution_mode === "dependency") || value.execution_mode === "priority_dependency"))))) && (value.max_parallel === undefined || (!("max_parallel" in value) || (Number.isInteger(value.max_parallel) && (!((Number.isFinite(value.max_parallel) || typeof value.max_parallel === "bigint")) || (value.max_parallel >= 1 && value.max_parallel <= 10)))))) && (value.fail_fast === undefined || (!("fail_fast" in value) || typeof value.fail_fast === "boolean"))) && (value.stop_on_error === undefined || (!("stop_on_error" in value) || typeof value.stop_on_error === "boolean"))) && (value.timeout_ms === undefined || (!("timeout_ms" in value) || (Number.isFinite(value.timeout_ms) && value.timeout_ms > 0)))) && (value.correlation_token === undefined || (!("correlation_token" in value) || typeof value.correlation_token === "string"))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_cancel_execution = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^execution_id$|^reason$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("execution_id" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && ((typeof value.execution_id === "string" && (value.execution_id.length >= 2 || (value.execution_id.length >= 1 && Guard.CodePointCount(value.execution_id) >= 1))) && (value.reason === undefined || (!("reason" in value) || typeof value.reason === "string"))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_create_task = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^name$|^description$|^code$|^input_schema$|^output_schema$|^tags$|^version$|^test_cases$|^metadata$|^run_tests$)/u, /(^name$|^description$|^input$|^expected_output$|^expected$|^should_fail$|^mock$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (((((("name" in value && "description" in value) && "code" in value) && "input_schema" in value) && "output_schema" in value) && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && ((((((((((typeof value.name === "string" && (value.name.length >= 2 || (value.name.length >= 1 && Guard.CodePointCount(value.name) >= 1))) && typeof value.description === "string") && (typeof value.code === "string" && (value.code.length >= 2 || (value.code.length >= 1 && Guard.CodePointCount(value.code) >= 1)))) && ((typeof value.input_schema === "object" && value.input_schema !== null && !(Array.isArray(value.input_schema))) && true)) && ((typeof value.output_schema === "object" && value.output_schema !== null && !(Array.isArray(value.output_schema))) && true)) && (value.tags === undefined || (!("tags" in value) || (Array.isArray(value.tags) && value.tags.every((unique_2, index) => (typeof unique_2 === "string")))))) && (value.version === undefined || (!("version" in value) || typeof value.version === "string"))) && (value.test_cases === undefined || (!("test_cases" in value) || (Array.isArray(value.test_cases) && value.test_cases.every((unique_3, index) => (((typeof unique_3 === "object" && unique_3 !== null && !(Array.isArray(unique_3))) && (("input" in unique_3 && Object.getOwnPropertyNames(unique_3).every((unique_4, unique_5) => ((External[1].test(unique_4) || false)))) && (((((((unique_3.name === undefined || (!("name" in unique_3) || (typeof unique_3.name === "string" && (unique_3.name.length >= 2 || (unique_3.name.length >= 1 && Guard.CodePointCount(unique_3.name) >= 1))))) && (unique_3.description === undefined || (!("description" in unique_3) || typeof unique_3.description === "string"))) && true) && (unique_3.expected_output === undefined || (!("expected_output" in unique_3) || true))) && (unique_3.expected === undefined || (!("expected" in unique_3) || true))) && (unique_3.should_fail === undefined || (!("should_fail" in unique_3) || typeof unique_3.should_fail === "boolean"))) && (unique_3.mock === undefined || (!("mock" in unique_3) || ((typeof unique_3.mock === "object" && unique_3.mock !== null && !(Array.isArray(unique_3.mock))) && true)))))))))))) && (value.metadata === undefined || (!("metadata" in value) || ((typeof value.metadata === "object" && value.metadata !== null && !(Array.isArray(value.metadata))) && true)))) && (value.run_tests === undefined || (!("run_tests" in value) || typeof value.run_tests === "boolean"))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_create_task_version = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^new_version$|^description$|^changes$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && ((("task_id" in value && "new_version" in value) && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && ((((typeof value.task_id === "string" && (value.task_id.length >= 2 || (value.task_id.length >= 1 && Guard.CodePointCount(value.task_id) >= 1))) && (typeof value.new_version === "string" && (value.new_version.length >= 2 || (value.new_version.length >= 1 && Guard.CodePointCount(value.new_version) >= 1)))) && (value.description === undefined || (!("description" in value) || typeof value.description === "string"))) && (value.changes === undefined || (!("changes" in value) || typeof value.changes === "string"))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_debug_task_execution = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^input$|^breakpoints$|^step_mode$|^capture_variables$|^max_steps$|^timeout_ms$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("task_id" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && (((((((typeof value.task_id === "string" && (value.task_id.length >= 2 || (value.task_id.length >= 1 && Guard.CodePointCount(value.task_id) >= 1))) && (value.input === undefined || (!("input" in value) || ((typeof value.input === "object" && value.input !== null && !(Array.isArray(value.input))) && true)))) && (value.breakpoints === undefined || (!("breakpoints" in value) || (Array.isArray(value.breakpoints) && (value.breakpoints.every((unique_2, index) => ((Number.isInteger(unique_2) && (!((Number.isFinite(unique_2) || typeof unique_2 === "bigint")) || unique_2 >= 1)))) && value.breakpoints.length <= 200))))) && (value.step_mode === undefined || (!("step_mode" in value) || typeof value.step_mode === "boolean"))) && (value.capture_variables === undefined || (!("capture_variables" in value) || typeof value.capture_variables === "boolean"))) && (value.max_steps === undefined || (!("max_steps" in value) || (Number.isInteger(value.max_steps) && (!((Number.isFinite(value.max_steps) || typeof value.max_steps === "bigint")) || (value.max_steps >= 1 && value.max_steps <= 5000)))))) && (value.timeout_ms === undefined || (!("timeout_ms" in value) || (Number.isInteger(value.timeout_ms) && (!((Number.isFinite(value.timeout_ms) || typeof value.timeout_ms === "bigint")) || value.timeout_ms >= 1))))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_delete_task = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^create_backup$|^delete_files$|^force$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("task_id" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && ((((typeof value.task_id === "string" && (value.task_id.length >= 2 || (value.task_id.length >= 1 && Guard.CodePointCount(value.task_id) >= 1))) && (value.create_backup === undefined || (!("create_backup" in value) || typeof value.create_backup === "boolean"))) && (value.delete_files === undefined || (!("delete_files" in value) || typeof value.delete_files === "boolean"))) && (value.force === undefined || (!("force" in value) || typeof value.force === "boolean"))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_discover_tasks = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^path$|^recursive$|^max_depth$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("path" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && (((typeof value.path === "string" && (value.path.length >= 2 || (value.path.length >= 1 && Guard.CodePointCount(value.path) >= 1))) && (value.recursive === undefined || (!("recursive" in value) || typeof value.recursive === "boolean"))) && (value.max_depth === undefined || (!("max_depth" in value) || (Number.isInteger(value.max_depth) && (!((Number.isFinite(value.max_depth) || typeof value.max_depth === "bigint")) || (value.max_depth >= 0 && value.max_depth <= 12)))))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_edit_task = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^code$|^input_schema$|^output_schema$|^description$|^tags$|^version$|^test_cases$|^validate_changes$|^run_tests$|^create_backup$)/u, /(^name$|^description$|^input$|^expected_output$|^expected$|^should_fail$|^mock$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("task_id" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && (((((((((((typeof value.task_id === "string" && (value.task_id.length >= 2 || (value.task_id.length >= 1 && Guard.CodePointCount(value.task_id) >= 1))) && (value.code === undefined || (!("code" in value) || (typeof value.code === "string" && (value.code.length >= 2 || (value.code.length >= 1 && Guard.CodePointCount(value.code) >= 1)))))) && (value.input_schema === undefined || (!("input_schema" in value) || ((typeof value.input_schema === "object" && value.input_schema !== null && !(Array.isArray(value.input_schema))) && true)))) && (value.output_schema === undefined || (!("output_schema" in value) || ((typeof value.output_schema === "object" && value.output_schema !== null && !(Array.isArray(value.output_schema))) && true)))) && (value.description === undefined || (!("description" in value) || typeof value.description === "string"))) && (value.tags === undefined || (!("tags" in value) || (Array.isArray(value.tags) && value.tags.every((unique_2, index) => (typeof unique_2 === "string")))))) && (value.version === undefined || (!("version" in value) || typeof value.version === "string"))) && (value.test_cases === undefined || (!("test_cases" in value) || (Array.isArray(value.test_cases) && value.test_cases.every((unique_3, index) => (((typeof unique_3 === "object" && unique_3 !== null && !(Array.isArray(unique_3))) && (("input" in unique_3 && Object.getOwnPropertyNames(unique_3).every((unique_4, unique_5) => ((External[1].test(unique_4) || false)))) && (((((((unique_3.name === undefined || (!("name" in unique_3) || (typeof unique_3.name === "string" && (unique_3.name.length >= 2 || (unique_3.name.length >= 1 && Guard.CodePointCount(unique_3.name) >= 1))))) && (unique_3.description === undefined || (!("description" in unique_3) || typeof unique_3.description === "string"))) && true) && (unique_3.expected_output === undefined || (!("expected_output" in unique_3) || true))) && (unique_3.expected === undefined || (!("expected" in unique_3) || true))) && (unique_3.should_fail === undefined || (!("should_fail" in unique_3) || typeof unique_3.should_fail === "boolean"))) && (unique_3.mock === undefined || (!("mock" in unique_3) || ((typeof unique_3.mock === "object" && unique_3.mock !== null && !(Array.isArray(unique_3.mock))) && true)))))))))))) && (value.validate_changes === undefined || (!("validate_changes" in value) || typeof value.validate_changes === "boolean"))) && (value.run_tests === undefined || (!("run_tests" in value) || typeof value.run_tests === "boolean"))) && (value.create_backup === undefined || (!("create_backup" in value) || typeof value.create_backup === "boolean"))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_execute_task = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^input$|^trace$|^timeout$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("task_id" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && ((((typeof value.task_id === "string" && (value.task_id.length >= 2 || (value.task_id.length >= 1 && Guard.CodePointCount(value.task_id) >= 1))) && (value.input === undefined || (!("input" in value) || ((typeof value.input === "object" && value.input !== null && !(Array.isArray(value.input))) && true)))) && (value.trace === undefined || (!("trace" in value) || typeof value.trace === "boolean"))) && (value.timeout === undefined || (!("timeout" in value) || (Number.isFinite(value.timeout) && value.timeout > 0)))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_export_tasks = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^format$|^include_tests$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && (((value.task_id === undefined || (!("task_id" in value) || typeof value.task_id === "string")) && (value.format === undefined || (!("format" in value) || (typeof value.format === "string" && (value.format === "json" || value.format === "zip"))))) && (value.include_tests === undefined || (!("include_tests" in value) || typeof value.include_tests === "boolean"))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_generate_from_template = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^template$|^name$|^parameters$|^description$|^save$|^run_tests$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && ((("template" in value && "name" in value) && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && ((((((typeof value.template === "string" && (value.template.length >= 2 || (value.template.length >= 1 && Guard.CodePointCount(value.template) >= 1))) && (typeof value.name === "string" && (value.name.length >= 2 || (value.name.length >= 1 && Guard.CodePointCount(value.name) >= 1)))) && (value.parameters === undefined || (!("parameters" in value) || ((typeof value.parameters === "object" && value.parameters !== null && !(Array.isArray(value.parameters))) && true)))) && (value.description === undefined || (!("description" in value) || typeof value.description === "string"))) && (value.save === undefined || (!("save" in value) || typeof value.save === "boolean"))) && (value.run_tests === undefined || (!("run_tests" in value) || typeof value.run_tests === "boolean"))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_get_developer_endpoint_reference = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(?!)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && true)));
  
  return function Check(value) { return check_0(value) }
})()
const check_get_developer_guide_walkthrough = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(?!)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && true)));
  
  return function Check(value) { return check_0(value) }
})()
const check_get_developer_integration_guide = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(?!)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && true)));
  
  return function Check(value) { return check_0(value) }
})()
const check_get_execution_logs = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^execution_id$|^level$|^limit$|^offset$|^format$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("execution_id" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && (((((typeof value.execution_id === "string" && (value.execution_id.length >= 2 || (value.execution_id.length >= 1 && Guard.CodePointCount(value.execution_id) >= 1))) && (value.level === undefined || (!("level" in value) || (typeof value.level === "string" && ((((value.level === "trace" || value.level === "debug") || value.level === "info") || value.level === "warn") || value.level === "error"))))) && (value.limit === undefined || (!("limit" in value) || (Number.isInteger(value.limit) && (!((Number.isFinite(value.limit) || typeof value.limit === "bigint")) || (value.limit >= 1 && value.limit <= 1000)))))) && (value.offset === undefined || (!("offset" in value) || (Number.isInteger(value.offset) && (!((Number.isFinite(value.offset) || typeof value.offset === "bigint")) || value.offset >= 0))))) && (value.format === undefined || (!("format" in value) || (typeof value.format === "string" && (value.format === "json" || value.format === "text"))))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_get_execution_status = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^execution_id$|^include_input$|^include_output$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("execution_id" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && (((typeof value.execution_id === "string" && (value.execution_id.length >= 2 || (value.execution_id.length >= 1 && Guard.CodePointCount(value.execution_id) >= 1))) && (value.include_input === undefined || (!("include_input" in value) || typeof value.include_input === "boolean"))) && (value.include_output === undefined || (!("include_output" in value) || typeof value.include_output === "boolean"))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_get_execution_trace = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^execution_id$|^include_http_calls$|^format$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("execution_id" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && (((typeof value.execution_id === "string" && (value.execution_id.length >= 2 || (value.execution_id.length >= 1 && Guard.CodePointCount(value.execution_id) >= 1))) && (value.include_http_calls === undefined || (!("include_http_calls" in value) || typeof value.include_http_calls === "boolean"))) && (value.format === undefined || (!("format" in value) || (typeof value.format === "string" && (value.format === "json" || value.format === "flamegraph"))))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_get_results = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^execution_id$|^status$|^limit$|^offset$|^include_errors$|^include_data$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && (((((((value.task_id === undefined || (!("task_id" in value) || (typeof value.task_id === "string" && (value.task_id.length >= 2 || (value.task_id.length >= 1 && Guard.CodePointCount(value.task_id) >= 1))))) && (value.execution_id === undefined || (!("execution_id" in value) || (typeof value.execution_id === "string" && (value.execution_id.length >= 2 || (value.execution_id.length >= 1 && Guard.CodePointCount(value.execution_id) >= 1)))))) && (value.status === undefined || (!("status" in value) || (typeof value.status === "string" && ((((((value.status === "queued" || value.status === "pending") || value.status === "running") || value.status === "completed") || value.status === "failed") || value.status === "cancelled") || value.status === "timed_out"))))) && (value.limit === undefined || (!("limit" in value) || (Number.isInteger(value.limit) && (!((Number.isFinite(value.limit) || typeof value.limit === "bigint")) || (value.limit >= 1 && value.limit <= 1000)))))) && (value.offset === undefined || (!("offset" in value) || (Number.isInteger(value.offset) && (!((Number.isFinite(value.offset) || typeof value.offset === "bigint")) || value.offset >= 0))))) && (value.include_errors === undefined || (!("include_errors" in value) || typeof value.include_errors === "boolean"))) && (value.include_data === undefined || (!("include_data" in value) || typeof value.include_data === "boolean"))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_import_tasks = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^data$|^format$|^overwrite_existing$|^options$)/u, /(^name_prefix$|^validate_tasks$|^run_tests$|^include_tests$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("data" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && (((true && (value.format === undefined || (!("format" in value) || (typeof value.format === "string" && (value.format === "json" || value.format === "zip"))))) && (value.overwrite_existing === undefined || (!("overwrite_existing" in value) || typeof value.overwrite_existing === "boolean"))) && (value.options === undefined || (!("options" in value) || ((typeof value.options === "object" && value.options !== null && !(Array.isArray(value.options))) && (Object.getOwnPropertyNames(value.options).every((unique_2, unique_3) => ((External[1].test(unique_2) || false))) && ((((value.options.name_prefix === undefined || (!("name_prefix" in value.options) || typeof value.options.name_prefix === "string")) && (value.options.validate_tasks === undefined || (!("validate_tasks" in value.options) || typeof value.options.validate_tasks === "boolean"))) && (value.options.run_tests === undefined || (!("run_tests" in value.options) || typeof value.options.run_tests === "boolean"))) && (value.options.include_tests === undefined || (!("include_tests" in value.options) || typeof value.options.include_tests === "boolean")))))))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_list_available_tasks = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^filter$|^category$|^tags$|^include_schemas$|^page$|^limit$|^sort_by$|^sort_order$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && ((((((((value.filter === undefined || (!("filter" in value) || typeof value.filter === "string")) && (value.category === undefined || (!("category" in value) || typeof value.category === "string"))) && (value.tags === undefined || (!("tags" in value) || (Array.isArray(value.tags) && value.tags.every((unique_2, index) => (typeof unique_2 === "string")))))) && (value.include_schemas === undefined || (!("include_schemas" in value) || typeof value.include_schemas === "boolean"))) && (value.page === undefined || (!("page" in value) || (Number.isInteger(value.page) && (!((Number.isFinite(value.page) || typeof value.page === "bigint")) || value.page >= 0))))) && (value.limit === undefined || (!("limit" in value) || (Number.isInteger(value.limit) && (!((Number.isFinite(value.limit) || typeof value.limit === "bigint")) || (value.limit >= 1 && value.limit <= 1000)))))) && (value.sort_by === undefined || (!("sort_by" in value) || (typeof value.sort_by === "string" && (((value.sort_by === "name" || value.sort_by === "version") || value.sort_by === "created_at") || value.sort_by === "updated_at"))))) && (value.sort_order === undefined || (!("sort_order" in value) || (typeof value.sort_order === "string" && (value.sort_order === "asc" || value.sort_order === "desc"))))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_list_executions = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^status$|^page$|^limit$|^sort_by$|^sort_order$|^include_output$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && (((((((value.task_id === undefined || (!("task_id" in value) || (typeof value.task_id === "string" && (value.task_id.length >= 2 || (value.task_id.length >= 1 && Guard.CodePointCount(value.task_id) >= 1))))) && (value.status === undefined || (!("status" in value) || (typeof value.status === "string" && ((((((value.status === "queued" || value.status === "pending") || value.status === "running") || value.status === "completed") || value.status === "failed") || value.status === "cancelled") || value.status === "timed_out"))))) && (value.page === undefined || (!("page" in value) || (Number.isInteger(value.page) && (!((Number.isFinite(value.page) || typeof value.page === "bigint")) || value.page >= 0))))) && (value.limit === undefined || (!("limit" in value) || (Number.isInteger(value.limit) && (!((Number.isFinite(value.limit) || typeof value.limit === "bigint")) || (value.limit >= 1 && value.limit <= 1000)))))) && (value.sort_by === undefined || (!("sort_by" in value) || (typeof value.sort_by === "string" && ((((value.sort_by === "queued_at" || value.sort_by === "started_at") || value.sort_by === "completed_at") || value.sort_by === "duration_ms") || value.sort_by === "status"))))) && (value.sort_order === undefined || (!("sort_order" in value) || (typeof value.sort_order === "string" && (value.sort_order === "asc" || value.sort_order === "desc"))))) && (value.include_output === undefined || (!("include_output" in value) || typeof value.include_output === "boolean"))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_list_jobs = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^status$|^priority$|^page$|^limit$|^sort_by$|^sort_order$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && (((((((value.task_id === undefined || (!("task_id" in value) || (typeof value.task_id === "string" && (value.task_id.length >= 2 || (value.task_id.length >= 1 && Guard.CodePointCount(value.task_id) >= 1))))) && (value.status === undefined || (!("status" in value) || (typeof value.status === "string" && (((((((value.status === "queued" || value.status === "running") || value.status === "retrying") || value.status === "completed") || value.status === "dead_letter") || value.status === "cancelled") || value.status === "processing") || value.status === "failed"))))) && (value.priority === undefined || (!("priority" in value) || (typeof value.priority === "string" && ((((value.priority === "low" || value.priority === "normal") || value.priority === "high") || value.priority === "urgent") || value.priority === "critical"))))) && (value.page === undefined || (!("page" in value) || (Number.isInteger(value.page) && (!((Number.isFinite(value.page) || typeof value.page === "bigint")) || value.page >= 0))))) && (value.limit === undefined || (!("limit" in value) || (Number.isInteger(value.limit) && (!((Number.isFinite(value.limit) || typeof value.limit === "bigint")) || (value.limit >= 1 && value.limit <= 100)))))) && (value.sort_by === undefined || (!("sort_by" in value) || (typeof value.sort_by === "string" && ((((value.sort_by === "queued_at" || value.sort_by === "scheduled_for") || value.sort_by === "priority") || value.sort_by === "status") || value.sort_by === "retry_count"))))) && (value.sort_order === undefined || (!("sort_order" in value) || (typeof value.sort_order === "string" && (value.sort_order === "asc" || value.sort_order === "desc"))))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_list_schedules = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^enabled$|^ready_to_run$|^page$|^limit$|^sort_by$|^sort_order$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && (((((((value.task_id === undefined || (!("task_id" in value) || (typeof value.task_id === "string" && (value.task_id.length >= 2 || (value.task_id.length >= 1 && Guard.CodePointCount(value.task_id) >= 1))))) && (value.enabled === undefined || (!("enabled" in value) || typeof value.enabled === "boolean"))) && (value.ready_to_run === undefined || (!("ready_to_run" in value) || typeof value.ready_to_run === "boolean"))) && (value.page === undefined || (!("page" in value) || (Number.isInteger(value.page) && (!((Number.isFinite(value.page) || typeof value.page === "bigint")) || value.page >= 0))))) && (value.limit === undefined || (!("limit" in value) || (Number.isInteger(value.limit) && (!((Number.isFinite(value.limit) || typeof value.limit === "bigint")) || (value.limit >= 1 && value.limit <= 100)))))) && (value.sort_by === undefined || (!("sort_by" in value) || (typeof value.sort_by === "string" && ((((value.sort_by === "name" || value.sort_by === "created_at") || value.sort_by === "updated_at") || value.sort_by === "next_run") || value.sort_by === "last_run"))))) && (value.sort_order === undefined || (!("sort_order" in value) || (typeof value.sort_order === "string" && (value.sort_order === "asc" || value.sort_order === "desc"))))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_list_templates = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^category$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && (value.category === undefined || (!("category" in value) || typeof value.category === "string")))));
  
  return function Check(value) { return check_0(value) }
})()
const check_registry_health = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(?!)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && true)));
  
  return function Check(value) { return check_0(value) }
})()
const check_run_task_tests = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^test_names$|^stop_on_failure$|^timeout$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("task_id" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && ((((typeof value.task_id === "string" && (value.task_id.length >= 2 || (value.task_id.length >= 1 && Guard.CodePointCount(value.task_id) >= 1))) && (value.test_names === undefined || (!("test_names" in value) || (Array.isArray(value.test_names) && value.test_names.every((unique_2, index) => (typeof unique_2 === "string")))))) && (value.stop_on_failure === undefined || (!("stop_on_failure" in value) || typeof value.stop_on_failure === "boolean"))) && (value.timeout === undefined || (!("timeout" in value) || (Number.isFinite(value.timeout) && value.timeout > 0)))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_store_result = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^input$|^output$|^status$|^error_message$|^error_details$|^duration_ms$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (("task_id" in value && Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false)))) && (((((((typeof value.task_id === "string" && ((value.task_id.length >= 2 || (value.task_id.length >= 1 && Guard.CodePointCount(value.task_id) >= 1)) && (value.task_id.length <= 200 || (value.task_id.length <= 400 && Guard.CodePointCount(value.task_id) <= 200)))) && (value.input === undefined || (!("input" in value) || true))) && (value.output === undefined || (!("output" in value) || true))) && (value.status === undefined || (!("status" in value) || (typeof value.status === "string" && (((value.status === "completed" || value.status === "failed") || value.status === "cancelled") || value.status === "timed_out"))))) && (value.error_message === undefined || (!("error_message" in value) || (typeof value.error_message === "string" && (value.error_message.length >= 2 || (value.error_message.length >= 1 && Guard.CodePointCount(value.error_message) >= 1)))))) && (value.error_details === undefined || (!("error_details" in value) || true))) && (value.duration_ms === undefined || (!("duration_ms" in value) || (Number.isFinite(value.duration_ms) && value.duration_ms >= 0)))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_sync_registry = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^source_name$|^force_refresh$|^validate_tasks$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && (((value.source_name === undefined || (!("source_name" in value) || (typeof value.source_name === "string" && (value.source_name.length >= 2 || (value.source_name.length >= 1 && Guard.CodePointCount(value.source_name) >= 1))))) && (value.force_refresh === undefined || (!("force_refresh" in value) || typeof value.force_refresh === "boolean"))) && (value.validate_tasks === undefined || (!("validate_tasks" in value) || typeof value.validate_tasks === "boolean"))))));
  
  return function Check(value) { return check_0(value) }
})()
const check_validate_task = ((): ((value: unknown) => boolean) => {
  // @ts-nocheck
  const External: any[] = [/(^task_id$|^code$|^input_schema$|^output_schema$|^test_cases$|^run_tests$|^syntax_only$)/u, /(^name$|^description$|^input$|^expected_output$|^expected$|^should_fail$|^mock$)/u]
  void External
  const check_0 = ((value) => ((typeof value === "object" && value !== null && !(Array.isArray(value))) && (Object.getOwnPropertyNames(value).every((unique_0, unique_1) => ((External[0].test(unique_0) || false))) && (((((((value.task_id === undefined || (!("task_id" in value) || typeof value.task_id === "string")) && (value.code === undefined || (!("code" in value) || typeof value.code === "string"))) && (value.input_schema === undefined || (!("input_schema" in value) || ((typeof value.input_schema === "object" && value.input_schema !== null && !(Array.isArray(value.input_schema))) && true)))) && (value.output_schema === undefined || (!("output_schema" in value) || ((typeof value.output_schema === "object" && value.output_schema !== null && !(Array.isArray(value.output_schema))) && true)))) && (value.test_cases === undefined || (!("test_cases" in value) || (Array.isArray(value.test_cases) && value.test_cases.every((unique_2, index) => (((typeof unique_2 === "object" && unique_2 !== null && !(Array.isArray(unique_2))) && (("input" in unique_2 && Object.getOwnPropertyNames(unique_2).every((unique_3, unique_4) => ((External[1].test(unique_3) || false)))) && (((((((unique_2.name === undefined || (!("name" in unique_2) || (typeof unique_2.name === "string" && (unique_2.name.length >= 2 || (unique_2.name.length >= 1 && Guard.CodePointCount(unique_2.name) >= 1))))) && (unique_2.description === undefined || (!("description" in unique_2) || typeof unique_2.description === "string"))) && true) && (unique_2.expected_output === undefined || (!("expected_output" in unique_2) || true))) && (unique_2.expected === undefined || (!("expected" in unique_2) || true))) && (unique_2.should_fail === undefined || (!("should_fail" in unique_2) || typeof unique_2.should_fail === "boolean"))) && (unique_2.mock === undefined || (!("mock" in unique_2) || ((typeof unique_2.mock === "object" && unique_2.mock !== null && !(Array.isArray(unique_2.mock))) && true)))))))))))) && (value.run_tests === undefined || (!("run_tests" in value) || typeof value.run_tests === "boolean"))) && (value.syntax_only === undefined || (!("syntax_only" in value) || typeof value.syntax_only === "boolean"))))));
  
  return function Check(value) { return check_0(value) }
})()

/** Precompiled input checks, by tool name. */
export const INPUT_CHECKS: Record<ToolName, (value: unknown) => boolean> = {
  analyze_execution_error: check_analyze_execution_error,
  batch_execute: check_batch_execute,
  cancel_execution: check_cancel_execution,
  create_task: check_create_task,
  create_task_version: check_create_task_version,
  debug_task_execution: check_debug_task_execution,
  delete_task: check_delete_task,
  discover_tasks: check_discover_tasks,
  edit_task: check_edit_task,
  execute_task: check_execute_task,
  export_tasks: check_export_tasks,
  generate_from_template: check_generate_from_template,
  get_developer_endpoint_reference: check_get_developer_endpoint_reference,
  get_developer_guide_walkthrough: check_get_developer_guide_walkthrough,
  get_developer_integration_guide: check_get_developer_integration_guide,
  get_execution_logs: check_get_execution_logs,
  get_execution_status: check_get_execution_status,
  get_execution_trace: check_get_execution_trace,
  get_results: check_get_results,
  import_tasks: check_import_tasks,
  list_available_tasks: check_list_available_tasks,
  list_executions: check_list_executions,
  list_jobs: check_list_jobs,
  list_schedules: check_list_schedules,
  list_templates: check_list_templates,
  registry_health: check_registry_health,
  run_task_tests: check_run_task_tests,
  store_result: check_store_result,
  sync_registry: check_sync_registry,
  validate_task: check_validate_task,
}
