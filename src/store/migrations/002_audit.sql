-- 002_audit: the audit log (mcp.security.audit_log_enabled): who authenticated, which tool calls ran or
-- were denied, which tasks changed. Never secrets or input values. Read with `ratchet audit`.

CREATE TABLE audit_log (
  id             INTEGER PRIMARY KEY,
  ts             TEXT NOT NULL,
  event          TEXT NOT NULL CHECK (event IN ('auth', 'tool_call', 'task_change', 'resource_read')),
  principal      TEXT,
  principal_kind TEXT,
  outcome        TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'ok', 'error', 'denied')),
  ip             TEXT,
  tool           TEXT,
  task           TEXT,
  execution_id   TEXT,
  duration_ms    REAL,
  reason         TEXT,
  detail         TEXT
);

CREATE INDEX audit_log_ts ON audit_log (ts);
CREATE INDEX audit_log_principal_ts ON audit_log (principal, ts);
