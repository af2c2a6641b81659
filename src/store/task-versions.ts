import type { TaskVersionRecord } from './types.ts'

export interface TaskVersionRow {
  name: string
  version: string
  checksum: string
  uuid: string | null
  description: string
  tags: string
  source_path: string
  first_seen_at: string
}

/** Inserts a version unless this (name, checksum) was seen before; `changes` is 1 exactly when it is new. */
export const INSERT_TASK_VERSION = `INSERT INTO task_versions
  (name, version, checksum, uuid, description, tags, source_path, first_seen_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (name, checksum) DO NOTHING`

/** Every version of one task, oldest first. */
export const SELECT_TASK_VERSIONS = `SELECT name, version, checksum, uuid, description, tags, source_path, first_seen_at
  FROM task_versions WHERE name = ? ORDER BY first_seen_at, id`

export function decodeTaskVersion(row: TaskVersionRow): TaskVersionRecord {
  return {
    name: row.name,
    version: row.version,
    checksum: row.checksum,
    uuid: row.uuid,
    description: row.description,
    tags: JSON.parse(row.tags),
    sourcePath: row.source_path,
    firstSeenAt: row.first_seen_at,
  }
}
