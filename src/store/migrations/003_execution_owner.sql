-- 003_execution_owner: who started each execution (the key name, token subject, `stdio` or `anonymous`),
-- so a principal reads only its own executions unless it holds can_read_all_executions. NULL for rows
-- stored before this migration and for executions the CLI ran: nobody's, visible only to readers of all.

ALTER TABLE executions ADD COLUMN principal TEXT;

-- A principal's own executions, newest first (list_executions, get_results, resources/list).
CREATE INDEX executions_principal_queued_at ON executions (principal, queued_at);
