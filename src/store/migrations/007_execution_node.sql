-- 007_execution_node: the node (engine) that ran each execution, so a node that restarts marks only its
-- own unfinished executions interrupted and never another node's live work on a shared database. NULL
-- for rows stored before this migration: they count as every node's (a restart reclaims them).

ALTER TABLE executions ADD COLUMN node_id TEXT;

-- No index of its own: markInterrupted reads only queued/running rows, which executions_status_queued_at
-- finds; an index on (node_id, status) would be rewritten by every status change (about 15% of the
-- store's write throughput when runs overlap) to speed up one query a node runs once, at start.
