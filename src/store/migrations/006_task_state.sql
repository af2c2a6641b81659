-- 006_task_state: whether a task may run. A row exists only for a task someone enabled or disabled;
-- no row means enabled. Keyed by task name (what every door resolves), so the state outlives edits,
-- new versions and re-imports of the task, and a disabled name stays disabled until enabled again.

CREATE TABLE task_state (
  name       TEXT PRIMARY KEY,
  enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  changed_at TEXT NOT NULL,
  changed_by TEXT
);
