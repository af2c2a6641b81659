import init001 from './001_init.sql' with { type: 'text' }
import audit002 from './002_audit.sql' with { type: 'text' }
import owner003 from './003_execution_owner.sql' with { type: 'text' }
import jobs004 from './004_jobs.sql' with { type: 'text' }
import schedules005 from './005_schedules.sql' with { type: 'text' }
import taskState006 from './006_task_state.sql' with { type: 'text' }
import node007 from './007_execution_node.sql' with { type: 'text' }
import jobKeyOwner008 from './008_job_idempotency_owner.sql' with { type: 'text' }

/** One schema change: `id` is recorded in `schema_migrations` once its SQL has run. */
export interface Migration {
  id: string
  sql: string
}

/**
 * Every migration, in the order it must run. Append new files here; never edit or reorder one that has
 * shipped, because databases in the field have recorded its id.
 */
export const MIGRATIONS: readonly Migration[] = [
  { id: '001_init', sql: init001 },
  { id: '002_audit', sql: audit002 },
  { id: '003_execution_owner', sql: owner003 },
  { id: '004_jobs', sql: jobs004 },
  { id: '005_schedules', sql: schedules005 },
  { id: '006_task_state', sql: taskState006 },
  { id: '007_execution_node', sql: node007 },
  { id: '008_job_idempotency_owner', sql: jobKeyOwner008 },
]
