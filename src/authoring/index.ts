/** Task authoring: the service every door uses to create, change, test, import/export, enable and sync tasks. */
export { authoringOver, createAuthoring, type Authoring, type AuthoringBase } from './create-authoring.ts'
export { refusalOf } from './internal/refuse.ts'
export { describeProblems, describeTestReport } from './internal/describe.ts'
export { createMemoryTaskStateStore, createSqliteTaskStateStore, type TaskStateStore } from './task-state-store.ts'
export { disabledError, openTaskStates, type TaskStates } from './task-states.ts'
export type { GeneratedFromTemplate } from './templates.ts'
export { viewTestReport, viewTestResult, type TestReportView, type TestResultView } from './test-report-view.ts'
export type * from './types.ts'
