import { expect, test } from 'bun:test'
import * as events from '../../src/events/index.ts'
import * as eventStream from '../../src/http/events/index.ts'
import * as metrics from '../../src/http/metrics/index.ts'
import * as schedules from '../../src/schedules/index.ts'

test('the public exports of schedules, the event stream, metrics and events are the documented ones', () => {
  expect(Object.keys(schedules).sort()).toEqual(['SCHEDULE_LIST_FIELDS', 'checkTimezone', 'createScheduleService', 'createSqliteScheduleStore', 'parseCron', 'viewSchedule'])
  expect(Object.keys(eventStream).sort()).toEqual(['EVENT_TYPES', 'createEventStream', 'encodeEvent', 'matchesFilter', 'parseEventFilter'])
  expect(Object.keys(metrics).sort()).toEqual(['EXECUTION_BUCKETS', 'HTTP_BUCKETS', 'MetricRegistry', 'PROMETHEUS_CONTENT_TYPE', 'createMetrics', 'formatValue'])
  expect(Object.keys(events).sort()).toEqual(['bridgeEngineEvents', 'createEventBus'])
  expect(schedules.SCHEDULE_LIST_FIELDS).toEqual(['id', 'name', 'task_id', 'enabled', 'cron_expression', 'created_at', 'updated_at', 'next_run_at', 'last_run_at'])
})
