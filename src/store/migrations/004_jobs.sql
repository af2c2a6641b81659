-- 004_jobs: the durable job queue. A job is a row claimed under a lease (`lease_owner` = a node id,
-- `lease_expires_at`); a node that stops heartbeating loses it and another node runs the job again.
-- `run_after` is when a waiting job is due (scheduled_for when queued, next_attempt_at when retrying),
-- so claiming is one index range: waiting status, due now, highest `priority_rank` (low 0 … urgent 3),
-- then earliest due, then oldest. `retry_base` is the attempt count when the current retry budget
-- began (a manual retry starts a fresh budget while `attempts` keeps counting).

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
  idempotency_key     TEXT UNIQUE,
  schedule_id         TEXT,
  principal           TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  started_at          TEXT,
  completed_at        TEXT
);

-- Claiming waiting jobs, and finding expired leases.
CREATE INDEX jobs_claim ON jobs (status, run_after, priority_rank);
CREATE INDEX jobs_lease ON jobs (status, lease_expires_at);
-- Listing.
CREATE INDEX jobs_created_at ON jobs (created_at);
CREATE INDEX jobs_task_created_at ON jobs (task_name, created_at);
CREATE INDEX jobs_schedule ON jobs (schedule_id);

-- Every delivery attempt of a job's output to one of its destinations (`destination` = index in the list).
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

CREATE INDEX job_deliveries_job ON job_deliveries (job_id, id);
