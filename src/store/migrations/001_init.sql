-- 001_init: the first Ratchet schema. Timestamps are ISO-8601 text (UTC, `Date#toISOString`), so they sort
-- lexicographically; JSON columns hold `JSON.stringify` output and NULL means "never set".

CREATE TABLE task_versions (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  version       TEXT NOT NULL,
  checksum      TEXT NOT NULL,
  uuid          TEXT,
  description   TEXT NOT NULL DEFAULT '',
  tags          TEXT NOT NULL DEFAULT '[]',
  source_path   TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  UNIQUE (name, checksum)
);

CREATE TABLE executions (
  id            TEXT PRIMARY KEY,
  task_name     TEXT NOT NULL,
  task_version  TEXT NOT NULL,
  task_checksum TEXT NOT NULL,
  input         TEXT,
  output        TEXT,
  status        TEXT NOT NULL
                CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled', 'timed_out')),
  error         TEXT,
  queued_at     TEXT NOT NULL,
  started_at    TEXT,
  completed_at  TEXT,
  duration_ms   REAL,
  attempt       INTEGER NOT NULL DEFAULT 1,
  progress      TEXT,
  source        TEXT NOT NULL
);

-- Listing: newest first overall, per task, and per status (also what markInterrupted scans).
CREATE INDEX executions_queued_at ON executions (queued_at);
CREATE INDEX executions_task_queued_at ON executions (task_name, queued_at);
CREATE INDEX executions_status_queued_at ON executions (status, queued_at);

CREATE TABLE execution_logs (
  execution_id TEXT NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  level        TEXT NOT NULL CHECK (level IN ('trace', 'debug', 'info', 'warn', 'error')),
  message      TEXT NOT NULL,
  data         TEXT,
  ts           TEXT NOT NULL,
  PRIMARY KEY (execution_id, seq)
) WITHOUT ROWID;

CREATE TABLE trace_spans (
  execution_id TEXT NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
  span_id      TEXT NOT NULL,
  parent_id    TEXT,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL,
  start_ms     REAL NOT NULL,
  duration_ms  REAL NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('ok', 'error')),
  attributes   TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (execution_id, span_id)
) WITHOUT ROWID;
