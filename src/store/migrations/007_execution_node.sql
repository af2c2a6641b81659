-- 007_execution_node: the node (engine) that ran each execution, so a node that restarts marks only its
-- own unfinished executions interrupted and never another node's live work on a shared database. NULL
-- for rows stored before this migration: they count as every node's (a restart reclaims them).

ALTER TABLE executions ADD COLUMN node_id TEXT;

-- A node's unfinished executions at start (markInterrupted).
CREATE INDEX executions_node_status ON executions (node_id, status);
