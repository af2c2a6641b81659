/** Cron schedules that create jobs: the service, its store port and the SQLite store. */
export { checkTimezone, parseCron, type CronSchedule } from './cron.ts'
export { createScheduleService, viewSchedule, type ScheduleServiceDeps, type ScheduleServiceOptions, type ScheduleServiceWithTimer } from './schedule-service.ts'
export type { SchedulePatch, ScheduleStore, SlotMove, StoredSchedule } from './schedule-store.ts'
export { createSqliteScheduleStore } from './sqlite-schedule-store.ts'
export { SCHEDULE_LIST_FIELDS } from './list-schedules.ts'
