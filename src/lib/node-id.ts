/**
 * This node's stable name in a shared database: `RATCHET_NODE_ID`, else the host name. Work a node
 * leased (jobs) or ran (executions) is recorded under it, so after a crash the same node takes back
 * exactly its own work at start and never touches another node's. Give every node sharing one
 * database its own id (two servers on one host: set RATCHET_NODE_ID for each).
 */
import { hostname } from 'node:os'

export function stableNodeId(env: Record<string, string | undefined> = process.env): string {
  const configured = env.RATCHET_NODE_ID?.trim()
  return configured ? configured : hostname()
}
