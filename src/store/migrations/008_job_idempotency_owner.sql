-- 008_job_idempotency_owner: an idempotency key is unique per owner, not across every client, so two
-- principals may use the same key independently and no caller can take (or block) a key another owner
-- uses, such as a schedule's slot key. System jobs (principal NULL) share one scope: coalesce(..., '').
--
-- 004 declared `idempotency_key TEXT UNIQUE` on the column, an index SQLite cannot drop, so the table is
-- rebuilt. With foreign_keys on, dropping `jobs` would cascade into job_deliveries, so both tables move
-- aside by RENAME (which rewrites the reference to follow), are recreated, copied, and the old ones dropped
-- child first.

ALTER TABLE jobs RENAME TO jobs_007;
ALTER TABLE job_deliveries RENAME TO job_deliveries_007;

CREATE TABLE jobs (
  id                  TEXT PRIMARY KEY,
  task_name           TEXT NOT NULL,
  input               TEXT NOT NULL,
  priority            TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  priority_rank       INTEGER NOT NULL,
  status              TEXT NOT NULL
                      CHECK (status IN ('queued', 'running', 'retrying', 'completed', 'dead_letter', 'cancelled')),
  scheduled_for       TEXT NOT NULL,
  run_after           TEXT NOT NULL,
  max_retries         INTEGER NOT NULL,
  attempts            INTEGER NOT NULL DEFAULT 0,
  retry_base          INTEGER NOT NULL DEFAULT 0,
  timeout_seconds     REAL,
  next_attempt_at     TEXT,
  lease_owner         TEXT,
  lease_expires_at    TEXT,
  last_error          TEXT,
  execution_ids       TEXT NOT NULL DEFAULT '[]',
  output              TEXT,
  output_destinations TEXT NOT NULL DEFAULT '[]',
  idempotency_key     TEXT,
  schedule_id         TEXT,
  principal           TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  started_at          TEXT,
  completed_at        TEXT
);

INSERT INTO jobs SELECT id, task_name, input, priority, priority_rank, status, scheduled_for, run_after, max_retries,
  attempts, retry_base, timeout_seconds, next_attempt_at, lease_owner, lease_expires_at, last_error, execution_ids,
  output, output_destinations, idempotency_key, schedule_id, principal, created_at, updated_at, started_at, completed_at
  FROM jobs_007;

CREATE TABLE job_deliveries (
  id           INTEGER PRIMARY KEY,
  job_id       TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  execution_id TEXT,
  destination  INTEGER NOT NULL,
  type         TEXT NOT NULL CHECK (type IN ('webhook', 'filesystem')),
  attempt      INTEGER NOT NULL,
  ok           INTEGER NOT NULL,
  status       INTEGER,
  target       TEXT NOT NULL,
  error        TEXT,
  duration_ms  REAL NOT NULL,
  at           TEXT NOT NULL
);

INSERT INTO job_deliveries SELECT id, job_id, execution_id, destination, type, attempt, ok, status, target, error, duration_ms, at
  FROM job_deliveries_007;

DROP TABLE job_deliveries_007;
DROP TABLE jobs_007;

CREATE UNIQUE INDEX jobs_owner_idempotency ON jobs (coalesce(principal, ''), idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX jobs_claim ON jobs (status, run_after, priority_rank);
CREATE INDEX jobs_lease ON jobs (status, lease_expires_at);
CREATE INDEX jobs_created_at ON jobs (created_at);
CREATE INDEX jobs_task_created_at ON jobs (task_name, created_at);
CREATE INDEX jobs_schedule ON jobs (schedule_id);
CREATE INDEX job_deliveries_job ON job_deliveries (job_id, id);
