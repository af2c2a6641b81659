-- 005_schedules: cron schedules that create jobs. `last_fired_slot` is the last slot claimed (ISO-8601 UTC),
-- written in the same statement that claims it, so a slot fires once across restarts and across nodes
-- sharing the file. `pending_slot` is a claimed slot whose job may not exist yet: a node that crashed
-- between the claim and the job creates it again on start (the idempotency key makes that a no-op when
-- the job exists). `slots_after` is the instant after which slots count (creation, enabling, a new
-- expression or zone), so slots missed while disabled are never caught up.

CREATE TABLE schedules (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE,
  description      TEXT,
  task_name        TEXT NOT NULL,
  cron_expression  TEXT NOT NULL,
  input_data       TEXT NOT NULL,
  timezone         TEXT NOT NULL,
  enabled          INTEGER NOT NULL,
  catch_up         TEXT NOT NULL,
  output_destinations TEXT NOT NULL,
  max_retries      INTEGER,
  priority         TEXT,
  last_fired_slot  TEXT,
  pending_slot     TEXT,
  slots_after      TEXT NOT NULL,
  last_run_at      TEXT,
  next_run_at      TEXT,
  run_count        INTEGER NOT NULL DEFAULT 0,
  principal        TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);

CREATE INDEX schedules_enabled_next_run_at ON schedules (enabled, next_run_at);
CREATE INDEX schedules_task_name ON schedules (task_name);
CREATE INDEX schedules_principal ON schedules (principal);
