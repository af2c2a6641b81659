/**
 * Task authoring: the service every door uses to create, change, test, import/export, enable and sync
 * tasks. Wiring (the composition root), with `store` the SqliteStore:
 *
 *   const states = await openTaskStates(createSqliteTaskStateStore(store))   // before the engine
 *   const engine = createEngine({ store, pool, logger, gate: states }, ...)   // refuses disabled tasks on every submit
 *   const authoring = createAuthoring({ registry, engine, store, logger, tasksDir, maxTestSeconds, states })
 *   // or per caller, over its scoped views (REST): authoringOver({ logger, tasksDir, maxTestSeconds, states })
 */
export { authoringOver, createAuthoring, type Authoring, type AuthoringBase } from './create-authoring.ts'
export { refusalOf } from './internal/refuse.ts'
export { createMemoryTaskStateStore, createSqliteTaskStateStore, type TaskStateStore } from './task-state-store.ts'
export { openTaskStates, type TaskStates } from './task-states.ts'
export type { GeneratedFromTemplate } from './templates.ts'
export { viewTestReport, viewTestResult, type TestReportView, type TestResultView } from './test-report-view.ts'
export type * from './types.ts'
