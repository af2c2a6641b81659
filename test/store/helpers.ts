import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExecutionRecord } from '../../src/store/types.ts'
import type { TaskPackage } from '../../src/tasks/types.ts'

/** A fresh temp directory, removed by the returned cleanup. */
export function makeTempDir(): { dir: string; dbPath: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-store-test-'))
  return { dir, dbPath: join(dir, 'ratchet.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A queued execution with every required field set; override what the test cares about. */
export function makeExecution(overrides: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return {
    id: 'exec-1',
    taskName: 'fetch-json',
    taskVersion: '1.0.0',
    taskChecksum: 'sha-1',
    input: { url: 'https://example.com' },
    status: 'queued',
    queuedAt: '2026-01-01T00:00:00.000Z',
    attempt: 1,
    source: 'test',
    ...overrides,
  }
}

export function makeTaskPackage(overrides: Partial<TaskPackage> = {}): TaskPackage {
  return {
    name: 'fetch-json',
    version: '1.0.0',
    description: 'Fetches JSON',
    tags: ['http', 'json'],
    uuid: '5f0c6d2e-0000-4000-8000-000000000001',
    dir: '/tasks/fetch-json',
    entryFile: '/tasks/fetch-json/main.js',
    code: 'export default async () => 1',
    inputSchema: null,
    outputSchema: null,
    tests: [],
    checksum: 'sha-1',
    layout: 'metadata.json',
    metadata: {},
    ...overrides,
  }
}

/** What `fn` throws, or undefined. */
export function catchError(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  return undefined
}
